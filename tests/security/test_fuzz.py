"""Bad input never breaks prcheck: random JSON to `assess` and to the API gives a result or a 400.

Two kinds of input: arbitrary JSON, and the answers of a real applicant with some keys replaced by
arbitrary values (which reaches deeper into validation and the rules than pure noise does).
"""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import NoReverseMatch, reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.security.conftest import APPLICANT

pytestmark = pytest.mark.django_db

EXAMPLES = 120
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
EXIT_BAD_INPUT = 2

#: Mostly plausible dates (where validation lets values through to the rules), some absurd ones.
dates = (st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2110, 12, 31)) | st.dates()).map(
    lambda d: d.isoformat()
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | dates
    | st.sampled_from(["", "2026-02-30", "0000-00-00", "work", "general", "regular", "japanese"])
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)
#: A real applicant's answers with some keys replaced or dropped, and some keys added.
mutated_answers = st.builds(
    lambda replaced, dropped, added: (
        {k: v for k, v in APPLICANT.items() if k not in dropped} | replaced | added
    ),
    st.dictionaries(st.sampled_from(sorted(APPLICANT) + ["income", "payments"]), json_values),
    st.sets(st.sampled_from(sorted(APPLICANT))),
    st.dictionaries(
        st.sampled_from(
            [
                "hsp_points",
                "marriage_date",
                "status_grant_date",
                "payments",
                "criminal_records",
                "missed_notifications",
                "dependents",
                "dependents_abroad",
                "jskip_eligible",
                "period_of_stay_years",
            ]
        ),
        json_values,
    ),
)


def shift_dates(value, days: int):
    """Return ``value`` with every ISO date (and income year) in it moved by ``days`` days."""
    if isinstance(value, dict):
        moved = {key: shift_dates(item, days) for key, item in value.items()}
        if isinstance(value.get("year"), int):
            moved["year"] = value["year"] + round(days / 365.25)
        return moved
    if isinstance(value, list):
        return [shift_dates(item, days) for item in value]
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    return value


#: The same consistent applicant moved in time: reaches dates where thresholds are not in force.
shifted_answers = st.integers(min_value=-100 * 365, max_value=80 * 365).map(
    lambda days: shift_dates(APPLICANT, days)
)
inputs = json_values | mutated_answers | shifted_answers


def post(client, path: str, data):
    text = json.dumps(data, allow_nan=True)
    return client.post(path, text, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")


@FUZZ
@given(data=inputs)
@example(data=shift_dates(APPLICANT, -7551))  # 2006: some thresholds not yet in force
def test_random_json_to_the_api_gives_a_result_or_field_errors(client, data):
    response = post(client, "/api/assess", data)
    assert response.status_code in {200, 400}, response.content[:500]
    body = response.json()
    assert ("requirements" in body) if response.status_code == 200 else ("errors" in body)


@FUZZ
@given(data=inputs)
def test_random_json_to_the_hsp_points_api_gives_points_or_field_errors(client, data):
    try:
        path = reverse("api:hsp_points")
    except NoReverseMatch:
        pytest.skip("the HSP points API is not routed yet")
    assert post(client, path, data).status_code in {200, 400}


@FUZZ
@given(data=inputs)
@example(data=shift_dates(APPLICANT, -7551))  # 2006: some thresholds not yet in force
def test_random_json_to_the_assess_command_prints_a_result_or_exits_2(tmp_path, data):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data, allow_nan=True), encoding="utf-8")
    out = StringIO()
    try:
        call_command("assess", str(path), stdout=out)
    except CommandError as error:
        assert error.returncode == EXIT_BAD_INPUT, str(error)
    else:
        assert "requirements" in json.loads(out.getvalue())


@pytest.mark.parametrize(
    "text",
    [
        b"",
        b"{",
        b"[" * 100_000,
        b'{"a": ' * 50_000,
        b"\xff\xfe\x00",
        b"NaN",
        b'{"status": "work"}' * 3,
        "\ud800".encode("utf-8", "surrogatepass"),
    ],
    ids=["empty", "truncated", "deep-array", "deep-object", "binary", "nan", "concat", "surrogate"],
)
def test_hostile_bodies_to_the_api_are_refused_with_a_4xx(client, settings, text):
    settings.PRCHECK_API_MAX_BYTES = 1_000_000
    response = client.post("/api/assess", text, content_type="application/json")
    assert response.status_code in {400, 413, 415}
