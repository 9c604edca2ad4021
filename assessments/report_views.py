"""The PDF report download: ``/<lang>/result/<token>/report.pdf``.

The report is bilingual, so every language prefix serves the same bytes. It is personal: it
is reachable only through the result's unguessable token, only until the result expires,
and it is never cached by a browser or proxy, nor indexed.
"""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from .report import report_pdf_for_token, report_reference


@require_safe
def report(request, token: str):
    """Send the stored assessment's PDF report as a download; 404 if unknown or expired."""
    pdf = report_pdf_for_token(token=token)
    if pdf is None:
        raise Http404
    reference = report_reference(token=token)  # the token matched one assessment exactly
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="prcheck-report-{reference}.pdf"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
