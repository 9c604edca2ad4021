"""Turn the wizard's cleaned step data into the answers contract, and contract errors back.

The wizard never builds ``Answers`` itself: it maps each step's cleaned data to a fragment of
the contract JSON (``prcheck.answers/1``) and hands the whole to ``answers_from_dict``, the
same door the API and the command line use. Each step is also validated with that function
(on a valid stand-in for the other answers), so a date after the application date, a return
before a departure or an absurd amount is refused by one set of rules everywhere. Errors come
back keyed by contract path (``trips[1].return``); ``locate`` finds the step and field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from assessments.eligibility.answers import SCHEMA, Answers, AnswersInvalid, Trip, answers_from_dict
from assessments.eligibility.choices import Employment, Guarantor, ResidenceStatus
from assessments.eligibility.rules.continuity import days_abroad_by_year
from assessments.hsp.result import HspPointsResult, counted_points

#: ``forms.PointsSource.CALCULATE`` (the forms import this module, so not the other way).
CALCULATE = "calculate"
#: The ties to Japan asked on the naturalization page (the contract's keys, Arts. 6 and 8).
NATURALIZATION_TIES = (
    "born_in_japan",
    "parent_former_japanese",
    "former_japanese_national",
    "adopted_by_japanese_as_minor",
)
#: Period-of-stay choices of the status step -> the contract's ``period_of_stay_years``.
PERIOD_OF_STAY_YEARS = {"0.25": 0.25, "0.5": 0.5, "1": 1, "3": 3, "5": 5, "unlimited": None}


def _pages() -> dict:
    # The pages are declared in ``flow`` (``flow.Step``); flow imports the forms, which import
    # this module, so the declarations are read when first needed.
    from assessments.questionnaire import flow

    return flow.PAGE


def plain_answers(step: str) -> tuple[str, ...]:
    """Return the contract keys ``step`` writes that its form asks as they are.

    The form field is named as the contract key, a date is written ISO, an empty answer is
    null. From the page's declaration (``flow.Step.writes``) derive its share of the contract
    (``page_fragment``), its values read back from a document (``prefill``) and the field a
    contract error on the key is shown on (``locate``): adding a yes/no question to a page is
    its field on the form and its key in the page's ``writes``.
    """
    page = _pages().get(step)
    if page is None:
        return ()
    return tuple(key for key in page.writes if key in page.form.base_fields)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def contract_value(value):
    """Return a cleaned answer as the contract writes it: ISO dates, null for an empty answer."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return None if value == "" else value


def _stay(d: Mapping) -> dict:
    return {"period_of_stay_years": PERIOD_OF_STAY_YEARS.get(d["period_of_stay"])}


def _hsp_typed(d: Mapping) -> dict:
    """Map the points typed from the sheet (None where calculated or not known)."""
    return {
        "hsp_points": {
            "now": d.get("hsp_points_now"),
            "one_year_ago": d.get("hsp_points_one_year_ago"),
            "three_years_ago": d.get("hsp_points_three_years_ago"),
        },
        "jskip_eligible": bool(d.get("jskip_eligible")),
    }


def _income(d: Mapping) -> dict:
    rows = []
    for row in d.get("income", ()):
        item = {"year": row["year"], "applicant": row["applicant"]}
        if row.get("household") is not None:
            item["household"] = row["household"]
        rows.append(item)
    return {"income": rows}


def _rows(key: str, rows: str, fields: Mapping[str, str]) -> Callable[[Mapping], dict]:
    """Map a list page's rows to the contract's list ``key`` (``ROW_FIELDS`` names them)."""

    def fragment(d: Mapping) -> dict:
        items = [
            {
                item: contract_value(row.get(field))
                for item, field in fields.items()
                if item not in WRITTEN_WHEN_GIVEN or contract_value(row.get(field)) is not None
            }
            for row in d.get(rows, ())
        ]
        return {key: [item[""] for item in items] if "" in fields else items}

    return fragment


def _naturalization(d: Mapping) -> dict:
    """A tie or family arrears left blank: the contract's default (arrears not said yes)."""
    return {"family_arrears": bool(d.get("family_arrears"))}


#: Row items the contract writes only when given, as ``answers_to_dict`` does (the re-entry
#: permit of a trip: only the keep-PR check asks it, and a blank is "not answered").
WRITTEN_WHEN_GIVEN = frozenset({"reentry_permit", "reentry_permit_expiry"})

