"""Properties of the whole engine over generated answers: every requirement, every time, in
order; only catalogued codes and params; verdicts exactly as the contract defines them; the
engine never raises on any valid answers; a date set by time alone is the day it is met."""

import dataclasses
import datetime as dt
import inspect
import re
from pathlib import Path

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import assessments.eligibility.rules as rules_package
from assessments.eligibility.answers import AnswersInvalid, HspPoints, IncomeYear, answers_from_dict
from assessments.eligibility.choices import (
    APPLICANT_STATUSES,
    REQUIREMENT_IDS,
    Employment,
    Guarantor,
)
from assessments.eligibility.rules import evaluate, evaluate_route
from assessments.eligibility.rules.codes import FINDING_CODES
from assessments.eligibility.rules.dates import add_years
from assessments.eligibility.rules.livelihood import required_income
from assessments.thresholds.snapshot import resolve, thresholds_from_defaults

ON = dt.date(2026, 12, 1)
THRESHOLDS = thresholds_from_defaults(on=ON)
#: The statuses one applies from (a permanent resident's own check: test_keep_pr_properties).
APPLYING = [value for value, _ in APPLICANT_STATUSES]


def income_rows(years):
    """One income row: the household figure, when given, is the applicant's own plus others'."""
    return st.builds(
        lambda year, applicant, others: {
            "year": year,
            "applicant": applicant,
            **({} if others is None else {"household": applicant + others}),
        },
        years,
        st.integers(0, 9_000_000),
        st.one_of(st.none(), st.integers(0, 4_000_000)),
    )


dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=ON)
answers_data = st.fixed_dictionaries(
    {
        "application_date": st.just(ON.isoformat()),
        "status": st.sampled_from(APPLYING),
        "period_of_stay_years": st.sampled_from([0.25, 0.5, 1, 3, 5, None]),
        "status_expiry_date": st.one_of(st.none(), st.dates(ON, dt.date(2032, 1, 1)).map(str)),
        "residence_start_date": dates.map(str),
        "employment": st.sampled_from(Employment.values),
        "guarantor": st.sampled_from(Guarantor.values),
    },
    optional={
        "qualifying_status_start_date": dates.map(str),
        "marriage_date": dates.map(str),
        "status_grant_date": dates.map(str),
        "hsp_points": st.fixed_dictionaries(
            {},
            optional={k: st.integers(0, 120) for k in ("now", "one_year_ago", "three_years_ago")},
        ),
        "hsp_points_maintained": st.booleans(),
        "jskip_eligible": st.booleans(),
        "contribution_to_japan": st.booleans(),
        "income": st.lists(
            income_rows(st.integers(2015, 2025)), max_size=8, unique_by=lambda row: row["year"]
        ),
        "dependents": st.integers(0, 3),
        "public_assistance": st.booleans(),
        "payments": st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(
                        ["resident_tax", "national_tax", "pension", "health_insurance"]
                    ),
                    "due_date": st.dates(dt.date(2015, 1, 1), dt.date(2026, 6, 1)).map(str),
                    "paid_date": st.one_of(st.none(), st.just("2026-11-30")),
                }
            ),
            max_size=3,
        ),
        "missed_notifications": st.lists(dates.map(str), max_size=3),
        "criminal_records": st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(["imprisonment", "suspended_imprisonment", "fine"]),
                    "completed_on": dates.map(str),
                }
            ),
            max_size=2,
        ),
        "traffic_violations": st.lists(
            st.fixed_dictionaries(
                {"date": dates.map(str), "kind": st.sampled_from(["minor", "serious"])}
            ),
            max_size=6,
        ),
        "trips": st.lists(
            st.tuples(st.dates(dt.date(2010, 1, 1), dt.date(2026, 1, 1)), st.integers(0, 400)).map(
                lambda pair: {
                    "departure": str(pair[0]),
                    "return": str(pair[0] + dt.timedelta(days=pair[1])),
                }
            ),
            max_size=4,
        ),
        "unauthorized_work": st.booleans(),
        "meets_landing_standards": st.booleans(),
        "public_health_risk": st.booleans(),
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers_data)
def test_every_answer_gets_every_requirement_with_a_catalogued_code(data):
    try:
        answers = answers_from_dict(data, today=ON)
    except AnswersInvalid:
        return  # e.g. generated overlapping trips: rejected with field errors, never evaluated
    result = evaluate(answers, THRESHOLDS).to_json()
    ids = [finding["id"] for finding in result["requirements"]]
    assert tuple(ids) == REQUIREMENT_IDS
    for finding in result["requirements"]:
        assert finding["code"] in FINDING_CODES, finding["code"]
        assert finding["code"].startswith(finding["id"] + ".")
        assert set(finding["params"]) <= set(FINDING_CODES[finding["code"]]), finding["code"]
        if "remaining" in finding["params"]:
            remaining = finding["params"]["remaining"]
            assert remaining["code"].startswith(finding["id"] + ".")
            assert set(remaining["params"]) <= set(FINDING_CODES[remaining["code"]])
            assert remaining["clears_on"] is None or remaining["clears_on"] > finding["clears_on"]
        if finding["clears_on"] is not None:
            assert finding["status"] in ("not_met", "at_risk")
            assert finding["clears_on"] > result["application_date"]
    statuses = {finding["status"] for finding in result["requirements"]}
    not_met = [f for f in result["requirements"] if f["status"] == "not_met"]
    if any(f["clears_on"] is None for f in not_met):
        assert result["overall"] == "not_eligible" and result["earliest_date"] is None
    elif not_met:
        assert result["overall"] == "not_yet_eligible"
        assert result["earliest_date"] == max(f["clears_on"] for f in not_met)
    elif "at_risk" in statuses:
        assert result["overall"] == "eligible_with_risks"
    else:
        assert result["overall"] == "likely_eligible" and result["score"] == 100
    assert 0 <= result["score"] <= 100


