"""``manage.py report_worker``: the report worker outlives a database outage and picks up
the renders a stopped worker left ``RUNNING``.

The worker runs in this process (``--batch``: until the queue is empty) on the test
database, with django-tasks-db's queue. The outage is simulated with Django's own hook for
wrapping every query (``connection.execute_wrapper``): while it is "down", every statement
fails as on a closed connection, and the connection is closed mid-render.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django.tasks import TaskResultStatus
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from assessments.management.commands import report_worker
from assessments.reports import pdf as report_module
from assessments.reports.tasks import report_render
from assessments.results.models import Assessment
from tests.reports.support import OTHER, TYPICAL, store_assessment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
FAKE_PDF = b"%PDF-1.7 rendered by the worker"


@pytest.fixture(autouse=True)
def database_queue():
    with override_settings(TASKS=QUEUE):
        yield


class Outage:
    """A database that goes away mid-render and comes back after the worker's first wait.

    django-tasks-db retries a failed write itself a few times, 0.1 s apart: a restart lasts
    longer, so only the report worker's own wait (a second or more) sees it come back.
    """

    def __init__(self):
        self.down = False
        self.waits: list[float] = []

    def __call__(self, execute, sql, params, many, context):
        if self.down:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    def sleep(self, seconds: float) -> None:
        if seconds >= report_worker.OUTAGE_WAITS[0]:
            self.waits.append(seconds)
            self.down = False


def run_worker() -> None:
    call_command("report_worker", batch=True, interval=0, startup_delay=False, verbosity=0)


def test_a_render_cut_off_by_a_database_restart_is_run_again_once_it_is_back(monkeypatch):
    outage = Outage()
    renders = []

    def render(*, html):
        renders.append(1)
        if len(renders) == 1:  # the database restarts during the first render
            connection.close()
            outage.down = True
        return FAKE_PDF

    monkeypatch.setattr(report_module, "report_render_pdf", render)
    monkeypatch.setattr(report_worker.time, "sleep", outage.sleep)
    assessment = store_assessment(TYPICAL)
    task = report_render.enqueue(assessment.pk)
    with connection.execute_wrapper(outage):
        run_worker()
    assert outage.waits == [report_worker.OUTAGE_WAITS[0]], "it waited, then went on"
    assert len(renders) == 2
    assert bytes(Assessment.objects.get(pk=assessment.pk).pdf) == FAKE_PDF
    assert DBTaskResult.objects.get(pk=task.id).status == TaskResultStatus.SUCCESSFUL
    assert not DBTaskResult.objects.running().exists()


def test_a_worker_that_cannot_reach_the_database_waits_longer_each_time(monkeypatch):
    outage = Outage()
    outage.down = True
    waits = []

    def sleep(seconds):
        if seconds >= report_worker.OUTAGE_WAITS[0]:
            waits.append(seconds)
            outage.down = len(waits) < len(report_worker.OUTAGE_WAITS) + 2

    monkeypatch.setattr(report_worker.time, "sleep", sleep)
    with connection.execute_wrapper(outage):
        run_worker()
    assert waits == [*report_worker.OUTAGE_WAITS, report_worker.OUTAGE_WAITS[-1]] + [
        report_worker.OUTAGE_WAITS[-1]
    ]


def claim(task_id: str, *, started: dt.datetime, worker: str = "a-worker-that-died") -> None:
    DBTaskResult.objects.filter(pk=task_id).update(
        status=TaskResultStatus.RUNNING, started_at=started, worker_ids=[worker]
    )


def test_tasks_left_running_by_a_dead_worker_are_run_again(monkeypatch, settings):
    monkeypatch.setattr(report_module, "report_render_pdf", lambda *, html: FAKE_PDF)
    abandoned = store_assessment(TYPICAL)
    alive = store_assessment(OTHER)
    stale = timezone.now() - dt.timedelta(seconds=settings.PRCHECK_REPORT_RETRY_SECONDS + 1)
    abandoned_task = report_render.enqueue(abandoned.pk)
    alive_task = report_render.enqueue(alive.pk)
    claim(abandoned_task.id, started=stale)
    claim(alive_task.id, started=timezone.now(), worker="a-worker-still-rendering")
    run_worker()
    assert DBTaskResult.objects.get(pk=abandoned_task.id).status == TaskResultStatus.SUCCESSFUL
    assert bytes(Assessment.objects.get(pk=abandoned.pk).pdf) == FAKE_PDF
    assert DBTaskResult.objects.get(pk=alive_task.id).status == TaskResultStatus.RUNNING, (
        "a render started within PRCHECK_REPORT_RETRY_SECONDS may still be running elsewhere"
    )


def test_the_worker_stops_after_its_maximum_number_of_renders(monkeypatch, settings):
    settings.PRCHECK_REPORT_WORKER_MAX_TASKS = 2
    monkeypatch.setattr(report_module, "report_render_pdf", lambda *, html: FAKE_PDF)
    tasks = [report_render.enqueue(store_assessment(TYPICAL).pk) for _ in range(3)]
    call_command("report_worker", interval=0, startup_delay=False, verbosity=0)
    statuses = [DBTaskResult.objects.get(pk=task.id).status for task in tasks]
    assert sorted(statuses) == [TaskResultStatus.READY] + [TaskResultStatus.SUCCESSFUL] * 2
