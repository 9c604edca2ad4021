"""The "When to file" section (issue 24): the page and the calendar say the stored file_by and
rule_changes, in both languages, and never state the pending draft as law."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from icalendar import Calendar

from assessments.results.view import ResultView
from tests.results.test_what_if import NOT_YET, stored

pytestmark = pytest.mark.django_db

#: Married on 2023-01-10, in Japan since 2023-06-01: the rules in force are met; the pending
#: draft's five years of marriage would only be met on 2028-01-10.
SPOUSE = {
    "application_date": "2026-12-01",
    "status": "spouse_of_japanese",
    "period_of_stay_years": 3,
    "status_expiry_date": "2028-06-01",
    "residence_start_date": "2023-06-01",
    "marriage_date": "2023-01-10",
    "employment": "regular",
    "guarantor": "japanese",
    "income": [{"year": year, "applicant": 4_500_000} for year in range(2015, 2026)],
}


@pytest.fixture(autouse=True)
def pinned_today():
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_stored_result_carries_rule_changes_and_file_by():
    result = stored(SPOUSE).result
    assert result["file_by"] == "2027-03-31"
    assert result["file_by_verdict"]["overall"] == "likely_eligible"
    [change] = result["rule_changes"]
    assert (change["date"], change["basis"]) == ("2027-04-01", "draft")
    assert change["changes"][0]["after"] == {
        "status": "at_risk",
        "code": "residence_period.draft_marriage_too_short",
        "clears_on": "2028-01-10",
        "basis": "draft",
    }
    assert result["fee_at_grant"] == {
        "likely_grant_date": "2027-12-01",
        "yen": 200_000,
        "basis": "official",
        "processing_months": 12,
        "processing_basis": "practice",
        "valid_from": "2026-10-01",
        "previous_yen": 10_000,
        "processing_bureau": None,
    }


def test_the_page_says_file_by_and_what_the_draft_would_change_in_english(client):
    text = _text(client.get(f"/en/result/{stored(SPOUSE).token}/"))
    assert "When to file" in text
    assert "File by 31 March 2027: “Likely eligible” under the rules in force" in text
    assert "From 1 April 2027 (draft, if adopted), for applications filed from that day:" in text
    assert (
        "Residence period: “Met” under the rules in force; if the draft is adopted, "
        "it would be “At risk” until 10 January 2028."
    ) in text
    assert "it is not law" in text
    assert "when the fee in force is ¥200,000" in text


def test_the_page_says_it_in_japanese_without_stating_the_draft_as_law(client):
    text = _text(client.get(f"/ja/result/{stored(SPOUSE).token}/"))
    assert "申請の時期" in text
    assert "2027年3月31日までに申請する場合" in text
    assert "2027年4月1日以降の申請（改定案が採用された場合）" in text
    assert "改定案が採用された場合は、2028年1月10日まで「注意が必要です」となる見込みです" in text
    assert "確定した基準ではありません" in text
    assert "20万円" in text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "If a decision at the Tokyo Regional Immigration Services Bureau takes about 16 "),
        ("ja", "東京出入国在留管理局での審査に約16か月かかる（実務上の目安）"),
    ],
)
def test_the_fee_sentence_names_the_bureau_whose_processing_time_it_uses(client, language, words):
    assessment = stored({**SPOUSE, "immigration_bureau": "tokyo"})
    assert assessment.result["fee_at_grant"]["processing_bureau"] == "tokyo"
    assert words in _text(client.get(f"/{language}/result/{assessment.token}/"))


def test_without_a_bureau_of_its_own_the_fee_sentence_names_none(client):
    text = _text(
        client.get(f"/en/result/{stored({**SPOUSE, 'immigration_bureau': 'osaka'}).token}/")
    )
    assert "If a decision takes about 12 months" in text
    assert "decision at the Osaka" not in text


def test_a_result_no_change_touches_has_no_section(client):
    assessment = stored(NOT_YET)
    assert assessment.result["rule_changes"] == []
    assert assessment.result["file_by"] is None
    assert "When to file" not in _text(client.get(f"/en/result/{assessment.token}/"))


def filing_view(result: dict):
    """The "When to file" facts the typed view reads from a stored result."""
    return ResultView.from_json(result).filing


def test_a_result_stored_before_the_planner_has_no_section():
    assert filing_view({"overall": "likely_eligible", "requirements": []}) is None
    assert filing_view({"rule_changes": [{"date": "not a date", "changes": []}]}) is None


def test_file_by_is_a_calendar_event_worded_as_a_draft(client):
    token = stored(SPOUSE).token
    for language, words in (("en", "draft"), ("ja", "改定案")):
        calendar = Calendar.from_ical(
            client.get(f"/{language}/result/{token}/calendar.ics").content
        )
        [event] = [e for e in calendar.walk("VEVENT") if e.get("categories").cats == ["file_by"]]
        assert event.decoded("dtstart") == dt.date(2027, 3, 31)
        assert words in str(event.get("summary")), language


def test_no_file_by_event_without_a_file_by(client):
    calendar = Calendar.from_ical(
        client.get(f"/en/result/{stored(NOT_YET).token}/calendar.ics").content
    )
    assert not [e for e in calendar.walk("VEVENT") if e.get("categories").cats == ["file_by"]]


def test_a_change_in_force_is_worded_as_the_rules_from_that_day_not_as_a_draft():
    from django.template.loader import render_to_string
    from django.utils import translation

    filing = filing_view(
        {
            "rule_changes": [
                {
                    "date": "2027-04-01",
                    "basis": "official",
                    "changes": [
                        {
                            "requirement": "period_of_stay",
                            "before": {"status": "met", "clears_on": None},
                            "after": {"status": "not_met", "clears_on": "2028-05-01"},
                        }
                    ],
                }
            ],
            "file_by": "2027-03-31",
            "file_by_verdict": {"overall": "eligible_with_risks"},
        }
    )
    assert not filing.draft_ahead
    texts = {}
    for language in ("en", "ja"):
        with translation.override(language):
            html = render_to_string("assessments/includes/when_to_file.html", {"filing": filing})
        texts[language] = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "From 1 April 2027 (rules in force from that day)" in texts["en"]
    assert (
        "Longest period of stay: “Met” before that day; “Not met” from it, until 1 May 2028."
    ) in texts["en"]
    assert "draft" not in texts["en"]
    assert "2027年4月1日以降の申請（同日から適用される基準）" in texts["ja"]
    assert "同日以降の申請では2028年5月1日まで「満たしていません」となります" in texts["ja"]
    assert "改定案" not in texts["ja"]
