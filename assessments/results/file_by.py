"""The "When to file" section: the stored ``rule_changes``, ``file_by`` and ``fee_at_grant``, typed.

The planner (``eligibility.rules.file_by``) decides; this module only reads what a stored
result says, so the page, the report and the calendar word the same facts. A result stored
before the planner existed has none of the keys and gets no section (not "no change").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assessments.results.view import as_list, stored_date
from assessments.results.wording import REQUIREMENT as REQUIREMENT_NAMES

DRAFT = "draft"


@dataclass(frozen=True)
class ChangeView:
    """One requirement a rule change moves: its name, the statuses and the day it clears."""

    requirement: str
    name: str
    before: str
    after: str
    after_clears_on: dt.date | None


@dataclass(frozen=True)
class RuleChangeView:
    date: dt.date
    basis: str
    changes: tuple[ChangeView, ...]

    @property
    def draft(self) -> bool:
        """A draft's change: worded "if adopted", never as the rules in force."""
        return self.basis == DRAFT


@dataclass(frozen=True)
class FilingView:
    file_by: dt.date | None
    #: The verdict (``Overall`` value) for an application filed on ``file_by``.
    file_by_overall: str | None
    rule_changes: tuple[RuleChangeView, ...]
    fee_yen: int | None = None
    fee_grant_date: dt.date | None = None
    processing_months: int | None = None

    @property
    def draft_ahead(self) -> bool:
        return any(change.draft for change in self.rule_changes)


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _change(item: dict) -> ChangeView | None:
    requirement = item.get("requirement")
    if requirement not in REQUIREMENT_NAMES:
        return None
    before, after = _dict(item.get("before")), _dict(item.get("after"))
    return ChangeView(
        requirement=requirement,
        name=REQUIREMENT_NAMES[requirement],
        before=str(before.get("status", "")),
        after=str(after.get("status", "")),
        after_clears_on=stored_date(after.get("clears_on")),
    )


def _rule_change(item: dict) -> RuleChangeView | None:
    day = stored_date(item.get("date"))
    changes = tuple(
        change
        for change in map(_change, filter(None, map(_dict, as_list(item.get("changes")))))
        if change
    )
    if day is None or not changes:
        return None
    return RuleChangeView(date=day, basis=str(item.get("basis", "")), changes=changes)


def filing_view(result: dict) -> FilingView | None:
    """Return the section's facts from a stored result, or None when it has none to show."""
    if not isinstance(result, dict) or "rule_changes" not in result:
        return None
    rule_changes = tuple(
        change
        for change in map(_rule_change, map(_dict, as_list(result["rule_changes"])))
        if change
    )
    if not rule_changes:
        return None
    fee = _dict(result.get("fee_at_grant"))
    yen = fee.get("yen")
    months = fee.get("processing_months")
    return FilingView(
        file_by=stored_date(result.get("file_by")) if result.get("file_by") else None,
        file_by_overall=_dict(result.get("file_by_verdict")).get("overall"),
        rule_changes=rule_changes,
        fee_yen=yen if isinstance(yen, int) else None,
        fee_grant_date=stored_date(fee.get("likely_grant_date")) if fee else None,
        processing_months=months if isinstance(months, int) else None,
    )
