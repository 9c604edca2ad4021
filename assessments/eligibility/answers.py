"""The applicant's answers (`prcheck.answers/1`): a frozen, validated value object.

The JSON interfaces (``manage.py assess``, ``POST /api/assess``) and the wizard all build
``Answers`` through ``answers_from_dict``, so the same input is checked the same way
everywhere. Invalid input raises ``AnswersInvalid`` with errors keyed by field path
(``"trips[1].return"``), each a code plus params; messages are worded at the edge
(``assessments.web.messages``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from typing import Any

from assessments.eligibility.choices import (
    BusinessStandards,
    CriminalRecordKind,
    Employment,
    Guarantor,
    ImmigrationBureau,
    PaymentKind,
    ReentryPermit,
    ResidenceStatus,
    TrafficViolationKind,
)
from assessments.eligibility.naturalization_choices import JapaneseLevel

SCHEMA = "prcheck.answers/1"
PERIODS_OF_STAY = (0.25, 0.5, 1, 3, 5)
#: Input limits (not legal thresholds): protect the engine from absurd or abusive input.
MAX_LIST_ITEMS = 200
MAX_MONEY_YEN = 10_000_000_000  # ten billion yen
MAX_DEPENDENTS = 30
MAX_HSP_POINTS = 300
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)
#: Exactly ``YYYY-MM-DD`` in ASCII digits (``date.fromisoformat`` also reads ``2014-W14-2``).
DATE_FORMAT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: Dates that cannot come before the person was born.
NOT_BEFORE_BIRTH = (
    "residence_start_date",
    "qualifying_status_start_date",
    "marriage_date",
    "status_grant_date",
)
#: Yes/no facts that place an applicant on a simplified naturalization route (Arts. 6 and 8);
#: each optional, None = not answered (then the route is simply not offered).
NATURALIZATION_ROUTE_FACTS = (
    "born_in_japan",
    "parent_born_in_japan",
    "parent_former_japanese",
    "former_japanese_national",
    "adopted_by_japanese_as_minor",
    "stateless_since_birth",
)
#: Answers asked only on the naturalization page (opt-in): what the applicant told that check.
NATURALIZATION_ANSWERS = (
    "monthly_take_home",
    "last_job_change_date",
    "family_arrears",
    "nationality_renounceable",
    "japanese_level",
    *NATURALIZATION_ROUTE_FACTS,
)
#: The guideline the engine models dates from 2006-03-31; an application before it cannot be judged.
EARLIEST_APPLICATION_DATE = dt.date(2006, 3, 31)
#: The keep-PR check models the residence-card system (special re-entry permit, card renewal),
#: in force from 2012-07-09; a permanent resident's check before it cannot be judged.
EARLIEST_KEEP_PR_DATE = dt.date(2012, 7, 9)


@dataclass(frozen=True)
class Trip:
    """A trip abroad; ``planned`` trips are still to come (they may end after the application)."""

    departure: dt.date
    return_date: dt.date
    planned: bool = False
    #: Keep-PR check: the re-entry permit the trip used (``ReentryPermit``), None = not answered.
    reentry_permit: str | None = None
    #: Keep-PR check: the expiry of a full re-entry permit (with ``reentry_permit == "permit"``).
    reentry_permit_expiry: dt.date | None = None

    @property
    def days(self) -> int:
        """Whole days abroad: the departure and return days count as days in Japan."""
        return max((self.return_date - self.departure).days - 1, 0)


@dataclass(frozen=True)
class IncomeYear:
    year: int
    applicant: int
    household: int | None = None


@dataclass(frozen=True)
class Payment:
    kind: str
    due_date: dt.date
    paid_date: dt.date | None


@dataclass(frozen=True)
class CriminalRecord:
    kind: str
    completed_on: dt.date


@dataclass(frozen=True)
class TrafficViolation:
    date: dt.date
    kind: str


@dataclass(frozen=True)
class HspPoints:
    now: int | None = None
    one_year_ago: int | None = None
    three_years_ago: int | None = None


@dataclass(frozen=True)
class HspPointsChange:
    """A known future change of the HSP points: ``points`` from ``date`` on (e.g. an age band)."""

    date: dt.date
    points: int


@dataclass(frozen=True)
class Answers:
    """Every answer of the contract; field names are the contract's keys.

    ``trips`` items use ``return_date`` (``return`` is a Python keyword); JSON keeps
    ``return``.
    """

    application_date: dt.date
    status: str
    period_of_stay_years: float | None
    residence_start_date: dt.date
    employment: str
    guarantor: str
    birth_date: dt.date | None = None
    status_expiry_date: dt.date | None = None
    qualifying_status_start_date: dt.date | None = None
    marriage_date: dt.date | None = None
    status_grant_date: dt.date | None = None
    hsp_points: HspPoints | None = None
    hsp_points_maintained: bool = True
    hsp_points_changes: tuple[HspPointsChange, ...] = ()
    jskip_eligible: bool = False
    contribution_to_japan: bool = False
    trips: tuple[Trip, ...] = ()
    income: tuple[IncomeYear, ...] = ()
    dependents: int = 0
    dependents_abroad: int = 0
    public_assistance: bool = False
    assets: int | None = None  # None: the question was left blank (not answered)
    payments: tuple[Payment, ...] = ()
    pension_enrolled: bool = True
    health_insurance_enrolled: bool = True
    missed_notifications: tuple[dt.date, ...] = ()
    criminal_records: tuple[CriminalRecord, ...] = ()
    traffic_violations: tuple[TrafficViolation, ...] = ()
    unauthorized_work: bool = False
    meets_landing_standards: bool = True
    public_health_risk: bool = False
    # Keep-PR check (status ``permanent_resident``); None = not answered.
    residence_card_expiry: dt.date | None = None
    # Business Manager standards in force since 2025-10-16 (``BusinessStandards``); None: not asked.
    business_manager_standards: str | None = None
    # The bureau the application is filed at (``ImmigrationBureau``); None: not said.
    immigration_bureau: str | None = None
    # Naturalization (帰化) only; None = not answered.
    monthly_take_home: int | None = None
    last_job_change_date: dt.date | None = None
    family_arrears: bool = False
    nationality_renounceable: bool | None = None
    japanese_level: str | None = None
    # The simplified routes of Nationality Act Arts. 6 and 8 (see ``NATURALIZATION_ROUTE_FACTS``).
    born_in_japan: bool | None = None
    parent_born_in_japan: bool | None = None
    parent_former_japanese: bool | None = None
    former_japanese_national: bool | None = None
    adopted_by_japanese_as_minor: bool | None = None
    stateless_since_birth: bool | None = None


#: What each naturalization answer is when its question was left blank.
NATURALIZATION_BLANKS = dict.fromkeys(NATURALIZATION_ANSWERS) | {"family_arrears": False}


def answered_naturalization(a: Answers) -> bool:
    """Return whether any naturalization question was answered.

    Each is None when blank, except ``family_arrears``, which is False unless said yes.
    """
    return any(getattr(a, key) != value for key, value in NATURALIZATION_BLANKS.items())


def answered_naturalization_in(data: Any) -> bool:
    """Return ``answered_naturalization`` of an answers document (a stored one, say)."""
    if not isinstance(data, dict):
        return False
    return any(data.get(key, blank) != blank for key, blank in NATURALIZATION_BLANKS.items())


class AnswersInvalid(ValueError):
    """The input does not satisfy the contract. ``errors``: {field path: [(code, params)]}."""

    def __init__(self, errors: dict[str, list[tuple[str, dict]]]):
        self.errors = errors
        super().__init__(f"invalid answers: {', '.join(sorted(errors))}")


class _Reader:
    """Collect every error rather than stopping at the first, like Django's validators."""

    def __init__(self, data: dict):
        self.data = data
        self.errors: dict[str, list[tuple[str, dict]]] = {}

    def error(self, path: str, code: str, **params) -> None:
        self.errors.setdefault(path, []).append((code, params))

    # Scalars -------------------------------------------------------------------------
    def date(self, value, path: str, *, required: bool = False) -> dt.date | None:
        if value is None:
            if required:
                self.error(path, "required")
            return None
        if not isinstance(value, str):
            self.error(path, "invalid_type", expected="date")
            return None
        if not DATE_FORMAT.fullmatch(value):
            self.error(path, "invalid_date")
            return None
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            self.error(path, "invalid_date")
            return None
        if not EARLIEST_DATE <= parsed <= LATEST_DATE:
            self.error(
                path,
                "date_out_of_range",
                earliest=EARLIEST_DATE.isoformat(),
                latest=LATEST_DATE.isoformat(),
            )
            return None
        return parsed

    def boolean(self, value, path: str, default: bool) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(path, "invalid_type", expected="boolean")
            return default
        return value

    def integer(self, value, path: str, *, default=0, maximum=MAX_MONEY_YEN, required=False):
        if value is None:
            if required:
                self.error(path, "required")
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                self.error(path, "invalid_type", expected="integer")
                return default
        if value < 0:
            self.error(path, "negative")
            return default
        if value > maximum:
            self.error(path, "too_large", maximum=maximum)
            return default
        return value

    def choice(self, value, path: str, choices, *, required: bool = True) -> str | None:
        if value is None:
            if required:
                self.error(path, "required")
            return None
        if not isinstance(value, str) or value not in choices.values:
            self.error(path, "invalid_choice", value=str(value)[:40])
            return None
        return value

    def items(self, value, path: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(path, "invalid_type", expected="list")
            return []
        if len(value) > MAX_LIST_ITEMS:
            self.error(path, "too_many_items", maximum=MAX_LIST_ITEMS)
            return []
        return value

    def obj(self, value, path: str) -> dict | None:
        if not isinstance(value, dict):
            self.error(path, "invalid_type", expected="object")
            return None
        return value

    def not_after(self, value: dt.date | None, path: str, limit: dt.date | None) -> None:
        if value is not None and limit is not None and value > limit:
            self.error(path, "after_application_date", limit=limit.isoformat())


KNOWN_KEYS = frozenset(
    {
        "schema",
        "application_date",
        "birth_date",
        "status",
        "period_of_stay_years",
        "status_expiry_date",
        "residence_start_date",
        "qualifying_status_start_date",
        "marriage_date",
        "status_grant_date",
        "hsp_points",
        "hsp_points_maintained",
        "hsp_points_changes",
        "jskip_eligible",
        "contribution_to_japan",
        "trips",
        "income",
        "dependents",
        "dependents_abroad",
        "public_assistance",
        "assets",
        "employment",
        "payments",
        "pension_enrolled",
        "health_insurance_enrolled",
        "missed_notifications",
        "criminal_records",
        "traffic_violations",
        "unauthorized_work",
        "guarantor",
        "meets_landing_standards",
        "public_health_risk",
        "residence_card_expiry",
        "business_manager_standards",
        "immigration_bureau",
        *NATURALIZATION_ANSWERS,
    }
)


def answers_from_dict(data: Any, *, today: dt.date) -> Answers:
    """Validate contract JSON (already parsed) and return ``Answers``.

    ``today`` is the default ``application_date``; the caller supplies it so that this
    module never reads the clock. Raise ``AnswersInvalid`` with every error found.
    """
    if not isinstance(data, dict):
        raise AnswersInvalid({"": [("invalid_type", {"expected": "object"})]})
    r = _Reader(data)
    for key in sorted(set(data) - KNOWN_KEYS):
        r.error(key, "unknown_field")
    if data.get("schema") not in (None, SCHEMA):
        r.error("schema", "invalid_choice", value=str(data.get("schema"))[:40])

    app = r.date(data.get("application_date"), "application_date") or today
    if app < EARLIEST_APPLICATION_DATE:
        r.error("application_date", "before_rules", earliest=EARLIEST_APPLICATION_DATE.isoformat())
        app = today
    status = r.choice(data.get("status"), "status", ResidenceStatus)
    # A permanent resident's check (keep PR) asks neither a period of stay, a job nor a
    # guarantor; its continuous residence defaults to the grant date.
    keeps_pr = status == ResidenceStatus.PERMANENT_RESIDENT
    if keeps_pr and app < EARLIEST_KEEP_PR_DATE:
        r.error(
            "application_date", "before_keep_pr_rules", earliest=EARLIEST_KEEP_PR_DATE.isoformat()
        )
        app = max(today, EARLIEST_KEEP_PR_DATE)
    period = None if keeps_pr and "period_of_stay_years" not in data else _period_of_stay(r, data)
    residence_start = r.date(
        data.get("residence_start_date"), "residence_start_date", required=not keeps_pr
    )
    if residence_start is not None and residence_start > app:
        r.error("residence_start_date", "after_application_date", limit=app.isoformat())

    dates = {}
    for key in (
        "birth_date",
        "qualifying_status_start_date",
        "marriage_date",
        "status_grant_date",
        "last_job_change_date",
    ):
        required = keeps_pr and key == "status_grant_date"
        dates[key] = r.date(data.get(key), key, required=required)
        r.not_after(dates[key], key, app)
    if keeps_pr and residence_start is None:
        residence_start = dates["status_grant_date"]
    card_expiry = r.date(data.get("residence_card_expiry"), "residence_card_expiry")
    status_expiry = r.date(data.get("status_expiry_date"), "status_expiry_date")
    grant = dates["status_grant_date"]
    if status_expiry is not None and grant is not None and status_expiry < grant:
        # A period of stay cannot end before it was granted.
        r.error("status_expiry_date", "expiry_before_grant", grant_date=grant.isoformat())
    if card_expiry is not None and grant is not None and card_expiry < grant:
        # A residence card is issued with the grant: it cannot expire before it.
        r.error("residence_card_expiry", "card_expiry_before_grant", grant_date=grant.isoformat())
    qualifying = dates["qualifying_status_start_date"]
    if qualifying is not None and residence_start is not None and qualifying < residence_start:
        # Residence on a qualifying status is part of the continuous residence, not before it.
        r.error(
            "qualifying_status_start_date",
            "before_residence_start",
            residence_start_date=residence_start.isoformat(),
        )
    birth = dates["birth_date"]
    for key in NOT_BEFORE_BIRTH:
        value = residence_start if key == "residence_start_date" else dates[key]
        if birth is not None and value is not None and value < birth:
            r.error(key, "before_birth", birth_date=birth.isoformat())

    answers = dict(
        application_date=app,
        status=status,
        period_of_stay_years=period,
        residence_start_date=residence_start,
        status_expiry_date=status_expiry,
        employment=r.choice(
            data.get("employment"), "employment", Employment, required=not keeps_pr
        ),
        guarantor=r.choice(data.get("guarantor"), "guarantor", Guarantor, required=not keeps_pr),
        hsp_points=_hsp_points(r, data.get("hsp_points")),
        hsp_points_maintained=r.boolean(
            data.get("hsp_points_maintained"), "hsp_points_maintained", True
        ),
        hsp_points_changes=_hsp_points_changes(r, data.get("hsp_points_changes"), app),
        jskip_eligible=r.boolean(data.get("jskip_eligible"), "jskip_eligible", False),
        contribution_to_japan=r.boolean(
            data.get("contribution_to_japan"), "contribution_to_japan", False
        ),
        trips=_trips(r, data.get("trips"), app, today),
        income=_income(r, data.get("income"), app),
        dependents=r.integer(data.get("dependents"), "dependents", maximum=MAX_DEPENDENTS),
        dependents_abroad=r.integer(
            data.get("dependents_abroad"), "dependents_abroad", maximum=MAX_DEPENDENTS
        ),
        public_assistance=r.boolean(data.get("public_assistance"), "public_assistance", False),
        assets=r.integer(data.get("assets"), "assets", default=None),
        payments=_payments(r, data.get("payments"), app),
        pension_enrolled=r.boolean(data.get("pension_enrolled"), "pension_enrolled", True),
        health_insurance_enrolled=r.boolean(
            data.get("health_insurance_enrolled"), "health_insurance_enrolled", True
        ),
        missed_notifications=_dates(
            r, data.get("missed_notifications"), "missed_notifications", app
        ),
        criminal_records=_criminal_records(r, data.get("criminal_records"), app),
        traffic_violations=_traffic(r, data.get("traffic_violations"), app),
        unauthorized_work=r.boolean(data.get("unauthorized_work"), "unauthorized_work", False),
        meets_landing_standards=r.boolean(
            data.get("meets_landing_standards"), "meets_landing_standards", True
        ),
        public_health_risk=r.boolean(data.get("public_health_risk"), "public_health_risk", False),
        residence_card_expiry=card_expiry,
        business_manager_standards=r.choice(
            data.get("business_manager_standards"),
            "business_manager_standards",
            BusinessStandards,
            required=False,
        ),
        immigration_bureau=r.choice(
            data.get("immigration_bureau"), "immigration_bureau", ImmigrationBureau, required=False
        ),
        **_naturalization(r, data),
        **dates,
    )
    if answers["dependents_abroad"] > answers["dependents"]:
        r.error("dependents_abroad", "more_than_dependents", dependents=answers["dependents"])
    if r.errors:
        raise AnswersInvalid(r.errors)
    return Answers(**answers)


def _naturalization(r: _Reader, data: dict) -> dict:
    """Read the answers only naturalization needs (all optional; None = not answered)."""
    return {
        "monthly_take_home": r.integer(
            data.get("monthly_take_home"), "monthly_take_home", default=None
        ),
        "family_arrears": r.boolean(data.get("family_arrears"), "family_arrears", False),
        "nationality_renounceable": r.boolean(
            data.get("nationality_renounceable"), "nationality_renounceable", None
        ),
        "japanese_level": r.choice(
            data.get("japanese_level"), "japanese_level", JapaneseLevel, required=False
        ),
        **{key: r.boolean(data.get(key), key, None) for key in NATURALIZATION_ROUTE_FACTS},
    }


def _period_of_stay(r: _Reader, data: dict) -> float | None:
    if "period_of_stay_years" not in data:
        r.error("period_of_stay_years", "required")
        return None
    value = data["period_of_stay_years"]
    if value is None:
        return None  # unlimited
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or value not in PERIODS_OF_STAY
    ):
        r.error("period_of_stay_years", "invalid_choice", value=str(value)[:40])
        return None
    return float(value)


