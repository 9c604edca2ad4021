"""HSP points calculated inside the wizard: profile steps, routing, points shown, the engine fed.

The applicant chooses per day (application date, one and three years before) to type the
points or to answer the profile as of that day; the profiles are scored with the calculator's
table and the points reach ``Answers.hsp_points`` and ``jskip_eligible``.
"""

import datetime as dt
import re

import pytest

from assessments.results.models import Assessment
from tests.questionnaire import profiles as p

D = dt.date
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
#: The application date of every run here (see conftest), and its anniversaries.
ON, YEAR_AGO, THREE_YEARS_AGO = D(2026, 12, 1), D(2025, 12, 1), D(2023, 12, 1)


def finish(driver) -> Assessment:
    response = driver.answer("summary")
    assert response.status_code == 302, response.context and response.context["error_summary"]
    return Assessment.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])


def visited(driver, steps: dict) -> list[str]:
    """Answer ``steps`` in the order the wizard asks them; return that order."""
    return driver.answer_all(steps)


# Full runs -----------------------------------------------------------------------------------


def test_points_calculated_in_the_wizard_lead_to_the_80_point_route(driver):
    order = visited(driver, p.HSP_80_CALCULATED)
    assert order[:10] == [
        "status",
        "stay",
        "residence",
        "hsp",
        "hsp_typed",
        "hsp_now",
        "hsp_year_ago",
        "hsp_points",
        "travel",
        "household",
    ], "the three-years-before profile is typed (left empty), so it is not asked"
    assessment = finish(driver)
    assert assessment.route == "hsp_80"
    assert assessment.answers["hsp_points"] == {
        "now": 90,
        "one_year_ago": 80,
        "three_years_ago": None,
    }
    assert assessment.answers["jskip_eligible"] is False


def test_points_calculated_too_low_leave_the_general_route(driver):
    order = visited(driver, p.HSP_TOO_LOW_CALCULATED)
    assert "hsp_year_ago" not in order and "hsp_three_years_ago" not in order, (
        "below 70 now, neither HSP route can open: the earlier profiles are not asked"
    )
    shown = driver.get("hsp_points")
    cards = {card.date: card for card in shown.context["cards"]}
    assert cards["now"].result.points == 40
    assert cards["one_year_ago"].not_needed and cards["three_years_ago"].not_needed
    assessment = finish(driver)
    assert assessment.route == "general"
    assert assessment.answers["hsp_points"] == {
        "now": 40,
        "one_year_ago": None,
        "three_years_ago": None,
    }


def test_j_skip_is_checked_from_the_profiles_now_and_a_year_before(driver):
    run = {**p.HSP_80_CALCULATED, "hsp_now": p.MANAGER_NOW, "hsp_year_ago": p.MANAGER_NOW}
    order = visited(driver, run)
    assert "hsp_year_ago" in order, "65 points, but J-Skip met now needs the year before too"
    assert driver.get("hsp_points").context["jskip"] is True
    assessment = finish(driver)
    assert assessment.answers["jskip_eligible"] is True
    assert assessment.answers["hsp_points"]["now"] == 65
    assert assessment.route == "j_skip"


def test_points_below_the_salary_floor_count_as_none(driver):
    poor = {**p.ENGINEER_NOW, "annual_salary": 2_500_000}
    run = {**p.HSP_TOO_LOW_CALCULATED, "hsp_now": poor}
    visited(driver, run)
    card = driver.get("hsp_points").context["cards"][0]
    assert card.result.points == 60 and not card.result.salary_floor_met
    assert finish(driver).answers["hsp_points"]["now"] == 0


# Routing: which profile steps are asked --------------------------------------------------------


def start(driver, **status):
    """Answer the status pages, then the residence step choosing to check the HSP routes."""
    driver.answer_pages("status", **{**p.STATUS, **status})
    driver.answer("residence", **{**p.RESIDENCE, "hsp_route": True})


