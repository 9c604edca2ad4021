"""View-models for the what-if comparison and the planned-trips sentence (plain data).

Nothing here decides eligibility: both read ``prcheck.result/1`` dicts made by the engine and
reshape them for the templates, which word them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext

from assessments.eligibility.choices import PaymentKind
from assessments.eligibility.rules.planned import CAN_APPLY
from assessments.results.presentation import ResultPage, result_page
from assessments.results.requirements import REQUIREMENT_NAMES, stored_date
from assessments.results.whatif import unpaid_payments
from assessments.templatetags.prcheck import longdate


def apply_from(page: ResultPage) -> dt.date | None:
    """Return the first day one can apply: the application date, the earliest date, or None."""
    return page.application_date if page.overall in CAN_APPLY else page.earliest_date


@dataclass(frozen=True)
class Change:
    """A requirement whose status differs between the current result and the what-if."""

    id: str
    before: str
    after: str

    @property
    def name(self):
        return REQUIREMENT_NAMES.get(self.id, self.id)


@dataclass(frozen=True)
class Comparison:
    """The current result beside the what-if result."""

    current: ResultPage
    what_if: ResultPage
    current_apply_from: dt.date | None
    what_if_apply_from: dt.date | None
    changes: tuple[Change, ...]
    planned: PlannedView | None


def comparison(*, current: dict, what_if: dict) -> Comparison:
    """Return the comparison of two result dicts, requirement by requirement."""
    before, after = result_page(result=current), result_page(result=what_if)
    statuses = {r.id: r.status for r in before.requirements}
    changes = tuple(
        Change(id=r.id, before=statuses.get(r.id, ""), after=r.status)
        for r in after.requirements
        if statuses.get(r.id) != r.status
    )
    return Comparison(
        current=before,
        what_if=after,
        current_apply_from=apply_from(before),
        what_if_apply_from=apply_from(after),
        changes=changes,
        planned=planned_view(what_if),
    )


@dataclass(frozen=True)
class PlannedView:
    """The ``planned_trips`` block of a result, with dates parsed."""

    trips: tuple[dict, ...]  # {"departure", "return"}: what the ``trip_span`` filter writes
    without: dt.date | None
    with_trips: dt.date | None
    moves: bool
    because: tuple[tuple[str, dt.date | None, dt.date | None], ...]
    continuity_status: str


def planned_view(result: dict) -> PlannedView | None:
    """Return the planned-trips view of a result dict, or None when it has no planned trip."""
    block = result.get("planned_trips") if isinstance(result, dict) else None
    if not isinstance(block, dict):
        return None
    trips = [t for t in block.get("trips") or [] if isinstance(t, dict)]
    because = [b for b in block.get("because") or [] if isinstance(b, dict)]
    continuity = block.get("continuity") if isinstance(block.get("continuity"), dict) else {}
    return PlannedView(
        trips=tuple({"departure": t.get("departure"), "return": t.get("return")} for t in trips),
        without=stored_date(block.get("apply_from_without")),
        with_trips=stored_date(block.get("apply_from_with")),
        moves=bool(block.get("moves")),
        because=tuple(
            (str(b.get("code", "")), stored_date(b.get("day")), stored_date(b.get("until")))
            for b in because
        ),
        continuity_status=str(continuity.get("status", "")),
    )


def payment_choices(stored: dict) -> list[tuple[str, str]]:
    """Return the what-if form's choices: each unpaid stored payment, by kind and due date."""
    choices = []
    for index, payment in unpaid_payments(stored):
        kind = payment.get("kind")
        label = PaymentKind(kind).label if kind in PaymentKind.values else str(kind)
        due = longdate(payment.get("due_date", ""))
        choices.append((index, gettext("%(kind)s, due %(date)s") % {"kind": label, "date": due}))
    return choices