def _hsp_points(r: _Reader, value) -> HspPoints | None:
    if value is None:
        return None
    obj = r.obj(value, "hsp_points")
    if obj is None:
        return None
    for key in sorted(set(obj) - {"now", "one_year_ago", "three_years_ago"}):
        r.error(f"hsp_points.{key}", "unknown_field")
    points = {
        key: r.integer(obj.get(key), f"hsp_points.{key}", default=None, maximum=MAX_HSP_POINTS)
        for key in ("now", "one_year_ago", "three_years_ago")
    }
    return HspPoints(**points)


def _hsp_points_changes(r: _Reader, value, app: dt.date) -> tuple[HspPointsChange, ...]:
    """Read known future changes of the points: each after the application date."""
    changes = []
    for i, item in enumerate(r.items(value, "hsp_points_changes")):
        path = f"hsp_points_changes[{i}]"
        if r.obj(item, path) is None:
            continue
        for key in sorted(set(item) - {"date", "points"}):
            r.error(f"{path}.{key}", "unknown_field")
        on = r.date(item.get("date"), f"{path}.date", required=True)
        points = r.integer(
            item.get("points"),
            f"{path}.points",
            default=None,
            maximum=MAX_HSP_POINTS,
            required=True,
        )
        if on is not None and on <= app:
            r.error(f"{path}.date", "not_after_application_date", limit=app.isoformat())
        elif on is not None and points is not None:
            changes.append(HspPointsChange(date=on, points=points))
    return tuple(sorted(changes, key=lambda change: change.date))