def sources(now="known", year="known", three="known", **points):
    return {
        "hsp_points_now_source": now,
        "hsp_points_one_year_ago_source": year,
        "hsp_points_three_years_ago_source": three,
        "hsp_points_maintained": True,
        "jskip_eligible": False,
        **points,
    }


@pytest.mark.parametrize(
    ("status", "hsp", "next_step"),
    [
        pytest.param({}, sources(now="calculate"), "hsp_now", id="calculating now asks it"),
        pytest.param(
            {},
            sources(year="calculate", hsp_points_now=85),
            "hsp_year_ago",
            id="80 typed for now: the year before is asked for the 80-point route",
        ),
        pytest.param(
            {},
            sources(year="calculate", hsp_points_now=75),
            "hsp_points",
            id="75 typed for now: the year before is not needed; the points page says why",
        ),
        pytest.param(
            {},
            sources(three="calculate", hsp_points_now=75),
            "hsp_three_years_ago",
            id="70 typed for now: three years before is asked for the 70-point route",
        ),
        pytest.param(
            {},
            sources(three="calculate", hsp_points_now=65),
            "hsp_points",
            id="65 typed for now: three years before is not needed; the points page says why",
        ),
        pytest.param(
            {"status": "hsp"},
            sources(year="calculate", hsp_points_now=85),
            "hsp_points",
            id="HSP status held a year vouches for the points a year before; the points page says why",
        ),
        pytest.param(
            {"status": "hsp"},
            sources(three="calculate", hsp_points_now=75),
            "hsp_three_years_ago",
            id="HSP status held under three years does not vouch for three years before",
        ),
    ],
)
def test_hsp_step(driver, status, hsp, next_step):
    start(driver, **status)
    if status:
        driver.answer("grant", status_grant_date=D(2025, 4, 1))
    assert driver.answer_pages("hsp", **hsp).status_code == 302, driver.form.errors
    assert driver.next_step == next_step


def test_a_calculate_choice_the_holder_route_skips_is_explained_on_the_hsp_step_and_after(driver):
    start(driver, status="hsp")
    driver.answer("grant", status_grant_date=D(2025, 4, 1))
    page = driver.get("hsp").content.decode()
    assert "One year before the application date: you have held Highly Skilled" in page
    assert "Three years before the application date: you have" not in page, "held under 3"
    driver.answer_pages("hsp", **sources(year="calculate", hsp_points_now=85))
    assert driver.next_step == "hsp_points"
    (card,) = driver.get("hsp_points").context["cards"]
    assert card.result is None
    assert card.not_needed.startswith("Not needed: you have held Highly Skilled Professional")
    driver.answer("hsp_points")
    assert driver.next_step == "travel"


@pytest.mark.parametrize(
    ("hsp", "profile", "next_step"),
    [
        pytest.param(
            sources("calculate", "calculate", "calculate"),
            p.ENGINEER_NOW,
            "hsp_year_ago",
            id="90 points now: the year before is asked",
        ),
        pytest.param(
            sources("calculate", "known", "calculate"),
            p.ENGINEER_NOW,
            "hsp_three_years_ago",
            id="90 points now, the year before typed: three years before is asked",
        ),
        pytest.param(
            sources("calculate", "calculate", "calculate"),
            p.JUNIOR_NOW,
            "hsp_points",
            id="40 points now: no earlier profile, the points are shown",
        ),
        pytest.param(
            sources("calculate", "calculate", "known"),
            p.MANAGER_NOW,
            "hsp_year_ago",
            id="65 points but J-Skip met now: the year before is asked",
        ),
        pytest.param(
            sources("calculate", "known", "known", hsp_points_one_year_ago=""),
            p.MANAGER_NOW,
            "hsp_points",
            id="J-Skip met now, but the year before is typed: J-Skip is asked, not checked",
        ),
    ],
)
def test_hsp_now_step(driver, hsp, profile, next_step):
    start(driver)
    driver.answer_pages("hsp", **hsp)
    assert driver.answer("hsp_now", **profile).status_code == 302, driver.form.errors
    assert driver.next_step == next_step


