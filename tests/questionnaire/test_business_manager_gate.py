"""The Business Manager gate question (issue 24): asked on the stay page only of the statuses
the engine names, with the answers that apply to each; a blank is refused in both languages."""

import pytest

from assessments.results.models import Assessment
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import WizardDriver

STAY = {key: p.STATUS[key] for key in ("period_of_stay", "status_expiry_date")}
STAY["meets_landing_standards"] = True
FIELD = "business_manager_standards"


def _stay_form(driver, status: str):
    driver.answer("status", **{**p.STATUS, "status": status})
    return driver.get("stay").context["form"]


def test_an_engineer_on_a_working_status_is_not_asked(driver):
    assert FIELD not in _stay_form(driver, "work").fields


def test_a_business_manager_must_answer_and_is_told_the_day_and_capital_in_force(driver):
    field = _stay_form(driver, "business_manager").fields[FIELD]
    assert field.required
    assert [value for value, _ in field.choices] == ["yes", "no", "not_sure"]
    assert "16 October 2025" in str(field.label)
    assert "¥30,000,000" in str(field.help_text)


def test_a_highly_skilled_professional_is_asked_but_may_leave_it_blank(driver):
    field = _stay_form(driver, "hsp").fields[FIELD]
    assert not field.required
    assert "leave it blank" in str(field.help_text)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Select whether your business meets the Business Manager standards"),
        ("ja", "経営・管理の基準"),
    ],
)
def test_a_blank_answer_is_refused_next_to_the_field_in_both_languages(
    client, db, language, message
):
    driver = WizardDriver(client, language=language)
    driver.answer("status", **{**p.STATUS, "status": "business_manager"})
    response = driver.answer("stay", **STAY)
    assert response.status_code == 200
    assert FIELD in response.context["form"].errors
    assert response.content.decode().count(message) >= 2  # beside the field and in the summary


def test_a_business_manager_who_answers_no_is_told_the_standards_are_not_met(driver):
    steps = p.with_(
        p.GENERAL,
        status={"status": "business_manager", FIELD: "no"},
        income={"employment": "executive"},
    )
    driver.answer_all(steps)
    response = driver.answer("summary")
    token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    result = Assessment.objects.get(token=token).result
    landing = next(r for r in result["requirements"] if r["id"] == "landing_standards")
    assert (landing["status"], landing["code"]) == (
        "not_met",
        "landing_standards.business_standards_not_met",
    )
    assert result["overall"] == "not_eligible"