def test_rule_modules_stay_pure():
    """Rules import no models, read no clock and translate nothing (style guideline 2)."""
    forbidden = re.compile(r"\bmodels\b|today\(|now\(|gettext|django\.db|from django")
    for path in Path(inspect.getfile(rules_package)).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not forbidden.search(source), f"{path.name} is not pure"


# Any application date the contract accepts, and answers dated around it -------------------

FIRST_APPLICATION = dt.date(2006, 3, 31)
LAST_APPLICATION = dt.date(2060, 12, 31)


def _before(on: dt.date, *, years: int = 40):
    return st.dates(max(dt.date(1900, 1, 1), on - dt.timedelta(days=365 * years)), on)


@st.composite
def any_day_answers(draw):
    """Valid-looking answers for an application on any day from 2006-03-31 to 2060."""
    on = draw(st.dates(FIRST_APPLICATION, LAST_APPLICATION))
    # Half the dates fall in the last six years, where waiting periods are still running.
    day = st.one_of(_before(on, years=6), _before(on)).map(str)
    recent = _before(on, years=12).map(str)
    data = {
        "application_date": on.isoformat(),
        "status": draw(st.sampled_from(APPLYING)),
        "period_of_stay_years": draw(st.sampled_from([0.25, 0.5, 1, 3, 5, None])),
        "residence_start_date": draw(day),
        "employment": draw(st.sampled_from(Employment.values)),
        "guarantor": draw(st.sampled_from(Guarantor.values)),
    }
    optional = {
        "status_expiry_date": st.dates(on - dt.timedelta(days=400), on + dt.timedelta(days=2000))
        .filter(lambda d: d <= dt.date(2100, 12, 31))
        .map(str),
        "birth_date": _before(on, years=80).map(str),
        "qualifying_status_start_date": day,
        "marriage_date": day,
        "status_grant_date": day,
        "hsp_points": st.fixed_dictionaries(
            {},
            optional={k: st.integers(0, 120) for k in ("now", "one_year_ago", "three_years_ago")},
        ),
        "hsp_points_maintained": st.booleans(),
        "jskip_eligible": st.booleans(),
        "contribution_to_japan": st.booleans(),
        "income": st.lists(
            income_rows(st.integers(on.year - 8, on.year - 1)),
            max_size=8,
            unique_by=lambda row: row["year"],
        ),
        "dependents": st.integers(0, 3),
        "public_assistance": st.booleans(),
        "payments": st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(
                        ["resident_tax", "national_tax", "pension", "health_insurance"]
                    ),
                    "due_date": recent,
                    "paid_date": st.one_of(st.none(), st.just(on.isoformat())),
                }
            ),
            max_size=3,
        ),
        "missed_notifications": st.lists(recent, max_size=3),
        "criminal_records": st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(["imprisonment", "suspended_imprisonment", "fine"]),
                    "completed_on": recent,
                }
            ),
            max_size=2,
        ),
        "traffic_violations": st.lists(
            st.fixed_dictionaries({"date": recent, "kind": st.sampled_from(["minor", "serious"])}),
            max_size=6,
        ),
        "trips": st.lists(
            st.tuples(_before(on, years=12), st.integers(0, 400)).map(
                lambda pair: {
                    "departure": str(pair[0]),
                    "return": str(pair[0] + dt.timedelta(days=pair[1])),
                }
            ),
            max_size=4,
        ),
    }
    for key in draw(st.sets(st.sampled_from(sorted(optional)))):
        data[key] = draw(optional[key])
    return data


