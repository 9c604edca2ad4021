"""Admin: thresholds are added as dated versions, never edited; assessments are read-only."""

import datetime as dt
from types import MappingProxyType

import pytest
from django.contrib import admin
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Permission, User
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from assessments.eligibility.choices import Overall, Route
from assessments.results import threshold_admin
from assessments.results.models import Assessment
from assessments.thresholds import snapshot as thresholds_module
from assessments.thresholds.models import Threshold
from assessments.thresholds.snapshot import THRESHOLD_KEYS, KeySpec

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:assessments_threshold_add")
LIST_URL = reverse("admin:assessments_threshold_changelist")

GOOD = {
    "key": "livelihood.min_income",
    "unit": "yen",
    "value": "3200000",
    "valid_from": "2027-01-01",
    "kind": "practice",
    "source_title": "行政書士 rule of thumb",
    "source_url": "https://example.org/income",
    "change_note": "Practitioners now expect 3.2 million yen (office survey, 2026-11).",
}
#: Tests of the add form run on this day (what is "in the past" depends on it).
TODAY = dt.datetime(2026, 12, 7, 12, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def pinned_today(time_machine):
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def superuser():
    return User.objects.create_superuser("admin", "admin@example.org", "pw")


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def with_table_key(monkeypatch):
    """Register a table-valued key (the seed file has none yet; the HSP table will be one)."""
    keys = dict(thresholds_module.threshold_keys())
    keys["test.table"] = KeySpec(key="test.table", unit="table", description="A table")
    monkeypatch.setattr(thresholds_module, "threshold_keys", lambda: MappingProxyType(keys))


@pytest.fixture
def form_user():
    """A superuser for building forms (not saved: no password to hash for each case)."""
    return User(username="form-admin", is_staff=True, is_superuser=True, is_active=True)


def threshold_form(superuser, data):
    request = RequestFactory().get(ADD_URL)
    request.user = superuser
    form_class = admin.site.get_model_admin(Threshold).get_form(request)
    return form_class(data=data)


#: A key for which "no such limit" means something (after its latest version, 2027-04-01).
NO_LIMIT_KEY = {
    "key": "absence.single_trip_max_months",
    "unit": "months",
    "valid_from": "2027-06-01",
}

# (sentence, changes to GOOD, field expected to carry an error, or None when valid)
FORM_CASES = [
    ("a complete new version is valid", {}, None),
    ("an empty unit is taken from the key", {"unit": ""}, None),
    ("an empty income floor is refused", {"value": ""}, "value"),
    ("text in the yen field is refused", {"value": "three million"}, "value"),
    ("an income floor cannot tick “no such limit”", {"no_limit": "on"}, "no_limit"),
    ("an amount written 320万 is read as yen", {"value": "320万"}, None),
    ("an amount written ¥3,200,000 is read as yen", {"value": "¥3,200,000"}, None),
    ("an amount written in full-width digits is read", {"value": "３２０万"}, None),
    ("an amount of yen with a decimal part is refused", {"value": "3200000.5"}, "value"),
    ("a version without a reason is refused", {"change_note": ""}, "change_note"),
    (
        "a key that may have none saves with the box ticked",
        {**NO_LIMIT_KEY, "value": "", "no_limit": "on"},
        None,
    ),
    (
        "a key that may have none still needs a value or the box",
        {**NO_LIMIT_KEY, "value": ""},
        "value",
    ),
    (
        "a value and the “no such limit” box together are refused",
        {**NO_LIMIT_KEY, "value": "6", "no_limit": "on"},
        "value",
    ),
    (
        "a number of years written in yen is refused",
        {"key": "residence.general.min_years", "unit": "years", "value": "10万"},
        "value",
    ),
    (
        "a number of years with a decimal part is read",
        {"key": "residence.general.min_years", "unit": "years", "value": "１．５"},
        None,
    ),
    ("a key that is not in the registry is refused", {"key": "livelihood.minimum"}, "key"),
    ("a unit that does not fit the key is refused", {"unit": "days"}, "unit"),
    ("a version without a source URL is refused", {"source_url": ""}, "source_url"),
    ("a version without a source title is refused", {"source_title": ""}, "source_title"),
    ("a source URL that is not a URL is refused", {"source_url": "the guideline"}, "source_url"),
    ("a version without a date is refused", {"valid_from": ""}, "valid_from"),
    ("a version without a kind of source is refused", {"kind": ""}, "kind"),
    ("a negative number is refused", {"value": "-1"}, "value"),
    ("a date on a number threshold is refused", {"date_value": "2027-03-31"}, "date_value"),
    ("a table on a number threshold is refused", {"table_value": "[1, 2]"}, "table_value"),
    (
        "a second version of a key on the same date is refused",
        {"valid_from": "2006-03-31", "past_date_confirmed": "on", "backdate_reason": "Typo."},
        "__all__",
    ),
    (
        "a date threshold with a number is refused",
        {
            "key": "period_of_stay.transition_date",
            "unit": "date",
            "value": "5",
            "date_value": "2028-03-31",
        },
        "value",
    ),
    (
        "a date threshold without its date is refused",
        {"key": "period_of_stay.transition_date", "unit": "date", "value": ""},
        "date_value",
    ),
    (
        "a date threshold with its date is valid",
        {
            "key": "period_of_stay.transition_date",
            "unit": "date",
            "value": "",
            "date_value": "2028-03-31",
        },
        None,
    ),
    (
        "a version dated before today is refused without a confirmation",
        {"valid_from": "2026-12-01"},
        "past_date_confirmed",
    ),
    (
        "a version dated before today is refused without a reason for the past date",
        {"valid_from": "2026-12-01", "past_date_confirmed": "on"},
        "backdate_reason",
    ),
    (
        "a version dated before today saves with the confirmation and a reason",
        {
            "valid_from": "2026-12-01",
            "past_date_confirmed": "on",
            "backdate_reason": "The survey applies from December.",
        },
        None,
    ),
    (
        "a future version dated before the latest version of its key needs a confirmation",
        {"key": "residence.spouse.marriage_min_years", "unit": "years", "value": "4"},
        "past_date_confirmed",
    ),
    (
        "a future version dated after the latest version of its key needs none",
        {
            "key": "residence.spouse.marriage_min_years",
            "unit": "years",
            "value": "4",
            "valid_from": "2027-05-01",
        },
        None,
    ),
    (
        "a table threshold without its table is refused",
        {"key": "test.table", "unit": "table", "value": ""},
        "table_value",
    ),
    (
        "a table threshold with a number is refused",
        {"key": "test.table", "unit": "table", "table_value": '{"a": 1}'},
        "value",
    ),
    (
        "a table threshold with its table is valid",
        {"key": "test.table", "unit": "table", "value": "", "table_value": '{"a": 1}'},
        None,
    ),
]


@pytest.mark.usefixtures("with_table_key")
@pytest.mark.parametrize(
    ("changes", "error_field"),
    [case[1:] for case in FORM_CASES],
    ids=[case[0] for case in FORM_CASES],
)
def test_the_threshold_form_validates_a_new_version(form_user, changes, error_field):
    form = threshold_form(form_user, {**GOOD, **changes})
    if error_field is None:
        assert form.is_valid(), form.errors
    else:
        assert not form.is_valid()
        assert error_field in form.errors, form.errors


def test_an_empty_unit_is_saved_as_the_keys_unit(superuser):
    form = threshold_form(superuser, {**GOOD, "unit": ""})
    assert form.is_valid(), form.errors
    assert form.save().unit == "yen"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?version=current",
        "?version=future",
        "?version=past",
        "?area=residence",
        "?kind__exact=draft",
        "?q=marriage",
        "?o=6",
    ],
)
def test_the_threshold_list_renders_with_each_filter(staff_client, query):
    response = staff_client.get(LIST_URL + query)
    assert response.status_code == 200


