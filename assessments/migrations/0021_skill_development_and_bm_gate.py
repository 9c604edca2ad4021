"""Load the thresholds of Employment for Skill Development and the Business Manager gate.

From data/thresholds.yaml into the thresholds: adds missing versions only (dated the day they
are loaded as ``checked_on``, the seed giving none): the day 育成就労 is created and whether its
years count toward the work years (in force, and the 2026-08-04 draft), and the dates of the
Business Manager standards and of their grace for renewals.
"""

from django.db import migrations


def load(apps, schema_editor):
    from assessments.thresholds.services import load_default_thresholds

    load_default_thresholds(apps.get_model("assessments", "Threshold"))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0020_keep_pr_thresholds")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
