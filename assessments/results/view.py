"""One typed view of a stored result: built once per request, read by every page that shows it.

``ResultView.from_json(result_json, answers=…)`` checks the schema (``prcheck.result/1``,
``docs/contract.md``), turns the stored JSON into frozen dataclasses with dates parsed, and
derives, from the same finding statuses, everything the sentences rest on: the verdict and
the earliest date, the rows of the "when each requirement clears" table, the first day one
can apply (with planned trips if any), and the facts the answers add (HSP points, the end of
the period of stay, planned trips over the rule of thumb). The result page, the PDF report,
the PR-or-naturalization comparison and the what-if page all read this one object, so they
cannot drift apart. Wording lives in ``wording`` and the templates; nothing here decides
eligibility: the engine's findings are taken as they are.

A stored value of the wrong type (an older or hand-made result) reads as absent; the checks
for it are here, once, in the small ``_read`` helpers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from assessments.eligibility.answers import (
    Answers,
    AnswersInvalid,
    Trip,
    answered_naturalization,
    answers_from_dict,
)
from assessments.eligibility.choices import REQUIREMENT_IDS, Overall, RequirementStatus
from assessments.eligibility.documents import DocumentItem, Source, documents_for_route
from assessments.eligibility.naturalization_choices import NATURALIZATION_IDS
from assessments.eligibility.rules.dates import add_months
from assessments.eligibility.rules.keep_pr import KEEP_PR_IDS
from assessments.results import wording
from assessments.results.file_by import ChangeView, FeeView, FilingView, RuleChangeView

SCHEMA = "prcheck.result/1"

MET = RequirementStatus.MET.value
AT_RISK = RequirementStatus.AT_RISK.value
NOT_MET = RequirementStatus.NOT_MET.value
NEEDS_ACTION = (NOT_MET, AT_RISK)
CAN_APPLY = (Overall.LIKELY_ELIGIBLE.value, Overall.ELIGIBLE_WITH_RISKS.value)

#: Wording, not a rule: from this day permanent residence can be revoked for deliberate
#: non-payment of taxes and social insurance (入管法 22条の4第1項8号, 令和6年改正).
PR_REVOCATION_FROM = dt.date(2027, 4, 1)


#: The wording table that names a requirement of each part of a result.
PART_TABLES = {
    "permanent_residence": "requirement",
    "naturalization": "naturalization_requirement",
    "keep_pr": "keep_pr_requirement",
}


class UnsupportedResult(ValueError):
    """A stored result of another schema: the pages cannot read it."""


# --- reading stored JSON, once -----------------------------------------------------------


def stored_date(value) -> dt.date | None:
    """Return a stored date (ISO text or a date) as a date, or None if it is not one."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


_date = stored_date


def as_list(value) -> list:
    """Return a stored list, or an empty one for anything else."""
    return value if isinstance(value, list) else []


def _mapping(value) -> Mapping:
    return value if isinstance(value, Mapping) else {}


def _items(value) -> list[Mapping]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value) -> str:
    return "" if value is None else str(value)


def stored_answers(data, *, application_date: dt.date | None) -> Answers | None:
    """Parse stored answers back to ``Answers``; None if they are missing or no longer valid.

    Answers were valid when stored, but a later, stricter check must not make an old result
    fail: the page is then shown without what the answers add.
    """
    if not isinstance(data, Mapping) or not data:
        return None
    try:
        return answers_from_dict(data, today=application_date or timezone.localdate())
    except AnswersInvalid:
        return None


def application_date_of(data) -> dt.date | None:
    """Return the application date of a stored result (to parse its answers against)."""
    return _date(_mapping(data).get("application_date"))


