"""Load the longest period of stay of Specified Skilled Worker (ii), in force and drafted.

From data/thresholds.yaml into the thresholds: adds missing versions only (dated the day they
are loaded as ``checked_on``, the seed giving none).
"""

from django.db import migrations


def load(apps, schema_editor):
    from assessments.thresholds.services import load_default_thresholds

    load_default_thresholds(apps.get_model("assessments", "Threshold"))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0017_threshold_checked_on")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
