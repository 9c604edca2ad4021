"""Typical answers per step, and per route, on 2026-12-01 (see conftest).

Tests override only what they are about.
"""

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
}
RESIDENCE = {
    "residence_start_date": D(2014, 4, 1),
    "qualifying_status_start_date": D(2016, 4, 1),
    "contribution_to_japan": False,
    "hsp_route": False,
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
    "guarantor": "japanese",
}
#: The HSP step: every point date typed from the calculation sheet.
KNOWN_POINTS = {
    "hsp_points_now_source": "known",
    "hsp_points_one_year_ago_source": "known",
    "hsp_points_three_years_ago_source": "known",
}

GENERAL = {
    "status": STATUS,
    "residence": RESIDENCE,
    "travel": TRAVEL,
    "income": INCOME,
    "taxes": TAXES,
    "conduct": CONDUCT,
}


def with_(base: dict, **steps) -> dict:
    """Return ``base`` with some steps' answers updated (a new step is added as given)."""
    merged = {step: dict(fields) for step, fields in base.items()}
    for step, fields in steps.items():
        merged[step] = {**merged.get(step, {}), **fields}
    return merged


#: Late taxes and notifications, a fine and a traffic ticket: every list page is asked.
WITH_LISTS = with_(
    GENERAL,
    taxes={"paid_on_time": False, "has_missed_notifications": True},
    payments={
        "payments": [
            {"kind": "pension", "due_date": D(2024, 5, 31), "paid_date": D(2024, 7, 10)},
            {"kind": "resident_tax", "due_date": D(2025, 6, 30), "paid_date": D(2025, 8, 1)},
        ]
    },
    notifications={"notifications": [{"due_date": D(2023, 4, 14)}]},
    conduct={"has_criminal_records": True, "has_traffic_violations": True},
    sentences={"criminal_records": [{"kind": "fine", "completed_on": D(2019, 3, 1)}]},
    traffic_violations={"traffic_violations": [{"date": D(2025, 3, 1), "kind": "minor"}]},
)
#: The step each list page follows, whose answer asks for it.
LIST_PARENTS = {
    "payments": "taxes",
    "notifications": "taxes",
    "sentences": "conduct",
    "traffic_violations": "conduct",
}

SPOUSE = with_(
    GENERAL,
    status={"status": "spouse_of_japanese", "period_of_stay": "3"},
    residence={
        "residence_start_date": D(2022, 4, 1),
        "qualifying_status_start_date": D(2022, 4, 1),
    },
    marriage={"marriage_date": D(2020, 6, 1)},
    income={**income(THREE_YEARS, household=7_000_000)},
)
for year in FIVE_YEARS[3:]:
    SPOUSE["income"].pop(f"applicant_{year}")

CHILD = with_(
    SPOUSE,
    status={"status": "child_of_permanent_resident"},
)
del CHILD["marriage"]

LONG_TERM_RESIDENT = with_(
    GENERAL,
    status={"status": "long_term_resident"},
    residence={
        "residence_start_date": D(2019, 4, 1),
        "qualifying_status_start_date": D(2019, 4, 1),
    },
    grant={"status_grant_date": D(2019, 4, 1)},
)
REFUGEE = with_(LONG_TERM_RESIDENT, status={"status": "refugee"})
CONTRIBUTION = with_(
    GENERAL,
    residence={
        "residence_start_date": D(2020, 4, 1),
        "qualifying_status_start_date": D(2020, 4, 1),
        "contribution_to_japan": True,
    },
)
HSP_70 = with_(
    GENERAL,
    residence={
        "residence_start_date": D(2022, 4, 1),
        "qualifying_status_start_date": D(2022, 4, 1),
        "hsp_route": True,
    },
    hsp={
        **KNOWN_POINTS,
        "hsp_points_now": 75,
        "hsp_points_one_year_ago": 72,
        "hsp_points_three_years_ago": 71,
        "hsp_points_maintained": True,
        "jskip_eligible": False,
    },
)
HSP_80 = with_(
    GENERAL,
    status={"status": "hsp"},
    residence={
        "residence_start_date": D(2025, 4, 1),
        "qualifying_status_start_date": D(2025, 4, 1),
    },
    grant={"status_grant_date": D(2025, 4, 1)},
    hsp={
        **KNOWN_POINTS,
        "hsp_points_now": 85,
        "hsp_points_one_year_ago": 82,
        "hsp_points_three_years_ago": "",
        "hsp_points_maintained": True,
        "jskip_eligible": False,
    },
)
J_SKIP = with_(
    HSP_80,
    hsp={"hsp_points_now": 60, "hsp_points_one_year_ago": 60, "jskip_eligible": True},
)

ROUTES = {
    "general": GENERAL,
    "spouse": SPOUSE,
    "child": CHILD,
    "long_term_resident": LONG_TERM_RESIDENT,
    "refugee": REFUGEE,
    "contribution": CONTRIBUTION,
    "hsp_70": HSP_70,
    "hsp_80": HSP_80,
    "j_skip": J_SKIP,
}

# HSP points calculated in the wizard -------------------------------------------------------

#: The HSP step choosing to calculate the points of every day here.
CALCULATE_POINTS = {
    "hsp_points_now_source": "calculate",
    "hsp_points_one_year_ago_source": "calculate",
    "hsp_points_three_years_ago_source": "calculate",
    "hsp_points_maintained": True,
}
#: An engineer (ロ): master's 20, 7 years 15, ¥8M at 34 30, age 10, JLPT N1 15 = 90 points.
ENGINEER_NOW = {
    "category": "technical",
    "birth_date": D(1992, 6, 15),
    "education": "master",
    "experience_years": 7,
    "annual_salary": 8_000_000,
    "bonuses": ("jlpt_n1",),
}
#: The same engineer a year before: 6 years 10, ¥7M at 33 25 = 80 points.
ENGINEER_YEAR_AGO = {**ENGINEER_NOW, "experience_years": 6, "annual_salary": 7_000_000}
#: A junior engineer: bachelor 10, 3 years 5, ¥5M 15, age 10 = 40 points.
JUNIOR_NOW = {
    "category": "technical",
    "birth_date": D(1992, 6, 15),
    "education": "bachelor",
    "experience_years": 3,
    "annual_salary": 5_000_000,
}
#: A manager (ハ) meeting J-Skip (5 years, ¥40M) with 65 points: 6 years 15, ¥40M 50.
MANAGER_NOW = {
    "category": "business",
    "education": "none",
    "experience_years": 6,
    "annual_salary": 40_000_000,
}

HSP_80_CALCULATED = with_(
    GENERAL,
    residence={
        "residence_start_date": D(2025, 4, 1),
        "qualifying_status_start_date": D(2025, 4, 1),
        "hsp_route": True,
    },
    hsp={**CALCULATE_POINTS, "hsp_points_three_years_ago_source": "known"},
    hsp_now=ENGINEER_NOW,
    hsp_year_ago=ENGINEER_YEAR_AGO,
    hsp_points={},
)
HSP_TOO_LOW_CALCULATED = with_(
    GENERAL,
    residence={"hsp_route": True},
    hsp=CALCULATE_POINTS,
    hsp_now=JUNIOR_NOW,
    hsp_points={},
)
