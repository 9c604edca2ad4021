"""Findings and results: what a rule returns, as untranslated codes plus params."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from assessments.eligibility.choices import Overall, RequirementStatus, Route

MET = RequirementStatus.MET.value
AT_RISK = RequirementStatus.AT_RISK.value
NOT_MET = RequirementStatus.NOT_MET.value
EXEMPT = RequirementStatus.EXEMPT.value
NOT_APPLICABLE = RequirementStatus.NOT_APPLICABLE.value


@dataclass(frozen=True)
class Finding:
    """One requirement's outcome: ``code`` and ``params`` are worded by templates, per language.

    ``basis`` says what the finding rests on: ``official`` text, a ``practice`` rule of thumb,
    or a ``draft``; it is the kind of the threshold that decided it.
    """

    id: str
    status: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    reference: str = ""
    clears_on: dt.date | None = None
    basis: str = "official"

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "status": self.status,
            "code": self.code,
            "params": {key: _json_value(value) for key, value in self.params.items()},
            "reference": self.reference,
            "clears_on": self.clears_on.isoformat() if self.clears_on else None,
            "basis": self.basis,
        }


def _json_value(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_value(item) for key, item in value.items()}
    return value


@dataclass(frozen=True)
class RouteResult:
    """The findings for one route, with its overall verdict and readiness score."""

    route: str
    overall: str
    score: int
    earliest_date: dt.date | None
    requirements: tuple[Finding, ...]


@dataclass(frozen=True)
class Result:
    """The result contract (`prcheck.result/1`) for the best applicable route."""

    application_date: dt.date
    thresholds_as_of: dt.date
    best: RouteResult
    considered: tuple[RouteResult, ...]
    thresholds: dict = field(default_factory=dict)
    #: Primary keys of the stored Threshold rows used (empty when built from the seed file).
    threshold_ids: tuple[int, ...] = ()
    #: The naturalization (帰化) result from the same answers (``rules.naturalization``).
    naturalization: Any = None
    #: ``planned.PlannedTrips`` when the answers include planned trips.
    planned_trips: Any = None
    #: The ``timeline`` object (dates and codes, see ``rules.timeline``), or None.
    timeline: dict | None = None
    #: ``file_by.FilingPlan`` (keys ``rule_changes`` and ``file_by``), when planned.
    filing_plan: Any = None
    #: The keep-PR check's own block (``rules.keep_pr``), for route ``keep_pr`` only.
    keep_pr: dict | None = None

    @property
    def route(self) -> str:
        return self.best.route

    @property
    def overall(self) -> str:
        return self.best.overall

    def to_json(self) -> dict:
        best = self.best
        return {
            "schema": "prcheck.result/1",
            "application_date": self.application_date.isoformat(),
            "thresholds_as_of": self.thresholds_as_of.isoformat(),
            "route": best.route,
            "overall": best.overall,
            "score": best.score,
            "earliest_date": best.earliest_date.isoformat() if best.earliest_date else None,
            "requirements": [finding.to_json() for finding in best.requirements],
            "routes_considered": [
                {
                    "route": r.route,
                    "overall": r.overall,
                    "score": r.score,
                    "earliest_date": r.earliest_date.isoformat() if r.earliest_date else None,
                }
                for r in self.considered
            ],
            "thresholds": self.thresholds,
            **({"naturalization": self.naturalization.to_json()} if self.naturalization else {}),
            **({"planned_trips": self.planned_trips.to_json()} if self.planned_trips else {}),
            **({"timeline": self.timeline} if self.timeline is not None else {}),
            **(self.filing_plan.to_json() if self.filing_plan is not None else {}),
            **({"keep_pr": _json_value(self.keep_pr)} if self.keep_pr is not None else {}),
        }


__all__ = [
    "AT_RISK",
    "EXEMPT",
    "MET",
    "NOT_APPLICABLE",
    "NOT_MET",
    "Finding",
    "Overall",
    "Result",
    "Route",
    "RouteResult",
]


def cited(t, key: str) -> dict:
    """Return the ``reference`` and ``basis`` of a finding decided by threshold ``key``."""
    entry = t.entry(key)
    return {"reference": entry.source_title, "basis": entry.kind}


def with_remaining(finding: Finding, later: Finding) -> Finding:
    """Return ``finding`` naming the lesser risk ``later`` that stays once it clears.

    A finding carries one code: a failure that clears by time can hide a practitioners' risk
    (a long trip, repeated traffic violations) that will still stand on ``clears_on``. The
    rule evaluates itself on that day and, if a risk remains, says so now, in param
    ``remaining`` (its code, params and own ``clears_on``), so the day never brings a surprise.
    """
    if later.status != AT_RISK:
        return finding
    remaining = {"code": later.code, "params": later.params, "clears_on": later.clears_on}
    return replace(finding, params={**finding.params, "remaining": remaining})


#: How bad a status is, for comparing what the rules in force and a draft would say.
_RANK = {MET: 0, EXEMPT: 0, NOT_APPLICABLE: 0, AT_RISK: 1, NOT_MET: 2}


def _worse(drafted: Finding, law: Finding) -> bool:
    """Return whether ``drafted`` says more than ``law``: a worse status, or a later day."""
    if _RANK[drafted.status] != _RANK[law.status]:
        return _RANK[drafted.status] > _RANK[law.status]
    if _RANK[law.status] == 0:
        return False
    if drafted.clears_on is None or law.clears_on is None:
        return drafted.clears_on is None and law.clears_on is not None
    return drafted.clears_on > law.clears_on


def draft_from(t, keys) -> dt.date | None:
    """Return the first day a pending draft of any of ``keys`` would apply (None: no draft).

    A draft superseded by a later version in force is no longer pending.
    """
    law_days = {}
    for version in t.timeline:
        if version.kind != "draft" and version.key in keys:
            law_days[version.key] = max(law_days.get(version.key, dt.date.min), version.valid_from)
    days = [
        version.valid_from
        for version in t.timeline
        if version.kind == "draft"
        and version.key in keys
        and version.valid_from > law_days.get(version.key, dt.date.min)
    ]
    return min(days, default=None)


def with_draft(law: Finding, drafted: Finding, *, codes: dict[str, str], draft_on) -> Finding:
    """Return the finding under the rules in force, saying what a pending draft would need.

    A draft is never law (ADR 005): ``law`` is the verdict. ``drafted`` is the same rule run
    as if every draft were adopted. When it says more, and the rules in force are met, the
    finding becomes ``at_risk`` with the draft's code (``codes`` maps a code that states a
    requirement to its "the draft would need" twin), basis ``draft``, ``clears_on`` the day the
    draft's need would be met, and ``draft_from`` the day the draft would apply. When the rules
    in force already fail or warn, that finding stands and carries the draft in param ``draft``
    (``{code, params, clears_on}``, ``draft_from`` among the params).
    """
    if not _worse(drafted, law):
        return law
    params = {**drafted.params, "draft_from": draft_on}
    if _RANK[law.status] == 0:
        return Finding(
            law.id,
            AT_RISK,
            codes.get(drafted.code, drafted.code),
            params,
            reference=drafted.reference,
            clears_on=drafted.clears_on,
            basis="draft",
        )
    # Worded inside "if the draft were adopted: …", so the code keeps its own wording.
    draft = {"code": drafted.code, "params": params, "clears_on": drafted.clears_on}
    return replace(law, params={**law.params, "draft": draft})
