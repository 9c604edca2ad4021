"""Privacy views: let an applicant delete their answers at once ("Delete my answers now").

Everything an assessment holds (answers, result, cached PDF) lives in its one ``Assessment`` row,
so deleting the row deletes it all; the link stops working immediately. Only POST deletes, and
Django's CSRF protection makes sure the button on the result page was the one pressed.
"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_POST

from assessments.results.models import Assessment


@require_POST
def delete(request, token: str):
    """Delete the assessment behind ``token`` (expired or not) and confirm; unknown tokens are 404."""
    deleted, _ = Assessment.objects.filter(token=token).delete()
    if not deleted:
        raise Http404
    return render(request, "assessments/deleted.html")
