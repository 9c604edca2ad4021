"""Ages on a day, as the points table counts them (age "at the time of application")."""

from __future__ import annotations

import datetime as dt

#: Someone born on 29 February becomes a year older on 1 March in common years (Japan's
#: 年齢計算ニ関スル法律: a year is completed at the end of the day before the birthday).
LEAP_DAY_BIRTHDAY = (3, 1)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Return the age in whole years on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def birthday(birth: dt.date, age: int) -> dt.date:
    """Return the first day on which someone born on ``birth`` is ``age`` years old."""
    try:
        return birth.replace(year=birth.year + age)
    except ValueError:  # 29 February in a common year
        return dt.date(birth.year + age, *LEAP_DAY_BIRTHDAY)
