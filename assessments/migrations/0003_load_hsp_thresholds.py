"""Load the HSP points table (data/hsp.yaml) into the thresholds (adds missing versions only)."""

from django.db import migrations


def load(apps, schema_editor):
    from assessments.thresholds.services import load_default_thresholds

    load_default_thresholds(apps.get_model("assessments", "Threshold"))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0002_load_default_thresholds")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
