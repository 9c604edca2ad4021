"""Full runs through the wizard for every route, each ending in a stored Assessment."""

import datetime as dt

import pytest

from assessments.results.models import Assessment
from assessments.thresholds.selectors import thresholds_at
from tests.questionnaire import profiles as p

D = dt.date


@pytest.mark.parametrize("route", p.ROUTES)
def test_a_complete_run_stores_an_assessment_on_its_route_and_shows_the_result(driver, route):
    driver.answer_all(p.ROUTES[route])
    response = driver.answer("summary")
    token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    assert response["Location"] == f"/en/result/{token}/"
    assessment = Assessment.objects.get(token=token)
    assert assessment.route == route
    assert assessment.application_date == D(2026, 12, 1)
    assert assessment.language == "en"
    assert assessment.answers["schema"] == "prcheck.answers/1"
    assert assessment.result["route"] == route
    # The versions in force and the pending drafts the result cites (a key only a draft
    # defines, such as the draft's absence window, has no version in force: no row).
    snapshot = thresholds_at(on=D(2026, 12, 1))
    used = [*snapshot.entries.values(), *snapshot.drafts.values()]
    assert set(assessment.thresholds_used.values_list("pk", flat=True)) == {
        e.pk for e in used if e.pk is not None
    }
