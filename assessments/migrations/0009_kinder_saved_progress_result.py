"""A saved run remembers the result it became, so its resume link opens that result."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0008_natz_thresholds"),
    ]

    operations = [
        migrations.AddField(
            model_name="savedprogress",
            name="assessment",
            field=models.OneToOneField(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                to="assessments.assessment",
            ),
        ),
    ]
