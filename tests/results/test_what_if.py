"""What-if on the result page, through the test client without JavaScript (issue 15 item 3).

The stored answers and result never change; the what-if values travel in the form's POST only;
the page shows the new verdict and first day to apply beside the current ones; bad input is a
field error in the page's language and keeps the other what-if values.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.utils import timezone

from assessments.eligibility.answers import answers_from_dict, answers_to_dict
from assessments.results.models import Assessment
from assessments.results.services import assessment_evaluate

pytestmark = pytest.mark.django_db

JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
TODAY = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
#: Ten years of residence complete on 2027-06-01: not yet eligible on 2026-12-01.
NOT_YET = {
    "application_date": "2026-12-01",
    "status": "work",
    "period_of_stay_years": 5,
    "status_expiry_date": "2030-01-01",
    "residence_start_date": "2017-06-01",
    "employment": "regular",
    "guarantor": "japanese",
    "income": [{"year": year, "applicant": 4_500_000} for year in range(2015, 2026)],
}
#: The same, with a pension payment still unpaid: not eligible until it is paid.
UNPAID = {**NOT_YET, "payments": [{"kind": "pension", "due_date": "2026-05-31", "paid_date": None}]}


@pytest.fixture(autouse=True)
def pinned_today():
    with time_machine.travel(TODAY, tick=False):
        yield


def stored(data: dict = NOT_YET) -> Assessment:
    answers = answers_from_dict(data, today=TODAY.date())
    result = assessment_evaluate(answers=answers)
    return Assessment.objects.create(
        application_date=answers.application_date,
        route=result.route,
        overall=result.overall,
        score=result.best.score,
        answers=answers_to_dict(answers),
        result=result.to_json(),
        expires_at=timezone.now() + dt.timedelta(days=30),
    )


def post(client, assessment, language="en", **fields):
    data = {f"whatif-{name}": value for name, value in fields.items()}
    return client.post(f"/{language}/result/{assessment.token}/what-if/", data)


def test_the_result_page_offers_the_what_if_form_and_the_calendar(client):
    assessment = stored(UNPAID)
    html = client.get(f"/en/result/{assessment.token}/").content.decode()
    assert f'action="/en/result/{assessment.token}/what-if/#what-if"' in html
    assert 'name="whatif-application_date"' in html
    assert 'name="whatif-settle_payment"' in html  # the one unpaid payment can be settled
    assert f'href="/en/result/{assessment.token}/calendar.ics"' in html


def test_a_later_date_and_next_years_income_show_the_new_verdict_beside_the_current(client):
    assessment = stored(UNPAID)
    before = Assessment.objects.values().get(pk=assessment.pk)
    response = post(
        client,
        assessment,
        application_date="2027-06-01",
        income_year="2026",
        income_amount="4,500,000",
        settle_payment="0",
        settle_date="2026-12-20",
    )
    assert response.status_code == 200
    comparison = response.context["what_if"]
    assert comparison.current.overall == "not_eligible"
    assert comparison.current_apply_from is None
    assert comparison.what_if.application_date == dt.date(2027, 6, 1)
    # Paid late on 2026-12-20: the late payment leaves the two-year window on 2028-05-31.
    assert comparison.what_if.overall == "not_yet_eligible"
    assert comparison.what_if_apply_from == dt.date(2028, 5, 31)
    assert [change.id for change in comparison.changes] == ["residence_period"]
    html = response.content.decode()
    assert "31 May 2028" in html
    # Nothing stored, nothing changed.
    assert Assessment.objects.count() == 1
    assert Assessment.objects.values().get(pk=assessment.pk) == before
    assert (
        response["Cache-Control"].startswith("no-store") or "no-store" in response["Cache-Control"]
    )


def test_settling_the_late_payment_changes_only_that_requirement(client):
    assessment = stored(UNPAID)
    current = {r["id"]: r["status"] for r in assessment.result["requirements"]}
    response = post(client, assessment, settle_payment="0", settle_date="2026-11-20")
    comparison = response.context["what_if"]
    after = {r.id: r.status for r in comparison.what_if.requirements}
    changed = {rid for rid in after if after[rid] != current[rid]}
    assert changed <= {"social_insurance"}
    assert comparison.what_if.application_date == dt.date(2026, 12, 1)


def test_a_planned_trip_says_whether_it_moves_the_first_day_to_apply(client):
    assessment = stored()
    response = post(client, assessment, trip_departure="2027-05-20", trip_return="2027-06-10")
    planned = response.context["what_if"].planned
    assert planned.moves
    assert (planned.without, planned.with_trips) == (dt.date(2027, 6, 1), dt.date(2027, 6, 10))
    html = response.content.decode()
    assert (
        "With this trip, the first day you can apply moves from 1 June 2027 to 10 June 2027" in html
    )


def test_bad_input_is_a_field_error_in_japanese_and_keeps_the_other_values(client):
    assessment = stored()
    response = post(
        client,
        assessment,
        language="ja",
        application_date="2027-06-01",
        income_year="2026",
        income_amount="4500000",
        trip_departure="2027-08-20",
        trip_return="2027-08-01",
    )
    assert response.status_code == 200
    assert "what_if" not in response.context
    form = response.context["what_if_form"]
    assert list(form.errors) == ["trip_return"]
    assert JAPANESE.search(form.errors["trip_return"][0])
    html = response.content.decode()
    assert 'value="2027-06-01"' in html
    assert 'value="4500000"' in html
    assert 'value="2027-08-20"' in html


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"income_year": "2026", "income_amount": "1"}, "income_year"),  # not certifiable yet
        ({"income_year": "2026"}, "income_amount"),
        ({"income_amount": "3000000"}, "income_year"),
        ({"trip_departure": "2027-01-01"}, "trip_return"),
        ({"application_date": "2005-01-01"}, "application_date"),
        ({"application_date": "not a date"}, "application_date"),
        ({"application_date": "2025-12-01"}, "application_date"),  # stored dates after it
        ({"settle_payment": "0", "settle_date": "2026-05-01"}, "settle_date"),  # not late
        ({"settle_payment": "7", "settle_date": "2026-06-01"}, "settle_payment"),
        ({"trip_departure": "2026-01-01", "trip_return": "2026-02-01"}, None),
    ],
)
def test_each_bad_value_is_refused_on_its_own_field(client, fields, field):
    data = dict(UNPAID)
    data["trips"] = [{"departure": "2026-01-10", "return": "2026-01-20"}]
    assessment = stored(data)
    response = post(client, assessment, **fields)
    assert response.status_code == 200
    form = response.context["what_if_form"]
    assert "what_if" not in response.context
    if field is None:
        assert form.errors  # overlapping the stored trip: said on the trip
        assert set(form.errors) <= {"trip_departure", "trip_return"}
    else:
        assert field in form.errors, form.errors


def test_an_empty_what_if_asks_for_a_change(client):
    response = post(client, stored())
    assert response.context["what_if_form"].non_field_errors()
    assert "what_if" not in response.context


def test_the_what_if_address_redirects_a_get_to_the_result_and_refuses_unknown_tokens(client):
    assessment = stored()
    response = client.get(f"/en/result/{assessment.token}/what-if/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/result/{assessment.token}/"
    assert client.post("/en/result/" + "x" * 43 + "/what-if/").status_code == 404


def test_an_expired_result_has_no_what_if(client):
    assessment = stored()
    Assessment.objects.filter(pk=assessment.pk).update(expires_at=timezone.now())
    assert post(client, assessment, application_date="2027-06-01").status_code == 404


def test_a_stored_trip_after_an_earlier_date_is_said_on_the_date_even_with_a_planned_trip(client):
    data = {**UNPAID, "trips": [{"departure": "2026-01-10", "return": "2026-01-20"}]}
    response = post(
        client,
        stored(data),
        application_date="2025-12-01",
        trip_departure="2027-08-01",
        trip_return="2027-08-20",
    )
    form = response.context["what_if_form"]
    assert "application_date" in form.errors
    assert not form.has_error("trip_departure")
