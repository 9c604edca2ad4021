"""The timeline on the result page, in both languages: the SVG, its table, "why not earlier"."""

from __future__ import annotations

import re

import pytest

from tests.results.conftest import engine_result, hand_result, store

pytestmark = pytest.mark.django_db

SHORT_WITH_TRIPS = engine_result(
    residence_start_date="2017-12-01",
    trips=[
        {"departure": "2020-01-01", "return": "2020-04-01"},
        {"departure": "2022-01-01", "return": "2022-01-20"},
    ],
    payments=[{"kind": "pension", "due_date": "2025-03-31", "paid_date": "2025-06-01"}],
)
TEXT = {
    "en": {
        "title": "Your timeline",
        "sets": "This sets your earliest date.",
        "why": "Why not earlier than 1 December 2027",
        "residence": "10 years from 1 December 2017 are complete that day.",
        "payment": "Counts until 31 March 2027",
        "longest": "your longest trip",
        "table": "Your timeline as a table",
    },
    "ja": {
        "title": "在留の経過（タイムライン）",
        "sets": "この要件が最短の申請可能日を決めています。",
        "why": "2027年12月1日より前に申請できない理由",
        "residence": "2017年12月1日から10年が経過する日です。",
        "payment": "2027年3月31日まで審査対象",
        "longest": "最長の出国",
        "table": "在留の経過（表形式）",
    },
}


def _page(client, result: dict, language: str) -> str:
    response = client.get(f"/{language}/result/{store(result).token}/")
    assert response.status_code == 200
    return response.content.decode()


def _section(html: str) -> str:
    start = html.index('aria-labelledby="why-heading"')
    return html[start : html.index("</section>", html.index('id="timeline-heading"'))]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_result_page_draws_the_timeline_and_says_why_not_earlier(client, language):
    html = _page(client, SHORT_WITH_TRIPS, language)
    text = TEXT[language]
    section = _section(html)
    assert re.search(
        r'<svg class="timeline-chart timeline-chart--wide" role="img" aria-labelledby="tl-title" aria-describedby="tl-desc"',
        section,
    )
    assert f'<title id="tl-title">{text["title"]}</title>' in section
    assert '<desc id="tl-desc">' in section
    for key in ("sets", "why", "residence", "payment", "longest", "table"):
        assert text[key] in section, key
    assert "<script" not in section


def test_the_table_under_the_chart_lists_every_trip_once(client):
    section = _section(_page(client, SHORT_WITH_TRIPS, "en"))
    assert section.count('<th scope="row">Trip ') == 2
    assert "1 January 2020" in section and "1 January 2022" in section


def test_the_why_table_marks_the_requirement_that_sets_the_earliest_date_in_words(client):
    section = _section(_page(client, SHORT_WITH_TRIPS, "en"))
    row = section[section.index('class="sets-earliest"') :]
    row = row[: row.index("</tr>")]
    assert "Residence period" in row and "1 December 2027" in row
    assert "This sets your earliest date." in row


def test_what_would_move_a_requirement_time_does_not_clear_is_said(client):
    income = [{"year": y, "applicant": 4_000_000} for y in range(2015, 2026)]
    income[2023 - 2015] = {"year": 2023, "applicant": 2_600_000}
    html = _page(client, engine_result(income=income), "en")
    assert "With an income of at least ¥3,000,000 in every year from 2026 to 2028" in html
    assert "your earliest date would be 1 June 2029" in html


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "3 years of marriage, from 1 June 2024, are complete that day"),
        ("ja", "婚姻（2024年6月1日）から3年が経過し"),
    ],
)
def test_why_not_earlier_names_the_years_of_marriage_in_force_on_the_day_it_clears(
    client, language, sentence
):
    """The draft's five years from 2027-04-01 are pending, not law: the third anniversary clears."""
    spouse = engine_result(
        status="spouse_of_japanese",
        period_of_stay_years=3,
        marriage_date="2024-06-01",
        residence_start_date="2020-01-01",
    )
    section = _section(_page(client, spouse, language))
    assert sentence in section
    assert "2027" in section


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Your HSP points fall to 67 points on 1 June 2027, below the 70 points"),
        ("ja", "2027年6月1日に高度専門職ポイントが67点となり"),
    ],
)
def test_hsp_points_falling_before_the_waiting_period_is_said_with_the_date(
    client, language, sentence
):
    result = engine_result(
        status="hsp",
        residence_start_date="2025-01-01",
        status_grant_date="2025-01-01",
        hsp_points={"now": 72},
        hsp_points_changes=[{"date": "2027-06-01", "points": 67}],
    )
    assert sentence in _page(client, result, language)


HSP_ELIGIBLE = engine_result(
    status="hsp",
    period_of_stay_years=5,
    residence_start_date="2023-01-01",
    status_grant_date="2025-06-01",
    hsp_points={"now": 90, "one_year_ago": 85},
)


def test_nothing_in_the_way_shows_no_empty_when_each_requirement_clears_heading(client):
    assert HSP_ELIGIBLE["overall"] == "likely_eligible"
    html = _page(client, HSP_ELIGIBLE, "en")
    assert 'id="timeline-heading"' in html
    assert "why-heading" not in html and "When each requirement clears" not in html


@pytest.mark.parametrize(("language", "label"), [("en", "Income 2025<"), ("ja", "収入 2025年<")])
def test_one_year_of_income_is_labelled_with_that_year_not_a_range_to_itself(
    client, language, label
):
    assert HSP_ELIGIBLE["timeline"]["windows"], "the income window is drawn"
    html = _page(client, HSP_ELIGIBLE, language)
    assert label in html
    assert "2025–2025" not in html and "2025年〜2025年" not in html


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "If you pay the payment still unpaid now, it counts as paid late."),
        ("ja", "未納分は、今納付しても遅延納付として扱われます。"),
    ],
)
def test_settling_one_unpaid_payment_is_said_of_that_one_payment(client, language, sentence):
    unpaid = engine_result(
        payments=[{"kind": "resident_tax", "due_date": "2025-06-30", "paid_date": None}]
    )
    html = _page(client, unpaid, language)
    assert sentence in html
    assert "the 1 payment" not in html


def test_a_result_stored_before_the_timeline_shows_no_chart(client):
    html = _page(client, hand_result(), "en")
    assert "timeline-chart" not in html and "why-heading" not in html


@pytest.mark.parametrize(
    "timeline",
    [
        {"start": "2020-01-01"},
        {"start": "2020-01-01", "end": "2027-01-01", "trips": "x", "windows": [1, None]},
        {
            "start": "2020-01-01",
            "end": "2027-01-01",
            "trips": [{"departure": "bad", "return": None, "days": "x"}],
            "marks": [{"date": "2021-13-40"}],
            "milestones": [
                {"code": "today", "date": "nope"},
                {"code": "unknown", "date": "2021-01-01"},
            ],
            "clears": ["x", {"requirement": 3}],
        },
    ],
)
def test_an_odd_stored_timeline_never_breaks_the_page(client, timeline):
    _page(client, hand_result(timeline=timeline), "en")
