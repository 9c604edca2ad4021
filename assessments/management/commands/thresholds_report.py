"""Print what the thresholds' maintainers should look at: drafts, coming changes, stale sources.

Three plain-text lists, in English or (``--lang ja``) Japanese: every draft version (never in
force, shown to applicants as a risk only), every version that starts to apply within the
next 12 months, and every version whose source was last checked more than 6 months ago. It
reads thresholds only, so its output holds nothing personal and is safe to mail; it exits 0
whatever it finds (a list to read, not a check that fails).
"""

from django.core.management.base import BaseCommand
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from assessments.thresholds.choices import ThresholdKind
from assessments.thresholds.display import format_date, format_value, key_description
from assessments.thresholds.freshness import stale_before, upcoming_until
from assessments.thresholds.models import Threshold


class Command(BaseCommand):
    help = (
        "List draft threshold versions, versions that apply within 12 months, and versions "
        "whose source was not checked for 6 months."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--lang", choices=("en", "ja"), default="en", help="Language of the report."
        )

    def handle(self, *args, lang="en", **options):
        today = timezone.localdate()
        versions = Threshold.objects.order_by("key", "valid_from")
        with translation.override(lang):
            sections = (
                (
                    _("Drafts (never applied as law; shown to applicants as a risk only)"),
                    versions.filter(kind=ThresholdKind.DRAFT),
                ),
                (
                    _("Changes in the next 12 months (until %(day)s)")
                    % {"day": format_date(upcoming_until(today))},
                    versions.filter(valid_from__gt=today, valid_from__lte=upcoming_until(today)),
                ),
                (
                    _("Sources not checked for 6 months (last checked before %(day)s)")
                    % {"day": format_date(stale_before(today))},
                    versions.filter(checked_on__lt=stale_before(today)),
                ),
            )
            lines = [_("Threshold report for %(day)s") % {"day": format_date(today)}]
            for title, rows in sections:
                lines += ["", f"{title}: {len(rows)}"]
                lines += [_line(row) for row in rows] or ["  " + _("(none)")]
        self.stdout.write("\n".join(lines))


def _line(row: Threshold) -> str:
    """One version: key, what it means, value, date, kind, when its source was last checked."""
    return "  " + _(
        "%(key)s (%(description)s): %(value)s from %(valid_from)s, %(kind)s, "
        "source last checked %(checked_on)s — %(source)s"
    ) % {
        "key": row.key,
        "description": key_description(row.key),
        "value": format_value(row.typed_value(), row.unit),
        "valid_from": format_date(row.valid_from),
        "kind": ThresholdKind(row.kind).label,
        "checked_on": format_date(row.checked_on),
        "source": row.source_title,
    }
