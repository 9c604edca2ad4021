"""Issue 22 items 9, 12 and 13 through the test client: one value for the what-if table and the
planned-trip sentence, a trip over the rule of thumb warned about, the end of the period of stay
near the application date, and the HSP points the verdict rests on."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.results.test_coherence import text_of
from tests.results.test_what_if import NOT_YET, post, stored

pytestmark = pytest.mark.django_db


def _outcome(html: str) -> str:
    start = html.index('<div class="what-if__outcome"')
    return text_of(html[start : html.index("</form>", start)])


def test_the_what_if_table_and_the_planned_trip_sentence_give_the_same_first_day(client):
    # Not yet eligible until 1 June 2027; a trip under way that day moves it to the return.
    response = post(client, stored(NOT_YET), trip_departure="2027-05-10", trip_return="2027-06-20")
    comparison = response.context["what_if"]
    assert comparison.what_if_apply_from == comparison.planned.with_trips == dt.date(2027, 6, 20)
    outcome = _outcome(response.content.decode())
    row = re.search(r"First day you can apply (.*?) Application date assumed", outcome).group(1)
    assert row == "1 June 2027 20 June 2027"
    assert "moves from 1 June 2027 to 20 June 2027" in outcome


def test_a_planned_trip_over_the_rule_of_thumb_is_warned_about(client):
    response = post(client, stored(NOT_YET), trip_departure="2027-08-01", trip_return="2027-12-10")
    outcome = _outcome(response.content.decode())
    assert "A trip of 130 days reaches the 90 days that practitioners treat" in outcome
    short = post(client, stored(NOT_YET), trip_departure="2027-08-01", trip_return="2027-08-20")
    assert "practitioners treat as a risk" not in _outcome(short.content.decode())


@pytest.mark.parametrize(
    ("expiry", "warned"),
    [("2026-11-30", False), ("2026-12-01", True), ("2027-03-01", True), ("2027-03-02", False)],
)
def test_a_status_ending_on_or_near_the_application_date_warns_that_pr_does_not_extend_it(
    client, expiry, warned
):
    # "Near": within the 3 months in which a renewal can already be filed (thresholds).
    assessment = stored({**NOT_YET, "status_expiry_date": expiry})
    html = client.get(f"/en/result/{assessment.token}/").content.decode()
    # The Japanese term carries its language on the English page (item 16).
    said = 'no special extension period (<span lang="ja">特例期間</span>)' in html
    assert said == warned


def test_the_hsp_points_the_verdict_rests_on_are_shown(client):
    answers = {
        **NOT_YET,
        "status": "hsp",
        "status_grant_date": "2025-06-01",
        "residence_start_date": "2025-06-01",
        "hsp_points": {"now": 85, "one_year_ago": 81},
    }
    html = text_of(client.get(f"/en/result/{stored(answers).token}/").content.decode())
    section = html[html.index("The HSP points this result uses") :]
    assert "On the application date 85 points (as given in your answers)" in section
    assert "One year before the application date 81 points" in section
    assert "Three years before the application date Not answered" in section