# --- the parts of a result ---------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One requirement as stored: status, code with params, source, the day time clears it."""

    id: str
    status: str
    code: str
    params: Mapping[str, Any]
    reference: str
    basis: str
    clears_on: dt.date | None
    #: ``permanent_residence``, ``naturalization`` or ``keep_pr``: which table names it.
    part: str = "permanent_residence"
    #: The cited source's address, from the thresholds the result used ("" if none names it).
    url: str = ""

    @classmethod
    def from_json(
        cls, data: Mapping, *, part: str = "permanent_residence", urls: Mapping | None = None
    ) -> Finding:
        return cls(
            id=_text(data.get("id")),
            status=_text(data.get("status")),
            code=_text(data.get("code")),
            params=_mapping(data.get("params")),
            reference=_text(data.get("reference")),
            basis=_text(data.get("basis")) or "official",
            clears_on=_date(data.get("clears_on")),
            part=part,
            url=_text((urls or {}).get(_text(data.get("reference")))),
        )

    @property
    def name(self):
        return wording.label(self.id, PART_TABLES.get(self.part, "requirement"))

    @property
    def template(self) -> str | None:
        return wording.finding_template_name(self.code)

    @property
    def needs_action(self) -> bool:
        return self.status in NEEDS_ACTION

    @property
    def not_met(self) -> bool:
        return self.status == NOT_MET

    @property
    def at_risk(self) -> bool:
        return self.status == AT_RISK

    @property
    def remaining(self) -> Mapping:
        return _mapping(self.params.get("remaining"))


def source_urls(thresholds) -> dict[str, str]:
    """Return the address of each source title that the result's thresholds cite."""
    return {
        _text(entry.get("source_title")): _text(entry.get("source_url"))
        for entry in _mapping(thresholds).values()
        if isinstance(entry, Mapping) and entry.get("source_title") and entry.get("source_url")
    }


def _in_order(entries, ids, *, part: str, urls: Mapping | None = None) -> tuple[Finding, ...]:
    """Return the stored findings in the order of ``ids``; unknown ids (newer engines) last."""
    order = {rid: index for index, rid in enumerate(ids)}
    findings = [Finding.from_json(e, part=part, urls=urls) for e in _items(entries)]
    return tuple(sorted(findings, key=lambda f: order.get(f.id, len(order))))


@dataclass(frozen=True)
class Verdict:
    """The verdict of a set of findings, derived from their statuses (contract: ``overall``).

    ``overall`` and ``earliest_date`` follow the contract's definition, so for a result the
    engine made they equal the stored ones; the headline, the table and the cards all read
    this, never the stored string alone.
    """

    overall: str
    earliest_date: dt.date | None
    #: Requirements not met today, and those of them time alone does not clear.
    not_met: tuple[Finding, ...]
    stuck: tuple[Finding, ...]
    #: Requirements at risk, and the last day a timed risk ends (None: none is timed).
    at_risk: tuple[Finding, ...]
    risks_until: dt.date | None

    @classmethod
    def of(cls, findings: tuple[Finding, ...], *, stored: str = "") -> Verdict:
        not_met = tuple(f for f in findings if f.not_met)
        stuck = tuple(f for f in not_met if f.clears_on is None)
        at_risk = tuple(f for f in findings if f.at_risk)
        timed_risks = [f.clears_on for f in at_risk if f.clears_on]
        if not findings:  # a result without findings: only the stored verdict is known
            overall, earliest = stored, None
        elif stuck:
            overall, earliest = Overall.NOT_ELIGIBLE.value, None
        elif not_met:
            overall = Overall.NOT_YET_ELIGIBLE.value
            earliest = max(f.clears_on for f in not_met if f.clears_on)
        elif at_risk:
            overall, earliest = Overall.ELIGIBLE_WITH_RISKS.value, None
        else:
            overall, earliest = Overall.LIKELY_ELIGIBLE.value, None
        return cls(
            overall=overall,
            earliest_date=earliest,
            not_met=not_met,
            stuck=stuck,
            at_risk=at_risk,
            risks_until=max(timed_risks) if timed_risks else None,
        )

    @property
    def clears_with_time(self) -> bool:
        """Every requirement not met today has its date: time alone clears them all."""
        return bool(self.not_met) and not self.stuck

    @property
    def can_apply(self) -> bool:
        return self.overall in CAN_APPLY

    @property
    def risks_not_by_time(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.at_risk if f.clears_on is None)


@dataclass(frozen=True)
class ClearsRow:
    """One row of "when each requirement clears": a requirement not met or at risk."""

    finding: Finding
    sets_earliest: bool

    @property
    def clears_on(self) -> dt.date | None:
        return self.finding.clears_on


