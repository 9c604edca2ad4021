"""The trail of every admin's changes to thresholds: who added, changed or deleted which
version, when, and why.

Django's ``LogEntry`` already records each addition and deletion with its user; its "Recent
actions" box shows only one's own. This reads the whole trail for the threshold model, for
the audit page and its CSV export. The "why" of an addition is the version's change note (and the reason for a past date); of a
deletion, the reason typed on the confirmation page (kept as the entry's message); an
approval (a change of the version's approval) is shown as such, with the version's reasons.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy

from assessments.thresholds.display import format_date, format_threshold, key_description
from assessments.thresholds.models import Threshold

ACTIONS = {
    "added": pgettext_lazy("audit action", "Added"),
    "changed": pgettext_lazy("audit action", "Changed"),
    "approved": pgettext_lazy("audit action", "Approved"),
    "deleted": pgettext_lazy("audit action", "Deleted"),
}
ACTION_CODES = {ADDITION: "added", CHANGE: "changed", DELETION: "deleted"}
#: The fields an approval records as changed (``ThresholdAdmin`` logs it so).
APPROVAL_FIELD = "approval"


@dataclass(frozen=True)
class AuditRow:
    """One entry of the trail, as the audit page and the CSV show it."""

    entry: LogEntry
    threshold: Threshold | None  # None once the version is deleted

    @property
    def action(self) -> str:
        return str(ACTIONS.get(self.action_code, self.action_code))

    @property
    def action_code(self) -> str:
        if self.entry.action_flag == CHANGE and self._is_approval():
            return "approved"
        return ACTION_CODES.get(self.entry.action_flag, str(self.entry.action_flag))

    def _is_approval(self) -> bool:
        try:
            parts = json.loads(self.entry.change_message or "[]")
        except ValueError:
            return False
        return isinstance(parts, list) and any(
            isinstance(part, dict) and APPROVAL_FIELD in part.get("changed", {}).get("fields", [])
            for part in parts
        )

    @property
    def who(self) -> str:
        return self.entry.user.get_username() if self.entry.user_id else ""

    @property
    def key(self) -> str:
        if self.threshold is not None:
            return self.threshold.key
        return self.entry.object_repr.split(" = ", 1)[0]

    @property
    def description(self) -> str:
        return key_description(self.key)

    @property
    def version(self) -> str:
        """The version as it reads now, or as it was recorded once it is deleted."""
        if self.threshold is None:
            return self.entry.object_repr
        return gettext("%(value)s from %(date)s") % {
            "value": format_threshold(self.threshold),
            "date": format_date(self.threshold.valid_from),
        }

    @property
    def why(self) -> str:
        if self.entry.action_flag == DELETION:
            return self.entry.change_message
        if self.threshold is None:
            return ""
        if self.entry.action_flag == ADDITION or self.action_code == "approved":
            return (
                "\n".join(
                    reason
                    for reason in (self.threshold.change_note, self.threshold.backdate_reason)
                    if reason
                )
                or self.threshold.note
            )
        return self.entry.get_change_message()


def audit_entries():
    """Every admin's log entries about threshold versions, newest first."""
    content_type = ContentType.objects.get_for_model(Threshold)
    return (
        LogEntry.objects.filter(content_type=content_type)
        .select_related("user")
        .order_by("-action_time", "-pk")
    )


def audit_rows(entries) -> list[AuditRow]:
    """Join each entry with its version if the version still exists (one query)."""
    entries = list(entries)
    ids = {int(entry.object_id) for entry in entries if str(entry.object_id).isdigit()}
    versions = Threshold.objects.in_bulk(ids)
    return [
        AuditRow(
            entry=entry,
            threshold=versions.get(int(entry.object_id))
            if str(entry.object_id).isdigit()
            else None,
        )
        for entry in entries
    ]


#: A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """Keep typed text (a note, a reason) from opening as a formula in a spreadsheet."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


CSV_HEADER = ("time", "user", "action", "version_id", "key", "version", "why")


def audit_csv(rows) -> str:
    """The trail as CSV: ISO times with their offset, codes rather than labels, one row each."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow(
            _cell(cell)
            for cell in (
                timezone.localtime(row.entry.action_time).isoformat(timespec="seconds"),
                row.who,
                row.action_code,
                row.entry.object_id,
                row.key,
                row.version,
                row.why,
            )
        )
    return buffer.getvalue()