def _trips(r: _Reader, value, app: dt.date, today: dt.date) -> tuple[Trip, ...]:
    """Read the trips; a trip is planned if it says so, or else if it leaves after ``today``.

    Only planned trips may run past the application date (they count at later dates).
    """
    trips = []
    for i, item in enumerate(r.items(value, "trips")):
        path = f"trips[{i}]"
        if r.obj(item, path) is None:
            continue
        departure = r.date(item.get("departure"), f"{path}.departure", required=True)
        returned = r.date(item.get("return"), f"{path}.return", required=True)
        inferred = departure is not None and departure > today
        planned = r.boolean(item.get("planned"), f"{path}.planned", inferred)
        if not planned:
            r.not_after(departure, f"{path}.departure", app)
            r.not_after(returned, f"{path}.return", app)
        permit, permit_expiry = _reentry_permit(r, item, path, departure)
        if departure and returned:
            if returned < departure:
                r.error(f"{path}.return", "return_before_departure")
            else:
                trip = Trip(
                    departure=departure,
                    return_date=returned,
                    planned=planned,
                    reentry_permit=permit,
                    reentry_permit_expiry=permit_expiry,
                )
                trips.append((i, trip))
    ordered = sorted(trips, key=lambda pair: pair[1].departure)
    for (_, earlier), (j, later) in zip(ordered, ordered[1:], strict=False):
        if later.departure < earlier.return_date:
            r.error(f"trips[{j}].departure", "overlapping_trip")
    return tuple(trip for _, trip in ordered)


