"""Load two naturalization practice thresholds: the per-person take-home of the household, and
the two years in which a late pension or health-insurance payment is still a risk.

From data/naturalization.yaml into the thresholds: adds missing versions only.
"""

from django.db import migrations


def load(apps, schema_editor):
    from assessments.thresholds.services import load_default_thresholds

    load_default_thresholds(apps.get_model("assessments", "Threshold"))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0012_natz_route_thresholds")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
