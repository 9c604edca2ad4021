"""The "When to file" section: the stored ``rule_changes``, ``file_by`` and ``fee_at_grant``, typed.

The planner (``eligibility.rules.file_by``) decides; these are the shapes the typed result
view (``view.ResultView.filing``, which reads the stored JSON) gives the page, the report and
the calendar, so they word the same facts. A result stored before the planner existed has
none of the keys and gets no section (not "no change").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
    #: The bureau whose own figure gave ``processing_months`` (None: the nationwide figure).
    processing_bureau: str | None = None

    @property
    def draft_ahead(self) -> bool:
        return any(change.draft for change in self.rule_changes)


@dataclass(frozen=True)
class FeeView:
    """The fee a grant pays (``fee_at_grant``): the one in force on the likely grant day.

    ``since`` is the day that fee took effect and ``before_yen`` the fee before it: an
    application filed before a change and granted after it pays the new fee.
    """

    yen: int
    grant_date: dt.date | None
    since: dt.date | None
    before_yen: int | None
