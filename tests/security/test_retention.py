"""Retention: `purge_assessments` deletes what has expired, and "Delete my answers now" works."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from assessments.questionnaire.models import SavedProgress
from assessments.results.models import Assessment
from tests.security.conftest import APPLICANT, expire, personal_values, store_assessment

pytestmark = pytest.mark.django_db


def purge(*args) -> str:
    out = StringIO()
    call_command("purge_assessments", *args, stdout=out)
    return out.getvalue()


def expired_session() -> str:
    session = SessionStore()
    session["wizard"] = {"income": APPLICANT["income"]}
    session.create()
    Session.objects.filter(pk=session.session_key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    return session.session_key


def test_a_new_assessment_expires_after_the_retention_period(settings):
    settings.PRCHECK_RETENTION_DAYS = 30
    before = timezone.now()
    assessment = store_assessment()
    assert before + dt.timedelta(days=30) <= assessment.expires_at
    assert assessment.expires_at <= timezone.now() + dt.timedelta(days=30)


def test_purge_deletes_expired_assessments_progress_and_sessions_and_keeps_live_ones():
    kept, gone = store_assessment(), expire(store_assessment())
    live_progress = SavedProgress.objects.create(step="income", data={"x": 1})
    SavedProgress.objects.create(
        step="income", data={"x": 2}, expires_at=timezone.now() - dt.timedelta(days=1)
    )
    live_session = SessionStore()
    live_session.create()
    old_session = expired_session()

    output = purge()

    assert output.startswith("Deleted 1 assessments, 1 saved progress, 1 sessions")
    assert list(Assessment.objects.all()) == [kept]
    assert not Assessment.objects.filter(pk=gone.pk).exists()
    assert list(SavedProgress.objects.all()) == [live_progress]
    assert Session.objects.filter(pk=live_session.session_key).exists()
    assert not Session.objects.filter(pk=old_session).exists()


def test_purge_dry_run_counts_without_deleting():
    expire(store_assessment())
    assert purge("--dry-run").startswith("Would delete 1 assessments, 0 saved progress, 0 sessions")
    assert Assessment.objects.count() == 1


def test_purge_prints_counts_only_never_a_personal_value_or_token():
    assessment = expire(store_assessment())
    output = purge()
    assert assessment.token not in output
    assert not [value for value in personal_values(APPLICANT) if value in output]


def test_purge_with_nothing_expired_deletes_nothing():
    store_assessment()
    assert purge().startswith("Deleted 0 assessments, 0 saved progress, 0 sessions")
    assert Assessment.objects.count() == 1


def test_delete_my_answers_now_removes_the_assessment_and_confirms_in_the_users_language(client):
    assessment = store_assessment()
    url = reverse("assessments:delete", kwargs={"token": assessment.token})
    assert url.startswith("/ja/")

    response = client.post(url)

    assert response.status_code == 200
    assert "削除しました" in response.text
    assert not Assessment.objects.filter(pk=assessment.pk).exists()
    assert response.headers["Cache-Control"].count("no-store") == 1


def test_delete_in_english_confirms_in_english(client):
    assessment = store_assessment()
    response = client.post(f"/en/result/{assessment.token}/delete/")
    assert "Your answers have been deleted" in response.text


def test_delete_of_an_unknown_token_is_not_found_and_deletes_nothing(client):
    store_assessment()
    assert client.post("/en/result/no-such-token/delete/").status_code == 404
    assert Assessment.objects.count() == 1


def test_delete_only_removes_the_assessment_of_its_own_token(client):
    mine, theirs = store_assessment(), store_assessment()
    client.post(f"/en/result/{mine.token}/delete/")
    assert list(Assessment.objects.all()) == [theirs]


def test_delete_by_get_is_refused_so_a_link_or_prefetch_cannot_delete(client):
    assessment = store_assessment()
    assert client.get(f"/en/result/{assessment.token}/delete/").status_code == 405
    assert Assessment.objects.filter(pk=assessment.pk).exists()


def test_delete_requires_the_csrf_token_from_the_result_page():
    from django.test import Client

    assessment = store_assessment()
    response = Client(enforce_csrf_checks=True).post(f"/en/result/{assessment.token}/delete/")
    assert response.status_code == 403
    assert Assessment.objects.filter(pk=assessment.pk).exists()


def test_purge_also_deletes_expired_rate_limit_counters(settings):
    import time_machine
    from django.core.cache import caches

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "rate_limits": {
            "BACKEND": "assessments.web.counters.CounterDatabaseCache",
            "LOCATION": "prcheck_test_rate_limits",
        },
    }
    call_command("createcachetable", verbosity=0)
    with time_machine.travel(dt.datetime(2020, 1, 1, tzinfo=dt.UTC), tick=False):
        caches["rate_limits"].count("old", timeout=60)
    caches["rate_limits"].count("current", timeout=60)
    assert purge().startswith(
        "Deleted 0 assessments, 0 saved progress, 0 sessions, 1 rate-limit counters"
    )
