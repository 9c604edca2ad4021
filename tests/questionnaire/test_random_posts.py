"""Random data posted to every step never gives a server error (hypothesis)."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.questionnaire import flow
from assessments.questionnaire.runs import WIZARD_PREFIX
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import WizardDriver, step_data

STEPS = [step for step, _form in flow.STEPS]
ROWS = {
    "travel": {"trips": ["departure", "return_date"]},
    "payments": {"payments": ["kind", "due_date", "paid_date"]},
    "notifications": {"notifications": ["due_date"]},
    "sentences": {"criminal_records": ["kind", "completed_on"]},
    "traffic_violations": {"traffic_violations": ["date", "kind"]},
}
FIELDS = sorted(
    {name for _step, form in flow.STEPS for name in form.base_fields}
    | {f"applicant_{y}" for y in range(2019, 2029)}
    | {f"household_{y}" for y in range(2019, 2029)}
)

dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(str)
values = st.one_of(
    st.sampled_from(["", "yes", "no", "work", "spouse_of_japanese", "hsp", "5", "unlimited", "0"]),
    st.sampled_from(["-1", "1e9", "9" * 40, "３０００", "2026-02-30", "0000-00-00", "\x00"]),
    dates,
    st.integers().map(str),
    st.text(max_size=30),
)


@st.composite
def posts(draw, step):
    data = {
        f"{step}-{name}": draw(values)
        for name in draw(st.lists(st.sampled_from(FIELDS), max_size=12))
    }
    for rows, fields in ROWS.get(step, {}).items():
        prefix = f"{step}-{rows}"
        total = draw(st.one_of(st.integers(-3, 12).map(str), st.text(max_size=4)))
        if draw(st.booleans()):
            data[f"{prefix}-TOTAL_FORMS"] = total
            data[f"{prefix}-INITIAL_FORMS"] = draw(st.sampled_from(["0", "1", "x", ""]))
        for i in range(draw(st.integers(0, 4))):
            for field in fields:
                data[f"{prefix}-{i}-{field}"] = draw(values)
    data[f"{WIZARD_PREFIX}-current_step"] = draw(
        st.one_of(st.just(step), st.sampled_from(STEPS), st.text(max_size=10))
    )
    button = draw(
        st.sampled_from(
            [None, "wizard_goto_step", "wizard_add_row", "wizard_remove_row", "wizard_save"]
        )
    )
    if button:
        data[button] = draw(
            st.one_of(
                st.sampled_from([*STEPS, "trips", "payments:0", "trips:7", "x:"]),
                st.text(max_size=10),
            )
        )
    return data


@pytest.mark.parametrize("step", STEPS)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_data_on_any_step_never_gives_a_server_error(client, db, step, data):
    driver = WizardDriver(client)
    driver.answer_pages("status", **{**p.STATUS, "status": "spouse_of_japanese"})
    driver.answer("residence", **{**p.RESIDENCE, "hsp_route": True})
    response = client.post(driver.url(step), data.draw(posts(step)))
    assert response.status_code in (200, 302, 400), response.status_code
    if response.status_code == 302:
        assert client.get(response["Location"]).status_code in (200, 302)
    assert client.get(driver.url(step)).status_code in (200, 302)
    assert client.get(driver.url("summary")).status_code in (200, 302)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(fields=st.dictionaries(st.sampled_from(FIELDS), values, max_size=20))
def test_random_answers_then_the_summary_never_give_a_server_error(client, db, fields):
    driver = WizardDriver(client)
    for step in STEPS[:-1]:
        client.post(driver.url(step), step_data(step, fields))
    response = driver.answer("summary")
    assert response.status_code in (200, 302)
