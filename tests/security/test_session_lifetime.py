"""A session (the wizard's answers) lasts PRCHECK_RETENTION_DAYS, like every other answer kept."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import time_machine
from django.contrib.sessions.models import Session

from tests.security.test_deploy_settings import PRODUCTION_ENV, run_python

PRINT_AGE = (
    "import django; django.setup(); from django.conf import settings as s; "
    "import json; print(json.dumps([s.PRCHECK_RETENTION_DAYS, s.SESSION_COOKIE_AGE]))"
)


@pytest.mark.parametrize("days", ["1", "7", "30", "90"])
def test_the_session_cookie_age_follows_the_retention_setting(days):
    completed = run_python(["-c", PRINT_AGE], PRODUCTION_ENV | {"PRCHECK_RETENTION_DAYS": days})
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == [int(days), int(days) * 24 * 60 * 60]


@pytest.mark.django_db
def test_a_wizard_session_ends_when_the_retention_period_ends(client, settings):
    settings.PRCHECK_RETENTION_DAYS = 9
    settings.SESSION_COOKIE_AGE = 9 * 24 * 60 * 60  # as settings.py derives it
    now = dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.UTC)
    with time_machine.travel(now, tick=False):
        response = client.get("/en/check/", follow=True)
    assert response.status_code == 200
    cookie = response.client.cookies["sessionid"]
    assert int(cookie["max-age"]) == 9 * 24 * 60 * 60
    session = Session.objects.get(session_key=cookie.value)
    assert session.expire_date == now + dt.timedelta(days=9)
