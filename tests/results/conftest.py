"""Fixtures for the presentation tests: hand-made results (contract shape) and real ones."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from django.utils import timezone

from assessments.eligibility.answers import answers_from_dict
from assessments.eligibility.choices import REQUIREMENT_IDS
from assessments.eligibility.rules.file_by import fee_at_grant
from assessments.results.models import Assessment
from assessments.results.services import assessment_evaluate
from assessments.thresholds.snapshot import thresholds_from_defaults

APPLICATION_DATE = dt.date(2026, 12, 1)

#: A result built by hand, following docs/contract.md: every requirement met.
MET_FINDINGS = {
    "status_eligible": ("status_eligible.ok", {"status": "work"}),
    "residence_period": (
        "residence_period.met",
        {"route": "general", "years": 12.4, "required": 10},
    ),
    "continuity": ("continuity.ok", {"trips": 2, "longest_days": 20, "max_year_days": 31}),
    "period_of_stay": ("period_of_stay.ok", {"years": 5, "required": 3}),
    "livelihood": (
        "livelihood.ok",
        {"required": 3000000, "lowest": 4500000, "years": [2025, 2024], "dependents": 0},
    ),
    "taxes": ("taxes.ok", {"lookback_years": 5}),
    "social_insurance": ("social_insurance.ok", {"lookback_years": 2}),
    "notifications": ("notifications.ok", {}),
    "conduct": ("conduct.ok", {}),
    "guarantor": ("guarantor.ok", {"guarantor": "japanese"}),
    "landing_standards": ("landing_standards.ok", {}),
    "public_health": ("public_health.ok", {}),
}

THRESHOLDS_SNAPSHOT = {
    "lookback.tax_years.general": {"value": 5, "unit": "years", "kind": "official"},
    "lookback.social_insurance_years.general": {"value": 2, "unit": "years", "kind": "official"},
    "lookback.tax_years.spouse": {"value": 3, "unit": "years", "kind": "official"},
    "lookback.social_insurance_years.spouse": {"value": 2, "unit": "years", "kind": "official"},
    "lookback.tax_years.hsp_80": {"value": 1, "unit": "years", "kind": "official"},
    "lookback.social_insurance_years.hsp_80": {"value": 1, "unit": "years", "kind": "official"},
}


def hand_result(*, overrides: dict | None = None, **top) -> dict:
    """Return a contract-shaped result; ``overrides`` maps requirement id -> changed keys."""
    requirements = []
    for requirement_id in REQUIREMENT_IDS:
        code, params = MET_FINDINGS[requirement_id]
        finding = {
            "id": requirement_id,
            "status": "met",
            "code": code,
            "params": copy.deepcopy(params),
            "reference": "永住許可に関するガイドライン 1(3)",
            "clears_on": None,
            "basis": "official",
        }
        finding.update((overrides or {}).get(requirement_id, {}))
        requirements.append(finding)
    result = {
        "schema": "prcheck.result/1",
        "application_date": APPLICATION_DATE.isoformat(),
        "thresholds_as_of": APPLICATION_DATE.isoformat(),
        "route": "general",
        "overall": "likely_eligible",
        "score": 100,
        "earliest_date": None,
        "requirements": requirements,
        "routes_considered": [
            {"route": "general", "overall": "likely_eligible", "score": 100, "earliest_date": None}
        ],
        "thresholds": THRESHOLDS_SNAPSHOT,
        # What the engine stores for BASE_ANSWERS: the fee at the likely grant day.
        "fee_at_grant": fee_at_grant(
            answers_from_dict(BASE_ANSWERS, today=APPLICATION_DATE),
            thresholds_from_defaults(on=APPLICATION_DATE),
        ).to_json(),
    }
    result.update(top)
    return result


def store(
    result: dict,
    *,
    expires_in: dt.timedelta = dt.timedelta(days=30),
    answers: dict | None = None,
) -> Assessment:
    """Store ``result`` (and the ``answers`` that gave it, if given) as the wizard's done() does."""
    return Assessment.objects.create(
        application_date=dt.date.fromisoformat(result.get("application_date", "2026-12-01")),
        route=result.get("route", ""),
        overall=result.get("overall", ""),
        score=result["score"] if isinstance(result.get("score"), int) else 0,
        answers=answers or {},
        result=result,
        expires_at=timezone.now() + expires_in,
    )


#: An applicant who meets everything on the general route on 2026-12-01.
BASE_ANSWERS = {
    "application_date": APPLICATION_DATE.isoformat(),
    "status": "work",
    "period_of_stay_years": 5,
    "status_expiry_date": "2030-01-01",
    "residence_start_date": "2012-04-01",
    "employment": "regular",
    "guarantor": "japanese",
    "income": [{"year": year, "applicant": 4_500_000} for year in range(2015, 2026)],
}


def engine_result(**changes) -> dict:
    """Evaluate BASE_ANSWERS with ``changes`` through the real engine; return the result JSON."""
    answers = answers_from_dict({**BASE_ANSWERS, **changes}, today=APPLICATION_DATE)
    thresholds = thresholds_from_defaults(on=APPLICATION_DATE)
    return assessment_evaluate(answers=answers, thresholds=thresholds).to_json()


@pytest.fixture
def result_url():
    """Return a function that stores a result and gives its page URL in a language."""

    def make(result: dict, *, language: str = "en", **kwargs) -> str:
        assessment = store(result, **kwargs)
        return f"/{language}/result/{assessment.token}/"

    return make
