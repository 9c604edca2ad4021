"""For each step: given the earlier answers, this answer leads to that step.

Every branch of every condition in ``flow.py`` is a row of a table here.
"""

import datetime as dt

import pytest

from tests.questionnaire import profiles as p
from tests.questionnaire.driver import GROUP_OF

D = dt.date


def answer_status_and_residence(driver, answers: dict) -> None:
    """Answer the status pages and the residence page (which asks whether to try HSP)."""
    driver.answer_pages("status", **{**p.STATUS, **answers})
    driver.answer("residence", **{**p.RESIDENCE, "hsp_route": answers.get("hsp_route", False)})


HSP_POINTS = {
    **p.KNOWN_POINTS,
    "hsp_points_now": 80,
    "hsp_points_one_year_ago": 80,
    "hsp_points_three_years_ago": "",
    "hsp_points_maintained": True,
    "jskip_eligible": False,
}


@pytest.mark.parametrize(
    ("status", "next_step"),
    [
        pytest.param({}, "residence", id="every status goes on to the residence step"),
        pytest.param({"status": "spouse_of_japanese"}, "residence", id="so does a spouse"),
    ],
)
def test_status_step(driver, status, next_step):
    driver.answer_pages("status", **{**p.STATUS, **status})
    assert driver.next_step == next_step


@pytest.mark.parametrize(
    ("status", "next_step"),
    [
        pytest.param({"status": "work"}, "travel", id="a worker not trying HSP goes to travel"),
        pytest.param(
            {"status": "work", "hsp_route": True}, "hsp", id="a worker trying HSP is asked points"
        ),
        pytest.param(
            {"status": "spouse_of_japanese"},
            "marriage",
            id="a spouse of a Japanese national is asked the marriage date",
        ),
        pytest.param(
            {"status": "spouse_of_permanent_resident"},
            "marriage",
            id="a spouse of a permanent resident is asked the marriage date",
        ),
        pytest.param(
            {"status": "long_term_resident"},
            "grant",
            id="a long-term resident is asked the grant date",
        ),
        pytest.param({"status": "refugee"}, "grant", id="a refugee is asked the recognition date"),
        pytest.param({"status": "hsp"}, "grant", id="an HSP holder is asked the grant date"),
        pytest.param(
            {"status": "child_of_japanese"},
            "travel",
            id="a child of a Japanese national goes to travel",
        ),
        pytest.param({"status": "student"}, "travel", id="a student goes to travel"),
    ],
)
def test_residence_step(driver, status, next_step):
    answer_status_and_residence(driver, status)
    assert driver.next_step == next_step


@pytest.mark.parametrize(
    ("status", "next_step"),
    [
        pytest.param({}, "travel", id="a spouse not trying HSP goes to travel"),
        pytest.param({"hsp_route": True}, "hsp", id="a spouse trying HSP is asked points"),
    ],
)
def test_marriage_step(driver, status, next_step):
    answer_status_and_residence(driver, {"status": "spouse_of_japanese", **status})
    driver.answer("marriage", marriage_date=D(2020, 1, 1))
    assert driver.next_step == next_step


@pytest.mark.parametrize(
    ("status", "next_step"),
    [
        pytest.param(
            {"status": "long_term_resident"}, "travel", id="a long-term resident goes to travel"
        ),
        pytest.param(
            {"status": "hsp"}, "hsp", id="an HSP holder is asked points even without opting in"
        ),
        pytest.param(
            {"status": "refugee", "hsp_route": True},
            "hsp",
            id="a refugee trying HSP is asked points",
        ),
    ],
)
def test_grant_step(driver, status, next_step):
    answer_status_and_residence(driver, status)
    driver.answer("grant", status_grant_date=D(2019, 1, 1))
    assert driver.next_step == next_step


def test_hsp_step_goes_on_to_travel(driver):
    answer_status_and_residence(driver, {"hsp_route": True})
    driver.answer_pages("hsp", **HSP_POINTS)
    assert driver.next_step == "travel"


