"""The bureau question (issue 24): optional, asked on the status page beside the application
date, and carried to the stored answers and the result's expected processing time."""

import pytest

from assessments.reports.pdf import report_render_html
from assessments.results.models import Assessment
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import WizardDriver
from tests.reports.support import GENERATED_AT, REFERENCE

FIELD = "immigration_bureau"


def finished(driver, **status) -> Assessment:
    driver.answer_all(p.with_(p.GENERAL, status=status))
    response = driver.answer("summary")
    assert response.status_code == 302, response.context and response.context["error_summary"]
    return Assessment.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])


def test_the_status_page_asks_it_as_an_optional_question(driver):
    field = driver.get("status").context["form"].fields[FIELD]
    assert not field.required
    assert "sendai" in dict(field.choices) and "tokyo" in dict(field.choices)
    assert "only the expected processing time" in str(field.help_text)


def test_tokyo_reaches_the_stored_answers_and_the_processing_time_of_the_fee(driver):
    assessment = finished(driver, **{FIELD: "tokyo"})
    assert assessment.answers[FIELD] == "tokyo"
    assert assessment.result["fee_at_grant"]["processing_bureau"] == "tokyo"
    html = report_render_html(
        result=assessment.result,
        answers=assessment.answers,
        reference=REFERENCE,
        generated_at=GENERATED_AT,
    )
    assert "東京出入国在留管理局" in html and "Tokyo Regional Immigration Services Bureau" in html


def test_left_blank_the_nationwide_processing_time_is_used(driver):
    assessment = finished(driver)
    assert assessment.answers[FIELD] is None
    assert assessment.result["fee_at_grant"]["processing_bureau"] is None


def test_a_bureau_without_its_own_figure_uses_the_nationwide_one(driver):
    assessment = finished(driver, **{FIELD: "osaka"})
    assert assessment.answers[FIELD] == "osaka"
    assert assessment.result["fee_at_grant"]["processing_bureau"] is None


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Select the regional immigration bureau you will apply at"),
        ("ja", "申請予定の地方出入国在留管理局を選択してください"),
    ],
)
def test_a_bureau_not_offered_is_refused_by_the_field_in_both_languages(
    client, db, language, message
):
    driver = WizardDriver(client, language=language)
    response = driver.answer("status", **{**p.STATUS, FIELD: "kyoto"})
    assert response.status_code == 200
    assert FIELD in response.context["form"].errors
    assert response.content.decode().count(message) >= 2  # beside the field and in the summary
