"""The what-if comparison: the current result beside the result with the changes (plain data).

Nothing here decides eligibility: both results are read into ``view.ResultView`` and compared
requirement by requirement. The "first day you can apply" of each side is the view's
``apply_from`` (with planned trips when there are any), the same value the planned-trips
sentence under the table states, so the two can never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext

from assessments.results import wording
from assessments.results.presentation import result_page, stored_answers
from assessments.results.view import Planned, ResultView
from assessments.results.whatif import unpaid_payments
from assessments.web.formats import longdate


@dataclass(frozen=True)
class Change:
    """A requirement whose status differs between the current result and the what-if."""

    id: str
    before: str
    after: str

    @property
    def name(self):
        return wording.label(self.id, "requirement")


@dataclass(frozen=True)
class Comparison:
    """The current result beside the what-if result."""

    current: ResultView
    what_if: ResultView
    changes: tuple[Change, ...]

    @property
    def current_apply_from(self) -> dt.date | None:
        return self.current.apply_from

    @property
    def what_if_apply_from(self) -> dt.date | None:
        return self.what_if.apply_from

    @property
    def planned(self) -> Planned | None:
        return self.what_if.planned


def comparison(*, current: dict, what_if: dict, answers: dict | None = None) -> Comparison:
    """Return the comparison of two result dicts, requirement by requirement."""
    before = result_page(result=current, answers=answers)
    after = result_page(result=what_if, answers=answers)
    statuses = {f.id: f.status for f in before.requirements}
    changes = tuple(
        Change(id=f.id, before=statuses.get(f.id, ""), after=f.status)
        for f in after.requirements
        if statuses.get(f.id) != f.status
    )
    return Comparison(current=before, what_if=after, changes=changes)


def payment_choices(stored: dict) -> list[tuple[str, str]]:
    """Return the what-if form's choices: each unpaid stored payment, by kind and due date."""
    choices = []
    for index, payment in unpaid_payments(stored_answers(stored, application_date=None)):
        kind = wording.label(payment.kind, "PaymentKind")
        due = longdate(payment.due_date)
        choices.append((index, gettext("%(kind)s, due %(date)s") % {"kind": kind, "date": due}))
    return choices