def clears_rows(verdict: Verdict, findings: tuple[Finding, ...]) -> tuple[ClearsRow, ...]:
    """Return the table's rows from the findings: not met first, each group by date."""
    rows = [
        ClearsRow(
            finding=f,
            sets_earliest=f.not_met
            and f.clears_on is not None
            and f.clears_on == verdict.earliest_date,
        )
        for f in findings
        if f.needs_action
    ]
    return tuple(
        sorted(
            rows,
            key=lambda r: (
                not r.finding.not_met,
                r.clears_on is None,
                r.clears_on or dt.date.min,
            ),
        )
    )


@dataclass(frozen=True)
class RouteSummary:
    route: str
    overall: str
    score: int | None
    earliest_date: dt.date | None


@dataclass(frozen=True)
class Condition:
    """Something else that must hold on a plan's date (``also[]``: a renewal, …)."""

    code: str
    params: Mapping[str, Any]


@dataclass(frozen=True)
class Action:
    """Something the applicant can do about a requirement time alone does not clear."""

    requirement: str
    code: str
    params: Mapping[str, Any]
    clears_on: dt.date | None
    also: tuple[Condition, ...] = ()


#: The calendar years a chart can place (a stored year outside them is not drawn).
YEARS_DRAWN = range(1900, 2101)


@dataclass(frozen=True)
class Timeline:
    """The result's ``timeline`` (dates and codes) as the chart draws it, its lists read once.

    Each list holds only mappings; a window's ``per_year`` only years with a calendar year.
    Dates inside the items stay as stored (ISO text): the chart reads them with
    ``stored_date``. None when there is no axis to draw on.
    """

    start: dt.date
    end: dt.date
    periods: tuple[Mapping, ...] = ()
    trips: tuple[Mapping, ...] = ()
    windows: tuple[Mapping, ...] = ()
    marks: tuple[Mapping, ...] = ()
    milestones: tuple[Mapping, ...] = ()

    @classmethod
    def from_json(cls, data) -> Timeline | None:
        data = _mapping(data)
        start, end = _date(data.get("start")), _date(data.get("end"))
        if start is None or end is None or end < start:
            return None
        return cls(
            start=start,
            end=end,
            periods=tuple(_items(data.get("periods"))),
            trips=tuple(_items(data.get("trips"))),
            windows=tuple(
                {
                    **window,
                    "per_year": tuple(
                        y
                        for y in _items(window.get("per_year"))
                        if _int(y.get("year")) in YEARS_DRAWN
                    ),
                }
                for window in _items(data.get("windows"))
            ),
            marks=tuple(_items(data.get("marks"))),
            milestones=tuple(_items(data.get("milestones"))),
        )


@dataclass(frozen=True)
class PlannedTrip:
    departure: dt.date | None
    return_date: dt.date | None
    #: Days abroad, counted by the engine's ``Trip.days``.
    days: int | None
    #: Longer than the practitioners' rule of thumb for a single trip (continuity).
    over_rule_of_thumb: bool

    def as_trip(self) -> dict:
        """The trip as the ``trip_span`` filter writes it."""
        return {"departure": self.departure, "return": self.return_date, "days": self.days}


@dataclass(frozen=True)
class Planned:
    """The ``planned_trips`` block: the first day one can apply without and with them."""

    trips: tuple[PlannedTrip, ...]
    without: dt.date | None
    with_trips: dt.date | None
    because: tuple[tuple[str, dt.date | None, dt.date | None], ...]
    continuity_status: str
    trip_warning_days: int | None

    @property
    def moves(self) -> bool:
        return self.with_trips != self.without

    @property
    def over_rule_of_thumb(self) -> tuple[PlannedTrip, ...]:
        return tuple(t for t in self.trips if t.over_rule_of_thumb)

    @property
    def warns(self) -> bool:
        """The trips are a risk to continuity, by the engine's finding or the rule of thumb."""
        return self.continuity_status == AT_RISK or bool(self.over_rule_of_thumb)


def _planned(block, thresholds: Mapping) -> Planned | None:
    if not isinstance(block, Mapping):
        return None
    limit = _int(_mapping(thresholds.get("absence.single_trip_warning_days")).get("value"))
    trips = []
    for trip in _items(block.get("trips")):
        departure, back = _date(trip.get("departure")), _date(trip.get("return"))
        days = Trip(departure, back, planned=True).days if departure and back else None
        # The same test as the continuity rule's (a trip of at least the warning days).
        over = limit is not None and days is not None and days >= limit
        trips.append(PlannedTrip(departure, back, days, over))
    return Planned(
        trips=tuple(trips),
        without=_date(block.get("apply_from_without")),
        with_trips=_date(block.get("apply_from_with")),
        because=tuple(
            (_text(b.get("code")), _date(b.get("day")), _date(b.get("until")))
            for b in _items(block.get("because"))
        ),
        continuity_status=_text(_mapping(block.get("continuity")).get("status")),
        trip_warning_days=limit,
    )


