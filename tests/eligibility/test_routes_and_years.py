"""Which income years the engine checks, and which routes are open, for answers so far.

The wizard asks these (issue 21 item 3): the income years asked are the ones the livelihood
check reads, none before residence began, and the routes are the engine's.
"""

import datetime as dt

import pytest

from assessments.eligibility.rules.livelihood import income_years_checked
from assessments.eligibility.rules.routes import (
    lookback_routes,
    open_routes,
    status_livelihood_exempt,
)
from assessments.thresholds.snapshot import thresholds_from_defaults

D = dt.date


@pytest.mark.parametrize(
    ("on", "routes", "years"),
    [
        pytest.param(
            D(2026, 12, 1),
            ["general"],
            [2025, 2024, 2023, 2022, 2021],
            id="general on 2026-12-01: 2025 back five years",
        ),
        pytest.param(
            D(2026, 5, 31),
            ["general"],
            [2024, 2023, 2022, 2021, 2020],
            id="the day before June: 2025 is not certified yet",
        ),
        pytest.param(
            D(2026, 6, 1),
            ["general"],
            [2025, 2024, 2023, 2022, 2021],
            id="from 1 June: 2025 is certified",
        ),
        pytest.param(D(2026, 12, 1), ["spouse"], [2025, 2024, 2023], id="spouse: three years"),
        pytest.param(D(2026, 12, 1), ["hsp_80"], [2025], id="HSP 80: one year"),
        pytest.param(
            D(2026, 12, 1),
            ["spouse", "hsp_70", "hsp_80"],
            [2025, 2024, 2023],
            id="the longest look-back among the routes",
        ),
        pytest.param(
            D(2019, 6, 30),
            ["general"],
            [2018, 2017, 2016],
            id="before July 2019 the general route asked three years",
        ),
    ],
)
def test_income_years_are_those_certifiable_on_the_application_date(on, routes, years):
    thresholds = thresholds_from_defaults(on=on)
    checked = income_years_checked(
        application_date=on, residence_start_date=None, routes=routes, t=thresholds
    )
    assert checked == years


@pytest.mark.parametrize(
    ("arrived", "years"),
    [
        pytest.param(D(2025, 3, 1), [2025], id="arrived in March 2025: 2025 only"),
        pytest.param(D(2023, 12, 31), [2025, 2024, 2023], id="arrived on 31 December 2023"),
        pytest.param(D(2021, 1, 1), [2025, 2024, 2023, 2022, 2021], id="here all five years"),
        pytest.param(D(2026, 4, 1), [], id="arrived this year: no year certifiable yet"),
    ],
)
def test_no_income_year_before_residence_began_is_checked(arrived, years):
    on = D(2026, 12, 1)
    checked = income_years_checked(
        application_date=on,
        residence_start_date=arrived,
        routes=["general"],
        t=thresholds_from_defaults(on=on),
    )
    assert checked == years


@pytest.mark.parametrize(
    ("status", "facts", "routes", "lookback"),
    [
        ("work", {}, ["general"], ["general"]),
        ("spouse_of_japanese", {}, ["general", "spouse"], ["spouse"]),
        (
            "child_of_japanese",
            {"contribution_to_japan": True},
            ["general", "child", "contribution"],
            ["child", "contribution"],
        ),
        ("hsp", {}, ["general", "hsp_70", "hsp_80"], ["general", "hsp_70", "hsp_80"]),
        (
            "work",
            {"hsp_points_given": True, "jskip_eligible": True},
            ["general", "hsp_70", "hsp_80", "j_skip"],
            ["general", "hsp_70", "hsp_80", "j_skip"],
        ),
        ("refugee", {}, ["general", "refugee"], ["refugee"]),
        (None, {}, ["general"], ["general"]),
    ],
)
def test_open_routes_for_answers_so_far(status, facts, routes, lookback):
    assert open_routes(status, **facts) == routes
    assert lookback_routes(status, **facts) == lookback


@pytest.mark.parametrize(
    ("status", "exempt"),
    [
        ("spouse_of_permanent_resident", True),
        ("child_of_japanese", True),
        ("refugee", True),
        ("work", False),
        ("hsp", False),
        ("long_term_resident", False),
    ],
)
def test_the_status_alone_decides_the_livelihood_exemption(status, exempt):
    assert status_livelihood_exempt(status) is exempt
