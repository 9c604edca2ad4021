"""The PDF report download: ``/<lang>/result/<token>/report.pdf``.

The report is bilingual, so every language prefix serves the same bytes. It is personal: it
is reachable only through the result's unguessable token, only until the result expires,
and it is never cached by a browser or proxy, nor indexed.

A stored report is sent at once. One not stored yet is rendered (``report_tasks``): in the
request itself with the embedded immediate backend, else by a worker while the applicant sees
a "preparing your report" page that reloads itself (a ``<meta http-equiv="refresh">``, which
needs no JavaScript and which no Content Security Policy directive governs).

If the database goes away (a restart), the download is tried once more on a new connection;
if that fails too, the answer is 503 with ``Retry-After`` and a page saying to try again.
"""

import logging

from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from assessments.reports.pdf import report_reference
from assessments.reports.tasks import ReportRenderFailed, report_download
from assessments.web.middleware import rate_limited

logger = logging.getLogger(__name__)

#: Seconds between two reloads of the "preparing your report" page.
PREPARING_REFRESH_SECONDS = 3
#: Seconds after which a download refused by a database outage may be tried again.
UNAVAILABLE_RETRY_SECONDS = 10


def report_response(*, pdf: bytes, token: str) -> HttpResponse:
    """Return the download of a report: a named attachment, never cached nor indexed."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="prcheck-report-{report_reference(token=token)}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def report(request, token: str):
    """Send the stored assessment's PDF report; 404 if unknown or expired (counted per client)."""
    try:
        download = report_download(token=token)
    except (DatabaseError, ReportRenderFailed) as first:
        logger.warning("Report download failed, trying a new connection: %s", type(first).__name__)
        if not connection.in_atomic_block:
            connection.close()  # the next query opens a new connection
        try:
            download = report_download(token=token)
        except (DatabaseError, ReportRenderFailed) as second:
            logger.error("Report download failed again: %s", type(second).__name__)
            return report_unavailable(request)
    if download is None:
        if refused := rate_limited(request, "pdf"):
            return refused
        raise Http404
    if download.pdf is None:
        context = {"refresh_seconds": PREPARING_REFRESH_SECONDS}
        return render(request, "assessments/report_preparing.html", context)
    return report_response(pdf=download.pdf, token=token)


def report_unavailable(request) -> HttpResponse:
    """Answer 503 with Retry-After and a page, in the user's language, saying to try again."""
    context = {"retry_after": UNAVAILABLE_RETRY_SECONDS}
    response = render(request, "assessments/report_unavailable.html", context, status=503)
    response.headers["Retry-After"] = str(UNAVAILABLE_RETRY_SECONDS)
    return response
