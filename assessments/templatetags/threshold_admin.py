"""Filters for the threshold admin's own pages (timeline, audit): values, units and links
written as the admin reads them, through ``assessments.thresholds.display``."""

from __future__ import annotations

from django import template
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments.eligibility.choices import Overall, Route
from assessments.thresholds.admin_pages import used_by_html
from assessments.thresholds.choices import ThresholdUnit
from assessments.thresholds.display import format_threshold

register = template.Library()

CHANGED_FIELDS = {
    "kind": _("The kind of source changed."),
    "source_title": _("The source's title changed."),
    "source_url": _("The source's address changed."),
}


@register.filter
def threshold_value(threshold) -> str:
    return format_threshold(threshold) if threshold is not None else ""


@register.filter
def unit_label(unit) -> str:
    try:
        return ThresholdUnit(unit).label
    except ValueError:
        return unit


@register.filter
def changed_field_label(name) -> str:
    return CHANGED_FIELDS.get(name, name)


@register.filter
def used_by_link(threshold):
    return used_by_html(threshold, getattr(threshold, "used_by", 0))


@register.filter
def outcome(value) -> str:
    """Word a trial's outcome: verdict, route and earliest date, in the admin's language."""
    if value is None:
        return "—"
    parts = [label_of(Overall, value.overall), label_of(Route, value.route)]
    if value.earliest_date is not None:
        parts.append(
            gettext("earliest %(date)s") % {"date": formats.date_format(value.earliest_date)}
        )
    return " · ".join(parts)


def label_of(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)
