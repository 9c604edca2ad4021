"""Dates written in the active language, the way the product writes them everywhere.

Shared by templates (the ``longdate`` filter), error messages and forms: 1 December 2026 /
2026年12月1日.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import translation


def is_japanese() -> bool:
    return (translation.get_language() or settings.LANGUAGE_CODE).startswith("ja")


def as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


# Month names are written out rather than taken from the locale's DATE_FORMAT, which gives
# "Dec. 1, 2026" in English: the product writes British-style "1 December 2026".
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def shortdate(value):
    """Write a date briefly, for a column of dates on a phone: 2026/12/1 / 1 Dec 2026."""
    day = as_date(value)
    if day is None:
        return value
    if is_japanese():
        return f"{day.year}/{day.month}/{day.day}"
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def longdate(value):
    """Write a date (or ISO string) in full: 1 December 2026 / 2026年12月1日."""
    day = as_date(value)
    if day is None:
        return value
    if is_japanese():
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