def test_the_list_marks_exactly_one_version_per_key_as_in_force_today(staff_client, time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC))
    response = staff_client.get(LIST_URL + "?version=current&area=residence")
    rows = list(response.context["cl"].result_list)
    keys = [row.key for row in rows]
    assert len(keys) == len(set(keys))
    marriage = next(row for row in rows if row.key == "residence.spouse.marriage_min_years")
    assert marriage.valid_from == dt.date(2006, 3, 31)
    assert all(row.in_force for row in rows)


def test_the_add_page_renders(staff_client):
    response = staff_client.get(ADD_URL)
    assert response.status_code == 200
    assert b'name="valid_from"' in response.content


def test_add_a_new_version_prefills_key_unit_and_source_but_not_the_date(staff_client):
    source = Threshold.objects.get(key="livelihood.min_income", valid_from=dt.date(2006, 3, 31))
    response = staff_client.get(f"{ADD_URL}?from={source.pk}")
    initial = response.context["adminform"].form.initial
    assert initial["key"] == "livelihood.min_income"
    assert initial["unit"] == "yen"
    assert initial["source_url"] == source.source_url
    assert "valid_from" not in initial
    assert "from" not in initial


@pytest.mark.parametrize("bad", ["abc", "999999", ""])
def test_add_a_new_version_from_an_unknown_row_opens_an_empty_form(staff_client, bad):
    response = staff_client.get(f"{ADD_URL}?from={bad}")
    assert response.status_code == 200
    assert "key" not in response.context["adminform"].form.initial


