"""Calendar arithmetic for the rules: anniversaries, look-back windows, waiting periods.

Periods are counted in whole calendar years from a start date, as immigration practice and the
Civil Code (Art. 143) do. A period that starts on 29 February ends on an anniversary that does
not exist in common years; prcheck then uses 1 March, the first day on which the full number of
years has certainly passed (the conservative reading; Art. 143(2) would end it on 28 February).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from assessments.thresholds.snapshot import Thresholds


def add_years(day: dt.date, years: int) -> dt.date:
    """Return the anniversary ``years`` after ``day`` (29 Feb -> 1 Mar in common years)."""
    target = day.year + int(years)
    if day.month == 2 and day.day == 29 and not calendar.isleap(target):
        return dt.date(target, 3, 1)
    return day.replace(year=target)


def add_months(day: dt.date, months: int) -> dt.date:
    """Return the same day ``months`` later, or the 1st of the next month if it does not exist."""
    index = day.month - 1 + int(months)
    year, month = day.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if day.day > last:
        return dt.date(year, month, last) + dt.timedelta(days=1)
    return dt.date(year, month, day.day)


def years_between(start: dt.date, end: dt.date) -> float:
    """Return the years from ``start`` to ``end``, rounded down to one decimal (never overstated)."""
    if end <= start:
        return 0.0
    whole = end.year - start.year
    if add_years(start, whole) > end:
        whole -= 1
    anniversary = add_years(start, whole)
    next_anniversary = add_years(start, whole + 1)
    fraction = (end - anniversary).days / (next_anniversary - anniversary).days
    return int((whole + fraction) * 10) / 10


def certifiable_years(on: dt.date, count: int, certificate_month: int) -> list[int]:
    """Return the ``count`` most recent income years certifiable on ``on``, newest first.

    Income of year Y is certified from the first day of ``certificate_month`` of Y + 1 (June):
    on 2026-12-01 the five years are 2025 back to 2021; on 2026-05-31, 2024 back to 2020.
    """
    latest = on.year - 1 if on >= dt.date(on.year, certificate_month, 1) else on.year - 2
    return [latest - offset for offset in range(int(count))]


def first_changeable_year(on: dt.date) -> int:
    """Return the first income year whose income can still change on ``on``.

    A year's income is what its 課税証明書 certifies: the whole of 1 January to 31 December,
    assessed for the resident tax and certified from June of the next year
    (``certifiable_years``). A plan that asks for a year's income can only be followed for a
    year not yet begun: on any later day part of that year is already earned, and in December
    it is almost all earned. So on 2026-12-07 the first such year is 2027, and on 2027-01-01,
    when all of 2027 still lies ahead, it is 2027 itself. The conservative reading: it never
    asks for a year already under way.
    """
    return on.year if (on.month, on.day) == (1, 1) else on.year + 1


def first_day_satisfied(
    t: Thresholds, start: dt.date, due_for: Callable[[Thresholds], dt.date | None]
) -> dt.date | None:
    """Return the first day on or after ``start`` with ``day >= due_for(values in force that day)``.

    Thresholds change only on ``valid_from`` dates, so each stretch between two changes is
    checked once with the values in force in it. ``due_for`` returns None when the condition
    cannot be met under those values. Return None if it is never met.
    """
    stretches = [start, *t.changes_after(start)]
    for index, begin in enumerate(stretches):
        due = due_for(t.at(begin))
        if due is None:
            continue
        day = max(due, begin)
        end = stretches[index + 1] if index + 1 < len(stretches) else None
        if end is None or day < end:
            return day
    return None