def _valid(data):
    try:
        return answers_from_dict(data, today=dt.date.fromisoformat(data["application_date"]))
    except AnswersInvalid:
        event("refused by the contract")
        return None  # e.g. a trip after the application date: refused with field errors


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_day_answers())
def test_the_engine_never_raises_on_valid_answers_of_any_application_date(data):
    answers = _valid(data)
    if answers is None:
        return
    result = evaluate(answers, THRESHOLDS.at(answers.application_date)).to_json()
    assert tuple(f["id"] for f in result["requirements"]) == REQUIREMENT_IDS
    assert {r["route"] for r in result["routes_considered"]} >= {result["route"]}


#: Findings whose ``clears_on`` is set by time alone: a waiting period (residence, marriage,
#: a route that opens on a date), a sentence's wait, events that leave a look-back window, and
#: income years that become certifiable.
CLEARED_BY_TIME = frozenset(
    {
        "residence_period.too_short",
        "residence_period.qualifying_too_short",
        "residence_period.marriage_too_short",
        "residence_period.route_not_open",
        "continuity.draft_single_trip",
        "continuity.draft_cumulative",
        "livelihood.income_not_yet_certifiable",
        "taxes.late",
        "social_insurance.late",
        "conduct.imprisonment",
        "conduct.suspended_sentence",
        "conduct.fine",
        "conduct.serious_traffic",
    }
)

#: The only way a time-cleared finding may be other than met on its ``clears_on``: a question
#: that is asked only once time has passed, left blank. Time cannot answer it, so it turns
#: into its ``_missing`` code (at risk, never "not eligible"); answered, it is met.
#: - the HSP routes ask for a past points calculation (and the current one) only once the
#:   years have passed: points three years back make no sense for someone two years in Japan;
#: - the spouse route asks for the marriage date once the year in Japan is complete;
#: - income years that become certifiable are new questions (their income is not known yet).
BLANK_ON_CLEARS_ON = {
    "residence_period.too_short": {
        "residence_period.hsp_points_missing",
        "residence_period.marriage_date_missing",
    },
    "residence_period.route_not_open": {"residence_period.hsp_points_missing"},
    "livelihood.income_not_yet_certifiable": {"livelihood.income_missing"},
}


def _example(**changes):
    base = {
        "application_date": "2026-12-01",
        "status": "work",
        "period_of_stay_years": 5,
        "residence_start_date": "2012-04-01",
        "employment": "regular",
        "guarantor": "japanese",
    }
    return example({**base, **changes})


def _answer_the_blank(answers, finding, t):
    """Answer the blank question ``finding`` names with data that meets the mark."""
    p = finding.params
    if finding.code == "residence_period.hsp_points_missing":
        points = answers.hsp_points or HspPoints()
        return dataclasses.replace(
            answers, hsp_points=dataclasses.replace(points, **{p["when"]: p["required"]})
        )
    if finding.code == "residence_period.marriage_date_missing":
        years = t["residence.spouse.marriage_min_years"]
        return dataclasses.replace(
            answers, marriage_date=add_years(answers.application_date, -int(years))
        )
    floor = required_income(answers, t)
    rows = [IncomeYear(year=year, applicant=floor) for year in p["missing_years"]]
    return dataclasses.replace(answers, income=(*answers.income, *rows))


