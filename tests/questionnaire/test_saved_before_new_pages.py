"""A run saved with "continue later" before the questions moved pages loses no answer.

The HSP-routes question moved to the residence page, the guarantor to the conduct page and
each list to a page of its own (migration 0011). A run saved the old way is rebuilt here from
a run answered the new way, by moving its answers back to the old pages; once migrated and
resumed, it must give the very answers the new run gives.
"""

import importlib

import pytest
from django.apps import apps
from django.test import Client

from assessments.questionnaire import flow
from assessments.questionnaire.models import SavedProgress
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import RUN_IN_URL, WizardDriver
from tests.questionnaire.test_behaviour import finish

migration = importlib.import_module("assessments.migrations.0011_saved_progress_new_pages")
document = importlib.import_module("assessments.migrations.0019_saved_runs_answers_document")


def as_saved_before(step_data: dict) -> dict:
    """Return the step data as the wizard stored it before the questions moved pages."""
    old = {step: dict(data) for step, data in step_data.items()}
    for old_step, questions in migration.MOVES.items():
        for name, new_step in questions.items():
            head = f"{new_step}-{name}"
            for key in [k for k in old.get(new_step, {}) if k == head or k.startswith(f"{head}-")]:
                old.setdefault(old_step, {})[f"{old_step}-{name}{key[len(head) :]}"] = old[
                    new_step
                ].pop(key)
    for step in ("payments", "notifications", "sentences", "traffic_violations"):
        assert not old.pop(step), f"everything on {step} was a moved list"
    return old


def pages_as_posted(driver: WizardDriver) -> dict:
    """Return every answered page's data as the wizard stored it before the answers document."""
    pages = {page.name: driver.stored(page.name) for page in flow.PAGES}
    return {name: dict(data) for name, data in pages.items() if data is not None}


def resumed(token: str) -> WizardDriver:
    client = Client()
    response = client.get(f"/en/check/resume/{token}/")
    driver = WizardDriver.__new__(WizardDriver)
    driver.client, driver.language, driver.response = client, "en", response
    driver.run = RUN_IN_URL.search(response["Location"])["run"]
    return driver


@pytest.mark.parametrize("saved_on", ["hsp_route", "guarantor", "taxes"])
def test_a_run_saved_before_the_move_resumes_with_every_answer_on_its_new_page(driver, saved_on):
    driver.answer_all(p.WITH_LISTS)  # an answer on every page that moved
    saved = {
        "step_data": as_saved_before(pages_as_posted(driver)),
        "extra_data": {"drafts": [saved_on]},
    }
    expected = finish(driver).answers
    progress = SavedProgress.objects.create(step=saved_on, data=saved)

    migration.move_saved_answers(apps, None)

    progress.refresh_from_db()
    assert progress.step == migration.GONE.get(saved_on, saved_on)
    assert not {"hsp_route", "guarantor"} & set(progress.data["step_data"])
    document.convert_saved_runs(apps, None)  # and on to the answers document
    again = resumed(progress.token)
    assert again.next_step == progress.step
    assert again.client.get(again.url("summary")).status_code == 200
    assert finish(again).answers == expected


def test_answers_already_on_the_new_page_are_not_overwritten():
    step_data, origins = migration.moved_step_data(
        {
            "guarantor": {"guarantor-guarantor": ["none"]},
            "conduct": {"conduct-guarantor": ["japanese"], "conduct-has_criminal_records": ["no"]},
        }
    )
    assert step_data == {
        "conduct": {"conduct-guarantor": ["japanese"], "conduct-has_criminal_records": ["no"]}
    }
    assert origins == {"conduct": "guarantor"}