#: Contract list -> (step, formset name, {item key: row field}); "" is a list of bare values.
ROW_FIELDS = {
    "trips": (
        "travel",
        "trips",
        {
            "departure": "departure",
            "return": "return_date",
            "reentry_permit": "reentry_permit",
            "reentry_permit_expiry": "reentry_permit_expiry",
        },
    ),
    "payments": (
        "payments",
        "payments",
        {"kind": "kind", "due_date": "due_date", "paid_date": "paid_date"},
    ),
    "missed_notifications": ("notifications", "notifications", {"": "due_date"}),
    "criminal_records": (
        "sentences",
        "criminal_records",
        {"kind": "kind", "completed_on": "completed_on"},
    ),
    "traffic_violations": (
        "traffic_violations",
        "traffic_violations",
        {"date": "date", "kind": "kind"},
    ),
}

#: What a page gives beside its plain answers: a choice, points or rows to convert.
_CONVERTED: dict[str, Callable[[Mapping], dict]] = {
    "stay": _stay,
    "hsp_typed": _hsp_typed,
    "income": _income,
    "naturalization": _naturalization,
    **{step: _rows(key, rows, fields) for key, (step, rows, fields) in ROW_FIELDS.items()},
}


def page_fragment(step: str, cleaned: Mapping) -> dict:
    """Return the page's share of the contract from its cleaned data ({} if it writes none).

    A list asked on a page of its own (payments, sentences) is absent when not asked: the
    contract's default, no items, as when its question is answered No.
    """
    data = {key: contract_value(cleaned.get(key)) for key in plain_answers(step)}
    if step in _CONVERTED:
        data.update(_CONVERTED[step](cleaned))
    return data


@dataclass(frozen=True)
class CalculatedPoints:
    """What the wizard calculated from the HSP profiles it asked.

    ``points`` has a key for each point date whose points are calculated here: the points
    that count (``counted_points``), or None when its profile was not needed and not asked.
    ``jskip_eligible`` is the J-Skip check now and a year before, when both profiles are
    answered here (None: the applicant answers the J-Skip question instead).
    """

    points: Mapping[str, int | None] = field(default_factory=dict)
    jskip_eligible: bool | None = None
    #: The calculator's next fall of the points now (an age band), as ``hsp_points_changes``.
    changes: tuple[dict, ...] = ()


def calculated_points(
    sources: Mapping[str, str | None], results: Mapping[str, HspPointsResult | None]
) -> CalculatedPoints:
    """Return the calculated points for the point dates whose ``sources`` say "calculate".

    ``results`` holds the points of each profile the wizard asked (None or absent if not).
    J-Skip is checked when the profiles now and a year before are both calculated here: it
    needs the criteria met on both days, so a missing profile means not met (the wizard asks
    the year-before profile whenever the criteria are met now).
    """
    calculated = [date for date, source in sources.items() if source == CALCULATE]
    points = {
        date: counted_points(results[date]) if results.get(date) else None for date in calculated
    }
    jskip = None
    if {"now", "one_year_ago"} <= set(calculated):
        jskip = all(
            results.get(date) is not None and results[date].j_skip.eligible
            for date in ("now", "one_year_ago")
        )
    now = results.get("now") if "now" in calculated else None
    change = now.next_change if now is not None and now.salary_floor_met else None
    changes = ({"date": change.on.isoformat(), "points": change.points},) if change else ()
    return CalculatedPoints(points=points, jskip_eligible=jskip, changes=changes)


def contract_from_steps(
    cleaned_by_step: Mapping[str, Mapping], *, calculated: CalculatedPoints | None = None
) -> dict:
    """Return the contract JSON for the cleaned data of the steps that were asked.

    Pass only steps in the wizard's current form list: a skipped step's stale data must not
    leak into the answers, so absent keys take the contract's defaults. ``calculated`` fills
    in the HSP points calculated from profiles, when the HSP step was asked.
    """
    data: dict = {"schema": SCHEMA}
    for step, cleaned in cleaned_by_step.items():
        data.update(page_fragment(step, cleaned))
    if "hsp" in cleaned_by_step:
        # The HSP step itself gives no points: those typed (the next page) or calculated.
        data.setdefault("hsp_points", dict.fromkeys(("now", "one_year_ago", "three_years_ago")))
        data.setdefault("jskip_eligible", False)
    if calculated is not None and "hsp" in cleaned_by_step:
        data["hsp_points"] = {**data["hsp_points"], **calculated.points}
        if calculated.jskip_eligible is not None:
            data["jskip_eligible"] = calculated.jskip_eligible
        application_date = data.get("application_date") or ""
        # Only changes still to come on the application date belong in the answers.
        changes = [c for c in calculated.changes if c["date"] > application_date]
        if changes:
            data["hsp_points_changes"] = changes
    return data