def _livelihood_risks_of(answers):
    """Return the livelihood risks the answers carry whatever the unknown years' income is.

    Income years that become certifiable are answered with the floor; the rest of the answers
    stand: no employment, or a year the household's income carried, stays a risk.
    """
    risks = set()
    if answers.employment == Employment.NONE:
        risks.add("livelihood.no_employment")
    if any(row.household is not None and row.household > row.applicant for row in answers.income):
        risks.add("livelihood.household_income")
    return risks


def _after_clearing(answers, route, finding):
    """Return the same requirement evaluated on ``finding.clears_on``, blanks left as they are."""
    later = dataclasses.replace(answers, application_date=finding.clears_on)
    t = THRESHOLDS.at(finding.clears_on)
    (now,) = [f for f in evaluate_route(later, t, route).requirements if f.id == finding.id]
    return later, t, now


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_day_answers())
@_example(
    status="spouse_of_japanese", marriage_date="2025-02-28", residence_start_date="2026-03-01"
)
@_example(status="spouse_of_japanese", residence_start_date="2026-03-01")
@_example(residence_start_date="2014-01-01", qualifying_status_start_date="2023-06-30")
@_example(status="hsp", status_grant_date="2026-02-01", hsp_points={"now": 75})
@_example(status="hsp", residence_start_date="2024-02-01", hsp_points={"now": 75})
@_example(application_date="2017-04-25", status="hsp", status_grant_date="2016-02-29")
@_example(payments=[{"kind": "pension", "due_date": "2025-01-31", "paid_date": "2025-03-01"}])
@_example(payments=[{"kind": "resident_tax", "due_date": "2024-06-30", "paid_date": "2024-07-15"}])
@_example(criminal_records=[{"kind": "imprisonment", "completed_on": "2019-03-01"}])
@_example(
    application_date="2028-01-01",
    trips=[{"departure": f"{year}-01-01", "return": f"{year}-06-19"} for year in range(2018, 2025)],
)
@_example(
    criminal_records=[{"kind": "fine", "completed_on": "2024-01-10"}],
    traffic_violations=[{"date": "2025-01-01", "kind": "minor"}] * 4,
)
@_example(
    application_date="2027-06-01",
    trips=[
        {"departure": "2020-01-01", "return": "2020-08-01"},
        {"departure": "2024-01-01", "return": "2024-04-15"},
    ],
)
@_example(residence_start_date="2023-04-01", income=[{"year": 2025, "applicant": 3_500_000}])
@_example(
    application_date="2026-03-01",
    status="hsp",
    status_grant_date="2025-02-01",
    residence_start_date="2025-02-01",
    hsp_points={"now": 85},
    income=[{"year": 2025, "applicant": 2_999_999}],
)
def test_a_requirement_that_clears_by_time_is_met_on_its_clears_on(data):
    """Evaluate the same answers again, on the route they were judged on, with the application
    date moved to ``clears_on``: that requirement is then met (or exempt).

    Three outcomes are not "met", and each was said in advance or is a blank question:
    - what a pending draft would need, named in ``draft``: at risk (basis ``draft``), never
      a failure, until the day it named;
    - a lesser risk the finding named in ``remaining`` (a long trip under the rule of thumb,
      repeated traffic violations): a finding carries one code, so the failure says on the day
      itself what will still stand then; it must be exactly that finding;
    - a question asked only once time has passed, left blank (``BLANK_ON_CLEARS_ON``): its
      ``_missing`` code; answered with data that meets the mark, the requirement is met.
    """
    answers = _valid(data)
    if answers is None:
        return
    for route in evaluate(answers, THRESHOLDS.at(answers.application_date)).considered:
        for finding in route.requirements:
            if finding.status != "not_met" or finding.code not in CLEARED_BY_TIME:
                continue
            assert finding.clears_on is not None, finding.code
            event(f"re-evaluated {finding.code}")
            later, t, now = _after_clearing(answers, route.route, finding)
            seen = (route.route, finding.code, finding.clears_on, now.status, now.code, now.params)
            if "remaining" in finding.params:
                event(f"{finding.code} named the risk that remains")
                remaining = {"code": now.code, "params": now.params, "clears_on": now.clears_on}
                assert now.status == "at_risk" and finding.params["remaining"] == remaining, seen
                continue
            for _ in range(3):  # an HSP route can ask for two calculations, one at a time
                if now.code not in BLANK_ON_CLEARS_ON.get(finding.code, ()):
                    break
                event(f"{finding.code} became {now.code}; answered")
                later = _answer_the_blank(later, now, t)
                (now,) = [
                    f
                    for f in evaluate_route(later, t, route.route).requirements
                    if f.id == finding.id
                ]
                seen += (now.status, now.code, now.params)
            if "draft" in finding.params and now.status == "at_risk" and now.basis == "draft":
                # What the pending draft would need, named in advance: met under the rules in
                # force, at risk only, until the day the draft said.
                event(f"{finding.code} met; the draft it named stands as a risk")
                assert now.clears_on == finding.params["draft"]["clears_on"], seen
                continue
            if now.status == "at_risk" and now.code in _livelihood_risks_of(answers):
                event(f"{finding.code} answered; the answers' own risk {now.code} stands")
                continue
            assert now.status in ("met", "exempt"), seen


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_day_answers())
@_example(
    application_date="2027-04-01",
    status="spouse_of_japanese",
    marriage_date="2024-03-31",
    residence_start_date="2020-01-01",
)
@_example(
    application_date="2027-06-01", trips=[{"departure": "2019-01-01", "return": "2019-08-01"}]
)
@_example(
    application_date="2026-12-01", status="child_of_japanese", residence_start_date="2026-01-01"
)
def test_a_draft_version_never_makes_a_finding_not_met(data):
    """A ``draft`` version is never law (issue 22, item 4). Against the same timeline with every
    draft removed, each finding is the same, except that one met (or exempt) may become
    ``at_risk`` resting on the draft; nothing becomes ``not_met``, no date moves, and a finding
    that names the draft keeps its own status, code and date."""
    answers = _valid(data)
    if answers is None:
        return
    t = THRESHOLDS.at(answers.application_date)
    # The same timeline without drafts (a key only drafts define stays registered, empty).
    in_force = [v for v in t.timeline if v.kind != "draft"]
    keys = {v.key for v in in_force}
    only_drafted = [
        dataclasses.replace(v, value=None, kind="official")
        for v in t.timeline
        if v.kind == "draft" and v.key not in keys
    ]
    plain = resolve(in_force + only_drafted, on=t.as_of)
    for route in evaluate(answers, t).considered:
        without = evaluate_route(answers, plain, route.route)
        assert route.earliest_date == without.earliest_date, route.route
        for found, law in zip(route.requirements, without.requirements, strict=True):
            assert not (found.status == "not_met" and found.basis == "draft"), found
            if found.status == "at_risk" and found.basis == "draft" and law.status != "at_risk":
                event(f"{found.code}: the pending draft named as a risk")
                assert law.status in ("met", "exempt"), (found, law)
                continue
            assert (found.status, found.code, found.clears_on) == (
                law.status,
                law.code,
                law.clears_on,
            ), (found, law)
            if "draft" in found.params:
                event(f"{found.code}: carries the draft")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_day_answers())
@_example(status="hsp", status_grant_date="2026-01-16", hsp_points={"now": 85})
@_example(status="hsp", status_grant_date="2024-06-01", hsp_points={"now": 75, "one_year_ago": 75})
def test_a_risk_from_a_blank_that_time_settles_is_met_on_its_clears_on(data):
    """Issue 22, item 5: an HSP route at risk only for a blank past calculation says the day
    the holder's own period (route ア) clears it; on that day, with the same answers, it is met."""
    answers = _valid(data)
    if answers is None:
        return
    for route in evaluate(answers, THRESHOLDS.at(answers.application_date)).considered:
        for finding in route.requirements:
            if finding.code != "residence_period.hsp_points_missing" or not finding.clears_on:
                continue
            event("a blank HSP calculation settled by time")
            later = dataclasses.replace(answers, application_date=finding.clears_on)
            t = THRESHOLDS.at(finding.clears_on)
            (now,) = [
                f
                for f in evaluate_route(later, t, route.route).requirements
                if f.id == "residence_period"
            ]
            assert now.status == "met", (route.route, finding, now)