def _reentry_permit(r: _Reader, item: dict, path: str, departure: dt.date | None):
    """Read the re-entry permit a trip used, and a full permit's expiry (keep-PR check).

    The expiry belongs to a full permit only (a special re-entry permit lasts a fixed time
    from departure), and a permit cannot expire before the trip began.
    """
    permit = r.choice(
        item.get("reentry_permit"), f"{path}.reentry_permit", ReentryPermit, required=False
    )
    expiry = r.date(item.get("reentry_permit_expiry"), f"{path}.reentry_permit_expiry")
    if expiry is None:
        return permit, None
    if permit != ReentryPermit.PERMIT:
        r.error(f"{path}.reentry_permit_expiry", "permit_expiry_without_permit")
        return permit, None
    if departure is not None and expiry < departure:
        r.error(
            f"{path}.reentry_permit_expiry",
            "permit_expiry_before_departure",
            departure=departure.isoformat(),
        )
        return permit, None
    return permit, expiry


def _income(r: _Reader, value, app: dt.date) -> tuple[IncomeYear, ...]:
    rows: dict[int, IncomeYear] = {}
    for i, item in enumerate(r.items(value, "income")):
        path = f"income[{i}]"
        if r.obj(item, path) is None:
            continue
        year = item.get("year")
        if isinstance(year, bool) or not isinstance(year, int):
            r.error(
                f"{path}.year",
                "invalid_type" if year is not None else "required",
                expected="integer",
            )
            continue
        if not EARLIEST_DATE.year <= year < app.year:
            r.error(f"{path}.year", "year_out_of_range", last=app.year - 1)
            continue
        if year in rows:
            r.error(f"{path}.year", "duplicate_year", year=year)
            continue
        applicant = r.integer(item.get("applicant"), f"{path}.applicant", required=True)
        household = r.integer(item.get("household"), f"{path}.household", default=None)
        # The household figure includes the applicant's own income, so it cannot be lower.
        if household is not None and applicant is not None and household < applicant:
            r.error(
                f"{path}.household",
                "household_below_applicant",
                household=household,
                applicant=applicant,
            )
        rows[year] = IncomeYear(year=year, applicant=applicant, household=household)
    return tuple(rows[year] for year in sorted(rows, reverse=True))


