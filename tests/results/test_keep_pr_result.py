"""A permanent resident's stored check: its page and its calendar, in both languages."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from icalendar import Calendar

from assessments.eligibility.answers import answers_from_dict
from assessments.results.services import assessment_evaluate, assessment_store

pytestmark = pytest.mark.django_db

JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
ASCII = re.compile("^[ -~]+$")
#: Lost: fourteen months on a special re-entry permit; a pension paid late in 2027.
LOST = {
    "application_date": "2028-03-01",
    "status": "permanent_resident",
    "status_grant_date": "2020-05-01",
    "trips": [{"departure": "2026-10-01", "return": "2027-12-10", "reentry_permit": "special"}],
    "payments": [{"kind": "pension", "due_date": "2027-05-31", "paid_date": "2027-09-01"}],
}
#: Act now: abroad on a special permit with a return planned after it lapses, a tax unpaid.
ABROAD = {
    "application_date": "2027-06-01",
    "status": "permanent_resident",
    "status_grant_date": "2020-05-01",
    "residence_card_expiry": "2027-07-15",
    "trips": [
        {
            "departure": "2026-09-01",
            "return": "2027-10-01",
            "reentry_permit": "special",
            "planned": True,
        }
    ],
    "payments": [{"kind": "resident_tax", "due_date": "2027-04-30", "paid_date": None}],
}
QUIET = {
    "application_date": "2027-06-01",
    "status": "permanent_resident",
    "status_grant_date": "2020-05-01",
}


def page_text(response) -> str:
    """The page's text, tags dropped (English pages mark Japanese runs), spaces squeezed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def stored(data: dict):
    answers = answers_from_dict(data, today=dt.date.fromisoformat(data["application_date"]))
    result = assessment_evaluate(answers=answers)
    return assessment_store(answers=answers, result=result, language="en")


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "en",
            [
                "Your permanent residence has been lost",
                "after your Special re-entry permit (みなし再入国許可) lapsed on 1 October 2027",
                "Paid late since 1 April 2027",
                "26条の2",
            ],
        ),
        (
            "ja",
            [
                "永住資格を失っています",
                "2027年10月1日に失効した後",
                "2027年4月1日以降に納期限を過ぎて納付",
                "26条の2",
            ],
        ),
    ],
)
def test_a_lost_permanent_residence_is_said_with_its_sources(client, language, words):
    assessment = stored(LOST)
    assert assessment.route == "keep_pr"
    response = client.get(f"/{language}/result/{assessment.token}/")
    assert response.status_code == 200
    text = page_text(response)
    for word in words:
        assert word in text, word


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["No known risk to your permanent residence", "From 1 March 2034 to 1 May 2034"]),
        (
            "ja",
            ["永住資格について把握できるリスクはありません", "2034年3月1日から2034年5月1日まで"],
        ),
    ],
)
def test_nothing_to_report_is_no_known_risk_with_the_next_card_renewal(client, language, words):
    response = client.get(f"/{language}/result/{stored(QUIET).token}/")
    text = page_text(response)
    for word in words:
        assert word in text, word


def test_an_unpaid_tax_and_a_trip_outlasting_its_permit_are_act_now_with_dated_steps(client):
    response = client.get(f"/en/result/{stored(ABROAD).token}/")
    text = page_text(response)
    assert "Act now to keep your permanent residence" in text
    assert "Come back to Japan by 1 September 2027" in text
    assert "Pay what is outstanding by 1 June 2027" in text
    assert "Apply to renew your residence card" in text


def test_the_calendar_has_every_deadline_worded_in_the_pages_language(client):
    assessment = stored(ABROAD)
    for language, script in (("en", ASCII), ("ja", JAPANESE)):
        response = client.get(f"/{language}/result/{assessment.token}/calendar.ics")
        assert response.status_code == 200
        calendar = Calendar.from_ical(response.content)
        events = {}
        for event in calendar.walk("VEVENT"):
            events.setdefault(event.get("categories").cats[0], []).append(event.decoded("dtstart"))
            assert script.search(str(event.get("summary"))), (language, event.get("summary"))
        assert events == {
            "act_by": [dt.date(2027, 6, 1), dt.date(2027, 7, 15), dt.date(2027, 9, 1)],
            "card_expires": [dt.date(2027, 7, 15)],
            "permit_lapses": [dt.date(2027, 9, 1)],
        }


def test_a_what_if_on_a_permanent_residents_check_goes_back_to_its_result(client):
    assessment = stored(QUIET)
    response = client.post(
        f"/en/result/{assessment.token}/what-if/", {"application_date": "2028-01-01"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/result/{assessment.token}/")


def test_a_permanent_residents_check_has_no_application_hand_off_pack(client):
    assessment = stored(QUIET)
    assert client.get(f"/en/result/{assessment.token}/handoff.zip").status_code == 404
    assert "handoff.zip" not in client.get(f"/en/result/{assessment.token}/").text
