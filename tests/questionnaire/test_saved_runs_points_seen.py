"""A run saved before the calculated points page kept its answered state (migration 0022).

Saved on a page after the calculated points, a run went on from them: migrated, it is not sent
back to them; saved before them, it still is shown them.
"""

import importlib

from django.apps import apps

from assessments.questionnaire.models import SavedProgress
from tests.questionnaire import profiles as p
from tests.questionnaire.test_saved_before_new_pages import resumed

migration = importlib.import_module("assessments.migrations.0022_saved_runs_calculated_points_seen")


def saved_as_before(driver, step: str) -> SavedProgress:
    """Save the run on ``step`` ("continue later"), without the mark a run kept before."""
    driver.press(step, "wizard_save")
    progress = SavedProgress.objects.get()
    del progress.data["asked"][migration.SEEN]
    progress.save()
    return progress


def points_section(driver):
    sections = {s.step: s for s in driver.get("summary").context["sections"]}
    return sections.get("hsp_points")


def test_a_run_saved_after_the_calculated_points_is_not_sent_back_to_them(driver):
    driver.answer_all(p.HSP_80_CALCULATED)
    progress = saved_as_before(driver, "summary")
    assert not points_section(resumed(progress.token)).complete, "unmarked: sent back"

    migration.mark_saved_runs(apps, None)

    assert points_section(resumed(progress.token)) is None, "went on from them: nothing to do"


def test_a_run_saved_before_the_calculated_points_is_left_as_it_is():
    data = {"answers": {}, "asked": {"hsp_points_now_source": ["calculate"]}, "drafts": {}}
    assert migration.marked(data, "hsp_now") is data
    assert migration.marked(data, "hsp_points") is data
    assert migration.marked(data, "travel")["asked"][migration.SEEN] == []
