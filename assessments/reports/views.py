"""The PDF report download: ``/<lang>/result/<token>/report.pdf``.

The report is bilingual, so every language prefix serves the same bytes. It is personal: it
is reachable only through the result's unguessable token, only until the result expires,
and it is never cached by a browser or proxy, nor indexed.

Once rendered, a report is sent by ``report_downloads.StoredReportMiddleware`` before this
view runs; the view renders a report the first time, and answers every refusal.
"""

from django.http import Http404
from django.views.decorators.http import require_safe

from assessments.reports.downloads import report_response
from assessments.reports.pdf import report_pdf_for_token


@require_safe
def report(request, token: str):
    """Send the stored assessment's PDF report as a download; 404 if unknown or expired."""
    pdf = report_pdf_for_token(token=token)
    if pdf is None:
        raise Http404
    return report_response(pdf=pdf, token=token)
