"""Enumerations of a threshold row: the kind of its source, and its unit (with lazy labels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ThresholdKind(models.TextChoices):
    OFFICIAL = "official", _("Official")
    PRACTICE = "practice", _("Practitioners' rule of thumb")
    DRAFT = "draft", _("Draft (not yet in force)")


class ThresholdUnit(models.TextChoices):
    YEARS = "years", _("years")
    MONTHS = "months", _("months")
    DAYS = "days", _("days")
    YEN = "yen", _("yen")
    POINTS = "points", _("points")
    COUNT = "count", _("count")
    WEIGHT = "weight", _("weight")
    DATE = "date", _("date")
    MONTH_OF_YEAR = "month_of_year", _("month of the year (1-12)")
    TABLE = "table", _("table")


#: How an empty value (``no_limit`` keys only) is shown: no such limit or rule from that date.
NONE_SHOWN = _("(none from this date)")
