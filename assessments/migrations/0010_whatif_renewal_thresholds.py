"""Load the renewal filing window (data/renewal.yaml) into the thresholds (missing versions only)."""

from django.db import migrations


def load(apps, schema_editor):
    from assessments.thresholds.services import load_default_thresholds

    load_default_thresholds(apps.get_model("assessments", "Threshold"))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0009_kinder_saved_progress_result")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
