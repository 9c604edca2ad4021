"""Admin, findable in both languages: each key's description and unit in the admin's language,
values written as people read them, the in-force mark first, search over the descriptions
(「収入」 finds the income floor), and a timeline page per key."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import translation

from assessments.thresholds.display import format_value, key_description
from assessments.thresholds.models import Threshold
from assessments.thresholds.snapshot import THRESHOLD_KEYS

pytestmark = pytest.mark.django_db

LIST_URL = reverse("admin:assessments_threshold_changelist")


def timeline_url(key: str) -> str:
    return reverse("admin:assessments_threshold_timeline", args=[key])


def staff_with(*codenames) -> User:
    user = User.objects.create_user("clerk", "clerk@example.org", "pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="assessments", codename__in=codenames)
    )
    return user


@pytest.fixture(params=["superuser", "clerk"])
def admin_client(client, request):
    if request.param == "superuser":
        client.force_login(User.objects.create_superuser("admin", "a@example.org", "pw"))
    else:
        client.force_login(staff_with("view_threshold", "view_assessment"))
    return client


# (sentence, value, unit, English, Japanese)
VALUE_CASES = [
    ("yen with separators", 3_000_000, "yen", "¥3,000,000", "3,000,000円"),
    ("a decimal amount of yen", "2500000.50", "yen", "¥2,500,000.5", "2,500,000.5円"),
    ("one year is singular", 1, "years", "1 year", "1年"),
    ("years", 3, "years", "3 years", "3年"),
    ("half a year", "0.5", "years", "0.5 years", "0.5年"),
    ("months", 30, "months", "30 months", "30か月"),
    ("days", 100, "days", "100 days", "100日"),
    ("points", 70, "points", "70 points", "70点"),
    ("a count", 3, "count", "3", "3"),
    ("a weight", "1.5", "weight", "1.5", "1.5"),
    ("a month of the year", 6, "month_of_year", "June", "6月"),
    ("a date", dt.date(2027, 3, 31), "date", "March 31, 2027", "2027年3月31日"),
    ("no limit", None, "years", "(none from this date)", "（この日以降は基準なし）"),
    ("a table", [{"a": 1}], "table", "(table)", "（表）"),
]


@pytest.mark.parametrize(
    ("value", "unit", "english", "japanese"),
    [case[1:] for case in VALUE_CASES],
    ids=[case[0] for case in VALUE_CASES],
)
def test_values_are_written_as_people_read_them(value, unit, english, japanese):
    for language, expected in (("en", english), ("ja", japanese)):
        with translation.override(language):
            assert format_value(value, unit) == expected


def test_every_key_has_a_japanese_description():
    with translation.override("ja"):
        untranslated = [
            key for key, spec in THRESHOLD_KEYS.items() if key_description(key) == spec.description
        ]
    assert untranslated == []


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("en", ["Annual income (gross) that practitioners treat", "¥3,000,000", "yen"]),
        ("ja", ["単身の申請人について実務上の下限とされる年収", "3,000,000円", "円"]),
    ],
)
def test_the_list_shows_description_formatted_value_and_unit(admin_client, language, texts):
    response = admin_client.get(f"{LIST_URL}?area=livelihood", HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    for text in texts:
        assert text in html, text
    assert "3000000.00" not in html
    assert "None" not in html


def test_the_in_force_mark_is_the_first_column(admin_client):
    response = admin_client.get(LIST_URL)
    columns = [h["class_attrib"] for h in response.context["result_headers"]]
    columns = [column for column in columns if "action-checkbox" not in column]
    assert "in_force_today" in columns[0]


@pytest.mark.parametrize(
    ("language", "term", "expected_key"),
    [
        ("ja", "収入", "livelihood.min_income"),
        ("ja", "婚姻", "residence.spouse.marriage_min_years"),
        ("ja", "帰化", "naturalization.age.min_years"),
        ("en", "income", "livelihood.min_income"),
        ("en", "substantive marriage", "residence.spouse.marriage_min_years"),
        ("en", "livelihood.min_income", "livelihood.min_income"),
    ],
)
def test_search_finds_keys_by_their_description(admin_client, language, term, expected_key):
    response = admin_client.get(LIST_URL, {"q": term}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    keys = {row.key for row in response.context["cl"].result_list}
    assert expected_key in keys
    assert len(keys) < len(THRESHOLD_KEYS)


def test_a_search_that_matches_nothing_finds_nothing(admin_client):
    response = admin_client.get(LIST_URL, {"q": "存在しない語"}, HTTP_ACCEPT_LANGUAGE="ja")
    assert response.context["cl"].result_count == 0


def test_area_names_are_translated_and_told_apart(admin_client):
    response = admin_client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="ja")
    html = response.content.decode()
    for label in ("帰化", "在留期間の更新", "在留期間（居住年数）", "許可された在留期間"):
        assert label in html
    assert ">naturalization<" not in html and ">renewal<" not in html


def test_the_time_zone_note_of_date_fields_is_japanese(admin_client):
    catalogue = admin_client.get(reverse("admin:jsi18n"), HTTP_ACCEPT_LANGUAGE="ja")
    # The catalogue is JSON inside JavaScript: non-ASCII text is written as \uXXXX escapes.
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), catalogue.content.decode())
    assert "タイムゾーンで入力してください" in text


def test_a_version_page_says_when_and_by_whom_it_was_recorded_in_japanese(admin_client):
    version = Threshold.objects.filter(key="livelihood.min_income").first()
    url = reverse("admin:assessments_threshold_change", args=[version.pk])
    html = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "登録日時・登録者" in html
    assert "登録記録" not in html


def test_the_empty_choice_of_a_select_is_japanese(client):
    client.force_login(User.objects.create_superuser("admin", "a@example.org", "pw"))
    html = client.get(reverse("admin:assessments_threshold_add"), HTTP_ACCEPT_LANGUAGE="ja")
    content = html.content.decode()
    assert "Select an option" not in content
    assert "選択してください" in content


# The per-key timeline ----------------------------------------------------------------------


@pytest.fixture
def marriage_versions():
    """residence.spouse.marriage_min_years: 3 years from 2006, a draft of 5 from 2027-04-01."""
    return list(Threshold.objects.filter(key="residence.spouse.marriage_min_years"))


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "en",
            [
                "Years of substantive marriage required on the spouse route.",
                "3 years, since March 31, 2006",
                "5 years from April 1, 2027",
                "Before March 31, 2006",
                "March 31, 2006 to March 31, 2027",
                "3 years → 5 years",
                "The kind of source changed.",
                "First version",
            ],
        ),
        (
            "ja",
            [
                "実体を伴う婚姻生活の年数",
                "3年（2006年3月31日から）",
                "2027年4月1日から5年",
                "2006年3月31日より前",
                "2006年3月31日〜2027年3月31日",
                "3年 → 5年",
                "出典の種類が変わりました。",
                "最初の版",
            ],
        ),
    ],
)
def test_the_timeline_shows_every_version_what_applies_today_and_each_change(
    admin_client, marriage_versions, time_machine, language, texts
):
    time_machine.move_to(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC))
    response = admin_client.get(
        timeline_url("residence.spouse.marriage_min_years"), HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    html = response.content.decode()
    for text in texts:
        assert text in html, text
    states = [period.state for period in response.context["timeline"].periods]
    assert states == ["in_force", "future"]


def test_every_key_has_a_timeline_linked_from_the_list(admin_client):
    html = admin_client.get(f"{LIST_URL}?area=residence").content.decode()
    assert timeline_url("residence.general.min_years") in html
    for key in list(THRESHOLD_KEYS)[:: max(1, len(THRESHOLD_KEYS) // 10)]:
        assert admin_client.get(timeline_url(key)).status_code == 200, key


def test_an_unknown_key_has_no_timeline(admin_client):
    assert admin_client.get(timeline_url("livelihood.minimum")).status_code == 404


def test_staff_without_the_view_permission_see_no_timeline(client):
    client.force_login(staff_with("view_assessment"))
    assert client.get(timeline_url("livelihood.min_income")).status_code == 403


def test_a_past_draft_is_shown_as_a_draft_never_as_in_force(admin_client, time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 7, 12, tzinfo=dt.UTC))
    official = Threshold.objects.get(key="livelihood.min_income", valid_from=dt.date(2006, 3, 31))
    Threshold.objects.create(
        key="livelihood.min_income",
        unit="yen",
        value=3_300_000,
        valid_from=dt.date(2026, 12, 1),
        kind="draft",
        source_title="A draft",
        source_url="https://example.org/draft",
        change_note="A draft for comment.",
    )
    response = admin_client.get(timeline_url("livelihood.min_income"), HTTP_ACCEPT_LANGUAGE="en")
    timeline = response.context["timeline"]
    assert [p.state for p in timeline.periods] == ["in_force", "draft"]
    assert timeline.in_force.version == official
    assert "A draft: never applied as law" in response.content.decode()