def test_adding_a_version_records_who_added_it_and_logs_the_addition(staff_client, superuser):
    response = staff_client.post(ADD_URL, GOOD)
    assert response.status_code == 302, response.context["adminform"].form.errors
    added = Threshold.objects.get(key=GOOD["key"], valid_from=dt.date(2027, 1, 1))
    assert added.created_by == superuser
    log = LogEntry.objects.get(object_id=str(added.pk))
    assert log.action_flag == ADDITION
    assert log.user == superuser


def test_an_existing_version_is_shown_read_only_with_a_link_to_add_the_next(staff_client):
    row = Threshold.objects.filter(key="livelihood.min_income").first()
    url = reverse("admin:assessments_threshold_change", args=[row.pk])
    response = staff_client.get(url)
    assert response.status_code == 200
    assert b'name="value"' not in response.content
    assert f"{ADD_URL}?from={row.pk}".encode() in response.content


def test_an_existing_version_cannot_be_changed_by_posting(staff_client):
    row = Threshold.objects.filter(key="livelihood.min_income").first()
    url = reverse("admin:assessments_threshold_change", args=[row.pk])
    response = staff_client.post(url, {**GOOD, "value": "1"})
    assert response.status_code == 403
    row.refresh_from_db()
    assert row.value == 3_000_000


def make_assessment(*thresholds_used):
    assessment = Assessment.objects.create(
        application_date=dt.date(2026, 12, 1),
        route="general",
        overall="likely_eligible",
        score=100,
        answers={"status": "work", "secret_marker": "ANSWER-MARKER"},
        result={"route": "general"},
    )
    assessment.thresholds_used.set(thresholds_used)
    return assessment


def test_a_version_that_assessments_used_cannot_be_deleted(staff_client):
    row = Threshold.objects.filter(key="livelihood.min_income").first()
    make_assessment(row)
    url = reverse("admin:assessments_threshold_delete", args=[row.pk])
    change_url = reverse("admin:assessments_threshold_change", args=[row.pk])
    assert staff_client.get(url).url == change_url
    assert staff_client.post(url, {"post": "yes", "reason": "typo"}).url == change_url
    assert Threshold.objects.filter(pk=row.pk).exists()


def test_there_is_no_bulk_delete_action_to_get_around_the_refusal(staff_client):
    used = Threshold.objects.filter(key="livelihood.min_income").first()
    make_assessment(used)
    data = {"action": "delete_selected", "_selected_action": [used.pk], "post": "yes"}
    staff_client.post(LIST_URL, data)
    assert Threshold.objects.filter(pk=used.pk).exists()


def test_a_version_nothing_refers_to_can_be_deleted(staff_client):
    row = Threshold.objects.create(**{**GOOD, "value": 3_200_000, "valid_from": "2027-01-01"})
    url = reverse("admin:assessments_threshold_delete", args=[row.pk])
    assert staff_client.post(url, {"post": "yes", "reason": "entered twice"}).status_code == 302
    assert not Threshold.objects.filter(pk=row.pk).exists()