@dataclass(frozen=True)
class Naturalization:
    """The naturalization (帰化) part: its findings and the verdict they make."""

    verdict: Verdict
    requirements: tuple[Finding, ...]
    application_date: dt.date | None
    pr_revocation_from: dt.date = PR_REVOCATION_FROM

    @property
    def overall(self) -> str:
        return self.verdict.overall

    @property
    def earliest_date(self) -> dt.date | None:
        return self.verdict.earliest_date


@dataclass(frozen=True)
class Deadline:
    """One dated step of the keep-PR check (``keep_pr.deadlines[]``)."""

    code: str
    day: dt.date
    requirement: str = ""
    departure: dt.date | None = None


@dataclass(frozen=True)
class KeepPr:
    """The keep-PR block of a permanent resident's result: verdict, next card, deadlines."""

    verdict: str
    grant_date: dt.date | None
    card_expiry: dt.date | None
    card_renewal_opens: dt.date | None
    card_estimated: bool
    deadlines: tuple[Deadline, ...]

    @property
    def lost(self) -> bool:
        return self.verdict == "lost"


def _keep_pr(block) -> KeepPr | None:
    if not isinstance(block, Mapping):
        return None
    card = _mapping(block.get("card"))
    deadlines = []
    for item in _items(block.get("deadlines")):
        day = _date(item.get("date"))
        if day is not None:
            deadlines.append(
                Deadline(
                    code=_text(item.get("code")),
                    day=day,
                    requirement=_text(item.get("requirement")),
                    departure=_date(item.get("departure")),
                )
            )
    return KeepPr(
        verdict=_text(block.get("verdict")),
        grant_date=_date(block.get("grant_date")),
        card_expiry=_date(card.get("expiry")),
        card_renewal_opens=_date(card.get("renewal_opens")),
        card_estimated=card.get("estimated") is True,
        deadlines=tuple(deadlines),
    )


@dataclass(frozen=True)
class HspPoints:
    """The HSP points the residence finding rests on, as the answers give them."""

    now: int | None
    one_year_ago: int | None
    three_years_ago: int | None
    maintained: bool
    #: The points now were calculated by the wizard's calculator (it leaves their changes).
    calculated_now: bool

    @property
    def rows(self) -> tuple[tuple[str, int | None], ...]:
        return (
            ("now", self.now),
            ("one_year_ago", self.one_year_ago),
            ("three_years_ago", self.three_years_ago),
        )


@dataclass(frozen=True)
class StayEnds:
    """The period of stay ends on or near the application date: renew it separately."""

    expiry: dt.date
    filing_opens: dt.date | None


@dataclass(frozen=True)
class AnswersFacts:
    """What the stored answers add to the sentences (never a new rule)."""

    hsp_points: HspPoints | None = None
    stay_ends: StayEnds | None = None
    asked_naturalization: bool = False


def _hsp_points(answers: Answers | None) -> HspPoints | None:
    """Return the HSP points the answers give: the HSP routes' findings rest on them."""
    if answers is None or answers.hsp_points is None:
        return None
    points = answers.hsp_points
    return HspPoints(
        now=points.now,
        one_year_ago=points.one_year_ago,
        three_years_ago=points.three_years_ago,
        maintained=answers.hsp_points_maintained,
        calculated_now=bool(answers.hsp_points_changes),
    )


def _stay_ends(answers: Answers | None, thresholds: Mapping) -> StayEnds | None:
    """The period of stay ends between the application date and the end of the renewal window.

    A PR application gives no special extension period (特例期間, 入管法 20条6項 applies to
    renewals and changes only), so a status ending while it is examined must be renewed on its
    own. "Near": within ``renewal.filing_opens_months`` after the application date, the window
    in which the renewal can already be filed.
    """
    if answers is None or answers.status_expiry_date is None:
        return None
    months = _int(_mapping(thresholds.get("renewal.filing_opens_months")).get("value"))
    if months is None:
        return None
    expiry, applied = answers.status_expiry_date, answers.application_date
    if not applied <= expiry <= add_months(applied, months):
        return None
    opens = add_months(expiry, -months)
    # Already open on the application date: "before the expiry" says all there is to say.
    return StayEnds(expiry=expiry, filing_opens=opens if opens > applied else None)


