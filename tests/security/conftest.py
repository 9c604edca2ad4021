"""Fixtures for the security and privacy tests: one applicant's answers and stored assessments."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import caches
from django.utils import timezone

from assessments.eligibility.answers import answers_from_dict
from assessments.results.models import Assessment
from assessments.results.services import assessment_evaluate

APPLICATION_DATE = dt.date(2026, 12, 1)

#: Distinctive values: if one of them shows up in a log or on another applicant's page, it leaked.
APPLICANT = {
    "application_date": "2026-12-01",
    "birth_date": "1983-07-19",
    "status": "work",
    "period_of_stay_years": 5,
    "status_expiry_date": "2029-03-17",
    "residence_start_date": "2013-05-23",
    "qualifying_status_start_date": "2014-02-11",
    "employment": "regular",
    "guarantor": "japanese",
    "trips": [{"departure": "2024-08-03", "return": "2024-08-21"}],
    "income": [
        {"year": 2021, "applicant": 4312345},
        {"year": 2022, "applicant": 4423456},
        {"year": 2023, "applicant": 4534567},
        {"year": 2024, "applicant": 4645678},
        {"year": 2025, "applicant": 4756789},
    ],
    "assets": 7654321,
    "traffic_violations": [{"date": "2022-10-09", "kind": "minor"}],
}


def personal_values(answers: dict) -> list[str]:
    """Return the applicant's dates and amounts as they could appear in text."""
    values = []

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dt.date):
            values.append(value.isoformat())
        elif isinstance(value, str) and value[:2] in {"19", "20"} and len(value) == 10:
            values.append(value)
        elif isinstance(value, int) and not isinstance(value, bool) and value >= 100_000:
            values.extend([str(value), f"{value:,}"])

    walk(answers)
    return values


def store_assessment(answers: dict = APPLICANT, **fields) -> Assessment:
    """Evaluate ``answers`` with the real engine and store the assessment as the wizard does."""
    parsed = answers_from_dict(answers, today=APPLICATION_DATE)
    result = assessment_evaluate(answers=parsed).to_json()
    values = {
        "application_date": parsed.application_date,
        "route": result["route"],
        "overall": result["overall"],
        "score": result["score"],
        "answers": answers,
        "result": result,
        "language": "en",
    }
    return Assessment.objects.create(**(values | fields))


def expire(assessment: Assessment) -> Assessment:
    """Move the expiry of ``assessment`` one second into the past."""
    assessment.expires_at = timezone.now() - dt.timedelta(seconds=1)
    assessment.save(update_fields=["expires_at"])
    return assessment


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Start each test with empty rate-limit counters."""
    for alias in ("default", "rate_limits"):
        caches[alias].clear()
    yield
    for alias in ("default", "rate_limits"):
        caches[alias].clear()
