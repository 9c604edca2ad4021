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
    in_force = thresholds_at(on=D(2026, 12, 1)).entries.values()
    assert set(assessment.thresholds_used.values_list("pk", flat=True)) == {e.pk for e in in_force}
