"""Load the household livelihood floor (data/thresholds.yaml) into the thresholds.

Adds missing versions only: rows an admin has entered are never overwritten.
"""

from django.db import migrations


def load(apps, schema_editor):
    from assessments.thresholds.services import load_default_thresholds

    load_default_thresholds(apps.get_model("assessments", "Threshold"))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0004_plain_choices")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
