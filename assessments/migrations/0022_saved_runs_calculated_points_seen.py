"""Saved runs that went on from the calculated HSP points keep that they did.

The calculated points page asks nothing; it used to count as answered whatever the applicant
did, so a change to "calculate" from "check your answers" went back to the summary without
showing the points. It is now answered once the applicant went on from it, which the run
keeps in its steering answers (``hsp_points.seen``). A run saved before that kept nothing:
saved on a page after the calculated points, it went on from them (or they were not asked,
and then the mark says nothing), so it is marked here, once, and is not sent back to them.
The page names are copied here rather than imported, as a migration must not depend on code
that will change.
"""

from django.db import migrations

#: The pages after the calculated points, in the order of the check.
LATER_PAGES = frozenset(
    {
        "travel",
        "household",
        "income",
        "taxes",
        "payments",
        "notifications",
        "conduct",
        "sentences",
        "traffic_violations",
        "naturalization",
        "naturalization_birth",
        "summary",
    }
)
SEEN = "hsp_points.seen"


def marked(data, step: str):
    """Return the saved run ``data`` marked as gone on from the points, or ``data`` as it is."""
    if step not in LATER_PAGES or not isinstance(data, dict):
        return data
    asked = data.get("asked")
    if not isinstance(asked, dict) or SEEN in asked:
        return data
    return {**data, "asked": {**asked, SEEN: []}}


def mark_saved_runs(apps, schema_editor):
    SavedProgress = apps.get_model("assessments", "SavedProgress")
    for progress in SavedProgress.objects.filter(assessment__isnull=True).iterator():
        data = marked(progress.data, progress.step)
        if data is not progress.data:
            progress.data = data
            progress.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [("assessments", "0021_skill_development_and_bm_gate")]

    operations = [
        migrations.RunPython(mark_saved_runs, migrations.RunPython.noop),
    ]
