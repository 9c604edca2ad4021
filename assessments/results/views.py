"""Privacy views: let an applicant delete their answers at once ("Delete my answers now").

Everything an assessment holds (answers, result, cached PDF) lives in its one ``Assessment`` row,
so deleting the row deletes it all (and the saved run that became it: the resume link stops
working too); the link stops working immediately. "Delete my answers now" on the result page
opens a page of its own that asks for confirmation (GET); only its button (POST) deletes, and
Django's CSRF protection makes sure that button was the one pressed.
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from assessments.results.models import Assessment


@require_http_methods(["GET", "HEAD", "POST"])
def delete(request, token: str):
    """Ask to confirm (GET), then delete the assessment behind ``token``, expired or not (POST).

    Unknown tokens are 404 either way.
    """
    if request.method == "POST":
        deleted, _ = Assessment.objects.filter(token=token).delete()
        if not deleted:
            raise Http404
        return render(request, "assessments/deleted.html")
    if not Assessment.objects.filter(token=token).exists():
        raise Http404
    context = {"result_url": reverse("assessments:result", kwargs={"token": token})}
    return render(request, "assessments/delete_confirm.html", context)