@dataclass(frozen=True)
class ResultView:
    """A stored ``prcheck.result/1``, typed, with what its sentences derive from."""

    application_date: dt.date | None
    thresholds_as_of: dt.date | None
    route: str
    verdict: Verdict
    score: int | None
    requirements: tuple[Finding, ...]
    other_routes: tuple[RouteSummary, ...]
    thresholds: Mapping[str, Any]
    naturalization: Naturalization | None
    planned: Planned | None
    #: The result's ``timeline`` (dates and codes), drawn by the chart.
    timeline: Timeline | None
    would_clear: tuple[Action, ...]
    earliest_if_moved: dt.date | None
    #: What else must hold on the earliest date (a renewal when the status ends before it).
    earliest_also: tuple[Condition, ...]
    hsp_outlook: tuple[Mapping, ...]
    facts: AnswersFacts = field(default_factory=AnswersFacts)
    documents: tuple[DocumentItem, ...] = ()
    #: "When to file" (the planner's ``rule_changes``, ``file_by`` and the fee at grant).
    filing: FilingView | None = None
    #: The fee a grant pays (Next steps), from the dated threshold via ``fee_at_grant``.
    fee: FeeView | None = None
    #: A permanent resident's check (route ``keep_pr``): its own block, else None.
    keep_pr: KeepPr | None = None

    @classmethod
    def from_json(cls, data, *, answers: Answers | None = None, answers_json=None) -> ResultView:
        """Read a stored result; ``answers`` (parsed) add the facts, ``answers_json`` the documents.

        Raises ``UnsupportedResult`` for a result of another schema; a result without a schema
        (stored before it was written) is read as ``prcheck.result/1``.
        """
        data = _mapping(data)
        schema = data.get("schema", SCHEMA)
        if schema != SCHEMA:
            raise UnsupportedResult(f"cannot read a result of schema {schema!r}")
        route = _text(data.get("route"))
        thresholds = _mapping(data.get("thresholds"))
        urls = source_urls(thresholds)
        keep_pr = _keep_pr(data.get("keep_pr"))
        part, ids = (
            ("keep_pr", KEEP_PR_IDS) if keep_pr else ("permanent_residence", REQUIREMENT_IDS)
        )
        requirements = _in_order(data.get("requirements"), ids, part=part, urls=urls)
        timeline_data = _mapping(data.get("timeline"))
        return cls(
            application_date=_date(data.get("application_date")),
            thresholds_as_of=_date(data.get("thresholds_as_of")),
            route=route,
            verdict=Verdict.of(requirements, stored=_text(data.get("overall"))),
            score=_int(data.get("score")),
            requirements=requirements,
            other_routes=tuple(
                RouteSummary(
                    route=_text(r.get("route")),
                    overall=_text(r.get("overall")),
                    score=_int(r.get("score")),
                    earliest_date=_date(r.get("earliest_date")),
                )
                for r in _items(data.get("routes_considered"))
                if r.get("route") != route
            ),
            thresholds=thresholds,
            naturalization=_naturalization(
                data.get("naturalization"), _date(data.get("application_date")), urls
            ),
            planned=_planned(data.get("planned_trips"), thresholds),
            timeline=Timeline.from_json(timeline_data),
            would_clear=tuple(
                Action(
                    requirement=_text(a.get("requirement")),
                    code=_text(a.get("code")),
                    params=_mapping(a.get("params")),
                    clears_on=_date(a.get("clears_on")),
                    also=_conditions(a.get("also")),
                )
                for a in _items(timeline_data.get("would_clear"))
            ),
            earliest_if_moved=_date(timeline_data.get("earliest_if_moved")),
            earliest_also=_conditions(timeline_data.get("earliest_also")),
            hsp_outlook=tuple(_items(timeline_data.get("hsp_points"))),
            filing=_filing(data),
            fee=_fee(data),
            facts=AnswersFacts(
                hsp_points=_hsp_points(answers),
                stay_ends=_stay_ends(answers, thresholds),
                asked_naturalization=answers is not None and answered_naturalization(answers),
            ),
            documents=documents_for_route(
                route=route,
                thresholds=dict(thresholds),
                answers=dict(_mapping(answers_json)),
                findings=_items(data.get("requirements")),
            )
            if answers_json is not None and keep_pr is None
            else (),
            keep_pr=keep_pr,
        )

    # --- the verdict, one source for the headline, the table and the cards --------------

    @property
    def overall(self) -> str:
        return self.verdict.overall

    @property
    def earliest_date(self) -> dt.date | None:
        return self.verdict.earliest_date

    @property
    def apply_from(self) -> dt.date | None:
        """The first day one can apply: with planned trips when there are any.

        The what-if table, the planned-trips sentence and the comparison all show this one day.
        """
        if self.planned is not None:
            return self.planned.with_trips
        return self.application_date if self.verdict.can_apply else self.earliest_date

    @property
    def clears(self) -> tuple[ClearsRow, ...]:
        return clears_rows(self.verdict, self.requirements)

    @property
    def needing_action(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.requirements if f.needs_action)

    @property
    def in_order(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.requirements if not f.needs_action)

    @property
    def document_sources(self) -> tuple[Source, ...]:
        """Return the lists the checklist's lines come from, each once, in order."""
        return tuple(dict.fromkeys(item.source for item in self.documents))

    @property
    def names_both(self) -> bool:
        """The applicant asked about naturalization too: the headline names both."""
        return self.naturalization is not None and self.facts.asked_naturalization

    def finding(self, requirement_id: str) -> Finding | None:
        return next((f for f in self.requirements if f.id == requirement_id), None)


