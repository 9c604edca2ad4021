"""Threshold values and keys as an admin reads them, in the admin's language.

The admin lists, the audit page, the per-key timeline and the admin's messages all write a
value through ``format_value`` (¥3,000,000 / 3,000,000円, 3 years / 3年, a date as the
locale writes it) and name a key through ``key_description`` (the registry's description,
translated through the catalogue), so that no admin page shows ``3000000.00`` or Python's
``None``. The descriptions' English text in ``data/*.yaml`` is the message id; the
project's ``makemessages`` command extracts it (``management/commands/makemessages.py``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.utils import formats, translation
from django.utils.translation import gettext, ngettext, pgettext_lazy

from assessments.thresholds.choices import ThresholdUnit
from assessments.thresholds.snapshot import THRESHOLD_KEYS

#: Readable names for the first part of a key (``residence.general.min_years``). "Residence
#: period" and "Period of stay" read alike in Japanese: the context keeps their admin names
#: apart from the result page's.
KEY_AREAS = {
    "residence": pgettext_lazy("threshold area", "Residence period"),
    "hsp": pgettext_lazy("threshold area", "Highly Skilled Professional points"),
    "absence": pgettext_lazy("threshold area", "Absences from Japan"),
    "period_of_stay": pgettext_lazy("threshold area", "Period of stay"),
    "livelihood": pgettext_lazy("threshold area", "Livelihood (income)"),
    "lookback": pgettext_lazy("threshold area", "Look-back periods"),
    "conduct": pgettext_lazy("threshold area", "Good conduct"),
    "score": pgettext_lazy("threshold area", "Readiness score weights"),
    "naturalization": pgettext_lazy("threshold area", "Naturalization"),
    "renewal": pgettext_lazy("threshold area", "Renewal of the period of stay"),
}


def key_area(key: str) -> str:
    return key.split(".", 1)[0]


def area_label(area: str) -> str:
    return str(KEY_AREAS.get(area, area))


def key_description(key: str) -> str:
    """Return the key's description in the active language (the key itself if unknown)."""
    spec = THRESHOLD_KEYS.get(key)
    if spec is None:
        return key
    return gettext(spec.description) if spec.description else key


def matching_keys(term: str) -> set[str]:
    """Return the keys whose description, in English or the active language, contains ``term``.

    The descriptions live in the seed files and the catalogue, not in the database, so the
    admin's search (a database query) cannot reach them by itself.
    """
    needle = term.strip().casefold()
    if not needle:
        return set()
    found = set()
    for key, spec in THRESHOLD_KEYS.items():
        texts = (spec.description, key_description(key), area_label(key_area(key)))
        if any(needle in text.casefold() for text in texts):
            found.add(key)
    return found


def _number(value) -> str:
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return formats.number_format(int(number), force_grouping=True)
    normalized = number.normalize()
    return formats.number_format(
        normalized, decimal_pos=-normalized.as_tuple().exponent, force_grouping=True
    )


def _is_japanese() -> bool:
    return (translation.get_language() or "").startswith("ja")


def format_value(value, unit: str) -> str:
    """Write a stored value as the admin reads it: ¥3,000,000, 3 years, 2028年3月31日."""
    if value is None:
        return gettext("(none from this date)")
    if unit == ThresholdUnit.TABLE:
        return gettext("(table)")
    if unit == ThresholdUnit.DATE:
        return format_date(value)
    if isinstance(value, bool):
        return str(value)
    try:
        text = _number(value)
        whole = Decimal(str(value)) == 1
    except (InvalidOperation, ValueError, TypeError):
        return str(value)
    count = 1 if whole else 2
    if unit == ThresholdUnit.YEN:
        return f"{text}円" if _is_japanese() else f"¥{text}"
    if unit == ThresholdUnit.YEARS:
        return ngettext("%(n)s year", "%(n)s years", count) % {"n": text}
    if unit == ThresholdUnit.MONTHS:
        return ngettext("%(n)s month", "%(n)s months", count) % {"n": text}
    if unit == ThresholdUnit.DAYS:
        return ngettext("%(n)s day", "%(n)s days", count) % {"n": text}
    if unit == ThresholdUnit.POINTS:
        return ngettext("%(n)s point", "%(n)s points", count) % {"n": text}
    if unit == ThresholdUnit.MONTH_OF_YEAR and text.isdigit() and 1 <= int(text) <= 12:
        return formats.date_format(dt.date(2000, int(text), 1), "F")
    return text


def format_date(value) -> str:
    """Write a date as the admin's locale does (2026年12月1日 / Dec. 1, 2026)."""
    if isinstance(value, dt.date):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def format_threshold(threshold) -> str:
    """Write a stored version's value (a ``Threshold`` row)."""
    return format_value(threshold.typed_value(), threshold.unit)
