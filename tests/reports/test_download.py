"""The download: a stored report at once; otherwise one render per result, in the request
(immediate backend) or by a worker while a waiting page asks in the background (a task queue)."""

import datetime as dt
from types import SimpleNamespace

import pytest
import time_machine
from django.db import OperationalError
from django.tasks import default_task_backend
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from assessments.reports import pdf as report_module
from assessments.reports import tasks as report_tasks
from assessments.reports.tasks import report_enqueue_on_commit, report_render
from assessments.results.models import Assessment
from tests.reports.support import OTHER, TYPICAL, store_assessment

pytestmark = pytest.mark.django_db

#: A task queue with no worker: what is enqueued waits until a test runs it.
QUEUE = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
FAKE_PDF = b"%PDF-1.7 rendered"
NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)


def report_url(token: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse("assessments:report", kwargs={"token": token})


@pytest.fixture
def renders(monkeypatch):
    """Count renders; each gives ``FAKE_PDF`` (what a render draws is tested elsewhere)."""
    calls = []
    monkeypatch.setattr(
        report_module, "report_render_pdf", lambda *, html: calls.append(1) or FAKE_PDF
    )
    return calls


@pytest.fixture
def queue():
    with override_settings(TASKS=QUEUE):
        default_task_backend.clear()
        yield default_task_backend
        default_task_backend.clear()


def run_worker(queue) -> None:
    """Do what ``db_worker`` does: run every task enqueued."""
    for result in queue.results:
        result.task.call(*result.args, **result.kwargs)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_stored_report_is_sent_without_rendering_under_either_prefix(client, renders, language):
    assessment = store_assessment(TYPICAL)
    Assessment.objects.filter(pk=assessment.pk).update(pdf=b"%PDF-stored")
    response = client.get(report_url(assessment.token, language))
    assert response.status_code == 200
    assert response.content == b"%PDF-stored"
    assert renders == []


def test_a_head_request_for_a_stored_report_answers_its_headers(client, renders):
    assessment = store_assessment(TYPICAL)
    Assessment.objects.filter(pk=assessment.pk).update(pdf=b"%PDF-stored")
    response = client.head(report_url(assessment.token))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_without_a_queue_the_first_download_renders_stores_and_sends_the_report(client, renders):
    assessment = store_assessment(OTHER)
    response = client.get(report_url(assessment.token))
    assessment.refresh_from_db()
    assert response.status_code == 200
    assert response.content == bytes(assessment.pdf) == FAKE_PDF
    assert renders == [1]


def test_a_result_renders_once_however_often_it_is_downloaded(client, renders):
    url = report_url(store_assessment(TYPICAL).token)
    bodies = {client.get(url).content for _ in range(5)}
    assert bodies == {FAKE_PDF}
    assert renders == [1]


@pytest.mark.parametrize(
    ("language", "text"), [("ja", "レポートを作成しています"), ("en", "Preparing your report")]
)
def test_with_a_queue_a_download_first_gets_a_waiting_page_that_does_not_reload_itself(
    client, renders, queue, language, text
):
    assessment = store_assessment(TYPICAL)
    url = report_url(assessment.token, language)
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert text in page
    assert "http-equiv" not in page, "no <meta refresh>: it restarts screen readers"
    assert 'role="status"' in page
    assert "js/report-status.js" in page and "<script>" not in page, "a static file (CSP)"
    with translation.override(language):
        status_url = reverse("assessments:report_status", kwargs={"token": assessment.token})
    assert f'data-report-status="{status_url}"' in page
    assert page.count(f'href="{url}"') == 2, "the download for the script, 'check again' without"
    assert "no-store" in response["Cache-Control"]
    assert renders == []  # nothing renders on the web worker


def test_with_a_queue_checking_again_gets_the_file_once_the_worker_rendered_it(
    client, renders, queue
):
    url = report_url(store_assessment(TYPICAL).token)
    waiting = [client.get(url)["Content-Type"] for _ in range(3)]
    run_worker(queue)
    response = client.get(url)
    assert waiting == ["text/html; charset=utf-8"] * 3
    assert len(queue.results) == 1  # three requests, one render enqueued
    assert response.content == FAKE_PDF
    assert renders == [1]


@override_settings(PRCHECK_REPORT_RENDER_ON_STORE=True)
def test_with_a_queue_the_report_is_enqueued_when_the_result_is_stored(
    queue, renders, django_capture_on_commit_callbacks
):
    assessment = store_assessment(TYPICAL)
    with django_capture_on_commit_callbacks(execute=True):
        report_enqueue_on_commit(assessment_id=assessment.pk)
    assert [result.args for result in queue.results] == [[assessment.pk]]
    run_worker(queue)
    assessment.refresh_from_db()
    assert bytes(assessment.pdf) == FAKE_PDF


def test_without_a_queue_nothing_is_enqueued_when_the_result_is_stored(
    renders, django_capture_on_commit_callbacks
):
    assessment = store_assessment(TYPICAL)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        report_enqueue_on_commit(assessment_id=assessment.pk)
    assert callbacks == []
    assert renders == []


@override_settings(PRCHECK_REPORT_RETRY_SECONDS=60)
@pytest.mark.parametrize(("seconds", "enqueued"), [(59, 1), (60, 1), (61, 2)])
def test_a_render_lost_by_its_worker_is_enqueued_again_after_the_retry_delay(
    client, renders, queue, seconds, enqueued
):
    url = report_url(store_assessment(TYPICAL).token)
    with time_machine.travel(NOW, tick=False):
        client.get(url)
    with time_machine.travel(NOW + dt.timedelta(seconds=seconds), tick=False):
        Assessment.objects.update(expires_at=timezone.now() + dt.timedelta(days=1))
        client.get(url)
    assert len(queue.results) == enqueued


@pytest.mark.parametrize("gone", ["deleted", "expired"])
def test_an_assessment_deleted_or_expired_before_its_render_runs_is_not_rendered(
    client, renders, queue, gone
):
    assessment = store_assessment(TYPICAL)
    url = report_url(assessment.token)
    client.get(url)
    if gone == "deleted":
        assessment.delete()
    else:
        Assessment.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    run_worker(queue)
    assert client.get(url).status_code == 404
    assert renders == []


def test_a_render_that_finds_its_report_stored_does_nothing(renders):
    assessment = store_assessment(TYPICAL)
    Assessment.objects.filter(pk=assessment.pk).update(pdf=b"%PDF-stored")
    assert report_render.call(assessment.pk) is False
    assert renders == []


def fail_first(monkeypatch, times: int):
    """Make the download's first ``times`` reads fail as a restarted database does."""
    real = report_tasks.report_download
    calls = []

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) <= times:
            raise OperationalError("server closed the connection unexpectedly")
        return real(**kwargs)

    monkeypatch.setattr("assessments.reports.views.report_download", flaky)
    return calls


