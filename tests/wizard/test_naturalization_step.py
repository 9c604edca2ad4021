"""The naturalization step: asked only on request, all optional, and carried into the result."""

import datetime as dt

import pytest

from assessments.results.models import Assessment
from tests.wizard import profiles as p

D = dt.date
NATURALIZATION = {
    "birth_date": D(1990, 1, 1),
    "japanese_level": "n2",
    "nationality_renounceable": True,
    "monthly_take_home": "２５０,０００",
    "last_job_change_date": D(2026, 3, 1),
    "family_arrears": False,
}


def _finish(driver) -> Assessment:
    response = driver.answer("summary")
    token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    return Assessment.objects.get(token=token)


@pytest.mark.parametrize("opt_in", [False, None])
def test_without_the_request_the_conduct_page_leads_to_the_summary(driver, opt_in):
    steps = p.with_(p.GENERAL, status={"naturalization": opt_in})
    driver.answer_all(steps)
    assert driver.next_step == "summary"
    answers = _finish(driver).answers
    assert answers["japanese_level"] is None and answers["monthly_take_home"] is None


def test_on_request_the_conduct_page_leads_to_the_naturalization_step(driver):
    steps = p.with_(p.GENERAL, status={"naturalization": True})
    for step in ("status", "residence", "travel", "income", "taxes"):
        driver.answer(step, **steps[step])
    assert driver.answer("conduct", **steps["conduct"])["Location"].endswith("/naturalization/")


def test_the_naturalization_answers_reach_the_result(driver):
    steps = p.with_(p.GENERAL, status={"naturalization": True}, naturalization=NATURALIZATION)
    driver.answer_all(steps)
    assessment = _finish(driver)
    assert assessment.answers["monthly_take_home"] == 250_000
    assert assessment.answers["japanese_level"] == "n2"
    findings = {f["id"]: f for f in assessment.result["naturalization"]["requirements"]}
    assert findings["livelihood"]["code"] == "naturalization.livelihood.job_changed"
    assert findings["livelihood"]["clears_on"] == "2027-03-01"
    assert findings["japanese"]["status"] == "met"
    assert findings["age"]["status"] == "met"


def test_every_naturalization_question_may_be_left_blank(driver):
    steps = p.with_(p.GENERAL, status={"naturalization": True}, naturalization={})
    driver.answer_all(steps)
    natz = _finish(driver).result["naturalization"]
    missing = {f["id"] for f in natz["requirements"] if f["code"].endswith("_missing")}
    assert missing == {"age", "livelihood", "nationality", "japanese"}
    assert natz["overall"] == "eligible_with_risks"


def test_a_job_change_after_the_application_date_is_refused_on_the_step(driver):
    steps = p.with_(p.GENERAL, status={"naturalization": True})
    driver.answer_all({**steps, "naturalization": {}})
    response = driver.answer("naturalization", last_job_change_date=D(2027, 1, 1))
    assert response.status_code == 200
    assert "last_job_change_date" in response.context["form"].errors
