"""The hand-off pack download: ``/<lang>/result/<token>/handoff.zip``.

Personal like the result page and the PDF: reachable only through the unguessable token while
the result lives, never cached nor indexed (``PersonalPageMiddleware``; the headers are also
set here). The pack is bilingual, so every language prefix serves the same bytes. Nothing of
the answers is logged.
"""

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from assessments.eligibility.choices import Route
from assessments.results.handoff import handoff_zip
from assessments.results.views import live_assessment


@require_safe
def handoff(request, token: str):
    """Send the stored result's hand-off pack for a scrivener as one zip file.

    The pack prepares an application (its self-check sheet and document checklist): a permanent
    resident's check has none to prepare, so it has no pack.
    """
    assessment = live_assessment(token)
    if assessment.route == Route.KEEP_PR:
        raise Http404
    checked_on = timezone.localdate(assessment.created_at)
    body = handoff_zip(answers=assessment.answers, result=assessment.result, checked_on=checked_on)
    response = HttpResponse(body, content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="prcheck-handoff-{checked_on.isoformat()}.zip"'
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