@pytest.mark.parametrize(
    ("step", "next_step"),
    [
        ("travel", "household"),
        ("household", "income"),
        ("income", "taxes"),
        ("taxes", "conduct"),
        ("conduct", "summary"),
    ],
)
def test_the_common_steps_follow_in_order(driver, step, next_step):
    driver.answer_pages("status", **p.STATUS)
    driver.answer(step, **p.GENERAL[GROUP_OF.get(step, step)])
    assert driver.next_step == next_step


@pytest.mark.parametrize(
    ("status", "page", "steps", "number"),
    [
        pytest.param({}, "residence", 9, 3, id="the general route has 9 pages"),
        pytest.param(
            {"status": "spouse_of_japanese"}, "residence", 10, 3, id="a spouse has 10 (marriage)"
        ),
        pytest.param(
            {"status": "hsp"}, "residence", 11, 3, id="an HSP holder has 11 (grant, points)"
        ),
        pytest.param(
            {"status": "spouse_of_japanese", "hsp_route": True},
            "marriage",
            11,
            4,
            id="a spouse trying HSP has 11 (marriage, points)",
        ),
    ],
)
def test_progress_counts_the_steps_of_this_route(driver, status, page, steps, number):
    answer_status_and_residence(driver, status)
    response = driver.get(page)
    assert (response.context["step_number"], response.context["step_total"]) == (number, steps)
    assert f"Step {number} of about {steps}" in response.content.decode()


def income_fields(driver) -> set[str]:
    fields = driver.get("income").context["form"].fields
    return {name for name in fields if name.startswith(("applicant_", "household_"))}


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        pytest.param(
            {},
            {f"{c}_{y}" for y in p.FIVE_YEARS for c in ("applicant", "household")},
            id="general: five years, 2025 back",
        ),
        pytest.param(
            {"status": "spouse_of_japanese"},
            {f"{c}_{y}" for y in p.THREE_YEARS for c in ("applicant", "household")},
            id="spouse: three years, with household income",
        ),
        pytest.param(
            {"status": "child_of_permanent_resident"},
            {f"{c}_{y}" for y in p.THREE_YEARS for c in ("applicant", "household")},
            id="child: three years, with household income",
        ),
        pytest.param(
            {"status": "long_term_resident"},
            {f"{c}_{y}" for y in p.FIVE_YEARS for c in ("applicant", "household")},
            id="long-term resident: five years",
        ),
        pytest.param(
            {"status": "hsp"},
            {f"{c}_{y}" for y in p.FIVE_YEARS for c in ("applicant", "household")},
            id="an HSP holder may also use the general route: its five years",
        ),
        pytest.param(
            {"status": "spouse_of_japanese", "hsp_route": True},
            {f"{c}_{y}" for y in p.THREE_YEARS for c in ("applicant", "household")},
            id="a spouse trying HSP: the spouse route's three years are the longest",
        ),
        pytest.param(
            {"application_date": D(2027, 5, 31)},
            {f"{c}_{y}" for y in p.FIVE_YEARS for c in ("applicant", "household")},
            id="before June 2027 the newest certificate is still 2025",
        ),
        pytest.param(
            {"application_date": D(2027, 6, 1)},
            {f"{c}_{y}" for y in range(2022, 2027) for c in ("applicant", "household")},
            id="from 1 June 2027 the 2026 certificate is issued",
        ),
    ],
)
def test_income_step_asks_the_years_the_route_looks_back_on(driver, status, expected):
    answer_status_and_residence(driver, status)
    assert income_fields(driver) == expected


def test_income_step_asks_the_years_of_a_contribution_claim_too(driver):
    driver.answer_pages("status", **{**p.STATUS, "status": "spouse_of_japanese"})
    driver.answer("residence", **{**p.RESIDENCE, "contribution_to_japan": True})
    assert {f"{c}_{y}" for y in p.FIVE_YEARS for c in ("applicant", "household")} <= income_fields(
        driver
    )


def test_a_step_the_route_does_not_ask_redirects_to_the_current_step(driver):
    driver.answer_pages("status", **p.STATUS)
    response = driver.get("marriage")
    assert response.status_code == 302
    assert driver.next_step == "residence"
