"""The report worker's resilience: tasks a worker left ``RUNNING`` go back to the queue.

django-tasks-db marks a task ``RUNNING`` when a worker claims it and ``SUCCESSFUL`` or
``FAILED`` when it ends. A worker that dies in between (killed, out of memory, a machine
restart) or that cannot write the end because the database went away leaves the row
``RUNNING`` for ever, and no worker runs it again. ``tasks_requeue_abandoned`` puts such rows
back to ``READY``: those of this very worker (after it lost the database, it runs nothing),
and anyone's that have been running longer than any render takes
(``PRCHECK_REPORT_RETRY_SECONDS``, the wait after which a download enqueues a report again).

It uses only django-tasks-db's public model and queryset (``DBTaskResult.objects.running()``);
``manage.py report_worker`` calls it when it starts and after each database outage.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Q
from django.tasks import TaskResultStatus
from django.utils import timezone

logger = logging.getLogger(__name__)


def tasks_requeue_abandoned(*, backend_name: str, task_ids: Iterable[str] = ()) -> int:
    """Put back to ``READY`` the tasks ``task_ids`` and those a long-dead worker left ``RUNNING``.

    ``task_ids`` are the ones this worker was running when it lost the database. Return how
    many went back. A render is idempotent (it stores a report only where none is), so
    running one twice is harmless; leaving one unrun leaves an applicant waiting.
    """
    from django_tasks_db.models import DBTaskResult  # installed with the db backend only

    stale = timezone.now() - dt.timedelta(seconds=settings.PRCHECK_REPORT_RETRY_SECONDS)
    abandoned = (
        DBTaskResult.objects.running()
        .filter(backend_name=backend_name)
        .filter(Q(pk__in=list(task_ids)) | Q(started_at__lt=stale))
    )
    requeued = abandoned.update(status=TaskResultStatus.READY, started_at=None)
    if requeued:
        logger.warning("Re-queued %s task(s) left running by a stopped worker", requeued)
    return requeued
