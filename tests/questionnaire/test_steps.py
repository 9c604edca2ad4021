"""One thing at a time: the pages the status and income questions are split into.

For each new page: given the earlier answers, this answer leads to that page; the step
counter only ever goes up by one; Back and Change keep the answers; the income page shows
the floor for the household described, from the thresholds in force on the application date.
"""

import datetime as dt
import re
from decimal import Decimal

import pytest

from assessments.thresholds.models import Threshold
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import GROUP_OF

D = dt.date


# Routing of the new pages ------------------------------------------------------------------


HSP_QUESTION = "Do you want to check the Highly Skilled Professional routes"


@pytest.mark.parametrize(
    ("status", "asked"),
    [
        pytest.param("work", True, id="a worker is asked whether to check the HSP routes"),
        pytest.param("spouse_of_japanese", True, id="so is a spouse"),
        pytest.param("hsp", False, id="an HSP holder is not asked: the points are asked"),
    ],
)
def test_the_hsp_choice_is_asked_on_the_residence_page_only_of_other_statuses(
    driver, status, asked
):
    driver.answer_pages("status", **{**p.STATUS, "status": status})
    assert driver.next_step == "residence"
    response = driver.get("residence")
    assert ("hsp_route" in response.context["form"].fields) is asked
    assert (HSP_QUESTION in response.content.decode()) is asked, "left out, not hidden"


@pytest.mark.parametrize(
    ("hsp_route", "after_residence"),
    [
        pytest.param(True, "hsp", id="yes asks the points after the residence page"),
        pytest.param(False, "travel", id="no goes on to the trips"),
    ],
)
def test_the_hsp_choice_decides_whether_the_points_are_asked(driver, hsp_route, after_residence):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **{**p.RESIDENCE, "hsp_route": hsp_route})
    assert driver.next_step == after_residence


def test_the_household_comes_before_the_income_so_the_income_page_knows_its_floor(driver):
    driver.answer_pages("status", **p.STATUS)
    order = []
    for step in ("travel", "household", "income"):
        driver.answer(step, **p.GENERAL[GROUP_OF.get(step, step)])
        order.append(driver.next_step)
    assert order == ["household", "income", "taxes"]


def test_an_hsp_holder_changing_to_another_status_is_then_asked_the_hsp_choice(driver):
    driver.answer_all(p.HSP_80)
    driver.answer("status", returning=True, **{**p.STATUS, "status": "work"})
    assert driver.next_step == "residence", "a question the change made necessary comes first"
    assert driver.response["Location"].endswith("?return=summary")
    form = driver.get("residence", returning=True).context["form"]
    assert form["residence_start_date"].value() == "2025-04-01", "the other answers are kept"
    assert form["hsp_route"].value() is None
    driver.answer("residence", returning=True, **{**p.HSP_80["residence"], "hsp_route": False})
    assert driver.next_step == "summary"


# The step counter ----------------------------------------------------------------------------


def counter(html: str) -> str:
    return re.search(r'<p class="progress">(.*?)\s*<progress', html, re.S)[1].strip()


@pytest.mark.parametrize("route", [*p.ROUTES, "with_lists"])
def test_the_step_counter_goes_up_by_one_on_every_page_of_every_route(driver, route):
    steps = p.WITH_LISTS if route == "with_lists" else p.ROUTES[route]
    seen, step = [], "status"
    while True:
        response = driver.get(step)
        seen.append((response.context["step_number"], response.context["step_total"]))
        if step == "summary":
            break
        driver.answer(step, **(steps[step] if step in steps else steps[GROUP_OF[step]]))
        step = driver.next_step
    numbers = [number for number, _total in seen]
    assert numbers == list(range(1, len(seen) + 1)), "never jumps, never goes back"
    assert seen[-1] == (len(seen), len(seen)), "on the last page the total is the true one"
    assert counter(response.content.decode()) == f"Step {len(seen)} of {len(seen)}"


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Step 1 of about 9"), ("ja", "ステップ 1 / 約9")],
)
def test_the_step_counter_says_about_before_the_route_is_known(client, db, language, words):
    from tests.questionnaire.driver import WizardDriver

    driver = WizardDriver(client, language=language)
    assert counter(driver.get("status").content.decode()) == words


def test_a_spouse_sees_the_total_grow_by_the_marriage_page_and_the_number_go_on(driver):
    first = driver.get("stay").context
    assert (first["step_number"], first["step_total"]) == (2, 9)
    driver.answer("status", **{**p.STATUS, "status": "spouse_of_japanese"})
    second = driver.get("stay").context
    assert (second["step_number"], second["step_total"]) == (2, 10)