@pytest.mark.parametrize(
    ("year_ago", "next_step"),
    [
        pytest.param(p.ENGINEER_YEAR_AGO, "hsp_three_years_ago", id="goes on to three years"),
    ],
)
def test_hsp_year_ago_step(driver, year_ago, next_step):
    start(driver)
    driver.answer_pages("hsp", **sources("calculate", "calculate", "calculate"))
    driver.answer("hsp_now", **p.ENGINEER_NOW)
    driver.answer("hsp_year_ago", **year_ago)
    assert driver.next_step == next_step
    driver.answer("hsp_three_years_ago", **year_ago)
    assert driver.next_step == "hsp_points"
    driver.answer("hsp_points")
    assert driver.next_step == "travel"


def test_typed_points_show_no_profile_and_no_points_step(driver):
    start(driver)
    driver.answer_pages("hsp", **sources(hsp_points_now=80, hsp_points_one_year_ago=80))
    assert driver.next_step == "travel"
    for step in ("hsp_now", "hsp_year_ago", "hsp_three_years_ago", "hsp_points"):
        assert driver.get(step).status_code == 302, f"{step} is not part of this route"


# The HSP step's own questions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("hsp", "field"),
    [
        pytest.param(sources(), "hsp_points_now", id="typed, but no points now"),
        pytest.param(
            {**sources(hsp_points_now=80), "jskip_eligible": ""},
            "jskip_eligible",
            id="J-Skip not answered while not both days are calculated",
        ),
        pytest.param(
            {**sources(hsp_points_now=80), "hsp_points_now_source": ""},
            "hsp_points_now_source",
            id="no choice for the points now",
        ),
    ],
)
def test_the_hsp_step_refuses(driver, hsp, field):
    start(driver)
    assert driver.answer_pages("hsp", **hsp).status_code == 200
    assert field in driver.form.errors


def test_j_skip_is_not_asked_when_both_days_are_calculated(driver):
    start(driver)
    driver.answer("hsp", **sources("calculate", "calculate"))
    assert driver.next_step == "hsp_typed", "the points three years before are typed"
    form = driver.get("hsp_typed").context["form"]
    assert list(form.fields) == ["hsp_points_three_years_ago"], "no J-Skip, no points calculated"


@pytest.mark.parametrize(
    ("hsp", "fields"),
    [
        pytest.param(
            sources(),
            [
                "hsp_points_now",
                "hsp_points_one_year_ago",
                "hsp_points_three_years_ago",
                "jskip_eligible",
            ],
            id="every day typed: every day's points and J-Skip",
        ),
        pytest.param(
            sources(year="calculate"),
            ["hsp_points_now", "hsp_points_three_years_ago", "jskip_eligible"],
            id="the year before calculated: not its points",
        ),
        pytest.param(
            sources(now="calculate", three="calculate"),
            ["hsp_points_one_year_ago", "jskip_eligible"],
            id="only the year before typed: its points and J-Skip",
        ),
    ],
)
def test_the_page_of_typed_points_asks_only_the_days_typed(driver, hsp, fields):
    start(driver)
    driver.answer("hsp", **hsp)
    assert driver.next_step == "hsp_typed"
    assert list(driver.get("hsp_typed").context["form"].fields) == fields


def test_nothing_typed_skips_the_page_of_typed_points(driver):
    start(driver)
    driver.answer("hsp", **sources("calculate", "calculate", "calculate"))
    assert driver.next_step == "hsp_now"


# Profile steps ----------------------------------------------------------------------------------


def reach_profile(driver, language="en"):
    driver.language = language
    start(driver)
    driver.answer_pages("hsp", **sources("calculate", "calculate", "calculate"))


