"""After "Save and go back to your answers", the summary opens at the answer just changed.

Issue 21 item 8: not at the top of a summary of 37 links. The row of each answer has the id
``answer-<its name on its step>`` and can take the focus (``tabindex="-1"``), so the fragment
of the redirect moves the focus there.
"""

from __future__ import annotations

import datetime as dt

from tests.questionnaire import profiles as p


def test_the_summary_opens_at_the_answer_just_changed(driver):
    driver.answer_all(p.GENERAL)
    response = driver.answer("household", returning=True, **{**p.INCOME, "dependents": 2})
    assert response["Location"].endswith("/summary/#answer-household-dependents")
    page = driver.get("summary").content.decode()
    assert 'id="answer-household-dependents" tabindex="-1"' in page


def test_a_trip_changed_opens_the_summary_at_the_list_of_trips(driver):
    driver.answer_all(p.GENERAL)
    trips = [{"departure": dt.date(2023, 8, 1), "return_date": dt.date(2023, 8, 25)}]
    response = driver.answer("travel", returning=True, has_trips=True, trips=trips)
    assert response["Location"].endswith("/summary/#answer-travel-trips")
    assert 'id="answer-travel-trips"' in driver.get("summary").content.decode()


def test_saved_unchanged_the_summary_opens_at_the_first_answer_of_the_step(driver):
    driver.answer_all(p.GENERAL)
    response = driver.answer("taxes", returning=True, **p.TAXES)
    assert response["Location"].endswith("/summary/#answer-taxes-taxes_paid")


def test_on_the_way_forward_there_is_no_fragment(driver):
    driver.answer_pages("status", **p.STATUS)
    response = driver.answer("residence", **p.RESIDENCE)
    assert "#" not in response["Location"]
