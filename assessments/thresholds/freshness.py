"""Whether a version's source was read recently enough (``Threshold.checked_on``).

A cited value stays honest only while someone rereads its source: a page may be revised in
place, a draft adopted or dropped. A version whose source was last checked more than
``STALE_AFTER_MONTHS`` ago is listed for a re-check (admin filter, ``thresholds_report``);
"today" is always the caller's, never stored, so the list moves on by itself.
"""

from __future__ import annotations

import calendar
import datetime as dt

#: Months after which a source is due for another reading (an editorial policy, not a rule).
STALE_AFTER_MONTHS = 6
#: How far ahead ``thresholds_report`` lists the versions that start to apply.
UPCOMING_MONTHS = 12


def shift_months(day: dt.date, months: int) -> dt.date:
    """Return ``day`` moved by ``months`` (negative: back), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def stale_before(today: dt.date) -> dt.date:
    """Return the first day a check still counts as recent: checked before it is stale."""
    return shift_months(today, -STALE_AFTER_MONTHS)


def upcoming_until(today: dt.date) -> dt.date:
    """Return the last day of the span in which ``thresholds_report`` lists coming versions."""
    return shift_months(today, UPCOMING_MONTHS)
