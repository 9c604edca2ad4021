"""The start page: what the check covers, what to have at hand, and how answers are kept."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from assessments.questionnaire.runs import KEEP_PR, START_FOR_PARAM


@require_safe
def start(request):
    """Show what the check covers, what to have at hand and how answers are kept."""
    return render(
        request,
        "assessments/start.html",
        {
            "check_url": reverse("assessments:check"),
            "keep_pr_url": f"{reverse('assessments:check')}?{START_FOR_PARAM}={KEEP_PR}",
            "hsp_url": reverse("hsp:calculator"),
            "retention_days": settings.PRCHECK_RETENTION_DAYS,
        },
    )