def _payments(r: _Reader, value, app: dt.date) -> tuple[Payment, ...]:
    payments = []
    for i, item in enumerate(r.items(value, "payments")):
        path = f"payments[{i}]"
        if r.obj(item, path) is None:
            continue
        kind = r.choice(item.get("kind"), f"{path}.kind", PaymentKind)
        due = r.date(item.get("due_date"), f"{path}.due_date", required=True)
        paid = r.date(item.get("paid_date"), f"{path}.paid_date")
        r.not_after(due, f"{path}.due_date", app)
        r.not_after(paid, f"{path}.paid_date", app)
        if due and paid and paid <= due:
            r.error(f"{path}.paid_date", "paid_on_time")
        if kind and due:
            payments.append(Payment(kind=kind, due_date=due, paid_date=paid))
    return tuple(sorted(payments, key=lambda p: p.due_date))


def _dates(r: _Reader, value, path: str, app: dt.date) -> tuple[dt.date, ...]:
    dates = []
    for i, item in enumerate(r.items(value, path)):
        parsed = r.date(item, f"{path}[{i}]", required=True)
        r.not_after(parsed, f"{path}[{i}]", app)
        if parsed:
            dates.append(parsed)
    return tuple(sorted(dates))


def _criminal_records(r: _Reader, value, app: dt.date) -> tuple[CriminalRecord, ...]:
    records = []
    for i, item in enumerate(r.items(value, "criminal_records")):
        path = f"criminal_records[{i}]"
        if r.obj(item, path) is None:
            continue
        kind = r.choice(item.get("kind"), f"{path}.kind", CriminalRecordKind)
        completed = r.date(item.get("completed_on"), f"{path}.completed_on", required=True)
        r.not_after(completed, f"{path}.completed_on", app)
        if kind and completed:
            records.append(CriminalRecord(kind=kind, completed_on=completed))
    return tuple(records)