def test_a_database_restart_mid_download_is_retried_once_and_the_file_sent(
    client, renders, monkeypatch
):
    calls = fail_first(monkeypatch, times=1)
    response = client.get(report_url(store_assessment(TYPICAL).token))
    assert response.status_code == 200
    assert response.content == FAKE_PDF
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("language", "text"),
    [("ja", "時間をおいて"), ("en", "Please try again in 10 seconds")],
)
def test_a_database_still_down_on_the_retry_answers_503_with_retry_after_and_a_page(
    client, renders, monkeypatch, language, text
):
    calls = fail_first(monkeypatch, times=2)
    response = client.get(report_url(store_assessment(TYPICAL).token, language))
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "10"
    assert response["Content-Type"].startswith("text/html")
    assert text in response.content.decode()
    assert len(calls) == 2


def test_a_render_whose_database_write_fails_once_is_rendered_again_on_the_retry(
    client, monkeypatch
):
    calls = []

    def flaky_render(*, html):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("the database restarted mid-render")
        return FAKE_PDF

    monkeypatch.setattr(report_module, "report_render_pdf", flaky_render)
    response = client.get(report_url(store_assessment(TYPICAL).token))
    assert response.status_code == 200
    assert response.content == FAKE_PDF
    assert len(calls) == 2


