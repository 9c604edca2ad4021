"""Admin logins: repeated failures lock an account and a client out for a while (django-axes)."""

from __future__ import annotations

import datetime as dt
import logging
from io import StringIO

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
LIMIT = settings.AXES_FAILURE_LIMIT
START = dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def pinned_now():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def admin_user():
    return User.objects.create_superuser("keeper", "keeper@example.org", "right-password")


def log_in(username="keeper", password="wrong", *, address="192.0.2.1", language="en", **meta):
    client = Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE=language, **meta)
    data = {"username": username, "password": password, "next": reverse("admin:index")}
    return client.post(LOGIN, data)


def fail(times: int, **kwargs) -> list[int]:
    return [log_in(**kwargs).status_code for _ in range(times)]


def is_logged_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("admin:index")


def test_failures_below_the_limit_are_answered_with_the_form(admin_user):
    assert fail(LIMIT - 1) == [200] * (LIMIT - 1)
    assert is_logged_in(log_in(password="right-password"))


def test_at_the_limit_even_the_right_password_is_refused_with_a_clear_message(admin_user):
    fail(LIMIT)
    response = log_in(password="right-password")
    assert response.status_code == 429
    assert "Too many failed login attempts" in response.content.decode()
    assert "15 minutes" in response.content.decode()


def test_the_message_is_in_japanese_for_a_japanese_browser(admin_user):
    fail(LIMIT)
    response = log_in(password="right-password", language="ja")
    assert response.status_code == 429
    assert "ログイン" in response.content.decode()
    assert "Too many failed" not in response.content.decode()


def test_an_account_is_locked_whatever_address_the_attempts_come_from(admin_user):
    for i in range(LIMIT):
        log_in(address=f"198.51.100.{i}")
    assert log_in(password="right-password", address="203.0.113.9").status_code == 429


def test_a_client_is_locked_whatever_account_it_tries(admin_user):
    for i in range(LIMIT):
        log_in(username=f"guess{i}")
    assert log_in(password="right-password").status_code == 429
    assert log_in(username="other", address="203.0.113.9").status_code == 200


def test_behind_a_proxy_clients_are_told_apart_by_x_forwarded_for(admin_user, settings):
    settings.PRCHECK_TRUSTED_PROXY_COUNT = 1
    proxy = {"address": "10.0.0.1"}
    for i in range(LIMIT):
        log_in(username=f"guess{i}", HTTP_X_FORWARDED_FOR="192.0.2.7", **proxy)
    assert log_in(username="x", HTTP_X_FORWARDED_FOR="192.0.2.7", **proxy).status_code == 429
    assert log_in(username="x", HTTP_X_FORWARDED_FOR="192.0.2.8", **proxy).status_code == 200


@pytest.mark.parametrize("forwarded", ["not-an-ip", "203.0.113.9, not-an-ip", "' OR 1=1 --"])
def test_a_forwarded_for_that_is_no_address_counts_the_peer_and_is_never_logged(
    admin_user, settings, caplog, forwarded
):
    settings.PRCHECK_TRUSTED_PROXY_COUNT = 1
    with caplog.at_level(logging.DEBUG):
        codes = fail(LIMIT, address="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert codes == [200] * (LIMIT - 1) + [429]
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.1"}
    assert forwarded.rsplit(",")[-1].strip() not in caplog.text


def test_the_lock_ends_after_the_cool_off(admin_user, pinned_now):
    fail(LIMIT)
    pinned_now.shift(settings.AXES_COOLOFF_TIME - dt.timedelta(seconds=1))
    assert log_in(password="right-password", address="203.0.113.9").status_code == 429
    pinned_now.shift(settings.AXES_COOLOFF_TIME + dt.timedelta(seconds=1))
    assert is_logged_in(log_in(password="right-password", address="203.0.113.9"))


def test_a_successful_login_forgets_the_earlier_failures(admin_user):
    fail(LIMIT - 1)
    assert is_logged_in(log_in(password="right-password"))
    assert fail(LIMIT - 1) == [200] * (LIMIT - 1)


def test_an_administrator_unlocks_an_account_with_one_command(admin_user):
    for i in range(LIMIT):
        log_in(address=f"198.51.100.{i}")
    call_command("axes_reset_username", "keeper", stdout=StringIO())
    assert is_logged_in(log_in(password="right-password", address="203.0.113.9"))


def test_the_purge_deletes_failures_older_than_the_cool_off(admin_user, pinned_now):
    fail(2)
    pinned_now.shift(settings.AXES_COOLOFF_TIME / 2)
    fail(1, username="someone-else", address="203.0.113.9")
    pinned_now.shift(settings.AXES_COOLOFF_TIME / 2 + dt.timedelta(seconds=1))
    out = StringIO()
    call_command("purge_assessments", stdout=out)
    assert "1 login failures" in out.getvalue()
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["someone-else"]


def test_an_administrator_unlocks_an_account_in_the_admin(admin_user):
    for i in range(LIMIT):
        log_in(address=f"198.51.100.{i}")
    other = Client()
    other.force_login(User.objects.create_superuser("colleague", "c@example.org", "pw"))
    rows = AccessAttempt.objects.filter(username="keeper")
    changelist = reverse("admin:axes_accessattempt_changelist")
    action = {"action": "delete_selected", "_selected_action": [r.pk for r in rows], "post": "yes"}
    assert other.post(changelist, action).status_code == 302
    assert is_logged_in(log_in(password="right-password", address="203.0.113.9"))
