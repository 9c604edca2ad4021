"""Pages of the applicant's journey that are not wizard steps: the start page and the result.

Views only fetch and hand over: the stored result is reshaped by ``presentation`` and worded
by templates. A result is reachable only through its unguessable token and only until it
expires; it is personal, so it is never cached or indexed.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from assessments.results.models import Assessment
from assessments.results.presentation import result_page


@require_safe
def start(request):
    """Show what the check covers, what to have at hand and how answers are kept."""
    return render(
        request,
        "assessments/start.html",
        {
            "check_url": reverse("assessments:check"),
            "hsp_url": reverse("hsp:calculator"),
            "retention_days": settings.PRCHECK_RETENTION_DAYS,
        },
    )


@require_safe
def result(request, token: str):
    """Show a stored result, requirement by requirement; unknown or expired tokens are 404."""
    assessment = Assessment.objects.filter(token=token, expires_at__gt=timezone.now()).first()
    if assessment is None:
        raise Http404
    context = {
        "page": result_page(result=assessment.result, answers=assessment.answers),
        "token": assessment.token,
        "expires_on": timezone.localdate(assessment.expires_at),
        "report_url": reverse("assessments:report", kwargs={"token": assessment.token}),
        "delete_url": reverse("assessments:delete", kwargs={"token": assessment.token}),
        "check_url": reverse("assessments:check"),
    }
    response = render(request, "assessments/result.html", context)
    # Personal data behind a bearer link: never kept by a browser or proxy, never indexed.
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
