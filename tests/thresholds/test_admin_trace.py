"""Admin, traceable: every admin's additions and deletions on one audit page (and as CSV),
each version linked to the assessments that used it, each assessment to its versions, and a
refusal to delete a used version that says why and what to do instead."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from assessments.results.models import Assessment
from assessments.thresholds.models import Threshold

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:assessments_threshold_add")
LIST_URL = reverse("admin:assessments_threshold_changelist")
AUDIT_URL = reverse("admin:assessments_threshold_audit")
AUDIT_CSV_URL = reverse("admin:assessments_threshold_audit_csv")
ASSESSMENTS_URL = reverse("admin:assessments_assessment_changelist")

NEW_INCOME = {
    "key": "livelihood.min_income",
    "unit": "yen",
    "value": "3200000",
    "valid_from": "2027-01-01",
    "kind": "practice",
    "source_title": "行政書士の目安: 年収320万円以上",
    "source_url": "https://example.org/income-2027",
    "change_note": "AUDIT-NOTE: the common floor rose",
}


def admin_user(name: str) -> User:
    return User.objects.create_superuser(name, f"{name}@example.org", "pw")


def staff_with(name: str, *codenames) -> User:
    user = User.objects.create_user(name, f"{name}@example.org", "pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="assessments", codename__in=codenames)
    )
    return user


def make_assessment(*versions) -> Assessment:
    assessment = Assessment.objects.create(
        application_date=dt.date(2026, 12, 1),
        route="general",
        overall="likely_eligible",
        score=100,
        answers={"status": "work", "secret_marker": "ANSWER-MARKER"},
        result={"route": "general"},
    )
    assessment.thresholds_used.set(versions)
    return assessment


def delete_url(version) -> str:
    return reverse("admin:assessments_threshold_delete", args=[version.pk])


@pytest.fixture
def first_admin_added_and_deleted(client):
    """Admin "hanako" adds a version, then adds and deletes another, with a reason."""
    client.force_login(admin_user("hanako"))
    assert client.post(ADD_URL, NEW_INCOME).status_code == 302
    mistaken = {
        **NEW_INCOME,
        "valid_from": "2028-01-01",
        "value": "32000000",
        "source_confirmed": "on",
    }
    assert client.post(ADD_URL, mistaken).status_code == 302
    wrong = Threshold.objects.get(key="livelihood.min_income", valid_from=dt.date(2028, 1, 1))
    response = client.post(delete_url(wrong), {"post": "yes", "reason": "DELETE-REASON: typo"})
    assert response.status_code == 302
    assert not Threshold.objects.filter(pk=wrong.pk).exists()
    client.logout()
    return wrong.pk


@pytest.mark.parametrize(
    ("viewer", "language", "texts"),
    [
        (
            "admin",
            "en",
            ["hanako", "Added", "Deleted", "AUDIT-NOTE", "DELETE-REASON", "¥3,200,000"],
        ),
        ("admin", "ja", ["hanako", "追加", "削除", "AUDIT-NOTE", "DELETE-REASON", "3,200,000円"]),
        ("clerk", "en", ["hanako", "Added", "Deleted", "DELETE-REASON"]),
        ("clerk", "ja", ["hanako", "追加", "削除", "DELETE-REASON"]),
    ],
)
def test_a_second_admin_sees_the_first_ones_additions_and_deletions(
    client, first_admin_added_and_deleted, viewer, language, texts
):
    user = admin_user("taro") if viewer == "admin" else staff_with("taro", "view_threshold")
    client.force_login(user)
    response = client.get(AUDIT_URL, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    html = response.content.decode()
    for text in texts:
        assert text in html, text
    actions = [row.action_code for row in response.context["rows"]]
    assert actions == ["deleted", "added", "added"]


def test_the_audit_page_is_linked_from_the_threshold_list(client):
    client.force_login(staff_with("clerk", "view_threshold"))
    assert AUDIT_URL in client.get(LIST_URL).content.decode()


@pytest.mark.parametrize("url", [AUDIT_URL, AUDIT_CSV_URL])
def test_staff_who_cannot_view_thresholds_cannot_read_the_trail(client, url):
    client.force_login(staff_with("clerk", "view_assessment"))
    assert client.get(url).status_code == 403


def test_the_csv_export_holds_every_entry_with_who_when_what_and_why(
    client, first_admin_added_and_deleted
):
    client.force_login(admin_user("taro"))
    response = client.get(AUDIT_CSV_URL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["action"] for row in rows] == ["deleted", "added", "added"]
    assert {row["user"] for row in rows} == {"hanako"}
    assert rows[0]["version_id"] == str(first_admin_added_and_deleted)
    assert rows[0]["why"] == "DELETE-REASON: typo"
    assert rows[0]["version"] == "livelihood.min_income = 32000000 (2028-01-01)"
    assert rows[2]["why"] == "AUDIT-NOTE: the common floor rose"
    assert all(row["key"] == "livelihood.min_income" for row in rows)
    assert dt.datetime.fromisoformat(rows[0]["time"]).utcoffset() == dt.timedelta(hours=9)


def test_a_typed_reason_cannot_run_as_a_spreadsheet_formula(client):
    client.force_login(admin_user("hanako"))
    client.post(ADD_URL, NEW_INCOME)
    added = Threshold.objects.get(key="livelihood.min_income", valid_from=dt.date(2027, 1, 1))
    client.post(delete_url(added), {"post": "yes", "reason": "=HYPERLINK(1)"})
    rows = list(csv.DictReader(io.StringIO(client.get(AUDIT_CSV_URL).content.decode())))
    assert rows[0]["why"] == "'=HYPERLINK(1)"


# Deleting --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "used by 2 stored assessments"),
        ("ja", "保存済みの診断2件"),
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_deleting_a_used_version_says_how_many_use_it_and_how_to_correct_it(
    client, language, expected, method
):
    client.force_login(admin_user("admin"))
    version = Threshold.objects.filter(key="livelihood.min_income").first()
    make_assessment(version)
    make_assessment(version)
    send = getattr(client, method)
    response = send(
        delete_url(version),
        {"post": "yes", "reason": "x"} if method == "post" else None,
        HTTP_ACCEPT_LANGUAGE=language,
        follow=True,
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse(
        "admin:assessments_threshold_change", args=[version.pk]
    )
    message = " ".join(str(m) for m in response.context["messages"])
    assert expected in message
    assert ("Add a new version" if language == "en" else "新しい版を追加") in message
    assert Threshold.objects.filter(pk=version.pk).exists()


def test_staff_without_the_delete_permission_are_still_refused(client):
    client.force_login(staff_with("clerk", "view_threshold"))
    version = Threshold.objects.filter(key="livelihood.min_income").first()
    assert client.get(delete_url(version)).status_code == 403


def test_a_deletion_needs_a_reason(client):
    client.force_login(admin_user("admin"))
    version = Threshold.objects.create(**{**NEW_INCOME, "value": 3_200_000})
    Threshold.objects.create(**{**NEW_INCOME, "value": 3_300_000, "valid_from": "2028-01-01"})
    page = client.get(delete_url(version), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert 'name="reason"' in page
    response = client.post(
        delete_url(version), {"post": "yes", "reason": "  "}, follow=True, HTTP_ACCEPT_LANGUAGE="ja"
    )
    assert "この版を削除する理由を入力してください。" in " ".join(
        str(m) for m in response.context["messages"]
    )
    assert Threshold.objects.filter(pk=version.pk).exists()


def test_versions_are_deleted_one_at_a_time_not_in_bulk(client):
    client.force_login(admin_user("admin"))
    actions = (
        client.get(LIST_URL)
        .context["cl"]
        .model_admin.get_actions(client.get(LIST_URL).wsgi_request)
    )
    assert "delete_selected" not in actions


# Linked both ways ------------------------------------------------------------------------


def test_each_version_links_to_the_assessments_that_used_it(client):
    client.force_login(staff_with("clerk", "view_threshold", "view_assessment"))
    used = Threshold.objects.filter(key="livelihood.min_income").first()
    other = Threshold.objects.filter(key="livelihood.per_dependent").first()
    make_assessment(used)
    make_assessment(used, other)
    make_assessment(other)
    html = client.get(f"{LIST_URL}?area=livelihood", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    link = f"{ASSESSMENTS_URL}?threshold={used.pk}"
    assert f'<a href="{link}">2 assessments</a>' in html
    response = client.get(link)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 2


@pytest.mark.parametrize(
    ("query", "count"),
    [("threshold=999999", 0), ("threshold=abc", 0), ("threshold=", 3), ("route__exact=general", 3)],
)
def test_the_version_filter_takes_a_version_id_only(client, query, count):
    client.force_login(staff_with("clerk", "view_assessment"))
    version = Threshold.objects.first()
    for _ in range(3):
        make_assessment(version)
    response = client.get(f"{ASSESSMENTS_URL}?{query}")
    assert response.status_code == 200
    assert response.context["cl"].result_count == count


@pytest.mark.parametrize(
    "lookup", ["thresholds_used__pk", "thresholds_used__key", "threshold__token", "thresholds_used"]
)
def test_no_other_lookup_through_the_versions_is_allowed(client, lookup):
    client.force_login(admin_user("admin"))
    make_assessment(Threshold.objects.first())
    assert client.get(f"{ASSESSMENTS_URL}?{lookup}=1").status_code == 400


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("codenames", [["view_assessment"], ["view_assessment", "view_answers"]])
def test_an_assessment_lists_its_versions_as_readable_links(client, language, codenames):
    client.force_login(staff_with("clerk", *codenames))
    income = Threshold.objects.get(key="livelihood.min_income", valid_from=dt.date(2006, 3, 31))
    treaty = Threshold.objects.filter(key="residence.general.min_years").first()
    assessment = make_assessment(income, treaty)
    url = reverse("admin:assessments_assessment_change", args=[assessment.pk])
    html = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    change = reverse("admin:assessments_threshold_change", args=[income.pk])
    assert f'<a href="{change}">' in html
    assert ("¥3,000,000" if language == "en" else "3,000,000円") in html
    assert ("10 years" if language == "en" else "10年") in html
    assert "None" not in html
    assert ("ANSWER-MARKER" in html) is ("view_answers" in codenames)