# Back and Change keep answers ----------------------------------------------------------------


def test_back_from_the_period_of_stay_keeps_what_was_typed_on_both_pages(driver):
    driver.answer("status", **p.STATUS)
    driver.press("stay", "wizard_goto_step", "status", period_of_stay="3")
    assert driver.next_step == "status"
    status_form = driver.get("status").context["form"]
    assert status_form["status"].value() == "work"
    stay_form = driver.get("stay").context["form"]
    assert stay_form["period_of_stay"].value() == "3"


def test_a_change_to_the_household_goes_back_to_the_summary_with_every_answer_kept(driver):
    driver.answer_all(p.GENERAL)
    driver.answer(
        "household", returning=True, **{**p.INCOME, "dependents": 2, "dependents_abroad": 1}
    )
    assert driver.next_step == "summary"
    summary = driver.get("summary").context["sections"]
    assert all(section.complete for section in summary)
    household = next(s for s in summary if s.step == "household")
    assert [a.value for a in household.answers] == [2, 1, 1_000_000, "No"]


def test_the_split_pages_give_the_same_answers_as_before(driver):
    driver.answer_all(p.GENERAL)
    response = driver.answer("summary")
    from assessments.results.models import Assessment

    answers = Assessment.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    data = answers.answers
    assert data["period_of_stay_years"] == 5
    assert data["status_expiry_date"] == "2029-05-01"
    assert data["meets_landing_standards"] is True
    assert (data["dependents"], data["dependents_abroad"]) == (0, 0)
    assert (data["assets"], data["public_assistance"]) == (1_000_000, False)
    assert data["employment"] == "regular" and len(data["income"]) == 5


# The floor on the income page ----------------------------------------------------------------


def income_page(driver, *, dependents, status=None, language=None, on=None):
    status_answers = {**p.STATUS, **(status or {})}
    if on is not None:
        status_answers["application_date"] = on
    driver.answer_pages("status", **status_answers)
    driver.answer("household", **{**p.INCOME, "dependents": dependents})
    html = driver.get("income", language=language).content.decode()
    start = html.find('id="income-floor-title"')
    return html[start : html.index("</section>", start)] if start >= 0 else ""


@pytest.mark.parametrize(
    ("dependents", "words"),
    [
        pytest.param(0, "With no dependants: ¥3,000,000 a year", id="none"),
        pytest.param(1, "With 1 dependant: ¥3,800,000 a year", id="one"),
        pytest.param(2, "With 2 dependants: ¥4,600,000 a year", id="two"),
    ],
)
def test_the_income_page_shows_the_floor_for_the_household_described(driver, dependents, words):
    floor = income_page(driver, dependents=dependents)
    assert words in floor
    household = 3_000_000 + 800_000 * dependents
    assert f"counted together can carry it from ¥{household:,} a year" in floor
    assert 'href="https://www.statusjapan.com/archives/26701"' in floor
    assert "Source: 行政書士の目安: 年収300万円以上" in floor
    assert "rule of thumb of immigration lawyers" in floor


def test_the_income_page_words_the_floor_in_japanese(driver):
    floor = income_page(driver, dependents=2, language="ja")
    assert "扶養家族2人の場合" in floor and "460万円" in floor
    assert "根拠：行政書士の目安: 年収300万円以上" in floor
    assert "目安とされる年収" in floor


def test_a_spouse_is_told_the_floor_is_not_a_legal_requirement_for_them(driver):
    floor = income_page(driver, dependents=0, status={"status": "spouse_of_japanese"})
    assert "exempt by law" in floor
    assert "exempt by law" not in income_page(driver, dependents=0)


@pytest.fixture
def raised_floor(db):
    """A practice floor of 3,500,000 from 2027-01-01 (as the admin would add one)."""
    return Threshold.objects.create(
        key="livelihood.min_income",
        unit="yen",
        value=Decimal(3_500_000),
        valid_from=D(2027, 1, 1),
        kind="practice",
        source_title="Test source",
        source_url="https://example.org/floor",
    )


@pytest.mark.parametrize(
    ("on", "words"),
    [
        pytest.param(D(2026, 12, 31), "With no dependants: ¥3,000,000", id="the day before"),
        pytest.param(D(2027, 1, 1), "With no dependants: ¥3,500,000", id="its valid_from"),
    ],
)
def test_the_floor_is_the_one_in_force_on_the_application_date(driver, raised_floor, on, words):
    assert words in income_page(driver, dependents=0, on=on)
