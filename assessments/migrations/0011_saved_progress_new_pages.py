"""Saved runs follow the questions to their new pages, so "continue later" loses nothing.

The wizard now asks the HSP-routes question on the residence page and the guarantor on the
conduct page, and each list (late payments, late notifications, sentences, traffic
violations) on a page of its own after its parent page. A run saved before that keeps its
answers under the old pages; this moves each answer to the page that now asks it, in the
wizard's storage format (``{step: {"<step>-<field>": [values]}}``). The wizard's step data is
copied here rather than imported, as a migration must not depend on code that will change.
"""

from django.db import migrations

#: Old page -> {question or list: new page}.
MOVES = {
    "hsp_route": {"hsp_route": "residence"},
    "guarantor": {"guarantor": "conduct"},
    "taxes": {"payments": "payments", "notifications": "notifications"},
    "conduct": {"criminal_records": "sentences", "traffic_violations": "traffic_violations"},
}
#: Pages that no longer exist, and the page that now asks their question (where to resume).
GONE = {"hsp_route": "residence", "guarantor": "conduct"}
DRAFTS = "drafts"


def moved_step_data(step_data: dict) -> tuple[dict, dict[str, str]]:
    """Return the step data with every moved answer under its new page, and {new: old} pages.

    A key moves when it is the question itself (``taxes-payments``) or one of its rows
    (``taxes-payments-0-kind``, ``taxes-payments-TOTAL_FORMS``); what is already stored on the
    new page wins.
    """
    result = {step: dict(data) for step, data in step_data.items() if isinstance(data, dict)}
    origins = {}
    for old, questions in MOVES.items():
        for key, values in list(result.get(old, {}).items()):
            for name, new in questions.items():
                head = f"{old}-{name}"
                if key == head or key.startswith(f"{head}-"):
                    target = result.setdefault(new, {})
                    target.setdefault(f"{new}-{name}{key[len(head) :]}", values)
                    del result[old][key]
                    origins[new] = old
    for old in GONE:
        result.pop(old, None)
    return result, origins


def move_saved_answers(apps, schema_editor):
    SavedProgress = apps.get_model("assessments", "SavedProgress")
    for progress in SavedProgress.objects.filter(assessment__isnull=True).iterator():
        data = progress.data if isinstance(progress.data, dict) else {}
        step_data, origins = moved_step_data(data.get("step_data") or {})
        extra = dict(data.get("extra_data") or {})
        drafts = set(extra.get(DRAFTS) or [])
        # A list typed on a page kept as a draft is a draft on its own page too.
        drafts |= {new for new, old in origins.items() if old in drafts}
        extra[DRAFTS] = sorted(drafts - set(GONE))
        progress.data = {**data, "step_data": step_data, "extra_data": extra}
        progress.step = GONE.get(progress.step, progress.step)
        progress.save(update_fields=["data", "step"])


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0010_whatif_renewal_thresholds"),
    ]

    operations = [
        migrations.RunPython(move_saved_answers, migrations.RunPython.noop),
    ]
