"""The standalone HSP points page: the profile form, then the breakdown and what would help.

The form posts to the same page, which answers with the result (no redirect, nothing stored:
the profile never enters a URL, a session or a log). Validation is ``profile_from_dict``'s,
the points are ``hsp_points_at``'s; this view only routes between them. "Use these points in
the permanent residence check" posts the same form to the check's ``questionnaire.handover``;
the points kept for the check (``kept``) are listed on the page as long as they are kept.
"""

from __future__ import annotations

import logging

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from assessments.hsp.forms import HspProfileForm
from assessments.hsp.kept import kept_points
from assessments.hsp.presentation import result_page
from assessments.hsp.profile import HspProfileInvalid, profile_from_dict
from assessments.hsp.services import HspTableNotInForce, hsp_points_at
from assessments.thresholds.snapshot import MissingThreshold

logger = logging.getLogger(__name__)
TEMPLATE = "assessments/hsp/calculator.html"


@never_cache
@require_http_methods(["GET", "POST"])
def calculator(request):
    """Show the profile form; on a valid POST, show the points below it."""
    today = timezone.localdate()
    if request.method != "POST":
        return calculator_page(request, HspProfileForm(initial={"as_of": today}))
    form = HspProfileForm(request.POST)
    return calculator_page(request, form, points_from_form(form, today))


def calculator_page(request, form: HspProfileForm, result=None):
    """Render the calculator: the form, its errors or ``result``, and the points kept."""
    context = {
        "form": form,
        "error_summary": form.error_summary() if form.is_bound else [],
        "kept": kept_points(request.session),
    }
    if result is not None:
        context.update(result=result, page=result_page(result))
    return render(request, TEMPLATE, context)


def points_from_form(form: HspProfileForm, today):
    """Return the points for valid answers, or None with every error put on the form."""
    form_valid = form.is_valid()
    try:
        profile = profile_from_dict(form.profile_data(), today=today)
        if form_valid:
            return hsp_points_at(profile, on=profile.as_of)
    except (HspProfileInvalid, HspTableNotInForce) as exc:
        form.add_profile_errors(exc.errors)
    except MissingThreshold as exc:
        logger.error("Cannot compute HSP points: %s", exc)
        raise
    return None
