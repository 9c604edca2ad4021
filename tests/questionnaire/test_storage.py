"""The run's session storage: page views read it, only answers and moves write it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

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
