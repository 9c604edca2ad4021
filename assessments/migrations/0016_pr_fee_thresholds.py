"""Load the permanent residence fee as dated thresholds (data/fees.yaml).

10,000 yen from 2025-04-01 and 200,000 yen from 2026-10-01 (令和8年政令第268号), so the fee is
data an admin can change, not a literal. Adds missing versions only.
"""

from django.db import migrations


def load(apps, schema_editor):
    from assessments.thresholds.services import load_default_thresholds

    load_default_thresholds(apps.get_model("assessments", "Threshold"))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0015_assessment_changed_from")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