@pytest.mark.parametrize(
    ("step", "answers", "field"),
    [
        pytest.param("hsp_now", {**p.ENGINEER_NOW, "category": ""}, "category", id="no activity"),
        pytest.param(
            "hsp_now",
            {**p.ENGINEER_NOW, "birth_date": ""},
            "birth_date",
            id="no birth date for technical work",
        ),
        pytest.param(
            "hsp_now", {**p.ENGINEER_NOW, "annual_salary": "a lot"}, "annual_salary", id="text"
        ),
        pytest.param(
            "hsp_year_ago",
            {**p.ENGINEER_YEAR_AGO, "birth_date": D(2026, 1, 1)},
            "birth_date",
            id="born after the day of that profile",
        ),
        pytest.param(
            "hsp_now",
            {**p.ENGINEER_NOW, "education": "bachelor", "multiple_degrees": "on"},
            "multiple_degrees",
            id="several degrees without a graduate degree",
        ),
    ],
)
@pytest.mark.parametrize("language", ["en", "ja"])
def test_profile_errors_are_shown_in_the_language_of_the_page(
    driver, step, answers, field, language
):
    reach_profile(driver, language)
    if step == "hsp_year_ago":
        driver.answer("hsp_now", **p.ENGINEER_NOW)
    response = driver.answer(step, **answers)
    assert response.status_code == 200
    errors = driver.form.errors[field]
    assert errors
    assert bool(JAPANESE.search(" ".join(errors))) == (language == "ja"), errors
    html = response.content.decode()
    summary = html[html.index('class="error-summary"') :].split("</div>")[0]
    assert bool(JAPANESE.search(summary)) == (language == "ja")
    for anchor, _message in response.context["error_summary"]:
        assert f'id="{anchor}"' in html, f"the summary links to #{anchor}, which is on the page"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "This date is after the day of the calculation (1 December 2025)."),
        ("ja", "この日付は計算の基準日（2025年12月1日）より後になっています。"),
    ],
)
def test_a_birth_date_after_the_profiles_day_names_that_day_in_words(driver, language, words):
    reach_profile(driver, language)
    driver.answer("hsp_now", **p.ENGINEER_NOW)
    response = driver.answer("hsp_year_ago", **{**p.ENGINEER_YEAR_AGO, "birth_date": D(2026, 1, 1)})
    assert driver.form.errors["birth_date"] == [words]
    assert response.context["error_summary"] == [("id_hsp_year_ago-birth_date", words)]


def test_each_profile_is_answered_as_of_its_anniversary(driver):
    reach_profile(driver)
    assert driver.get("hsp_now").context["as_of"] == ON
    driver.answer("hsp_now", **p.ENGINEER_NOW)
    assert driver.get("hsp_year_ago").context["as_of"] == YEAR_AGO
    driver.answer("hsp_year_ago", **p.ENGINEER_YEAR_AGO)
    assert driver.get("hsp_three_years_ago").context["as_of"] == THREE_YEARS_AGO
    assert 'max="2023-12-01"' in driver.response.content.decode(), "born on or before that day"


def test_an_earlier_profile_is_prefilled_from_the_later_one(driver):
    reach_profile(driver)
    driver.answer("hsp_now", **p.ENGINEER_NOW)
    response = driver.get("hsp_year_ago")
    initial = response.context["form"].initial
    assert initial["education"] == "master" and initial["bonuses"] == ["jlpt_n1"]
    assert initial["experience_years"] == 6, "one year less experience"
    assert response.context["prefilled"]
    driver.answer("hsp_year_ago", **p.ENGINEER_YEAR_AGO)
    initial = driver.get("hsp_three_years_ago").context["form"].initial
    assert initial["experience_years"] == 4 and initial["annual_salary"] == 7_000_000


def test_the_points_step_shows_each_total_and_breakdown(driver):
    reach_profile(driver)
    driver.answer("hsp_now", **p.ENGINEER_NOW)
    driver.answer("hsp_year_ago", **p.ENGINEER_YEAR_AGO)
    driver.answer("hsp_three_years_ago", **p.ENGINEER_YEAR_AGO)
    response = driver.get("hsp_points")
    cards = response.context["cards"]
    assert [(c.date, c.as_of, c.result.points) for c in cards] == [
        ("now", ON, 90),
        ("one_year_ago", YEAR_AGO, 80),
        ("three_years_ago", THREE_YEARS_AGO, 80),
    ]
    assert [row.points for row in cards[0].page["rows"]] == [20, 15, 30, 10, 15]
    html = response.content.decode()
    assert html.count('class="hsp-table"') == 3


