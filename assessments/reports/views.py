"""The PDF report download: ``/<lang>/result/<token>/report.pdf``.

The report is bilingual, so every language prefix serves the same bytes. It is personal: it
is reachable only through the result's unguessable token, only until the result expires,
and it is never cached by a browser or proxy, nor indexed.

A stored report is sent at once. One not stored yet is rendered (``report_tasks``): in the
request itself with the embedded immediate backend, else by a worker. The download then holds
for a few seconds (``PRCHECK_REPORT_HOLD_SECONDS``), looking for the stored file, which is
usually ready by then; if not, the applicant sees a "preparing your report" page. It does not
reload itself (a reload restarts a screen reader and cannot be stopped): a small script
(``static/js/report-status.js``) asks ``report_status`` in the background, less and less
often, and announces in a status region when the report is ready, with its download link;
without JavaScript, a plain "check again" link does the same.

If the database goes away (a restart), the download is tried once more on a new connection;
if that fails too, the answer is 503 with ``Retry-After`` and a page saying to try again.
"""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from assessments.reports.pdf import report_reference
from assessments.reports.tasks import (
    ReportRenderFailed,
    report_download,
    report_hold,
    report_ready,
)
from assessments.web.json_endpoints import json_response
from assessments.web.middleware import rate_limited

logger = logging.getLogger(__name__)

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
    pdf = download.pdf
    if pdf is None:
        pdf = held_report(token=token)
    if pdf is None:
        return render(request, "assessments/report_preparing.html", {"token": token})
    return report_response(pdf=pdf, token=token)


def held_report(*, token: str) -> bytes | None:
    """Hold the download a few seconds for a report being rendered; None if it is not ready."""
    try:
        return report_hold(token=token, seconds=settings.PRCHECK_REPORT_HOLD_SECONDS)
    except DatabaseError as error:  # the waiting page asks again later
        logger.warning("Waiting for a report failed: %s", type(error).__name__)
        return None


@require_safe
def report_status(request, token: str):
    """Answer whether the report is ready, as JSON for the waiting page's script.

    ``{"ready": true}`` or ``{"ready": false}``; 404 for an unknown or expired result (counted
    per client as a PDF miss); 503 while the database is away. Never cached (a personal page).
    """
    try:
        ready = report_ready(token=token)
    except (DatabaseError, ReportRenderFailed) as error:
        logger.warning("Report status failed: %s", type(error).__name__)
        response = json_response({"ready": False}, status=503)
        response.headers["Retry-After"] = str(UNAVAILABLE_RETRY_SECONDS)
        return response
    if ready is None:
        if refused := rate_limited(request, "pdf"):
            return refused
        return json_response({"ready": False}, status=404)
    return json_response({"ready": ready})


def report_unavailable(request) -> HttpResponse:
    """Answer 503 with Retry-After and a page, in the user's language, saying to try again."""
    context = {"retry_after": UNAVAILABLE_RETRY_SECONDS}
    response = render(request, "assessments/report_unavailable.html", context, status=503)
    response.headers["Retry-After"] = str(UNAVAILABLE_RETRY_SECONDS)
    return response
