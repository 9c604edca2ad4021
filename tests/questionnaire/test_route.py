"""The route of the check as a pure function: these answers so far ask those pages.

``flow.route`` reads the run's answers document and steering answers, never the wizard: each
row gives the answers kept (possibly stale, from a page the route no longer asks) and the
pages asked. The wizard flows through the test client are in ``test_routing.py``.
"""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.questionnaire import flow
from assessments.thresholds.snapshot import thresholds_from_defaults

ON = dt.date(2026, 12, 1)
THRESHOLDS = thresholds_from_defaults(on=ON)

#: The pages every application is asked, whatever the answers.
APPLICATION = ("status", "stay", "residence", "travel", "household", "income", "taxes", "conduct")


#: One key of each page whose steering answers the rows give: a page is answered when the
#: document holds its keys (its steering answers alone are no answer).
PAGES_ANSWERED = {
    "residence_start_date": "2015-04-01",
    "hsp_points_maintained": True,
    "pension_enrolled": True,
    "unauthorized_work": False,
}


def status(value: str, **answers) -> dict:
    return {"application_date": ON.isoformat(), "status": value, **PAGES_ANSWERED, **answers}


def pages(*extra: str, base=APPLICATION) -> tuple[str, ...]:
    """Return the route of ``base`` plus ``extra`` pages, in the order of ``flow.PAGES``."""
    wanted = {*base, *extra, "summary"}
    return tuple(page.name for page in flow.PAGES if page.name in wanted)


KEEP_PR = ("status", "grant", "card", "travel", "taxes")
HSP_KNOWN_NOW_CALCULATE_YEAR_AGO = {
    "hsp_points_now_source": ["known"],
    "hsp_points_one_year_ago_source": ["calculate"],
    "hsp_points_three_years_ago_source": ["known"],
}

CASES = [
    pytest.param({}, {}, pages(), id="nothing answered yet asks the application's pages only"),
    pytest.param(
        status("work"), {}, pages(), id="a worker not trying HSP is asked no follow-up page"
    ),
    pytest.param(
        status("spouse_of_japanese"),
        {},
        pages("marriage"),
        id="a spouse of a Japanese national is asked the marriage date",
    ),
    pytest.param(
        status("refugee"), {}, pages("grant"), id="a refugee is asked the recognition date"
    ),
    pytest.param(
        status("permanent_resident"),
        {},
        pages(base=KEEP_PR),
        id="a permanent resident is asked grant, card, trips and taxes only",
    ),
    pytest.param(
        status("work"),
        {"naturalization": ["yes"]},
        pages("naturalization"),
        id="a worker who wants naturalization checked is asked it",
    ),
    pytest.param(
        status("work", born_in_japan=True),
        {"naturalization": ["yes"]},
        pages("naturalization", "naturalization_birth"),
        id="someone born in Japan is asked the birth follow-ups",
    ),
    pytest.param(
        status("work", born_in_japan=True),
        {"naturalization": ["no"]},
        pages(),
        id="a stale born-in-Japan answer of a naturalization page no longer asked asks nothing",
    ),
    pytest.param(
        status("permanent_resident"),
        {"naturalization": ["yes"], "hsp_route": ["yes"], "has_criminal_records": ["yes"]},
        pages(base=KEEP_PR),
        id="a permanent resident's stale answers of skipped pages steer nothing",
    ),
    pytest.param(
        {key: value for key, value in status("work").items() if key != "hsp_points_maintained"},
        {"hsp_route": ["yes"]},
        pages("hsp"),
        id="a worker trying HSP is asked how the points are given",
    ),
    pytest.param(
        status("work"),
        {"hsp_route": ["yes"]},
        pages("hsp", "hsp_typed"),
        id="an HSP page answered before its sources were kept gives the points as typed",
    ),
    pytest.param(
        status("work"),
        {"hsp_route": ["yes"], **HSP_KNOWN_NOW_CALCULATE_YEAR_AGO},
        pages("hsp", "hsp_typed", "hsp_points"),
        id="points typed from the sheet and none now: no profile of the year before",
    ),
    pytest.param(
        status("work", hsp_points={"now": 80}),
        {"hsp_route": ["yes"], **HSP_KNOWN_NOW_CALCULATE_YEAR_AGO},
        pages("hsp", "hsp_typed", "hsp_year_ago", "hsp_points"),
        id="80 points typed now asks the profile of the year before to calculate",
    ),
    pytest.param(
        status("work", hsp_points={"now": 79}),
        {"hsp_route": ["yes"], **HSP_KNOWN_NOW_CALCULATE_YEAR_AGO},
        pages("hsp", "hsp_typed", "hsp_points"),
        id="79 points typed now does not ask the profile of the year before",
    ),
    pytest.param(
        status("hsp", status_grant_date="2026-06-01", hsp_points={"now": 80}),
        HSP_KNOWN_NOW_CALCULATE_YEAR_AGO,
        pages("grant", "hsp", "hsp_typed", "hsp_year_ago", "hsp_points"),
        id="an HSP holder granted half a year ago with 80 points is asked the year before",
    ),
    pytest.param(
        status("hsp", status_grant_date="2025-12-01", hsp_points={"now": 80}),
        HSP_KNOWN_NOW_CALCULATE_YEAR_AGO,
        pages("grant", "hsp", "hsp_typed", "hsp_points"),
        id="an HSP holder granted a year ago to the day is vouched for the year before",
    ),
    pytest.param(
        status("work", hsp_points={"now": 80}),
        {"hsp_route": ["no"], **HSP_KNOWN_NOW_CALCULATE_YEAR_AGO},
        pages(),
        id="stale points of an HSP page no longer asked ask no HSP page",
    ),
    pytest.param(
        status("work"),
        {"taxes_paid": ["yes"], "paid_on_time": ["no"], "has_missed_notifications": ["yes"]},
        pages("payments", "notifications"),
        id="payments paid late and a missed notification are listed",
    ),
    pytest.param(
        status("work"),
        {"taxes_paid": ["no"]},
        pages("payments"),
        id="unpaid payments are listed",
    ),
    pytest.param(
        status("work"),
        {"taxes_paid": ["yes"], "paid_on_time": ["yes"], "has_missed_notifications": ["no"]},
        pages(),
        id="everything paid on time and notified lists nothing",
    ),
    pytest.param(
        status("work"),
        {"has_criminal_records": ["yes"], "has_traffic_violations": ["yes"]},
        pages("sentences", "traffic_violations"),
        id="sentences and traffic violations said yes are listed",
    ),
]


