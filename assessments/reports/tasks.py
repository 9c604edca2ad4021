"""The report render as a task (Django's tasks framework), and the download's selector.

A render takes about a second of CPU. In production (``PRCHECK_TASKS_BACKEND=db``) it runs in
a worker process (``manage.py db_worker``, from ``django-tasks-db``), enqueued when the result
is stored, so the report is usually ready before anyone asks for it and web workers stay free
for pages. In the embedded default (``make run``, tests: Django's ``ImmediateBackend``) no
second process exists: the first download renders the report, in its own request.

A result renders once. ``report_queued_at`` records when a render was enqueued; another one is
enqueued only if no report was stored ``PRCHECK_REPORT_RETRY_SECONDS`` later (a worker that
died, a database restart mid-render), and a render that finds its report already stored, or
its assessment deleted or expired, does nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.tasks import TaskResultStatus, task
from django.utils import timezone

from assessments.reports.pdf import assessment_report_pdf
from assessments.results.models import Assessment

logger = logging.getLogger(__name__)

#: Seconds between two looks for a stored report while a download holds for it.
HOLD_POLL_SECONDS = 0.5


class ReportRenderFailed(Exception):
    """A render run in this request failed (its error class is the message; no personal data)."""


@task
def report_render(assessment_id: int) -> bool:
    """Render and store the report of a live assessment that has none; True if it rendered."""
    live = Assessment.objects.filter(
        pk=assessment_id, expires_at__gt=timezone.now(), pdf__isnull=True
    )
    assessment = live.defer("pdf").first()
    if assessment is None:
        return False  # already rendered, deleted or expired
    assessment.pdf = None
    assessment_report_pdf(assessment=assessment)
    return True


def report_enqueue(*, assessment_id: int) -> bool:
    """Enqueue the render of one assessment's report unless one was enqueued lately.

    The claim is one conditional ``UPDATE``: of two requests at once, one enqueues. Returns
    True if this call enqueued. A render that failed in this very request (the immediate
    backend) gives its claim back and raises ``ReportRenderFailed``.
    """
    now = timezone.now()
    stale = now - dt.timedelta(seconds=settings.PRCHECK_REPORT_RETRY_SECONDS)
    claimed = (
        Assessment.objects.filter(pk=assessment_id, pdf__isnull=True)
        .filter(Q(report_queued_at__isnull=True) | Q(report_queued_at__lt=stale))
        .update(report_queued_at=now)
    )
    if not claimed:
        return False
    result = report_render.enqueue(assessment_id)
    if result.status == TaskResultStatus.FAILED:
        Assessment.objects.filter(pk=assessment_id, report_queued_at=now).update(
            report_queued_at=None
        )
        error = result.errors[-1].exception_class_path if result.errors else "unknown"
        logger.error("A report render failed: %s", error)
        raise ReportRenderFailed(error)
    return True


def report_enqueue_on_commit(*, assessment_id: int) -> None:
    """Enqueue a just-stored assessment's report once its transaction commits (production)."""
    if settings.PRCHECK_REPORT_RENDER_ON_STORE:
        transaction.on_commit(lambda: report_enqueue(assessment_id=assessment_id))


@dataclass(frozen=True)
class ReportDownload:
    """What a download finds: the PDF, or that it is being prepared (``pdf`` is None)."""

    pdf: bytes | None


def report_download(*, token: str) -> ReportDownload | None:
    """Return the report of the live assessment with ``token``; None if there is none.

    A stored report is read on its own (without answers and result). Without one, a render is
    enqueued (at most once per result, see above); with the immediate backend it has run by
    the time this returns, and its PDF is sent at once.
    """
    live = Assessment.objects.filter(token=token, expires_at__gt=timezone.now())
    row = live.values_list("pk", "pdf").first()
    if row is None:
        return None
    pk, pdf = row
    if pdf is None and report_enqueue(assessment_id=pk):
        pdf = live.values_list("pdf", flat=True).first()
    return ReportDownload(pdf=bytes(pdf) if pdf is not None else None)


def report_ready(*, token: str) -> bool | None:
    """Return whether the live assessment with ``token`` has its report; None if there is none.

    Asked again and again while an applicant waits, so it reads one boolean, never the PDF;
    a render lost by its worker is enqueued again here too (``report_enqueue``'s delay).
    """
    live = Assessment.objects.filter(token=token, expires_at__gt=timezone.now())
    row = live.annotate(ready=Q(pdf__isnull=False)).values_list("pk", "ready").first()
    if row is None:
        return None
    pk, ready = row
    if not ready:
        report_enqueue(assessment_id=pk)
    return bool(ready)


def report_hold(*, token: str, seconds: float) -> bytes | None:
    """Wait up to ``seconds`` for a worker to store the report; return it, or None.

    A report enqueued when the result was stored is usually ready within a second or two:
    holding the download that long sends the file instead of a waiting page.
    """
    live = Assessment.objects.filter(token=token, expires_at__gt=timezone.now())
    deadline = time.monotonic() + seconds
    while time.monotonic() + HOLD_POLL_SECONDS <= deadline:
        time.sleep(HOLD_POLL_SECONDS)
        pdf = live.filter(pdf__isnull=False).values_list("pdf", flat=True).first()
        if pdf is not None:
            return bytes(pdf)
    return None
