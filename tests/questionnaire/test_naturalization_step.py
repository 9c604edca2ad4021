"""The naturalization step: asked only on request, all optional, and carried into the result."""

import datetime as dt

import pytest

from assessments.results.models import Assessment
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import GROUP_OF, WizardDriver

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


BORN_HERE = {**NATURALIZATION, "born_in_japan": True}


def test_someone_born_in_japan_answers_two_more_questions_on_a_page_of_their_own(driver):
    steps = p.with_(p.GENERAL, status={"naturalization": True}, naturalization=BORN_HERE)
    steps["naturalization_birth"] = {"parent_born_in_japan": True, "stateless_since_birth": False}
    order = driver.answer_all(steps)
    assert order[-2:] == ["naturalization", "naturalization_birth"]
    assessment = _finish(driver)
    assert assessment.answers["born_in_japan"] is True
    assert assessment.answers["parent_born_in_japan"] is True
    assert assessment.answers["stateless_since_birth"] is False
    residence = assessment.result["naturalization"]["requirements"][0]
    assert residence["code"] == "naturalization.residence.exempt"
    assert residence["params"] == {"path": "born_in_japan_parent"}


def test_someone_born_abroad_is_not_asked_the_birth_questions(driver):
    answers = {**NATURALIZATION, "born_in_japan": False, "former_japanese_national": True}
    steps = p.with_(p.GENERAL, status={"naturalization": True}, naturalization=answers)
    assert driver.answer_all(steps)[-1] == "naturalization"
    assessment = _finish(driver)
    assert assessment.answers["parent_born_in_japan"] is None
    assert assessment.answers["former_japanese_national"] is True
    findings = {f["id"]: f for f in assessment.result["naturalization"]["requirements"]}
    assert findings["residence"]["params"] == {"path": "former_japanese"}
    assert findings["livelihood"]["code"] == "naturalization.livelihood.exempt"


def test_ties_to_japan_left_blank_are_stored_as_not_answered(driver):
    steps = p.with_(p.GENERAL, status={"naturalization": True}, naturalization={})
    driver.answer_all(steps)
    answers = _finish(driver).answers
    for key in ("born_in_japan", "parent_former_japanese", "former_japanese_national"):
        assert answers[key] is None, key


@pytest.mark.parametrize(
    ("language", "messages"),
    [
        (
            "en",
            {
                "Select yes if your father or mother was born in Japan",
                "Select yes if you have had no nationality at all since you were born",
            },
        ),
        (
            "ja",
            {
                "お父様またはお母様が日本で生まれた場合は「はい」を選んでください",
                "生まれたときから現在まで無国籍の場合は「はい」を選んでください",
            },
        ),
    ],
)
def test_the_birth_page_posted_empty_names_each_question_in_the_pages_language(
    client, db, language, messages
):
    driver = WizardDriver(client, language=language)
    steps = p.with_(p.GENERAL, status={"naturalization": True}, naturalization=BORN_HERE)
    step = "status"
    while step != "naturalization_birth":
        driver.answer(step, **(steps[step] if step in steps else steps[GROUP_OF[step]]))
        step = driver.next_step
    response = driver.answer("naturalization_birth")
    assert response.status_code == 200
    assert {message for _, message in response.context["error_summary"]} == messages


def test_check_your_answers_lists_the_ties_to_japan_and_the_birth_answers(driver):
    steps = p.with_(p.GENERAL, status={"naturalization": True}, naturalization=BORN_HERE)
    steps["naturalization_birth"] = {"parent_born_in_japan": False, "stateless_since_birth": False}
    driver.answer_all(steps)
    html = driver.get("summary").content.decode()
    for question in (
        "Were you born in Japan?",
        "Were you adopted by a Japanese national while you were under age?",
        "Was your father or mother also born in Japan?",
        "Have you had no nationality at all since you were born?",
        "Born in Japan",
    ):
        assert question in html, question