def test_the_threshold_admin_speaks_japanese(staff_client):
    response = staff_client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="ja")
    assert "新しい版を追加" in response.content.decode()


# Assessments ---------------------------------------------------------------------------


def staff_with(*codenames):
    user = User.objects.create_user("clerk", "clerk@example.org", "pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="assessments", codename__in=codenames)
    )
    return user


@pytest.mark.parametrize(
    "query", ["", "?route__exact=general", "?overall__exact=likely_eligible", "?o=-2"]
)
def test_the_assessment_list_shows_a_summary_only(staff_client, query):
    make_assessment()
    response = staff_client.get(reverse("admin:assessments_assessment_changelist") + query)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
    assert b"ANSWER-MARKER" not in response.content
    headers = [header["text"] for header in response.context["result_headers"]]
    columns = [text for text in headers if not text.startswith("<input")]
    assert len(columns) == 6


def test_the_assessment_list_labels_and_filters_route_and_verdict_by_their_choices(staff_client):
    make_assessment()
    url = reverse("admin:assessments_assessment_changelist")
    response = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    content = response.content.decode()
    assert '<td class="field-route">General route (10 years)</td>' in content
    assert '<td class="field-overall">Likely eligible</td>' in content
    changelist = response.context["cl"]
    filters = {spec.title: spec for spec in changelist.filter_specs}
    for title, choices in (("route", Route), ("verdict", Overall)):
        shown = [str(item["display"]) for item in filters[title].choices(changelist)]
        assert shown == ["All", *map(str, choices.labels)]


