"""``makemessages`` that also extracts the threshold keys' descriptions from ``data/*.yaml``.

The descriptions are data (reviewed beside their values in the seed files), yet the admin
shows them in the admin's language through the catalogue (``thresholds/display.py``). Django's
command extracts from source files only, so this one writes the descriptions as
``gettext_noop`` calls into a short-lived module for the run, then removes it.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.commands import makemessages

from assessments.thresholds.snapshot import THRESHOLD_KEYS

#: Written for the run only (git-ignored, should a run be interrupted).
DESCRIPTIONS_MODULE = Path(__file__).resolve().parents[2] / "thresholds" / "key_descriptions.py"


def descriptions_module_text() -> str:
    lines = [
        '"""Written by `manage.py makemessages` for the run: the keys\' descriptions."""',
        "from django.utils.translation import gettext_noop",
        "",
    ]
    for key, spec in sorted(THRESHOLD_KEYS.items()):
        # Shown as is, never %-formatted: "3% of sales" is no format directive.
        lines.append("# xgettext:no-python-format")
        lines.append(f"# Translators: what the threshold {key} is (shown in the admin).")
        lines.append(f"gettext_noop({spec.description!r})")
    return "\n".join(lines) + "\n"


class Command(makemessages.Command):
    def handle(self, *args, **options):
        DESCRIPTIONS_MODULE.write_text(descriptions_module_text(), encoding="utf-8")
        try:
            return super().handle(*args, **options)
        finally:
            DESCRIPTIONS_MODULE.unlink(missing_ok=True)
