"""For each step, bad input is refused next to its field, in the summary, and in the language.

The step is shown again (200, never a 500) with the error on the right field or row, a link
to it in the error summary, and ``aria-invalid`` on the input. No assertion on the wording.
"""

import datetime as dt
import re

import pytest

from tests.questionnaire import profiles as p
from tests.questionnaire.driver import GROUP_OF

D = dt.date
JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
TRIP = {"departure": D(2023, 8, 1), "return_date": D(2023, 8, 20)}


def errors_of(form) -> dict[str, list]:
    """Return {field: errors} for the step form and {rows[i].field: errors} for its rows."""
    found = {name: list(errors) for name, errors in form.errors.items()}
    for name, formset in form.formsets.items():
        for i, row in enumerate(formset.forms):
            found.update({f"{name}[{i}].{f}": list(e) for f, e in row.errors.items()})
    return found


CASES = [
    # (id, step, earlier status answers, answers, field expected in error)
    (
        "an application date in the past",
        "status",
        {},
        {"application_date": D(2026, 11, 30)},
        "application_date",
    ),
    (
        "an application date more than three years ahead",
        "status",
        {},
        {"application_date": D(2029, 12, 2)},
        "application_date",
    ),
    ("text in a date field", "status", {}, {"application_date": "soon"}, "application_date"),
    (
        "a status expiry after 2100",
        "stay",
        {},
        {"status_expiry_date": D(2101, 1, 1)},
        "status_expiry_date",
    ),
    ("no status chosen", "status", {}, {"status": ""}, "status"),
    ("an unknown status", "status", {}, {"status": "astronaut"}, "status"),
    (
        "residence starting after the application date",
        "residence",
        {},
        {"residence_start_date": D(2027, 1, 1)},
        "residence_start_date",
    ),
    (
        "a residence start before 1900",
        "residence",
        {},
        {"residence_start_date": D(1899, 12, 31)},
        "residence_start_date",
    ),
    (
        "a qualifying status before continuous residence began",
        "residence",
        {},
        {"qualifying_status_start_date": D(2010, 1, 1)},
        "qualifying_status_start_date",
    ),
    (
        "a marriage after the application date",
        "marriage",
        {"status": "spouse_of_japanese"},
        {"marriage_date": D(2027, 1, 1)},
        "marriage_date",
    ),
    (
        "a grant date after the application date",
        "grant",
        {"status": "refugee"},
        {"status_grant_date": D(2026, 12, 2)},
        "status_grant_date",
    ),
    (
        "negative HSP points",
        "hsp_typed",
        {},
        {"hsp_points_now": -5},
        "hsp_points_now",
    ),
    (
        "absurd HSP points",
        "hsp_typed",
        {},
        {"hsp_points_now": 1000},
        "hsp_points_now",
    ),
    (
        "text in HSP points",
        "hsp_typed",
        {},
        {"hsp_points_now": "eighty"},
        "hsp_points_now",
    ),
    (
        "trips said yes but none entered",
        "travel",
        {},
        {"has_trips": True, "trips": [{}]},
        "has_trips",
    ),
    (
        "a return before the departure",
        "travel",
        {},
        {"trips": [{"departure": D(2023, 8, 20), "return_date": D(2023, 8, 1)}]},
        "trips[0].return_date",
    ),
    (
        "overlapping trips",
        "travel",
        {},
        {"trips": [TRIP, {"departure": D(2023, 8, 10), "return_date": D(2023, 9, 1)}]},
        "trips[1].departure",
    ),
    (
        "a trip ending after the application date",
        "travel",
        {},
        {"trips": [{"departure": D(2026, 11, 20), "return_date": D(2026, 12, 5)}]},
        "trips[0].return_date",
    ),
    (
        "a trip with no return date",
        "travel",
        {},
        {"trips": [{"departure": D(2023, 8, 1)}]},
        "trips[0].return_date",
    ),
    ("negative income", "income", {}, {"applicant_2024": "-1"}, "applicant_2024"),
    ("text in an income field", "income", {}, {"applicant_2024": "a lot"}, "applicant_2024"),
    ("an absurd income", "income", {}, {"applicant_2024": 10**11}, "applicant_2024"),
    ("a missing year of income", "income", {}, {"applicant_2022": ""}, "applicant_2022"),
    (
        "a negative household income on the spouse route",
        "income",
        {"status": "spouse_of_japanese"},
        {**p.income(p.THREE_YEARS, household=6_000_000), "household_2023": "-1"},
        "household_2023",
    ),
    (
        "more dependants abroad than in total",
        "household",
        {},
        {"dependents": 1, "dependents_abroad": 2},
        "dependents_abroad",
    ),
    (
        "dependants with where they live left empty",
        "household",
        {},
        {"dependents": 2, "dependents_abroad": ""},
        "dependents_abroad",
    ),
    ("negative dependants", "household", {}, {"dependents": -1}, "dependents"),
    (
        "unpaid but paid on time",
        "taxes",
        {},
        {"taxes_paid": False, "paid_on_time": True},
        "paid_on_time",
    ),
    ("late payments said but none listed", "payments", {}, {"payments": [{}]}, "payments[0].kind"),
    (
        "a late payment that was paid by its due date",
        "payments",
        {},
        {
            "payments": [
                {"kind": "pension", "due_date": D(2024, 5, 31), "paid_date": D(2024, 5, 30)}
            ],
        },
        "payments[0].paid_date",
    ),
    (
        "all paid, but a payment listed as unpaid",
        "payments",
        {},
        {"payments": [{"kind": "pension", "due_date": D(2024, 5, 31)}]},
        "payments[0].paid_date",
    ),
    (
        "a payment of an unknown kind",
        "payments",
        {},
        {
            "payments": [{"kind": "gift", "due_date": D(2024, 5, 31), "paid_date": D(2024, 6, 30)}],
        },
        "payments[0].kind",
    ),
    (
        "missed notifications said but none listed",
        "notifications",
        {},
        {"notifications": [{}]},
        "notifications[0].due_date",
    ),
    (
        "a sentence completed in the future",
        "sentences",
        {},
        {"criminal_records": [{"kind": "fine", "completed_on": D(2027, 1, 1)}]},
        "criminal_records[0].completed_on",
    ),
    (
        "violations said but none listed",
        "traffic_violations",
        {},
        {"traffic_violations": [{}]},
        "traffic_violations[0].date",
    ),
    (
        "a traffic violation of an unknown kind",
        "traffic_violations",
        {},
        {"traffic_violations": [{"date": D(2025, 1, 1), "kind": "speeding"}]},
        "traffic_violations[0].kind",
    ),
    ("no guarantor answer", "conduct", {}, {"guarantor": ""}, "guarantor"),
]


