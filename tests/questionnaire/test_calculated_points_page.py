"""The calculated HSP points page is answered once the applicant went on from it.

It asks nothing, so only what the applicant did says whether they saw the points: a page
never gone on from needs attention on "check your answers", and a change that makes the
points calculated shows them before going back to the summary.
"""

from assessments.questionnaire import flow
from assessments.questionnaire.so_far import answered
from tests.questionnaire import profiles as p
from tests.questionnaire.test_hsp_calculation import sources, visited

POINTS_PAGE = flow.PAGE["hsp_points"]


def test_the_points_page_is_not_answered_before_the_applicant_went_on_from_it():
    assert not answered(POINTS_PAGE, {}, {})
    assert answered(POINTS_PAGE, {}, {"hsp_points.seen": []})


def test_a_change_to_calculated_points_shows_them_before_the_summary(driver):
    visited(driver, p.HSP_70)  # points typed from the sheet: no points page
    typed = sources("calculate", hsp_points_one_year_ago=72, hsp_points_three_years_ago=71)
    driver.answer("hsp", returning=True, **typed)
    assert driver.next_step == "hsp_now"
    driver.answer("hsp_now", returning=True, **p.JUNIOR_NOW)
    assert driver.next_step == "hsp_points", "the points just calculated are shown first"
    sections = {s.step: s for s in driver.get("summary").context["sections"]}
    assert not sections["hsp_points"].complete, "never gone on from: needs attention"
    driver.answer("hsp_points", returning=True)
    assert driver.next_step == "summary"
    sections = {s.step: s for s in driver.get("summary").context["sections"]}
    assert "hsp_points" not in sections, "seen, and nothing to change there"
