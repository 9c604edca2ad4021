"""Load the keep-PR thresholds (re-entry permits, the residence card, revocation for
non-payment) from data/keep_pr.yaml, and add the route ``keep_pr`` to the stored results.

Adds missing versions only (dated the day they are loaded as ``checked_on``, the seed giving
none).
"""

from django.db import migrations, models


def load(apps, schema_editor):
    from assessments.thresholds.services import load_default_thresholds

    load_default_thresholds(apps.get_model("assessments", "Threshold"))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0019_saved_runs_answers_document")]

    operations = [
        migrations.AlterField(
            model_name="assessment",
            name="route",
            field=models.CharField(
                choices=[
                    ("general", "General route (10 years)"),
                    ("spouse", "Spouse of a Japanese national or permanent resident"),
                    ("child", "Child of a Japanese national or permanent resident"),
                    ("long_term_resident", "Long-Term Resident (5 years)"),
                    ("refugee", "Recognised refugee (5 years)"),
                    ("contribution", "Contribution to Japan (5 years)"),
                    ("hsp_70", "Highly Skilled Professional, 70 points (3 years)"),
                    ("hsp_80", "Highly Skilled Professional, 80 points (1 year)"),
                    ("j_skip", "J-Skip, Special Highly Skilled Professional (1 year)"),
                    ("keep_pr", "Keeping permanent residence"),
                ],
                max_length=32,
                verbose_name="route",
            ),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