def answers_from_steps(
    cleaned_by_step: Mapping[str, Mapping],
    *,
    today: dt.date,
    calculated: CalculatedPoints | None = None,
) -> Answers:
    """Build ``Answers`` from the steps' cleaned data; raise ``AnswersInvalid`` if refused."""
    return answers_from_dict(
        contract_from_steps(cleaned_by_step, calculated=calculated), today=today
    )


# Contract errors back to the form fields ---------------------------------------------------


@dataclass(frozen=True)
class Location:
    """Where a contract error belongs: a step, a field, and for rows the formset and row."""

    step: str | None
    field: str | None = None
    rows: str | None = None
    row: int | None = None


#: Contract key (or ``key.sub``) -> (step, field), beside the plain answers of each page.
CONVERTED_FIELDS = {
    "period_of_stay_years": ("stay", "period_of_stay"),
    "hsp_points": ("hsp_typed", "hsp_points_now"),
    "hsp_points.now": ("hsp_typed", "hsp_points_now"),
    "hsp_points.one_year_ago": ("hsp_typed", "hsp_points_one_year_ago"),
    "hsp_points.three_years_ago": ("hsp_typed", "hsp_points_three_years_ago"),
    "jskip_eligible": ("hsp_typed", "jskip_eligible"),
    "income": ("income", None),
}

_ROW_PATH = re.compile(r"^(?P<key>[a-z_]+)\[(?P<row>\d+)\](?:\.(?P<sub>[a-z_]+))?$")


def locate(path: str, data: Mapping) -> Location:
    """Return where the contract error at ``path`` belongs, given the contract ``data``."""
    if path in CONVERTED_FIELDS:
        return Location(*CONVERTED_FIELDS[path])
    step = next((name for name in _pages() if path in plain_answers(name)), None)
    if step is not None:
        return Location(step=step, field=path)
    match = _ROW_PATH.match(path)
    if not match:
        return Location(step=None)
    key, row, sub = match["key"], int(match["row"]), match["sub"] or ""
    if key == "income":
        return _locate_income(row, sub, data)
    if key not in ROW_FIELDS:
        return Location(step=None)
    step, rows, fields = ROW_FIELDS[key]
    return Location(step=step, field=fields.get(sub), rows=rows, row=row)


def _locate_income(row: int, sub: str, data: Mapping) -> Location:
    """Income rows are per-year fields (``applicant_2025``), not a formset."""
    try:
        year = data["income"][row]["year"]
    except (KeyError, IndexError, TypeError):
        return Location(step="income")
    column = "household" if sub == "household" else "applicant"
    return Location(step="income", field=f"{column}_{year}")


#: A stand-in for the answers of other steps: valid, so only the step's own errors remain.
_VALID_STAND_IN = {
    "status": ResidenceStatus.OTHER.value,
    "period_of_stay_years": 1,
    "employment": Employment.NONE.value,
    "guarantor": Guarantor.NONE.value,
}


def step_errors(
    step: str, cleaned: Mapping, *, application_date: dt.date
) -> list[tuple[Location, str, dict]]:
    """Validate one step's answers with the contract's rules; return (location, code, params).

    The other answers are a valid stand-in, so every error returned is about this step. A
    step with no share of the contract has nothing to check.
    """
    fragment = page_fragment(step, cleaned)
    if not fragment:
        return []
    data = {
        **_VALID_STAND_IN,
        "application_date": application_date.isoformat(),
        "residence_start_date": application_date.isoformat(),
        **fragment,
    }
    try:
        answers_from_dict(data, today=application_date)
    except AnswersInvalid as exc:
        return [
            (locate(path, data), code, params)
            for path, errors in exc.errors.items()
            if _top_key(path) in fragment
            for code, params in errors
        ]
    return []


def _top_key(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


# Derived facts shown back to the applicant ------------------------------------------------


@dataclass(frozen=True)
class TripTotals:
    """Days abroad per calendar year (most recent first) and the longest single trip."""

    per_year: tuple[tuple[int, int], ...]
    longest_days: int
    count: int


def trip_totals(trips: Iterable[Mapping]) -> TripTotals:
    """Return the days abroad per calendar year and the longest trip, as the engine counts them.

    The departure and return days count as days in Japan (``Trip.days``,
    ``rules.continuity.days_abroad_by_year``), so the totals the applicant sees are the ones
    the rules use.
    """
    trips = tuple(Trip(departure=row["departure"], return_date=row["return_date"]) for row in trips)
    per_year = days_abroad_by_year(trips)
    return TripTotals(
        per_year=tuple(sorted(per_year.items(), reverse=True)),
        longest_days=max((trip.days for trip in trips), default=0),
        count=len(trips),
    )