def _traffic(r: _Reader, value, app: dt.date) -> tuple[TrafficViolation, ...]:
    violations = []
    for i, item in enumerate(r.items(value, "traffic_violations")):
        path = f"traffic_violations[{i}]"
        if r.obj(item, path) is None:
            continue
        when = r.date(item.get("date"), f"{path}.date", required=True)
        kind = r.choice(item.get("kind"), f"{path}.kind", TrafficViolationKind)
        r.not_after(when, f"{path}.date", app)
        if when and kind:
            violations.append(TrafficViolation(date=when, kind=kind))
    return tuple(sorted(violations, key=lambda v: v.date))


def answers_to_dict(answers: Answers) -> dict:
    """Return the contract JSON for ``answers`` (the inverse of ``answers_from_dict``)."""
    data = asdict(answers)
    data["trips"] = [
        {
            "departure": t.departure,
            "return": t.return_date,
            **({"planned": True} if t.planned else {}),
            **({"reentry_permit": t.reentry_permit} if t.reentry_permit else {}),
            **(
                {"reentry_permit_expiry": t.reentry_permit_expiry}
                if t.reentry_permit_expiry
                else {}
            ),
        }
        for t in answers.trips
    ]
    data["income"] = [
        {k: v for k, v in asdict(row).items() if v is not None or k != "household"}
        for row in answers.income
    ]
    if answers.period_of_stay_years is not None and answers.period_of_stay_years.is_integer():
        data["period_of_stay_years"] = int(answers.period_of_stay_years)
    return {"schema": SCHEMA, **_iso(data)}


def _iso(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_iso(v) for v in value]
    return value
