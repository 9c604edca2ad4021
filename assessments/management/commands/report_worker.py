"""``manage.py report_worker``: django-tasks-db's ``db_worker``, made to outlive the database.

``db_worker`` exits when the database goes away: a claim or a poll raises, or a render fails
on the lost connection and marking it failed raises too, leaving its task ``RUNNING``. This
command runs the same worker (the library's own command, its options unchanged) and, when
the database fails, closes the connections, waits with a bounded backoff and goes on; the
task it was running and any task a dead worker left ``RUNNING`` go back to the queue
(``reports.worker``).

It also restarts itself to give back memory: after ``--max-tasks`` renders (default
``PRCHECK_REPORT_WORKER_MAX_TASKS``) it exits, and its service manager starts it again
(``deploy/prcheck-worker@.service``: ``Restart=always``). Run one per core.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.db import DatabaseError, connections
from django.tasks.signals import task_finished, task_started
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from assessments.reports.worker import tasks_requeue_abandoned

logger = logging.getLogger("assessments.reports.worker")

#: Seconds to wait after a database failure: doubled each time, up to the last.
OUTAGE_WAITS = (1, 2, 4, 8, 15)


class Command(DbWorkerCommand):
    help = (
        "Render PDF reports from the queue (django-tasks-db's db_worker), surviving database "
        "restarts and restarting itself after --max-tasks renders."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # A worker under a service manager: no autoreload; a bounded life for its memory.
        parser.set_defaults(reload=False, max_tasks=settings.PRCHECK_REPORT_WORKER_MAX_TASKS)

    def handle(self, *args, **options):
        running: set[str] = set()

        def started(sender, task_result, **kwargs):
            running.add(str(task_result.id))

        def finished(sender, task_result, **kwargs):
            running.discard(str(task_result.id))

        task_started.connect(started, weak=False)
        task_finished.connect(finished, weak=False)
        try:
            self.work(running, *args, **options)
        finally:
            task_started.disconnect(started)
            task_finished.disconnect(finished)

    def work(self, running: set[str], *args, **options) -> None:
        """Run the library's worker until it ends on its own; after a database failure, again."""
        outages = 0
        while True:
            try:
                tasks_requeue_abandoned(backend_name=options["backend_name"], task_ids=running)
                running.clear()
                outages = 0  # the database answers again
                super().handle(*args, **options)
                return
            except DatabaseError as error:
                wait = OUTAGE_WAITS[min(outages, len(OUTAGE_WAITS) - 1)]
                outages += 1
                logger.warning(
                    "The database failed (%s); the report worker tries again in %s s",
                    type(error).__name__,
                    wait,
                )
                connections.close_all()
                time.sleep(wait)
