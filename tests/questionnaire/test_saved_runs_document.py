"""Runs saved with "continue later" as page data become answers documents (migration 0019).

A row as the wizard stored it before: formtools' raw page data, one page kept as a draft. Migrated
forward with the migration executor, it holds the ``prcheck.answers/1`` document, the answers
that only steer the check, and as drafts the page kept unvalidated and the page whose amount
this reading does not take as the page did ("300万"): nothing is lost.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("assessments", "0018_ssw2_longest_period")]
AFTER = [("assessments", "0019_saved_runs_answers_document")]

HOUSEHOLD = {
    "household-dependents": ["1"],
    "household-dependents_abroad": ["0"],
    "household-assets": ["300万"],
    "household-public_assistance": ["no"],
}
CONDUCT_HALF_TYPED = {"conduct-has_criminal_records": ["no"], "conduct-guarantor": [""]}
OLD_RUN = {
    "step_data": {
        "status": {
            "status-application_date": ["2027-01-15"],
            "status-status": ["work"],
            "status-naturalization": ["no"],
        },
        "stay": {
            "stay-period_of_stay": ["3"],
            "stay-status_expiry_date": ["2028-04-01"],
            "stay-meets_landing_standards": ["yes"],
        },
        "residence": {
            "residence-residence_start_date": ["2016-04-01"],
            "residence-qualifying_status_start_date": [""],
            "residence-contribution_to_japan": ["no"],
            "residence-hsp_route": ["no"],
        },
        "travel": {
            "travel-has_trips": ["yes"],
            "travel-trips-TOTAL_FORMS": ["3"],
            "travel-trips-INITIAL_FORMS": ["0"],
            "travel-trips-0-departure": ["2025-08-01"],
            "travel-trips-0-return_date": ["2025-08-20"],
            "travel-trips-1-departure": ["2026-01-02"],
            "travel-trips-1-return_date": ["2026-01-09"],
            "travel-trips-2-departure": [""],
            "travel-trips-2-return_date": [""],
        },
        "household": HOUSEHOLD,
        "income": {
            "income-employment": ["regular"],
            "income-applicant_2026": ["4,200,000"],
            "income-household_2026": [""],
            "income-applicant_2025": ["4000000"],
            "income-household_2025": ["5000000"],
        },
        "taxes": {
            "taxes-taxes_paid": ["yes"],
            "taxes-paid_on_time": ["no"],
            "taxes-pension_enrolled": ["yes"],
            "taxes-health_insurance_enrolled": ["yes"],
            "taxes-has_missed_notifications": ["no"],
        },
        "payments": {
            "payments-payments-TOTAL_FORMS": ["1"],
            "payments-payments-INITIAL_FORMS": ["0"],
            "payments-payments-0-kind": ["pension"],
            "payments-payments-0-due_date": ["2025-05-31"],
            "payments-payments-0-paid_date": ["2025-07-10"],
        },
        "conduct": CONDUCT_HALF_TYPED,
    },
    "extra_data": {"drafts": ["conduct"], "pasted_trips": "2024-01-01 2024-01-05"},
}


def test_a_run_saved_as_page_data_becomes_the_answers_document():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    saved = old_apps.get_model("assessments", "SavedProgress")
    token = saved.objects.create(step="conduct", data=OLD_RUN).token

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)

    from assessments.questionnaire.models import SavedProgress

    data = SavedProgress.objects.get(token=token).data
    assert data["answers"] == {
        "schema": "prcheck.answers/1",
        "application_date": "2027-01-15",
        "status": "work",
        "period_of_stay_years": 3,
        "status_expiry_date": "2028-04-01",
        "meets_landing_standards": True,
        "residence_start_date": "2016-04-01",
        "qualifying_status_start_date": None,
        "contribution_to_japan": False,
        "trips": [
            {"departure": "2025-08-01", "return": "2025-08-20"},
            {"departure": "2026-01-02", "return": "2026-01-09"},
        ],
        "employment": "regular",
        "income": [
            {"year": 2026, "applicant": 4_200_000},
            {"year": 2025, "applicant": 4_000_000, "household": 5_000_000},
        ],
        "pension_enrolled": True,
        "health_insurance_enrolled": True,
        "payments": [{"kind": "pension", "due_date": "2025-05-31", "paid_date": "2025-07-10"}],
    }
    assert data["asked"] == {
        "naturalization": ["no"],
        "hsp_route": ["no"],
        "has_trips": ["yes"],
        "same_income": [],
        "taxes_paid": ["yes"],
        "paid_on_time": ["no"],
        "has_missed_notifications": ["no"],
    }
    assert data["drafts"] == {"household": HOUSEHOLD, "conduct": CONDUCT_HALF_TYPED}
    assert data["extra_data"] == {
        "quiet_drafts": ["conduct"],
        "pasted_trips": "2024-01-01 2024-01-05",
    }
