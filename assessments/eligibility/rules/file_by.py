"""The file-by planner: what each dated change of the next two years changes for these answers.

The verdict judges one application date. An applicant near a cut-over (2027-04-01) asks "file
now or wait, and by when?". The planner answers from the same engine and the same thresholds
timeline: on every day within ``HORIZON_YEARS`` after the application date on which a threshold
version (official, practice or draft) takes effect, it files the same answers on that day twice,
once as if that day's versions had not been made and once under the rules of the day, so that
what changes is what the rules change, not what time brings. Only requirements whose status or date
changes are listed.

A day whose versions are of several kinds is split: the versions in force (official or
practice) first, then the drafts that become pending that day (basis ``draft``). A draft is never
law (ADR 005): the engine only ever makes it ``at_risk``, and the planner labels it a draft.

``file_by`` is the day before the first change that makes the outcome worse for the applicant,
provided they could file on that day (a verdict one can file with); otherwise None.

Pure: a function of (answers, thresholds); no clock, no ORM, no translation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from assessments.eligibility.answers import Answers
from assessments.eligibility.rules import OVERALL_RANK, best_on
from assessments.eligibility.rules.base import Finding, RouteResult, _worse
from assessments.eligibility.rules.dates import add_months, add_years
from assessments.eligibility.rules.period_of_stay import PROCESSING_KEY, processing_key
from assessments.eligibility.rules.planned import CAN_APPLY
from assessments.thresholds.snapshot import DRAFT, Thresholds, is_draft, resolve

#: How far ahead the planner looks (issue 24): a product choice, not a legal threshold.
HORIZON_YEARS = 2
FEE_KEY = "fee.permanent_residence"
#: The basis of a day's versions in force when they mix kinds: the weaker one is named.
PRACTICE = "practice"
OFFICIAL = "official"


@dataclass(frozen=True)
class Change:
    """One requirement whose status or date a rule change moves, for this applicant."""

    requirement: str
    before: Finding
    after: Finding

    def to_json(self) -> dict:
        return {
            "requirement": self.requirement,
            "before": _finding_state(self.before),
            "after": _finding_state(self.after),
        }


@dataclass(frozen=True)
class RuleChange:
    """What the versions of one kind taking effect on ``date`` change for this applicant."""

    date: dt.date
    basis: str
    before: RouteResult
    after: RouteResult
    changes: tuple[Change, ...]

    @property
    def worse(self) -> bool:
        """Whether filing on ``date`` is less favourable than under the rules before it."""
        before, after = self.before, self.after
        if OVERALL_RANK[after.overall] != OVERALL_RANK[before.overall]:
            return OVERALL_RANK[after.overall] > OVERALL_RANK[before.overall]
        if (after.earliest_date or dt.date.max) != (before.earliest_date or dt.date.max):
            return (after.earliest_date or dt.date.max) > (before.earliest_date or dt.date.max)
        return any(_worse(change.after, change.before) for change in self.changes)

    def to_json(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "basis": self.basis,
            "before": _verdict(self.before),
            "after": _verdict(self.after),
            "changes": [change.to_json() for change in self.changes],
        }


@dataclass(frozen=True)
class FeeAtGrant:
    """The fee in force on the day a decision can be expected, since it is paid on the grant.

    No transitional clause was found for the 2026-10-01 rise: the fee is the one in force on
    the grant day, as the sources state it is paid then (the note of the threshold says so).
    """

    likely_grant_date: dt.date
    yen: int | None
    basis: str
    processing_months: int
    processing_basis: str
    #: The day the fee in force on ``likely_grant_date`` took effect, and the fee before it
    #: (None when no earlier version is known): the page says which fee a grant pays.
    valid_from: dt.date | None = None
    previous_yen: int | None = None
    #: The bureau whose own figure was used, or None for the national figure.
    processing_bureau: str | None = None

    def to_json(self) -> dict:
        return {
            "likely_grant_date": self.likely_grant_date.isoformat(),
            "yen": self.yen,
            "basis": self.basis,
            "processing_months": self.processing_months,
            "processing_basis": self.processing_basis,
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "previous_yen": self.previous_yen,
            "processing_bureau": self.processing_bureau,
        }


def fee_at_grant(answers: Answers, thresholds: Thresholds) -> FeeAtGrant:
    """Return the fee at the likely grant date of an application filed on its application date.

    The months are the bureau's own figure when the answers name a bureau that has one.
    """
    key = processing_key(answers, thresholds)
    months = thresholds[key]
    grant = add_months(answers.application_date, months)
    then = thresholds.at(grant)
    yen = then[FEE_KEY]
    since = then.entry(FEE_KEY).valid_from if yen is not None else None
    earlier = thresholds.at(since - dt.timedelta(days=1)).entries.get(FEE_KEY) if since else None
    return FeeAtGrant(
        likely_grant_date=grant,
        yen=yen,
        basis=then.kind(FEE_KEY),
        processing_months=months,
        processing_basis=thresholds.kind(key),
        processing_bureau=answers.immigration_bureau if key != PROCESSING_KEY else None,
        valid_from=since,
        previous_yen=earlier.value if earlier is not None else None,
    )


@dataclass(frozen=True)
class FilingPlan:
    """The ``rule_changes`` and ``file_by`` keys of the result."""

    rule_changes: tuple[RuleChange, ...]
    file_by: dt.date | None
    #: The verdict for an application filed on ``file_by`` (what filing by then gives).
    file_by_verdict: RouteResult | None = None
    fee: FeeAtGrant | None = None

    def to_json(self) -> dict:
        return {
            "rule_changes": [change.to_json() for change in self.rule_changes],
            "file_by": self.file_by.isoformat() if self.file_by else None,
            "file_by_verdict": _verdict(self.file_by_verdict) if self.file_by_verdict else None,
            "fee_at_grant": self.fee.to_json() if self.fee else None,
        }


def _finding_state(finding: Finding) -> dict:
    return {
        "status": finding.status,
        "code": finding.code,
        "clears_on": finding.clears_on.isoformat() if finding.clears_on else None,
        "basis": finding.basis,
    }


def _verdict(result: RouteResult) -> dict:
    return {
        "route": result.route,
        "overall": result.overall,
        "earliest_date": result.earliest_date.isoformat() if result.earliest_date else None,
    }


def change_days(thresholds: Thresholds, application_date: dt.date) -> list[dt.date]:
    """Return the days after ``application_date``, within the horizon, that a version starts."""
    last = add_years(application_date, HORIZON_YEARS)
    return sorted(
        {v.valid_from for v in thresholds.timeline if application_date < v.valid_from <= last}
    )


def _changes(before: RouteResult, after: RouteResult) -> tuple[Change, ...]:
    """Return the requirements whose status or date differs (same requirement ids, any route)."""
    earlier = {finding.id: finding for finding in before.requirements}
    return tuple(
        Change(finding.id, earlier[finding.id], finding)
        for finding in after.requirements
        if finding.id in earlier
        and (earlier[finding.id].status, earlier[finding.id].clears_on)
        != (finding.status, finding.clears_on)
    )


def _without(thresholds: Thresholds, day: dt.date, *, drafts_only: bool) -> Thresholds:
    """Return the rules of ``day`` as if its versions (or only its drafts) had not been made.

    The engine reads the rules of the application date (and of later days, for the day a
    period clears), so "the rules before the change" for a filing on ``day`` is the same
    timeline without the versions dated ``day``. A key that only such versions define stays
    registered, with no value in force (as the snapshot resolves a key not yet in force).
    """

    def dropped(version) -> bool:
        return version.valid_from == day and (is_draft(version) or not drafts_only)

    kept = [v for v in thresholds.timeline if not dropped(v)]
    keys = {v.key for v in kept}
    placeholders = [
        replace(v, value=None, kind=OFFICIAL)
        for v in thresholds.timeline
        if dropped(v) and v.key not in keys
    ]
    return resolve(kept + placeholders, on=day, drafts_as_law=thresholds.drafts_as_law)


def _in_force_basis(thresholds: Thresholds, day: dt.date) -> str:
    kinds = {v.kind for v in thresholds.timeline if v.valid_from == day and not is_draft(v)}
    return PRACTICE if PRACTICE in kinds else OFFICIAL


def rule_changes_on(answers: Answers, thresholds: Thresholds, day: dt.date) -> list[RuleChange]:
    """Return what the versions starting on ``day`` change for an application filed that day.

    At most two entries: the versions in force, then the drafts (each only if it changes
    something). The last ``after`` of each requirement is what the engine says on ``day``.
    """
    before = best_on(answers, day, _without(thresholds, day, drafts_only=False))
    after = best_on(answers, day, thresholds.at(day))
    has_draft = any(is_draft(v) and v.valid_from == day for v in thresholds.timeline)
    has_law = any(not is_draft(v) and v.valid_from == day for v in thresholds.timeline)
    steps: list[tuple[str, RouteResult, RouteResult]]
    if has_draft and has_law:
        middle = best_on(answers, day, _without(thresholds, day, drafts_only=True))
        steps = [(_in_force_basis(thresholds, day), before, middle), (DRAFT, middle, after)]
    else:
        steps = [(DRAFT if has_draft else _in_force_basis(thresholds, day), before, after)]
    found = []
    for basis, earlier, later in steps:
        changes = _changes(earlier, later)
        if changes or earlier.route != later.route:
            found.append(RuleChange(day, basis, earlier, later, changes))
    return found


def plan_filing(answers: Answers, thresholds: Thresholds) -> FilingPlan:
    """Return the rule changes ahead of ``answers`` and the last day to file before a worse one."""
    rule_changes = [
        change
        for day in change_days(thresholds, answers.application_date)
        for change in rule_changes_on(answers, thresholds, day)
    ]
    for change in rule_changes:
        if not change.worse:
            continue
        eve = change.date - dt.timedelta(days=1)
        verdict = best_on(answers, eve, thresholds.at(eve))
        if verdict.overall in CAN_APPLY:
            return FilingPlan(tuple(rule_changes), eve, verdict, fee_at_grant(answers, thresholds))
    return FilingPlan(tuple(rule_changes), None, None, fee_at_grant(answers, thresholds))
