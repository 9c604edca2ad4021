"""Findings and results: what a rule returns, as untranslated codes plus params."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
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