@pytest.mark.parametrize(("answers", "asked", "expected"), CASES)
def test_route(answers, asked, expected):
    assert flow.route(answers, asked, THRESHOLDS) == expected


def test_no_rules_in_force_asks_no_page_the_thresholds_decide():
    """Without thresholds the points' marks are unknown: no profile is asked for them."""
    answers = status("work", hsp_points={"now": 80})
    asked = {"hsp_route": ["yes"], **HSP_KNOWN_NOW_CALCULATE_YEAR_AGO}
    assert flow.route(answers, asked, None) == pages("hsp", "hsp_typed", "hsp_points")


def test_a_profile_not_shown_gives_no_points():
    """Points the calculator gave for a profile page the route skips never steer it."""
    answers = status("work")
    asked = {"hsp_route": ["no"], "hsp_points_now_source": ["calculate"]}
    stale = {"hsp_now": object()}  # never read: the HSP pages are not asked
    assert flow.route(answers, asked, THRESHOLDS, stale) == pages()


STATUSES = ["work", "hsp", "spouse_of_japanese", "permanent_resident", "refugee", "student"]
#: Every steering answer the pages ask, kept as the wizard keeps it when a page is answered.
STEERING = sorted({page.kept_name(name) for page in flow.PAGES for name in page.asks})
TYPED = st.sampled_from([["yes"], ["no"], ["calculate"], ["known"], []])
LISTS = {"trips", "payments", "missed_notifications", "criminal_records", "traffic_violations"}


def stale_value(key: str):
    """Return what a page may have written for ``key`` before the route skipped it."""
    if key == "hsp_points":
        return st.just({"now": 90, "one_year_ago": 90, "three_years_ago": None})
    if key in LISTS or key == "income":
        return st.just([])
    if key.endswith(("_date", "_expiry")):
        return st.sampled_from(["2020-01-01", None])
    return st.sampled_from([True, False, None])


@given(
    status=st.sampled_from(STATUSES),
    asked=st.fixed_dictionaries(dict.fromkeys(STEERING, TYPED)),
    stale=st.data(),
)
@settings(max_examples=30, deadline=None)
def test_an_answer_kept_from_a_page_the_route_skips_never_changes_it(status, asked, stale):
    """Whatever a skipped page holds (written before the route changed), the route stays."""
    answers = {
        **PAGES_ANSWERED,
        "application_date": ON.isoformat(),
        "status": status,
        "status_grant_date": "2024-01-01",
    }
    route = flow.route(answers, asked, THRESHOLDS)
    for page in (page for page in flow.PAGES if page.name not in route):
        for key in page.writes:
            answers[key] = stale.draw(stale_value(key), label=key)
        for name in page.asks:
            asked[page.kept_name(name)] = stale.draw(TYPED, label=name)
    assert flow.route(answers, asked, THRESHOLDS) == route
