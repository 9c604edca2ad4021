"""Applicants for the report tests, evaluated by the real engine; PDFs read with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader

from assessments.eligibility.answers import answers_from_dict
from assessments.results.models import Assessment
from assessments.results.services import assessment_evaluate

APPLICATION_DATE = dt.date(2026, 12, 1)
GENERATED_AT = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
REFERENCE = "TEST-0001"

#: A typical applicant: nine and a half years in Japan, one dependant abroad, one low year.
#: Not yet eligible on residence (clears on 1 June 2027); income below the household floor.
TYPICAL = {
    "application_date": "2026-12-01",
    "birth_date": "1988-04-12",
    "status": "work",
    "period_of_stay_years": 3,
    "status_expiry_date": "2028-03-31",
    "residence_start_date": "2017-06-01",
    "qualifying_status_start_date": "2019-04-01",
    "trips": [
        {"departure": "2023-08-01", "return": "2023-08-20"},
        {"departure": "2024-12-20", "return": "2025-01-05"},
    ],
    "income": [
        {"year": 2021, "applicant": 3_400_000},
        {"year": 2022, "applicant": 3_600_000},
        {"year": 2023, "applicant": 2_800_000},
        {"year": 2024, "applicant": 4_100_000},
        {"year": 2025, "applicant": 4_300_000},
    ],
    "dependents": 1,
    "dependents_abroad": 1,
    "assets": 1_500_000,
    "employment": "regular",
    "payments": [{"kind": "pension", "due_date": "2024-05-31", "paid_date": "2024-07-10"}],
    "traffic_violations": [{"date": "2025-03-03", "kind": "minor"}],
    "guarantor": "japanese",
}

#: Another applicant with distinctive numbers: fifteen years in Japan, everything in order.
OTHER = {
    "application_date": "2026-12-01",
    "status": "work",
    "period_of_stay_years": 5,
    "residence_start_date": "2011-04-01",
    "employment": "regular",
    "guarantor": "permanent_resident",
    "income": [{"year": year, "applicant": 5_432_100} for year in range(2021, 2026)],
    "assets": 9_876_543,
}


def evaluate(answers: dict, *, thresholds=None, on: dt.date = APPLICATION_DATE) -> dict:
    """Return the result JSON of the real engine for contract ``answers``, checked ``on``."""
    parsed = answers_from_dict(answers, today=on)
    return assessment_evaluate(answers=parsed, thresholds=thresholds).to_json()


def store_assessment(answers: dict, *, on: dt.date = APPLICATION_DATE) -> Assessment:
    """Evaluate ``answers`` with the database's thresholds and store them as the wizard does.

    ``on`` is the day of the check and the stored application date (a bench dates it today).
    """
    result = evaluate(answers, on=on)
    return Assessment.objects.create(
        application_date=on,
        route=result["route"],
        overall=result["overall"],
        score=result["score"],
        answers=answers,
        result=result,
    )


def pdf_text(pdf: bytes) -> str:
    """Return the text of every page, pages joined by newlines."""
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def squeeze(text: str) -> str:
    """Drop white space: PDF text extraction breaks lines wherever the layout did."""
    return re.sub(r"\s+", "", text)


#: An applicant who answered every question the report lists (each with a value that shows):
#: spouse and HSP dates, J-Skip, every list, and the naturalization questions.
EVERY_ANSWER = {
    **TYPICAL,
    "status": "hsp",
    "immigration_bureau": "tokyo",
    "marriage_date": "2018-05-05",
    "status_grant_date": "2022-01-10",
    "hsp_points": {"now": 85, "one_year_ago": 82, "three_years_ago": 75},
    "hsp_points_maintained": False,
    "jskip_eligible": True,
    "contribution_to_japan": True,
    "income": [
        {"year": 2024, "applicant": 4_100_000, "household": 6_000_000},
        {"year": 2025, "applicant": 4_300_000},
    ],
    "public_assistance": True,
    "payments": [{"kind": "pension", "due_date": "2024-05-31", "paid_date": None}],
    "pension_enrolled": False,
    "health_insurance_enrolled": False,
    "missed_notifications": ["2023-02-01"],
    "criminal_records": [{"kind": "fine", "completed_on": "2020-01-01"}],
    "unauthorized_work": True,
    "meets_landing_standards": False,
    "public_health_risk": True,
    "business_manager_standards": "yes",
    "monthly_take_home": 300_000,
    "last_job_change_date": "2026-03-01",
    "family_arrears": True,
    "nationality_renounceable": False,
    "japanese_level": "n2",
    "born_in_japan": True,
    "parent_born_in_japan": False,
    "parent_former_japanese": False,
    "former_japanese_national": False,
    "adopted_by_japanese_as_minor": False,
    "stateless_since_birth": False,
}