#: The production defaults (prcheck/settings.py), not the tests' generous ones.
PRODUCTION_LIMITS = {"api": "60/60", "pdf": "120/60"}


@override_settings(PRCHECK_RATE_LIMITS=PRODUCTION_LIMITS)
def test_fifty_applicants_behind_one_address_all_get_their_first_pdf(client, renders, monkeypatch):
    monkeypatch.setattr("assessments.web.middleware.time", SimpleNamespace(time=lambda: 1.8e9 + 30))
    tokens = [store_assessment(TYPICAL).token for _ in range(50)]
    responses = [client.get(report_url(token), REMOTE_ADDR="203.0.113.7") for token in tokens]
    assert [r.status_code for r in responses] == [200] * 50
    assert {r.content for r in responses} == {FAKE_PDF}


@override_settings(PRCHECK_RATE_LIMITS={"api": "3/60", "pdf": "2/60"})
def test_only_downloads_of_reports_that_do_not_exist_count_per_address(
    client, renders, monkeypatch
):
    monkeypatch.setattr("assessments.web.middleware.time", SimpleNamespace(time=lambda: 1.8e9 + 30))
    urls = [report_url(store_assessment(TYPICAL).token) for _ in range(3)]
    found = [client.get(url).status_code for url in urls * 2]  # three renders, three stored
    missed = [client.get(report_url(c * 43)).status_code for c in "xyz"]
    assert found == [200] * 6
    assert missed == [404, 404, 429]
    assert client.get(urls[0]).status_code == 200  # a report that exists is still sent


# Waiting for a report being rendered ------------------------------------------------------


def status(client, token: str):
    return client.get(reverse("assessments:report_status", kwargs={"token": token}))


def test_the_status_says_not_ready_then_ready_without_sending_the_file(client, renders, queue):
    assessment = store_assessment(TYPICAL)
    before = status(client, assessment.token)
    run_worker(queue)
    after = status(client, assessment.token)
    assert (before.status_code, before.json()) == (200, {"ready": False})
    assert (after.status_code, after.json()) == (200, {"ready": True})
    assert "no-store" in after["Cache-Control"]
    assert len(queue.results) == 1, "asking the status enqueued the render once"


def test_the_status_of_an_unknown_result_is_404_json(client, db):
    response = status(client, "x" * 43)
    assert response.status_code == 404
    assert response.json() == {"ready": False}


def test_the_status_answers_503_while_the_database_is_away(client, renders, monkeypatch):
    def down(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("assessments.reports.views.report_ready", down)
    response = status(client, store_assessment(TYPICAL).token)
    assert response.status_code == 503
    assert response.json() == {"ready": False}
    assert response["Retry-After"]


def test_a_download_holds_a_few_seconds_and_sends_the_report_the_worker_stores_meanwhile(
    client, renders, queue, monkeypatch, settings
):
    settings.PRCHECK_REPORT_HOLD_SECONDS = 3
    waits = []

    def worker_renders_meanwhile(seconds):
        waits.append(seconds)
        if len(waits) == 2:
            run_worker(queue)

    monkeypatch.setattr(report_tasks.time, "sleep", worker_renders_meanwhile)
    response = client.get(report_url(store_assessment(TYPICAL).token))
    assert response.content == FAKE_PDF
    assert waits == [report_tasks.HOLD_POLL_SECONDS] * 2


def test_the_hold_is_bounded_then_the_waiting_page_answers(
    client, renders, queue, monkeypatch, settings
):
    settings.PRCHECK_REPORT_HOLD_SECONDS = 3
    clock = [0.0]
    monkeypatch.setattr(report_tasks.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(report_tasks.time, "sleep", lambda s: clock.__setitem__(0, clock[0] + s))
    response = client.get(report_url(store_assessment(TYPICAL).token))
    assert response["Content-Type"].startswith("text/html")
    assert clock[0] == 3.0, "it waited the hold, and no longer"
