"""The result page's what-if form and its calendar file (``/<lang>/result/<token>/…``).

Both are personal, like the result page: reachable only through the unguessable token while
the result lives, never cached nor indexed (``security.PersonalPageMiddleware``; the headers
are also set here). The what-if values travel only in the form's POST: nothing is stored and
nothing typed is logged.
"""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from assessments.eligibility.choices import Route
from assessments.results.calendar import calendar_events, calendar_ics
from assessments.results.views import live_assessment, result_context
from assessments.results.whatif import WhatIfForm, whatif_evaluate
from assessments.results.whatif_page import comparison, payment_choices
from assessments.thresholds.selectors import thresholds_at

CALENDAR_FILENAME = "prcheck-dates.ics"


def _private(response):
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def what_if(request, token: str):
    """Show the result beside the same answers with the what-if changes (GET: the result)."""
    assessment = live_assessment(token)
    # A permanent resident's check has no application to try other answers on.
    if request.method != "POST" or assessment.route == Route.KEEP_PR:
        return redirect("assessments:result", token=token)
    form = WhatIfForm(request.POST, payments=payment_choices(assessment.answers))
    outcome = whatif_evaluate(form=form, stored=assessment.answers, today=timezone.localdate())
    context = result_context(assessment)
    context["what_if_form"] = form
    if outcome.result is not None:
        context["what_if"] = comparison(
            current=assessment.result, what_if=outcome.result, answers=assessment.answers
        )
    return _private(render(request, "assessments/result.html", context))


@require_safe
def calendar(request, token: str):
    """Send the result's dates as an iCalendar file, worded in the page's language."""
    assessment = live_assessment(token)
    today = timezone.localdate()
    events = calendar_events(
        result=assessment.result,
        answers=assessment.answers,
        thresholds=thresholds_at(on=today),
        today=today,
    )
    body = calendar_ics(events=events, key=assessment.token, stamp=timezone.now())
    response = _private(HttpResponse(body, content_type="text/calendar; charset=utf-8"))
    response["Content-Disposition"] = f'attachment; filename="{CALENDAR_FILENAME}"'
    return response