#: Valid answers for each step, on top of which each case changes what it is about.
DEFAULTS = {
    **p.WITH_LISTS,
    **p.GENERAL,
    "marriage": {"marriage_date": D(2020, 1, 1)},
    "grant": {"status_grant_date": D(2019, 1, 1)},
    "hsp": {
        **p.KNOWN_POINTS,
        "hsp_points_now": 80,
        "hsp_points_maintained": True,
        "jskip_eligible": False,
    },
}


@pytest.mark.parametrize(
    ("step", "status", "answers", "field"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_input_is_refused_on_its_field(driver, step, status, answers, field):
    status_answers = {**p.STATUS, **status}
    driver.answer_pages("status", **status_answers)
    group = GROUP_OF.get(step, step)
    base = status_answers if group == "status" else DEFAULTS[group]
    if step == "hsp_typed":
        driver.answer("residence", **{**DEFAULTS["residence"], "hsp_route": True})
        driver.answer("hsp", **DEFAULTS["hsp"])
    if step in p.LIST_PARENTS:  # a list page is asked when its parent page says so
        parent = p.LIST_PARENTS[step]
        driver.answer(parent, **p.WITH_LISTS[parent])
    response = driver.answer(step, **{**base, **answers})
    assert response.status_code == 200
    errors = errors_of(driver.form)
    assert field in errors, errors
    summary_ids = [anchor for anchor, _message in response.context["error_summary"]]
    assert summary_ids, "the error summary lists the error"
    html = response.content.decode()
    assert 'role="alert"' in html
    for anchor in summary_ids:
        assert f'id="{anchor}"' in html, f"the summary links to #{anchor}, which is on the page"
    assert 'aria-invalid="true"' in html


def test_no_dependants_need_no_answer_on_where_they_live(driver):
    driver.answer_pages("status", **p.STATUS)
    response = driver.answer(
        "household", **{**DEFAULTS[GROUP_OF["household"]], "dependents": 0, "dependents_abroad": ""}
    )
    assert response.status_code == 302, errors_of(driver.form)
    assert driver.document()["dependents_abroad"] == 0


def test_what_was_typed_stays_after_an_error(driver):
    driver.answer_pages("status", **p.STATUS)
    response = driver.answer("income", **{**p.INCOME, "applicant_2024": "a lot"})
    html = response.content.decode()
    assert 'value="a lot"' in html
    assert 'value="5000000"' in html
    response = driver.answer("household", **{**p.INCOME, "assets": "2,500,000", "dependents": ""})
    assert response.status_code == 200
    assert 'value="2,500,000"' in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        pytest.param("3,000,000", 3_000_000, id="with thousands separators"),
        pytest.param("¥3,000,000", 3_000_000, id="with a yen sign"),
        pytest.param("3000000円", 3_000_000, id="with 円"),
        pytest.param("３，０００，０００", 3_000_000, id="in full-width digits"),
        pytest.param("0", 0, id="zero"),
    ],
)
def test_amounts_are_read_as_people_write_them(driver, typed, amount):
    driver.answer_pages("status", **p.STATUS)
    driver.answer_pages("income", **{**p.INCOME, "applicant_2024": typed})
    assert driver.response.status_code == 302
    income = driver.get("income").context["form"]
    assert income.is_valid()
    assert income.cleaned_data["applicant_2024"] == amount


def test_error_messages_are_in_the_language_of_the_page(client, db):
    from tests.questionnaire.driver import WizardDriver

    summaries = {}
    for language in ("en", "ja"):
        driver = WizardDriver(client, language=language)
        html = driver.answer_pages(
            "status", **{**p.STATUS, "application_date": "soon"}
        ).content.decode()
        summaries[language] = html[html.index('class="error-summary"') :].split("</div>")[0]
    assert not JAPANESE.search(summaries["en"])
    assert JAPANESE.search(summaries["ja"])
