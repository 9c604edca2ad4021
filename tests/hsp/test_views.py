"""The /<lang>/hsp/ page: the form, the result, and errors, in Japanese and in English."""

import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.hsp.forms import HspProfileForm
from tests.hsp.conftest import PROFILE_FIELDS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pinned_today():
    """Pin today to 2026-12-01 in Japan (the form's default day of the calculation)."""
    with time_machine.travel("2026-12-01 10:00 +0900", tick=False):
        yield


ANSWERS = {
    "category": "technical",
    "as_of": "2026-12-01",
    "birth_date": "1997-01-15",
    "education": "master",
    "experience_years": "3",
    "annual_salary": "5,500,000",
    "position": "none",
    "bonuses": ["jlpt_n1", "jlpt_n2"],
}


def url(language):
    return f"/{language}/hsp/"


def test_the_page_is_routed_under_each_language():
    assert reverse("hsp:calculator") in ("/ja/hsp/", "/en/hsp/")


PAGE = [
    ("in English", "en", "Highly Skilled Professional points", "Count my points"),
    ("in Japanese", "ja", "高度専門職ポイント", "ポイントを計算する"),
]


@pytest.mark.parametrize(
    ("language", "title", "button"), [c[1:] for c in PAGE], ids=[c[0] for c in PAGE]
)
def test_the_empty_form_renders_with_todays_date_and_native_date_inputs(
    client, language, title, button
):
    html = client.get(url(language)).content.decode()
    assert f'<html lang="{language}">' in html
    assert title in html and button in html
    assert re.search(r'<input type="date" name="as_of" value="2026-12-01"', html)
    assert '<input type="date" name="birth_date"' in html
    assert "<script" not in html and "style=" not in html


RESULT = [
    (
        "in English",
        "en",
        ["How your points add up", "¥5,500,000", "10 points short", "reaches 80", "Not counted"],
    ),
    (
        "in Japanese",
        "ja",
        ["ポイントの内訳", "550万円", "あと10点", "80点に到達", "加算されない項目"],
    ),
]


@pytest.mark.parametrize(("language", "words"), [c[1:] for c in RESULT], ids=[c[0] for c in RESULT])
def test_a_valid_profile_shows_the_breakdown_total_gaps_and_suggestions(client, language, words):
    response = client.post(url(language), ANSWERS)
    assert response.status_code == 200
    html = response.content.decode()
    result = html[html.index('id="result"') :]
    assert re.search(r'hsp-total__number">70<', result)
    assert all(word in result for word in words)
    not_counted = result[result.index("<h3>", result.index("</table>")) :]
    assert re.search(r"<li>[^<]*N2[^<]*</li>", not_counted)  # N2 is not counted beside N1


ERRORS = [
    (
        "in English",
        "en",
        "There is a problem",
        "This date is after the day of the calculation",
        "Enter your expected annual salary as an amount in yen",
    ),
    (
        "in Japanese",
        "ja",
        "入力内容に問題があります",
        "計算の基準日",
        "見込み年収を金額で入力してください",
    ),
]


@pytest.mark.parametrize(
    ("language", "heading", "birth_message", "salary_message"),
    [c[1:] for c in ERRORS],
    ids=[c[0] for c in ERRORS],
)
def test_every_error_is_summarised_with_links_and_marked_on_its_field(
    client, language, heading, birth_message, salary_message
):
    bad = {**ANSWERS, "birth_date": "2027-01-01", "annual_salary": "a lot", "education": "bachelor"}
    bad["multiple_degrees"] = "on"
    html = client.post(url(language), bad).content.decode()
    summary = html[
        html.index('class="error-summary"') : html.index(
            "</div>", html.index('class="error-summary"')
        )
    ]
    assert 'role="alert"' in summary and heading in summary
    assert birth_message in summary and salary_message in summary
    links = re.findall(r'href="#([\w-]+)"', summary)
    assert links == ["id_birth_date", "id_multiple_degrees", "id_annual_salary"]
    for field in ("birth_date", "annual_salary"):
        tag = re.search(rf'<input[^>]*name="{field}"[^>]*>', html).group(0)
        assert 'aria-invalid="true"' in tag
        assert f"id_{field}_error" in tag
        assert f'id="id_{field}_error"' in html
    assert 'id="result"' not in html