@pytest.mark.parametrize(
    ("codenames", "sees_answers"),
    [
        (["view_assessment"], False),
        (["view_assessment", "view_answers"], True),
    ],
    ids=["a clerk without the permission sees no answers", "with view_answers they are shown"],
)
def test_raw_answers_are_shown_only_with_the_view_answers_permission(
    client, codenames, sees_answers
):
    assessment = make_assessment()
    client.force_login(staff_with(*codenames))
    url = reverse("admin:assessments_assessment_change", args=[assessment.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert (b"ANSWER-MARKER" in response.content) is sees_answers


def test_nobody_can_add_or_edit_assessments_in_the_admin(staff_client):
    assessment = make_assessment()
    assert staff_client.get(reverse("admin:assessments_assessment_add")).status_code == 403
    url = reverse("admin:assessments_assessment_change", args=[assessment.pk])
    response = staff_client.post(url, {"score": "0", "route": "spouse"})
    assert response.status_code == 403
    assessment.refresh_from_db()
    assert (assessment.score, assessment.route) == (100, "general")


# A new version of livelihood.min_income (default: 3,000,000 yen from 2006-03-31, citing
# "行政書士の目安: 年収300万円以上（statusjapan.com）"), as "Add a new version" pre-fills it.
OLD_INCOME_TITLE = "行政書士の目安: 年収300万円以上（statusjapan.com）"
OLD_INCOME_URL = "https://www.statusjapan.com/archives/26701"
COPIED = {**GOOD, "source_title": OLD_INCOME_TITLE, "source_url": OLD_INCOME_URL}
NEW_TITLE = "行政書士の目安: 年収320万円以上"
NEW_URL = "https://example.org/income-2027"

# (sentence, changes to COPIED, fields expected to carry an error; empty when it saves)
STALE_SOURCE_CASES = [
    ("a new value under the copied title and URL is refused", {}, {"source_title", "source_url"}),
    (
        "a new value under the copied title with a new URL is refused on the title",
        {"source_url": NEW_URL},
        {"source_title"},
    ),
    (
        "a new value under the copied URL with a new title is refused on the URL",
        {"source_title": NEW_TITLE},
        {"source_url"},
    ),
    (
        "a new value with a new title and URL saves",
        {"source_title": NEW_TITLE, "source_url": NEW_URL},
        set(),
    ),
    (
        "a new value under the copied source saves once the admin confirms it",
        {"source_confirmed": "on"},
        set(),
    ),
    (
        "the same value under the copied source saves (a re-dated version)",
        {"value": "3000000"},
        set(),
    ),
    (
        "the same value written with decimals saves under the copied source",
        {"value": "3000000.00"},
        set(),
    ),
    (
        "a copied source with surrounding spaces is still the copied source",
        {"source_title": f" {OLD_INCOME_TITLE} "},
        {"source_title", "source_url"},
    ),
    (
        "the first version of a key is compared with nothing",
        {
            "valid_from": "2006-03-30",
            "past_date_confirmed": "on",
            "backdate_reason": "Recorded late: the guideline applied from this day.",
        },
        set(),
    ),
    (
        "a new date under the copied source is refused",
        {
            "key": "period_of_stay.transition_date",
            "unit": "date",
            "value": "",
            "date_value": "2028-03-31",
            "source_title": "永住許可に関するガイドライン（令和8年2月24日改訂） 注1",
            "source_url": "https://www.moj.go.jp/isa/applications/resources/nyukan_nyukan50.html",
        },
        {"source_title", "source_url"},
    ),
]


@pytest.mark.parametrize(
    ("changes", "error_fields"),
    [case[1:] for case in STALE_SOURCE_CASES],
    ids=[case[0] for case in STALE_SOURCE_CASES],
)
def test_a_new_value_must_not_keep_a_stale_source(form_user, changes, error_fields):
    form = threshold_form(form_user, {**COPIED, **changes})
    if not error_fields:
        assert form.is_valid(), form.errors
        return
    assert not form.is_valid()
    assert set(form.errors) == error_fields | {"source_confirmed"}, form.errors


@pytest.mark.parametrize(
    ("data", "shows_the_box"),
    [
        ({}, True),
        ({"source_title": NEW_TITLE, "source_url": NEW_URL, "valid_from": ""}, False),
    ],
    ids=["after a refused stale source", "after an unrelated error"],
)
def test_the_confirmation_box_is_shown_only_when_it_is_needed(staff_client, data, shows_the_box):
    blank = staff_client.get(ADD_URL).content.decode()
    assert 'type="checkbox" name="source_confirmed"' not in blank
    response = staff_client.post(ADD_URL, {**COPIED, **data})
    assert response.status_code == 200
    html = response.content.decode()
    assert ('type="checkbox" name="source_confirmed"' in html) is shows_the_box


def test_the_stale_source_message_names_the_old_value_in_both_languages(staff_client):
    for language, fragments in (
        ("en", ("¥3,000,000", "March 31, 2006")),
        ("ja", ("出典", "3,000,000円", "2006年3月31日")),
    ):
        response = staff_client.post(ADD_URL, COPIED, HTTP_ACCEPT_LANGUAGE=language)
        errors = response.context["adminform"].form.errors["source_title"][0]
        for fragment in fragments:
            assert fragment in errors


def test_a_confirmed_new_value_is_saved_with_the_copied_source(staff_client):
    response = staff_client.post(ADD_URL, {**COPIED, "source_confirmed": "on"})
    assert response.status_code == 302
    added = Threshold.objects.get(key=GOOD["key"], valid_from=dt.date(2027, 1, 1))
    assert added.source_title == OLD_INCOME_TITLE


# Every key: an empty, missing or wrongly typed value never saves ------------------------

FAR_FUTURE = "2099-01-01"


def new_version_of(key: str, **fields) -> dict:
    """A new version of ``key`` after all its versions, with a source of its own."""
    spec = THRESHOLD_KEYS[key]
    return {
        "key": key,
        "unit": spec.unit,
        "valid_from": FAR_FUTURE,
        "kind": "official",
        "source_title": "A source of the new value",
        "source_url": "https://example.org/new-value",
        "change_note": "Every key, every kind of bad value.",
        **fields,
    }


def _value_fields(spec) -> dict:
    if spec.unit == "date":
        return {"date_value": "2099-06-30"}
    if spec.unit == "table":
        return {"table_value": "[]"}
    return {"value": "1"}


def _every_key_cases():
    """(key, sentence, form data changes, field expected to carry an error or None)."""
    for key, spec in sorted(THRESHOLD_KEYS.items()):
        if spec.unit == "date":
            yield key, "an empty date", {"date_value": ""}, "date_value"
            yield key, "a number", {"date_value": "2099-06-30", "value": "5"}, "value"
            yield (
                key,
                "the no-limit box",
                {"date_value": "2099-06-30", "no_limit": "on"},
                "no_limit",
            )
        elif spec.unit == "table":
            yield key, "an empty table", {"table_value": ""}, "table_value"
            yield key, "text for a table", {"table_value": "not json"}, "table_value"
            yield key, "a number", {"table_value": "[]", "value": "5"}, "value"
            yield key, "the no-limit box", {"table_value": "[]", "no_limit": "on"}, "no_limit"
        else:
            yield key, "an empty value", {"value": ""}, "value"
            yield key, "text", {"value": "abc"}, "value"
            yield key, "a date", {"value": "1", "date_value": "2099-06-30"}, "date_value"
            yield (
                key,
                "the no-limit box",
                {"value": "", "no_limit": "on"},
                None if spec.no_limit else "no_limit",
            )


EVERY_KEY_CASES = list(_every_key_cases())


@pytest.mark.parametrize(
    ("key", "changes", "error_field"),
    [(key, changes, field) for key, _sentence, changes, field in EVERY_KEY_CASES],
    ids=[f"{key}: {sentence}" for key, sentence, _changes, _field in EVERY_KEY_CASES],
)
def test_every_key_refuses_an_empty_or_wrongly_typed_value(form_user, key, changes, error_field):
    form = threshold_form(form_user, new_version_of(key, **changes))
    if error_field is None:
        assert form.is_valid(), form.errors
    else:
        assert not form.is_valid()
        assert error_field in form.errors, form.errors


@pytest.mark.parametrize("key", sorted(THRESHOLD_KEYS))
def test_every_key_accepts_a_well_typed_value(form_user, key, monkeypatch):
    """The refusals above are not the form refusing everything (the trial is tested apart)."""
    monkeypatch.setattr(threshold_admin, "threshold_trial", lambda **kwargs: [])
    spec = THRESHOLD_KEYS[key]
    form = threshold_form(form_user, new_version_of(key, **_value_fields(spec)))
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    "key", sorted(k for k, s in THRESHOLD_KEYS.items() if s.unit not in ("date", "table"))
)
def test_every_key_stores_none_only_where_no_limit_means_something(key):
    row = Threshold(**{**new_version_of(key), "valid_from": dt.date(2099, 1, 1), "value": None})
    if THRESHOLD_KEYS[key].no_limit:
        row.full_clean()
    else:
        with pytest.raises(ValidationError) as refused:
            row.full_clean()
        assert "value" in refused.value.message_dict


# The persona trial, and no sequence of admin actions breaks the check -----------------

API_URL = reverse("api:assess")
LOW_INCOME_ANSWERS = {
    "application_date": "2026-12-07",
    "status": "work",
    "period_of_stay_years": 5,
    "residence_start_date": "2012-04-01",
    "employment": "regular",
    "guarantor": "japanese",
    "income": [{"year": year, "applicant": 2_100_000} for year in range(2021, 2026)],
}
#: A typo no per-key rule catches: 9000 years (for 10) makes the engine compute year 11012.
TYPO_YEARS = {
    **GOOD,
    "key": "residence.general.min_years",
    "unit": "years",
    "value": "9000",
    "source_title": "永住許可に関するガイドライン（改訂案）",
    "source_url": "https://example.org/guideline",
}


def assess(client):
    response = client.post(API_URL, LOW_INCOME_ANSWERS, content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize(
    ("language", "fragment"),
    [("en", "built-in test persona"), ("ja", "検証用の想定申請者")],
)
def test_a_version_that_makes_the_check_raise_is_refused_naming_the_persona(
    staff_client, language, fragment
):
    response = staff_client.post(ADD_URL, TYPO_YEARS, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert fragment in errors
    assert "An engineer fourteen years in Japan" in errors
    assert not Threshold.objects.filter(key="residence.general.min_years", value=9000).exists()


# (sentence, what the admin posts) — each refused, and the check still answers afterwards.
BREAKING_ATTEMPTS = [
    ("an empty income floor from today", {**GOOD, "value": "", "valid_from": "2026-12-07"}),
    ("an empty income floor dated in the future", {**GOOD, "value": ""}),
    ("text typed in the yen field", {**GOOD, "value": "three million"}),
    ("an income floor ticked as having no limit", {**GOOD, "value": "", "no_limit": "on"}),
    ("a residence period of 9000 years", TYPO_YEARS),
    (
        "a certificate month of 13",
        {**GOOD, "key": "lookback.certificate_month", "unit": "month_of_year", "value": "13"},
    ),
]


@pytest.mark.parametrize(
    "data", [case[1] for case in BREAKING_ATTEMPTS], ids=[case[0] for case in BREAKING_ATTEMPTS]
)
def test_an_admin_cannot_save_a_version_that_breaks_the_check(staff_client, client, data):
    before = Threshold.objects.count()
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert Threshold.objects.count() == before
    assess(client)


def test_an_empty_income_floor_stored_before_the_check_existed_is_ignored(client, time_machine):
    time_machine.move_to(TODAY + dt.timedelta(seconds=1), tick=False)  # a stamp of its own
    Threshold.objects.create(**{**GOOD, "value": None, "valid_from": dt.date(2026, 1, 1)})
    result = assess(client)
    assert result["thresholds"]["livelihood.min_income"]["value"] == 3_000_000


def test_the_last_version_of_a_key_cannot_be_deleted(staff_client):
    Threshold.objects.filter(key="livelihood.per_dependent").exclude(
        pk=Threshold.objects.filter(key="livelihood.per_dependent").first().pk
    ).delete()
    row = Threshold.objects.get(key="livelihood.per_dependent")
    url = reverse("admin:assessments_threshold_delete", args=[row.pk])
    response = staff_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert response.context["protected"]
    assert Threshold.objects.filter(pk=row.pk).exists()


def test_the_add_form_shows_amounts_with_separators(staff_client):
    source = Threshold.objects.get(key="livelihood.min_income", valid_from=dt.date(2006, 3, 31))
    response = staff_client.get(f"{ADD_URL}?from={source.pk}")
    assert 'value="3,000,000"' in response.content.decode()


def test_an_amount_written_300_man_is_saved_as_three_million(staff_client):
    data = {**GOOD, "value": "３２０万円", "source_title": "新しい目安"}
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    added = Threshold.objects.get(key=GOOD["key"], valid_from=dt.date(2027, 1, 1))
    assert added.value == 3_200_000


def test_the_add_form_offers_no_limit_as_a_box_and_never_calls_a_floor_unlimited(staff_client):
    response = staff_client.get(ADD_URL, HTTP_ACCEPT_LANGUAGE="ja")
    html = response.content.decode()
    assert 'type="checkbox" name="no_limit"' in html
    assert "上限なし" not in html


# Drafts and past dates -------------------------------------------------------------------


def draft_income_floor(valid_from: dt.date) -> Threshold:
    return Threshold.objects.create(
        **{**GOOD, "value": 9_000_000, "valid_from": valid_from, "kind": "draft"}
    )


def test_in_force_today_never_lists_a_draft(staff_client):
    draft = draft_income_floor(dt.date(2026, 12, 1))
    response = staff_client.get(LIST_URL + "?version=current&area=livelihood")
    rows = list(response.context["cl"].result_list)
    assert draft not in rows
    floor = next(row for row in rows if row.key == "livelihood.min_income")
    assert floor.valid_from == dt.date(2006, 3, 31)
    listed = staff_client.get(LIST_URL + "?area=livelihood").context["cl"].result_list
    assert not next(row for row in listed if row.pk == draft.pk).in_force


def test_a_draft_dated_in_the_past_does_not_change_todays_results(client):
    before = assess(client)
    draft_income_floor(dt.date(2026, 12, 1))
    after = assess(client)
    assert after["overall"] == before["overall"]
    assert after["thresholds"]["livelihood.min_income"]["value"] == 3_000_000


# Four-eyes review (PRCHECK_THRESHOLD_REVIEW) ----------------------------------------------

APPROVE_CASES = [
    # (sentence, setting on, who approves, applies afterwards)
    ("with review off a new version applies at once", False, None, True),
    ("with review on a new version does not apply before approval", True, None, False),
    ("its author cannot approve their own version", True, "author", False),
    ("an administrator without the permission cannot approve it", True, "clerk", False),
    ("a second administrator with the permission approves it", True, "reviewer", True),
]


def reviewer_with(*codenames, name="reviewer"):
    user = User.objects.create_user(name, f"{name}@example.org", "pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="assessments", codename__in=codenames)
    )
    return user


@pytest.mark.parametrize(
    ("review", "approver", "applies"),
    [case[1:] for case in APPROVE_CASES],
    ids=[case[0] for case in APPROVE_CASES],
)
def test_four_eyes_review(settings, client, staff_client, superuser, review, approver, applies):
    from assessments.thresholds.selectors import thresholds_at

    settings.PRCHECK_THRESHOLD_REVIEW = review
    response = staff_client.post(ADD_URL, {**GOOD, "valid_from": "2026-12-07"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    added = Threshold.objects.get(key=GOOD["key"], valid_from=dt.date(2026, 12, 7))
    assert added.awaiting_approval is review
    if approver is not None:
        user = {
            "author": superuser,
            "clerk": reviewer_with("view_threshold", name="clerk"),
            "reviewer": reviewer_with("view_threshold", "approve_threshold"),
        }[approver]
        client.force_login(user)
        url = reverse("admin:assessments_threshold_approve", args=[added.pk])
        client.post(url)
        added.refresh_from_db()
        assert added.awaiting_approval is not applies
        assert (added.approved_by == user) is applies
    applied = thresholds_at(on=dt.date(2026, 12, 7))["livelihood.min_income"]
    assert (applied == 3_200_000) is applies


def test_a_version_awaiting_approval_says_so_and_offers_approve(staff_client, settings):
    settings.PRCHECK_THRESHOLD_REVIEW = True
    staff_client.post(ADD_URL, GOOD)
    added = Threshold.objects.get(key=GOOD["key"], valid_from=dt.date(2027, 1, 1))
    for language, label in (("en", "Awaiting approval"), ("ja", "承認待ち")):
        html = staff_client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert label in html
    approve_url = reverse("admin:assessments_threshold_approve", args=[added.pk])
    page = staff_client.get(approve_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "another administrator must approve it" in page


def test_the_approve_action_approves_others_versions_only(client, superuser, settings):
    settings.PRCHECK_THRESHOLD_REVIEW = True
    mine = Threshold.objects.create(**{**GOOD, "value": 3_200_000, "awaiting_approval": True})
    mine.created_by = superuser
    mine.save()
    reviewer = reviewer_with("view_threshold", "change_threshold", "approve_threshold")
    theirs = Threshold.objects.create(
        **{**GOOD, "value": 3_300_000, "valid_from": "2027-02-01", "awaiting_approval": True},
        created_by=reviewer,
    )
    client.force_login(reviewer)
    data = {"action": "approve_selected", "_selected_action": [mine.pk, theirs.pk]}
    client.post(LIST_URL, data)
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert not mine.awaiting_approval
    assert theirs.awaiting_approval


def test_a_second_administrator_sees_the_version_and_an_approve_button(client, superuser, settings):
    settings.PRCHECK_THRESHOLD_REVIEW = True
    pending = Threshold.objects.create(
        **{**GOOD, "value": 3_200_000, "awaiting_approval": True}, created_by=superuser
    )
    client.force_login(reviewer_with("view_threshold", "approve_threshold"))
    url = reverse("admin:assessments_threshold_approve", args=[pending.pk])
    for language, button, reason in (
        ("en", "Approve this version", "Practitioners now expect"),
        ("ja", "この版を承認する", "Practitioners now expect"),
    ):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert button in page
        assert reason in page
