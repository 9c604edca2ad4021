"""Errors that say what to do: on every step, a blank answer is named by its question.

For each step (reached with a route that asks it), posting it empty shows every error with a
message of its own question (not "Choose one of the answers"), linked from the error summary
to the field, in the language of the page, with dates written out rather than ISO.
"""

from __future__ import annotations

import re

import pytest

from assessments.questionnaire.forms.questions import QUESTION_ERRORS
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import GROUP_OF, WizardDriver

GENERIC = {
    "Choose one of the answers.",
    "Enter a date.",
    "Enter a number.",
    "Answer this question.",
}
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
#: (route, the steps it asks in order before the summary)
ROUTES = [p.GENERAL, p.SPOUSE, p.LONG_TERM_RESIDENT, p.WITH_LISTS]


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize(
    "answers", ROUTES, ids=["general", "spouse", "long_term_resident", "with_lists"]
)
def test_every_step_posted_empty_names_each_question_and_links_to_its_field(
    client, db, language, answers
):
    driver = WizardDriver(client, language=language)
    step, checked = "status", []
    while step != "summary":
        response = driver.answer(step)
        assert response.status_code == 200, step
        summary = response.context["error_summary"]
        assert summary, step
        html = response.content.decode()
        for anchor, message in summary:
            assert f'id="{anchor}"' in html, (step, anchor)
            assert not any(generic in message for generic in GENERIC), (step, message)
            assert not ISO.search(message), (step, message)
        named = {str(m) for m in QUESTION_ERRORS.get(step, {}).values()}
        for field, errors in response.context["form"].errors.items():
            if field in QUESTION_ERRORS.get(step, {}):
                assert set(errors) <= named, (step, field, errors)
        checked.append(step)
        driver.answer(step, **answers[GROUP_OF.get(step, step)])
        step = driver.next_step
    assert {"status", "travel", "income", "taxes", "conduct"} <= set(checked)
    if answers is p.WITH_LISTS:
        assert set(p.LIST_PARENTS) <= set(checked), "every list page is checked too"


def test_a_missing_return_date_names_the_trip_and_the_day_it_began_in_words(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **p.RESIDENCE)
    response = driver.answer(
        "travel", has_trips=True, trips=[{"departure": "2024-08-01", "return_date": ""}]
    )
    row = response.context["form"].formsets["trips"].forms[0]
    assert row.errors["return_date"] == [
        "Trip 1: enter the date you came back (on or after 1 August 2024, the day you left)"
    ]


def test_a_return_before_departure_says_what_to_enter_in_japanese(client, db):
    driver = WizardDriver(client, language="ja")
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **p.RESIDENCE)
    response = driver.answer(
        "travel", has_trips=True, trips=[{"departure": "2024-08-01", "return_date": "2024-07-01"}]
    )
    row = response.context["form"].formsets["trips"].forms[0]
    assert row.errors["return_date"] == [
        "【渡航 1】帰国日（再入国日）を、出国日（2024年8月1日）以降の日付で入力してください"
    ]


def test_contract_errors_on_the_wizard_write_dates_in_the_language_of_the_page(client, db):
    driver = WizardDriver(client, language="ja")
    driver.answer_pages("status", **p.STATUS)
    response = driver.answer("residence", **{**p.RESIDENCE, "residence_start_date": "2027-01-01"})
    messages = " ".join(str(e) for e in response.context["form"].errors["residence_start_date"])
    assert "2026年12月1日" in messages and not ISO.search(messages)
