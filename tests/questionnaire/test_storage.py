"""The run's session storage: page views read it, only answers and moves write it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.questionnaire.runs import WIZARD_PREFIX
from tests.questionnaire.profiles import RESIDENCE, STATUS


def session_writes(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [
        q["sql"]
        for q in queries.captured_queries
        if "django_session" in q["sql"] and not q["sql"].lstrip().upper().startswith("SELECT")
    ]


def test_viewing_the_current_step_again_writes_nothing_to_the_session(driver, client):
    driver.answer_pages("status", **STATUS)
    client.get(driver.url("residence"))
    assert session_writes(client, driver.url("residence")) == []


def test_viewing_another_step_is_remembered_so_the_run_resumes_there(driver, client):
    driver.answer_pages("status", **STATUS)
    driver.answer("residence", **RESIDENCE)
    assert session_writes(client, driver.url("status")) != []  # moved back: stored
    resumed = client.get(driver.url("done"))  # a step not asked: back to where the run is
    assert resumed.status_code == 302
    assert resumed["Location"].endswith(f"/check/{driver.run}/status/")


def test_an_answer_is_still_stored_when_posted(driver):
    driver.answer_pages("status", **STATUS)
    assert driver.stored("status")["status-status"] == ["work"]


def test_a_run_is_kept_as_its_answers_document_by_contract_key(driver):
    driver.answer_pages("status", **STATUS, naturalization=False)
    run = driver.client.session[f"wizard_{WIZARD_PREFIX}_{driver.run}"]
    assert run["answers"]["status"] == "work"
    assert run["answers"]["period_of_stay_years"] == 5
    assert run["answers"]["status_expiry_date"] == "2029-05-01"
    assert run["asked"]["naturalization"] == ["no"]
    assert not run["drafts"]


def test_a_page_missing_a_key_of_the_document_asks_it_and_shows_the_answers_it_holds(driver):
    """As a run saved before a question was added to a page: only that question is new."""
    driver.answer_pages("status", **STATUS)
    key = f"wizard_{WIZARD_PREFIX}_{driver.run}"
    session = driver.client.session
    del session[key]["answers"]["meets_landing_standards"]
    session.save()
    form = driver.get("stay").context["form"]
    assert form["status_expiry_date"].value() == "2029-05-01"
    assert not form["meets_landing_standards"].value()
    # Only the new question is asked: it alone is marked, every other answer stays in place.
    assert set(form.errors) == {"meets_landing_standards"}
    summary = driver.get("summary").context["sections"]
    assert [s.step for s in summary if not s.complete][0] == "stay"


def test_a_run_begun_before_the_answers_document_keeps_its_pages_as_typed(driver):
    """A session of the old form (each page as typed, no document) is read page by page."""
    key = f"wizard_{WIZARD_PREFIX}_{driver.run}"
    session = driver.client.session
    typed = {"status-status": ["work"], "status-application_date": ["2026-12-01"]}
    session[key] = {
        "step": "status",
        "step_data": {"status": typed},
        "step_files": {},
        "extra_data": {},
    }
    session.save()
    assert driver.get("status").context["form"]["status"].value() == "work"
    driver.answer("status", **{**STATUS, "status": "spouse_of_japanese"})
    assert driver.stored("status")["status-status"] == ["spouse_of_japanese"]