def _change(item: Mapping) -> ChangeView | None:
    requirement = item.get("requirement")
    if requirement not in wording.REQUIREMENT:
        return None
    before, after = _mapping(item.get("before")), _mapping(item.get("after"))
    return ChangeView(
        requirement=requirement,
        name=wording.REQUIREMENT[requirement],
        before=_text(before.get("status")),
        after=_text(after.get("status")),
        after_clears_on=_date(after.get("clears_on")),
    )


def _rule_change(item: Mapping) -> RuleChangeView | None:
    day = _date(item.get("date"))
    changes = tuple(filter(None, map(_change, _items(item.get("changes")))))
    if day is None or not changes:
        return None
    return RuleChangeView(date=day, basis=_text(item.get("basis")), changes=changes)


def _fee(data: Mapping) -> FeeView | None:
    """The fee a grant pays, from ``fee_at_grant`` (None for a result stored without it)."""
    fee = _mapping(data.get("fee_at_grant"))
    yen = _int(fee.get("yen"))
    if yen is None:
        return None
    return FeeView(
        yen=yen,
        grant_date=_date(fee.get("likely_grant_date")),
        since=_date(fee.get("valid_from")),
        before_yen=_int(fee.get("previous_yen")),
    )


def _filing(data: Mapping) -> FilingView | None:
    """The "When to file" facts, or None when the result has none to show."""
    if "rule_changes" not in data:
        return None
    rule_changes = tuple(filter(None, map(_rule_change, _items(data["rule_changes"]))))
    if not rule_changes:
        return None
    fee = _mapping(data.get("fee_at_grant"))
    return FilingView(
        file_by=_date(data.get("file_by")),
        file_by_overall=_mapping(data.get("file_by_verdict")).get("overall"),
        rule_changes=rule_changes,
        fee_yen=_int(fee.get("yen")),
        fee_grant_date=_date(fee.get("likely_grant_date")),
        processing_months=_int(fee.get("processing_months")),
        processing_bureau=_text(fee.get("processing_bureau")) or None,
    )


def _conditions(data) -> tuple[Condition, ...]:
    return tuple(
        Condition(code=_text(c.get("code")), params=_mapping(c.get("params"))) for c in _items(data)
    )


def _naturalization(
    data, application_date: dt.date | None, urls: Mapping | None = None
) -> Naturalization | None:
    if not isinstance(data, Mapping):
        return None
    findings = _in_order(
        data.get("requirements"), NATURALIZATION_IDS, part="naturalization", urls=urls
    )
    return Naturalization(
        verdict=Verdict.of(findings, stored=_text(data.get("overall"))),
        requirements=findings,
        application_date=application_date,
    )
