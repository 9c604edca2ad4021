"""The result page, and "Delete my answers now".

Views only fetch and hand over: the stored result is reshaped by ``presentation`` and worded
by templates. A result is reachable only through its unguessable token and only until it
expires; it is personal, so no browser or proxy keeps it and it is never indexed (the server
keeps its heavy parts in its own cache, ``page_cache``, until the result expires or is deleted). Deleting removes the one row that
holds the answers, the result and the PDF; only POST deletes, and Django's CSRF protection makes
sure the button on the result page was the one pressed.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from assessments.eligibility.answers import answered_naturalization_in
from assessments.eligibility.choices import Route
from assessments.results.changes import result_changes
from assessments.results.models import Assessment
from assessments.results.page_cache import page_key, page_timeout
from assessments.results.presentation import result_page
from assessments.results.selectors import DEFERRED, assessment_exists, assessment_get
from assessments.results.services import assessment_delete, assessment_delete_earlier
from assessments.results.whatif import WhatIfForm
from assessments.results.whatif_page import payment_choices


def live_assessment(token: str, *, deferred: tuple[str, ...] = DEFERRED) -> Assessment:
    """Return the stored assessment behind ``token``; unknown or expired tokens are 404."""
    assessment = assessment_get(token=token, deferred=deferred)
    if assessment is None:
        raise Http404
    return assessment


def result_context(assessment: Assessment) -> dict:
    """Return what the result page shows for a stored assessment (also under a what-if).

    The page model is built only if a part of the page is rendered rather than read from the
    cache (``page_cache``): lazily, as what a cached part needs is never asked for.
    """
    token = assessment.token
    page = SimpleLazyObject(
        lambda: result_page(result=assessment.result, answers=assessment.answers)
    )
    return {
        "page": page,
        "page_key": page_key(token=token, language=get_language()),
        "page_timeout": page_timeout(expires_at=assessment.expires_at),
        # The result JSON always carries naturalization; its card is for those who asked.
        "naturalization_asked": SimpleLazyObject(
            lambda: answered_naturalization_in(assessment.answers)
        ),
        "planned": SimpleLazyObject(lambda: page.planned),
        "filing": SimpleLazyObject(lambda: page.filing),
        "token": token,
        "expires_on": timezone.localdate(assessment.expires_at),
        "report_url": reverse("assessments:report", kwargs={"token": token}),
        "calendar_url": reverse("assessments:calendar", kwargs={"token": token}),
        "what_if_url": reverse("assessments:what_if", kwargs={"token": token}),
        "delete_url": reverse("assessments:delete", kwargs={"token": token}),
        "check_url": reverse("assessments:check"),
    }


@require_safe
def result(request, token: str):
    """Show a stored result, requirement by requirement; unknown or expired tokens are 404.

    The result JSON (~50 KB to decode) is read only if a part of the page is rendered rather
    than read from the cache (``page_cache``).
    """
    assessment = live_assessment(token, deferred=(*DEFERRED, "result"))
    context = result_context(assessment)
    context["what_if_form"] = WhatIfForm(payments=payment_choices(assessment.answers))
    context.update(change_context(assessment))
    context["earlier_deleted"] = request.GET.get("earlier") == "deleted"
    response = render(request, result_template(assessment), context)
    # Personal data behind a bearer link: never kept by a browser or proxy, never indexed.
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def result_template(assessment: Assessment) -> str:
    """A permanent resident's check has a page of its own; every application the usual one.

    Chosen from the stored route, not the page model: a cached page never builds that model.
    """
    if assessment.route == Route.KEEP_PR:
        return "assessments/keep_pr/result.html"
    return "assessments/result.html"


def change_context(assessment: Assessment) -> dict:
    """Return "Change your answers" and, for a result of changed answers, what changed."""
    token = assessment.token
    context = {"change_url": reverse("assessments:check_change", kwargs={"token": token})}
    earlier = assessment.changed_from
    if earlier is not None and earlier.expires_at > timezone.now():
        context["changes"] = result_changes(
            before_answers=earlier.answers,
            after_answers=assessment.answers,
            before_result=earlier.result,
            after_result=assessment.result,
        )
        context["delete_earlier_url"] = reverse(
            "assessments:delete_earlier", kwargs={"token": token}
        )
    return context


@require_POST
def delete_earlier(request, token: str):
    """Delete the earlier result this one was changed from, then show this one again."""
    live_assessment(token)
    assessment_delete_earlier(token=token)
    return redirect(f"{reverse('assessments:result', kwargs={'token': token})}?earlier=deleted")


@require_http_methods(["GET", "HEAD", "POST"])
def delete(request, token: str):
    """Ask to confirm (GET), then delete the assessment behind ``token``, expired or not (POST).

    Unknown tokens are 404 either way. Deleting also removes the saved run that became this
    result, so its resume link stops working too.
    """
    if request.method == "POST":
        if not assessment_delete(token=token):
            raise Http404
        return render(request, "assessments/deleted.html")
    if not assessment_exists(token=token):
        raise Http404
    context = {"result_url": reverse("assessments:result", kwargs={"token": token})}
    return render(request, "assessments/delete_confirm.html", context)
