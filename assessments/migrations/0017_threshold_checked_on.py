"""Record when each threshold version's source was last checked (``checked_on``).

Existing rows get the ``checked_on`` their seed file gives, if any; otherwise the day the
version was created (the day its source was read to enter it), never the migration day, so
that old versions show up as due for a re-check.
"""

import django.utils.timezone
from django.db import migrations, models
from django.utils import timezone


def fill_checked_on(apps, schema_editor):
    from assessments.thresholds.services import seed_checked_on

    threshold_model = apps.get_model("assessments", "Threshold")
    seeded = seed_checked_on()
    rows = list(threshold_model.objects.filter(checked_on__isnull=True))
    for row in rows:
        row.checked_on = seeded.get((row.key, row.valid_from)) or timezone.localdate(row.created_at)
    threshold_model.objects.bulk_update(rows, ["checked_on"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0016_pr_fee_thresholds"),
    ]

    operations = [
        migrations.AddField(
            model_name="threshold",
            name="checked_on",
            field=models.DateField(null=True, verbose_name="source last checked"),
        ),
        migrations.RunPython(fill_checked_on, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="threshold",
            name="checked_on",
            field=models.DateField(
                default=django.utils.timezone.localdate,
                help_text="The day someone last read the source above and found that it still states this value.",
                verbose_name="source last checked",
            ),
        ),
    ]
