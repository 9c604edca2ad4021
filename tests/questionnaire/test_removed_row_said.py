"""A row removed without JavaScript is said on the page shown next (issue 21 item 8).

With JavaScript, rows.js takes the row out in place and the list's status region says "Trip 2
removed". Without it, "Remove Trip 2" posts the page: the page shown next says the same words
(the same msgid as the button's ``data-removed``) in that region, before the rows, once; and
everything else typed on the page is still there.
"""

import datetime as dt
import html
import re

import pytest
from django.test import Client

from tests.questionnaire import profiles as p
from tests.questionnaire.driver import WizardDriver, step_data

D = dt.date
THREE_TRIPS = [
    {"departure": D(2021, 1, 1), "return_date": D(2021, 1, 10)},
    {"departure": D(2022, 1, 1), "return_date": D(2022, 1, 10)},
    {"departure": D(2023, 1, 1), "return_date": D(2023, 1, 10)},
]
PASTED = "2024/8/1-2024/8/20\n"
STATUS_REGION = re.compile(r'<div class="rows-status" role="status" data-rows-status>(.*?)</div>')


def said(response, rows: str) -> str:
    """Return the words of the status region of the list ``rows`` (its fieldset's id)."""
    page = response.content.decode()
    block = page[page.index(f'id="{rows}-rows"') :]
    return html.unescape(STATUS_REGION.search(block)[1])


def remove_second_trip(driver, *, returning=False):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **p.RESIDENCE)
    data = step_data("travel", {"has_trips": True, "trips": THREE_TRIPS})
    data.update(trips_paste=PASTED, wizard_remove_row="trips:1")
    driver.response = driver.client.post(driver.url("travel", returning=returning), data)
    return driver.response


@pytest.mark.parametrize(
    ("language", "words"), [("en", "Trip 2 removed"), ("ja", "「渡航 2」を削除しました")]
)
def test_the_page_after_remove_says_which_row_was_removed_before_the_rows(db, language, words):
    driver = WizardDriver(Client(), language=language)
    remove_second_trip(driver)
    assert driver.response["Location"].endswith("/travel/#travel-trips-rows")
    response = driver.get("travel")
    assert said(response, "travel-trips") == words
    page = response.content.decode()
    region = page.index("data-rows-status", page.index('id="travel-trips-rows"'))
    assert region < page.index('id="travel-trips-0-row"'), "the message comes before the rows"


def test_the_message_is_said_once(driver):
    remove_second_trip(driver)
    driver.get("travel")
    assert said(driver.get("travel"), "travel-trips") == ""


def test_nothing_else_typed_on_the_page_is_lost(driver):
    remove_second_trip(driver, returning=True)
    assert "return=summary" in driver.response["Location"], "still on the way back to the summary"
    response = driver.get("travel", returning=True)
    form = response.context["form"]
    assert form["has_trips"].value() == "yes"
    rows = form.formsets["trips"].initial
    assert [row["departure"] for row in rows] == ["2021-01-01", "2023-01-01"]
    assert response.context["trips_paste"] == PASTED
    assert not response.context["error_summary"]


def test_a_list_page_says_it_too(driver):
    driver.answer_all(p.WITH_LISTS)
    rows = p.WITH_LISTS["traffic_violations"]["traffic_violations"]
    two = [*rows, {"date": D(2024, 2, 1), "kind": "serious"}]
    driver.press(
        "traffic_violations", "wizard_remove_row", "traffic_violations:1", traffic_violations=two
    )
    response = driver.get("traffic_violations")
    assert said(response, "traffic_violations-traffic_violations") == "Violation 2 removed"


def test_add_another_says_nothing(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.press("travel", "wizard_add_row", "trips", has_trips=True, trips=THREE_TRIPS)
    assert said(driver.get("travel"), "travel-trips") == ""
