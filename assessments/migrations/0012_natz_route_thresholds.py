"""Load the periods of the simplified naturalization routes (Nationality Act Arts. 6 and 8).

From data/naturalization.yaml into the thresholds: adds missing versions only.
"""

from django.db import migrations


def load(apps, schema_editor):
    from assessments.thresholds.services import load_default_thresholds

    load_default_thresholds(apps.get_model("assessments", "Threshold"))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0011_saved_progress_new_pages")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
