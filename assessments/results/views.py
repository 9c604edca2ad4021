"""The result page, and "Delete my answers now".

Views only fetch and hand over: the stored result is reshaped by ``presentation`` and worded
by templates. A result is reachable only through its unguessable token and only until it
expires; it is personal, so it is never cached or indexed. Deleting removes the one row that
holds the answers, the result and the PDF; only POST deletes, and Django's CSRF protection makes
sure the button on the result page was the one pressed.
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from assessments.results.presentation import result_page
from assessments.results.selectors import assessment_exists, assessment_get
from assessments.results.services import assessment_delete


@require_safe
def result(request, token: str):
    """Show a stored result, requirement by requirement; unknown or expired tokens are 404."""
    assessment = assessment_get(token=token)
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
