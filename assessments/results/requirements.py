"""One requirement as the result page, the report and the naturalization card show it.

Plain data from a stored finding (``prcheck.result/1``): its status, the finding as stored,
the source, and the date it clears by itself. Shared by ``presentation`` (the permanent
residence cards) and ``naturalization`` (the second card), so both read findings one way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from assessments.eligibility.choices import RequirementStatus

#: Human names of the requirement ids of the result contract.
REQUIREMENT_NAMES = {
    "status_eligible": _("Current status of residence"),
    "residence_period": _("Residence period"),
    "continuity": _("Continuous residence (time abroad)"),
    "period_of_stay": _("Longest period of stay"),
    "livelihood": _("Independent livelihood (income)"),
    "taxes": _("Taxes paid on time"),
    "social_insurance": _("Pension and health insurance"),
    "notifications": _("Immigration notifications"),
    "conduct": _("Good conduct"),
    "guarantor": _("Guarantor"),
    "landing_standards": _("Standards of your current status"),
    "public_health": _("Public health"),
}

NEEDS_ACTION = (RequirementStatus.NOT_MET.value, RequirementStatus.AT_RISK.value)


def as_list(value) -> list:
    return value if isinstance(value, list) else []


def stored_date(value) -> dt.date | None:
    """Return a stored date (ISO text or a date) as a date, or None if it is not one."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


@dataclass(frozen=True)
class Requirement:
    """One requirement card: the finding dict as stored, plus its name and dates."""

    id: str
    status: str
    finding: dict
    reference: str
    basis: str
    clears_on: dt.date | None
    #: The cited source's address, from the thresholds the result used ("" if none names it).
    url: str = ""

    @property
    def name(self):
        return REQUIREMENT_NAMES.get(self.id, self.id)

    @property
    def needs_action(self) -> bool:
        return self.status in NEEDS_ACTION


def source_urls(result) -> dict[str, str]:
    """Return the address of each source title that the result's thresholds cite."""
    thresholds = result.get("thresholds") if isinstance(result, dict) else None
    if not isinstance(thresholds, dict):
        return {}
    return {
        str(entry["source_title"]): str(entry["source_url"])
        for entry in thresholds.values()
        if isinstance(entry, dict) and entry.get("source_title") and entry.get("source_url")
    }


def _requirement(entry: dict, urls: dict[str, str]) -> Requirement:
    return Requirement(
        id=str(entry.get("id", "")),
        status=str(entry.get("status", "")),
        finding=entry,
        reference=str(entry.get("reference") or ""),
        basis=str(entry.get("basis") or "official"),
        clears_on=stored_date(entry.get("clears_on")),
        url=urls.get(str(entry.get("reference") or ""), ""),
    )


def requirements_in_order(entries, ids, urls=None) -> tuple[Requirement, ...]:
    """Return the stored findings as cards in the order of ``ids``; unknown ids (newer engines)
    go last. Shared by the permanent residence cards and the naturalization card."""
    entries = [e for e in as_list(entries) if isinstance(e, dict)]
    order = {rid: index for index, rid in enumerate(ids)}
    entries.sort(key=lambda e: order.get(e.get("id"), len(order)))
    return tuple(_requirement(e, urls or {}) for e in entries)
