"""Load the naturalization thresholds (data/naturalization.yaml): adds missing versions only."""

from django.db import migrations


def load(apps, schema_editor):
    from assessments.thresholds.services import load_default_thresholds

    load_default_thresholds(apps.get_model("assessments", "Threshold"))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0007_pdf_report_queue_rate_counter")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
