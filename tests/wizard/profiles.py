"""Typical answers per step, pinned to 2026-12-01 (see conftest). Tests override what they test."""

import datetime as dt

D = dt.date


def income(years, amount=5_000_000, household=None):
    fields = {f"applicant_{year}": amount for year in years}
    if household is not None:
        fields.update({f"household_{year}": household for year in years})
    return fields


#: Income years certifiable on 2026-12-01: 2025 back.
FIVE_YEARS = (2025, 2024, 2023, 2022, 2021)
THREE_YEARS = (2025, 2024, 2023)

STATUS = {
    "application_date": D(2026, 12, 1),
    "status": "work",
    "period_of_stay": "5",
    "status_expiry_date": D(2029, 5, 1),
    "meets_landing_standards": True,
    "hsp_route": False,
}
RESIDENCE = {
    "residence_start_date": D(2014, 4, 1),
    "qualifying_status_start_date": D(2016, 4, 1),
    "contribution_to_japan": False,
}
TRAVEL = {"has_trips": True, "trips": [{"departure": D(2023, 8, 1), "return_date": D(2023, 8, 20)}]}
INCOME = dict(
    employment="regular",
    dependents=0,
    dependents_abroad=0,
    assets=1_000_000,
    public_assistance=False,
    **income(FIVE_YEARS),
)
TAXES = {
    "taxes_paid": True,
    "paid_on_time": True,
    "pension_enrolled": True,
    "health_insurance_enrolled": True,
    "has_missed_notifications": False,
}
CONDUCT = {
    "has_criminal_records": False,
    "has_traffic_violations": False,
    "unauthorized_work": False,
    "public_health_risk": False,
}
GUARANTOR = {"guarantor": "japanese"}

GENERAL = {
    "status": STATUS,
    "residence": RESIDENCE,
    "travel": TRAVEL,
    "income": INCOME,
    "taxes": TAXES,
    "conduct": CONDUCT,
    "guarantor": GUARANTOR,
}
