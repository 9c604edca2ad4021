"""Sources kept honest: each version says when its source was last read (``checked_on``),
the admin lists it and filters the versions not checked for 6 months (counted from today,
never stored), and an admin can mark sources as checked today without touching the value."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from assessments.thresholds import services
from assessments.thresholds.freshness import shift_months, stale_before, upcoming_until
from assessments.thresholds.models import Threshold

pytestmark = pytest.mark.django_db

LIST_URL = reverse("admin:assessments_threshold_changelist")
#: 2026-12-08 in Tokyo (the project's time zone): the day "6 months ago" is 2026-06-08.
NOW = dt.datetime(2026, 12, 8, 3, tzinfo=dt.UTC)
KEY = "livelihood.income.single_min_jpy"


def version(valid_from: str, checked_on: dt.date, **fields) -> Threshold:
    return Threshold.objects.create(
        **{
            "key": KEY,
            "unit": "jpy",
            "value": 3_000_000,
            "valid_from": valid_from,
            "kind": "practice",
            "source_title": f"Source {valid_from}",
            "source_url": "https://example.org/income",
            "checked_on": checked_on,
            **fields,
        }
    )


@pytest.fixture
def superuser_client(client):
    client.force_login(User.objects.create_superuser("admin", "a@example.org", "pw"))
    return client


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 12, 8), -6, dt.date(2026, 6, 8)),
        (dt.date(2026, 8, 31), -6, dt.date(2026, 2, 28)),  # clamped to the month's last day
        (dt.date(2027, 3, 31), -13, dt.date(2026, 2, 28)),
        (dt.date(2026, 12, 8), 12, dt.date(2027, 12, 8)),
        (dt.date(2028, 2, 29), 12, dt.date(2029, 2, 28)),
    ],
)
def test_months_are_counted_on_the_calendar(day, months, expected):
    assert shift_months(day, months) == expected


def test_the_spans_are_six_months_back_and_twelve_ahead():
    today = dt.date(2026, 12, 8)
    assert stale_before(today) == dt.date(2026, 6, 8)
    assert upcoming_until(today) == dt.date(2027, 12, 8)


def test_seed_versions_without_a_date_are_dated_the_day_their_row_was_created():
    seeded = Threshold.objects.get(key="residence.general.min_years", valid_from="2006-03-31")
    assert seeded.checked_on == timezone.localdate(seeded.created_at)


def test_a_seed_version_that_gives_its_checked_on_keeps_that_date(monkeypatch):
    Threshold.objects.filter(key="residence.general.min_years").delete()
    raw = services.seed_versions_raw()
    dated = [
        (key, valid_from, {**item, "checked_on": "2026-09-11"})
        if key == "residence.general.min_years"
        else (key, valid_from, item)
        for key, valid_from, item in raw
    ]
    monkeypatch.setattr(services, "seed_versions_raw", lambda: dated)
    assert services.load_default_thresholds(Threshold) == 1
    loaded = Threshold.objects.get(key="residence.general.min_years")
    assert loaded.checked_on == dt.date(2026, 9, 11)


def test_a_new_version_is_checked_today_unless_the_admin_says_otherwise(time_machine):
    time_machine.move_to(NOW)
    new = Threshold.objects.create(
        key=KEY,
        unit="jpy",
        value=3_100_000,
        valid_from="2027-06-01",
        kind="practice",
        source_title="A new source",
        source_url="https://example.org/new",
    )
    assert new.checked_on == dt.date(2026, 12, 8)


def test_the_list_shows_when_each_source_was_last_checked(superuser_client, time_machine):
    time_machine.move_to(NOW)
    version("2030-01-01", dt.date(2025, 7, 14))
    for language, text in (("en", "July 14, 2025"), ("ja", "2025年7月14日")):
        page = superuser_client.get(LIST_URL, {"q": "Source 2030"}, HTTP_ACCEPT_LANGUAGE=language)
        assert page.status_code == 200
        assert text in page.content.decode()
    for language, header in (("en", "source last checked"), ("ja", "出典の最終確認日")):
        page = superuser_client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE=language)
        assert header in page.content.decode().lower()


def test_the_versions_page_shows_when_its_source_was_last_checked(superuser_client):
    row = version("2030-01-01", dt.date(2025, 7, 14))
    page = superuser_client.get(
        reverse("admin:assessments_threshold_change", args=[row.pk]), HTTP_ACCEPT_LANGUAGE="ja"
    )
    content = page.content.decode()
    assert "出典の最終確認日" in content
    assert "2025年7月14日" in content


def test_the_filter_lists_only_sources_not_checked_for_six_months(superuser_client, time_machine):
    time_machine.move_to(NOW)
    Threshold.objects.update(checked_on=dt.date(2026, 12, 1))
    stale = version("2030-01-01", dt.date(2026, 6, 7))  # one day before the 6 months
    recent = version("2031-01-01", dt.date(2026, 6, 8))  # exactly 6 months ago: still recent
    page = superuser_client.get(LIST_URL, {"checked": "stale"}, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    shown = list(page.context["cl"].result_list)
    assert shown == [stale]
    assert recent not in shown
    assert "Not checked for 6 months" in page.content.decode()


def test_the_filter_moves_on_with_today_not_with_a_stored_flag(superuser_client, time_machine):
    Threshold.objects.update(checked_on=dt.date(2026, 12, 1))
    row = version("2030-01-01", dt.date(2026, 6, 8))
    time_machine.move_to(NOW)
    assert (
        list(superuser_client.get(LIST_URL, {"checked": "stale"}).context["cl"].result_list) == []
    )
    time_machine.move_to(NOW + dt.timedelta(days=1))
    assert list(superuser_client.get(LIST_URL, {"checked": "stale"}).context["cl"].result_list) == [
        row
    ]


def test_marking_sources_as_checked_changes_only_the_date(superuser_client, time_machine):
    time_machine.move_to(NOW)
    row = version("2030-01-01", dt.date(2025, 1, 1))
    other = version("2031-01-01", dt.date(2025, 1, 1))
    response = superuser_client.post(
        LIST_URL,
        {"action": "mark_checked_today", "_selected_action": [row.pk]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    row.refresh_from_db()
    other.refresh_from_db()
    assert row.checked_on == dt.date(2026, 12, 8)
    assert (row.value, row.valid_from, row.source_title) == (
        3_000_000,
        dt.date(2030, 1, 1),
        "Source 2030-01-01",
    )
    assert other.checked_on == dt.date(2025, 1, 1)
    assert "1 version marked as checked today." in response.content.decode()


def test_a_viewer_cannot_mark_sources_as_checked(client, time_machine):
    from django.contrib.auth.models import Permission

    time_machine.move_to(NOW)
    viewer = User.objects.create_user("viewer", "v@example.org", "pw", is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename="view_threshold"))
    client.force_login(viewer)
    row = version("2030-01-01", dt.date(2025, 1, 1))
    client.post(LIST_URL, {"action": "mark_checked_today", "_selected_action": [row.pk]})
    row.refresh_from_db()
    assert row.checked_on == dt.date(2025, 1, 1)