def test_a_missing_category_links_to_its_first_radio_button(client):
    html = client.post(url("en"), {**ANSWERS, "category": ""}).content.decode()
    assert 'href="#id_category_0"' in html
    assert 'id="id_category_0"' in html


def test_the_salary_floor_is_explained_when_it_is_not_met(client):
    rich = {
        **ANSWERS,
        "annual_salary": "2,999,999",
        "bonuses": ["innovation_support", "innovation_support_sme", "jlpt_n1", "growth_field"],
    }
    html = client.post(url("en"), rich).content.decode()
    assert "Below the minimum salary" in html
    assert "at least ¥3,000,000" in html


def test_a_day_before_the_table_is_a_field_error_not_a_crash(client):
    response = client.post(
        url("en"), {**ANSWERS, "as_of": "2015-01-01", "birth_date": "1990-01-01"}
    )
    assert response.status_code == 200
    assert 'href="#id_as_of"' in response.content.decode()


def test_the_page_keeps_the_profile_out_of_caches_and_urls(client):
    response = client.post(url("en"), ANSWERS)
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert 'method="post"' in response.content.decode()


odd_text = st.sampled_from(
    [
        "",
        "0",
        "-1",
        "1e400",
        "NaN",
        "9999-12-31",
        "0001-01-01",
        "９９",
        "¥3,000,000",
        "on",
        "x" * 300,
    ]
) | st.text(max_size=20)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=st.dictionaries(st.sampled_from(PROFILE_FIELDS), odd_text, max_size=5))
def test_no_form_input_gives_a_server_error(client, changes):
    data = {**ANSWERS, **{key: value.replace("\x00", "") for key, value in changes.items()}}
    assert client.post(url("en"), data).status_code == 200


def test_each_summary_entry_is_the_message_shown_by_its_field(client):
    bad = {**ANSWERS, "birth_date": "2027-01-01", "annual_salary": "a lot", "category": ""}
    response = client.post(url("en"), bad)
    form = response.context["form"]
    shown = [(f"id_{name}", error) for name, errors in form.errors.items() for error in errors]
    summary = [(anchor.removesuffix("_0"), message) for anchor, message in form.error_summary()]
    assert sorted(summary) == sorted(shown)
    html = response.content.decode()
    for _anchor, message in summary:
        assert html.count(escape(message)) == 2, "once in the summary, once by the field"


def test_an_error_of_the_whole_profile_links_to_the_first_question():
    with translation.override("en"):
        form = HspProfileForm(data=ANSWERS)
        form.is_valid()
        form.add_profile_errors({"salary_bonus": [("unknown_field", {})]})
        summary = form.error_summary()
    assert summary == [("id_category_0", "This is not one of the profile fields prcheck knows.")]


DATED_ERRORS = [
    ("en", "birth_date", "This date is after the day of the calculation (1 December 2026)."),
    ("ja", "birth_date", "2026年12月1日"),
    ("en", "as_of", "prcheck has no points table in force on 1 January 2015"),
    ("ja", "as_of", "2015年1月1日"),
]


@pytest.mark.parametrize(("language", "field", "words"), DATED_ERRORS)
def test_dates_in_errors_are_written_in_the_language_of_the_page(client, language, field, words):
    bad = {"birth_date": {"birth_date": "2027-01-01"}, "as_of": {"as_of": "2015-01-01"}}[field]
    response = client.post(url(language), {**ANSWERS, **bad})
    (message,) = response.context["form"].errors[field]
    assert words in message
    assert not re.search(r"\d{4}-\d{2}-\d{2}", message)
    assert (f"id_{field}", message) in response.context["error_summary"]