# Summary, change, back, language -------------------------------------------------------------------


def test_the_summary_lists_the_calculated_points_with_change_links(driver):
    visited(driver, p.HSP_80_CALCULATED)
    sections = {s.step: s for s in driver.get("summary").context["sections"]}
    assert "hsp_points" not in sections, "the points step has nothing to change"
    now = sections["hsp_now"]
    assert now.answers[0].value == 90
    assert now.change_url == driver.url("hsp_now", returning=True)
    assert sections["hsp_year_ago"].answers[0].value == 80
    hsp_questions = [a.anchor for a in sections["hsp"].answers]
    assert "id_hsp-hsp_points_now_source_0" in hsp_questions
    assert "id_hsp-hsp_points_now" not in hsp_questions, "calculated, not typed"
    assert "id_hsp-jskip_eligible_0" not in hsp_questions, "checked, not asked"


def test_a_change_from_the_summary_recalculates_and_asks_what_became_necessary(driver):
    visited(driver, p.HSP_TOO_LOW_CALCULATED)
    driver.answer("hsp_now", returning=True, **p.ENGINEER_NOW)
    assert driver.next_step == "hsp_year_ago", "90 points now: the year before is now needed"
    assert driver.response["Location"].endswith("?return=summary")
    driver.answer("hsp_year_ago", returning=True, **p.ENGINEER_YEAR_AGO)
    assert driver.next_step == "hsp_three_years_ago"
    driver.answer("hsp_three_years_ago", returning=True, **p.ENGINEER_YEAR_AGO)
    assert driver.next_step == "summary"
    sections = {s.step: s for s in driver.get("summary").context["sections"]}
    assert sections["hsp_now"].answers[0].value == 90
    assessment = finish(driver)
    assert assessment.answers["hsp_points"] == {
        "now": 90,
        "one_year_ago": 80,
        "three_years_ago": 80,
    }


def test_switching_back_to_typed_points_hides_the_profiles_and_keeps_them(driver):
    visited(driver, p.HSP_80_CALCULATED)
    typed = sources(hsp_points_now=72, hsp_points_three_years_ago=71)
    driver.answer_pages("hsp", returning=True, **typed)
    assert driver.next_step == "summary"
    assert "hsp_now" not in [s.step for s in driver.get("summary").context["sections"]]
    assert driver.stored("hsp_now") is not None
    assessment = finish(driver)
    assert assessment.answers["hsp_points"] == {
        "now": 72,
        "one_year_ago": None,
        "three_years_ago": 71,
    }


def test_back_from_a_profile_keeps_what_was_typed(driver):
    reach_profile(driver)
    driver.answer("hsp_now", **p.ENGINEER_NOW)
    typed = {**p.ENGINEER_YEAR_AGO, "annual_salary": "7"}
    driver.press("hsp_year_ago", "wizard_goto_step", "hsp_now", **typed)
    assert driver.next_step == "hsp_now"
    form = driver.get("hsp_year_ago").context["form"]
    assert form.initial["annual_salary"] == "7" and form.initial["bonuses"] == ["jlpt_n1"]
    assert not driver.response.context["error_summary"]
    assert not driver.response.context["prefilled"], "what was typed, not a prefill"


def test_the_language_switch_keeps_the_profile_step_and_its_answers(driver):
    reach_profile(driver)
    driver.answer("hsp_now", **p.ENGINEER_NOW)
    japanese_url = driver.url("hsp_points", language="ja")
    response = driver.client.post("/i18n/setlang/", {"language": "ja", "next": japanese_url})
    assert f'value="{japanese_url}"' in driver.get("hsp_points").content.decode()
    assert response["Location"] == japanese_url
    driver.language = "ja"
    page = driver.get("hsp_points")
    assert page.context["cards"][0].result.points == 90
    assert JAPANESE.search(page.content.decode().split("<h1")[1])
