"""The outline of the check: which questions are asked, in which order, and when.

This is the only place that decides the order of questions (style guideline 8). Each
condition is a small named function over the cleaned data of earlier steps; the wizard only
lets a condition read steps that are shown and come before it, so an answer on a skipped
step can never steer the route. What the answers *mean* is decided by ``rules/``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from . import forms
from .choices import ResidenceStatus, Route
from .thresholds import Thresholds

SPOUSE_STATUSES = frozenset(
    {ResidenceStatus.SPOUSE_OF_JAPANESE, ResidenceStatus.SPOUSE_OF_PERMANENT_RESIDENT}
)
CHILD_STATUSES = frozenset(
    {ResidenceStatus.CHILD_OF_JAPANESE, ResidenceStatus.CHILD_OF_PERMANENT_RESIDENT}
)
#: Statuses whose route counts from the day the status (or recognition) was granted.
GRANT_DATE_STATUSES = frozenset(
    {ResidenceStatus.LONG_TERM_RESIDENT, ResidenceStatus.REFUGEE, ResidenceStatus.HSP}
)
#: The route a status leads to by itself; every other status is on the general route.
STATUS_ROUTES = {
    **dict.fromkeys(SPOUSE_STATUSES, Route.SPOUSE),
    **dict.fromkeys(CHILD_STATUSES, Route.CHILD),
    ResidenceStatus.LONG_TERM_RESIDENT: Route.LONG_TERM_RESIDENT,
    ResidenceStatus.REFUGEE: Route.REFUGEE,
}


def _answers(wizard, step: str) -> dict:
    return wizard.get_cleaned_data_for_step(step) or {}


def is_spouse(wizard) -> bool:
    """Ask for the marriage date when the applicant holds a spouse status."""
    return _answers(wizard, "status").get("status") in SPOUSE_STATUSES


def has_grant_date(wizard) -> bool:
    """Ask when the status was granted for long-term residents, refugees and HSP holders."""
    return _answers(wizard, "status").get("status") in GRANT_DATE_STATUSES


def uses_hsp_route(wizard) -> bool:
    """Ask for HSP points from HSP holders and from anyone who wants to try those routes."""
    status = _answers(wizard, "status")
    return status.get("status") == ResidenceStatus.HSP or bool(status.get("hsp_route"))


#: The steps in order; the step name matches its form (``status`` -> ``StatusForm``).
STEPS = [
    ("status", forms.StatusForm),
    ("residence", forms.ResidenceForm),
    ("marriage", forms.MarriageForm),
    ("grant", forms.GrantForm),
    ("hsp", forms.HspForm),
    ("travel", forms.TravelForm),
    ("income", forms.IncomeForm),
    ("taxes", forms.TaxesForm),
    ("conduct", forms.ConductForm),
    ("guarantor", forms.GuarantorForm),
    ("summary", forms.SummaryForm),
]

CONDITIONS = {
    "marriage": is_spouse,
    "grant": has_grant_date,
    "hsp": uses_hsp_route,
}

TITLES = {
    "status": _("Your status of residence"),
    "residence": _("Your residence in Japan"),
    "marriage": _("Your marriage"),
    "grant": _("When your status was granted"),
    "hsp": _("Highly Skilled Professional points"),
    "travel": _("Trips abroad"),
    "income": _("Income and family"),
    "taxes": _("Taxes, pension and health insurance"),
    "conduct": _("Conduct"),
    "guarantor": _("Your guarantor"),
    "summary": _("Check your answers"),
}


def candidate_routes(wizard) -> tuple[str, ...]:
    """Return the routes the answers so far may lead to (they decide the years asked)."""
    status = _answers(wizard, "status").get("status")
    routes = [STATUS_ROUTES.get(status, Route.GENERAL)]
    if _answers(wizard, "residence").get("contribution_to_japan"):
        routes.append(Route.CONTRIBUTION)
    if uses_hsp_route(wizard):
        routes += [Route.HSP_70, Route.HSP_80]
        if _answers(wizard, "hsp").get("jskip_eligible"):
            routes.append(Route.J_SKIP)
    return tuple(str(route) for route in routes)


def asks_household_income(routes: Iterable[str]) -> bool:
    """Household income counts on the spouse and child routes."""
    return bool({Route.SPOUSE, Route.CHILD} & set(routes))


def income_years(
    *, application_date: dt.date, routes: Iterable[str], thresholds: Thresholds
) -> list[int]:
    """Return the calendar years of income certifiable on the application date, newest first.

    Income of year Y is certified from ``lookback.certificate_month`` of Y+1; the number of
    years is the longest ``lookback.tax_years.<route>`` among the routes that may apply.
    """
    certificate_month = thresholds["lookback.certificate_month"]
    latest = application_date.year - (1 if application_date.month >= certificate_month else 2)
    count = max(thresholds[f"lookback.tax_years.{route}"] for route in routes)
    return [latest - offset for offset in range(count)]
