"""Status of residence and residence period, per route.

Sources: 永住許可に関するガイドライン 1(3)ア (10 years, 5 on a work or residence-based status)
and 2(1)–(8) (shortened periods), https://www.moj.go.jp/isa/applications/resources/nyukan_nyukan50.html;
practice for statuses on which PR is not granted.

Which statuses count toward the work years has one source: ``routes.QUALIFYING_STATUSES`` for the
statuses the guideline in force names (Technical Intern Training and Specified Skilled Worker (i)
excluded since 2019-05-31), and dated thresholds for a status created later (``DATED_STATUSES``):
Employment for Skill Development (育成就労) exists from 2027-04-01; the guideline in force does not
exclude it, the 2026-08-04 draft would (a risk only, ADR 005). Its years always count toward the
10 years, which run from ``residence_start_date`` whatever the status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import ResidenceStatus as S
from assessments.eligibility.choices import Route
from assessments.eligibility.rules.base import (
    AT_RISK,
    MET,
    NOT_MET,
    Finding,
    cited,
    draft_from,
    with_draft,
)
from assessments.eligibility.rules.dates import add_years, first_day_satisfied, years_between
from assessments.eligibility.rules.routes import (
    NOT_ACCEPTED_STATUSES,
    QUALIFYING_STATUSES,
    UNUSUAL_STATUSES,
)
from assessments.thresholds.snapshot import Thresholds, is_draft

STATUS_REFERENCE = (
    "入管法 22条; 入国・在留審査要領（留学・技能実習からの永住許可は実務上認められない）"
)

#: Statuses created on a day: the dated key of that day, and the dated key whose value says
#: whether its years count toward the work years (1 or 0).
DATED_STATUSES = {
    S.EMPLOYMENT_FOR_SKILL_DEVELOPMENT: (
        "status.employment_for_skill_development.created_on",
        "residence.general.skill_development_counts_as_work",
    )
}

EXPIRED_REFERENCE = (
    "入管法 22条1項（在留資格の変更としての申請）, 24条4号ロ・70条1項5号（不法残留）"
)


def status_eligible(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check that the current status can be changed to permanent residence at all.

    Permanent residence is a change of status (Art. 22): a status that expired before the
    application date leaves nothing to change from, and staying on is an overstay (Art. 70).
    """
    created_on = status_created_on(a.status, t)
    if created_on is not None and a.application_date < created_on:
        return Finding(
            "status_eligible",
            NOT_MET,
            "status_eligible.status_not_yet_created",
            {"status": a.status, "created_on": created_on},
            **cited(t, DATED_STATUSES[a.status][0]),
        )
    expiry = a.status_expiry_date
    if expiry is not None and expiry < a.application_date:
        return Finding(
            "status_eligible",
            NOT_MET,
            "status_eligible.status_expired",
            {"status": a.status, "expiry": expiry},
            EXPIRED_REFERENCE,
        )
    if a.status in NOT_ACCEPTED_STATUSES:
        return Finding(
            "status_eligible",
            NOT_MET,
            "status_eligible.status_not_accepted",
            {"status": a.status},
            STATUS_REFERENCE,
            basis="practice",
        )
    if a.status in UNUSUAL_STATUSES:
        return Finding(
            "status_eligible",
            AT_RISK,
            "status_eligible.status_unusual",
            {"status": a.status},
            STATUS_REFERENCE,
            basis="practice",
        )
    return Finding(
        "status_eligible", MET, "status_eligible.ok", {"status": a.status}, STATUS_REFERENCE
    )


def status_created_on(status: str | None, t: Thresholds) -> dt.date | None:
    """Return the first day of a status created later (育成就労), or None for the others.

    Asked about a day before the law that set it (no value in force then), the first known
    value answers: the status did not exist on that day either.
    """
    keys = DATED_STATUSES.get(status)
    if keys is None:
        return None
    if t[keys[0]] is not None:
        return t[keys[0]]
    known = sorted(
        (v for v in t.timeline if v.key == keys[0] and v.value is not None and not is_draft(v)),
        key=lambda v: v.valid_from,
    )
    return known[0].value if known else dt.date.max


def counts_toward_work_years(status: str | None, t: Thresholds) -> bool:
    """Return whether years on ``status`` count toward the work years (guideline 1(3)ア).

    A status created later counts as its dated key says on the day of ``t`` (in force, or as
    if the drafts were adopted), once it exists on that day.
    """
    keys = DATED_STATUSES.get(status)
    if keys is None:
        return status in QUALIFYING_STATUSES
    return t.as_of >= status_created_on(status, t) and bool(t[keys[1]])


def _period(a: Answers, t: Thresholds, route: str, *, key: str, start: dt.date | None) -> Finding:
    """Check one "N years since <start>" period, N from threshold ``key`` (may change by date)."""
    if start is None:
        return Finding(
            "residence_period",
            AT_RISK,
            "residence_period.grant_date_missing",
            {"route": route},
            **cited(t, key),
        )
    required = t[key]
    # None: the route did not exist yet on that day (e.g. J-Skip before 2023-04-21).
    due = first_day_satisfied(
        t, a.application_date, lambda s: None if s[key] is None else add_years(start, s[key])
    )
    if required is None:
        return _not_open(a, t, route, key, clears_on=due)
    params = {
        "route": route,
        "years": years_between(start, a.application_date),
        "required": required,
    }
    if due == a.application_date:
        return Finding("residence_period", MET, "residence_period.met", params, **cited(t, key))
    return Finding(
        "residence_period",
        NOT_MET,
        "residence_period.too_short",
        {**params, "start": start, "required_on_clear": _required_on(t, key, due)},
        clears_on=due,
        **cited(t, key),
    )


def _not_open(a: Answers, t: Thresholds, route: str, key: str, *, clears_on) -> Finding:
    """The route did not exist on the application date: say when it opens, and when it clears."""
    opens_on = first_day_satisfied(
        t, a.application_date, lambda s: None if s[key] is None else a.application_date
    )
    return Finding(
        "residence_period",
        NOT_MET,
        "residence_period.route_not_open",
        {"route": route, "opens_on": opens_on},
        clears_on=clears_on,
        **cited(t, key),
    )


def _required_on(t: Thresholds, key: str, day: dt.date | None) -> int | None:
    """Return the years ``key`` asks on ``day``: a rule change before it may ask more than today.

    The day a period clears is found under the values in force then (``first_day_satisfied``),
    so what is said of that day names those years, not the years asked on the application date.
    """
    return None if day is None else t.at(day)[key]


def _general(a: Answers, t: Thresholds, route: str) -> Finding:
    """Ten years' continuous residence, the last five (at least) on a qualifying status."""
    years_key = "residence.general.min_years"
    qualifying_key = "residence.general.qualifying_status_min_years"
    total = _period(a, t, route, key=years_key, start=a.residence_start_date)
    if not counts_toward_work_years(a.status, t):
        keys = DATED_STATUSES.get(a.status)
        created = keys is not None and t.as_of >= status_created_on(a.status, t)
        cite_key = keys[1] if created else qualifying_key
        return Finding(
            "residence_period",
            NOT_MET,
            "residence_period.no_qualifying_status",
            {"status": a.status},
            **cited(t, cite_key),
        )
    # Without a separate answer, the whole residence is taken to be on the current status.
    q_start = a.qualifying_status_start_date or a.residence_start_date
    qualifying = _period(a, t, route, key=qualifying_key, start=q_start)
    if total.status == MET and qualifying.status != MET:
        return Finding(
            "residence_period",
            NOT_MET,
            "residence_period.qualifying_too_short",
            {
                "years": qualifying.params["years"],
                "required": qualifying.params["required"],
                "start": q_start,
                "required_on_clear": qualifying.params["required_on_clear"],
            },
            clears_on=qualifying.clears_on,
            **cited(t, qualifying_key),
        )
    if total.status != MET and qualifying.status != MET:
        return Finding(
            **{**total.__dict__, "clears_on": max(total.clears_on, qualifying.clears_on)}
        )
    return total


def _spouse(a: Answers, t: Thresholds, route: str) -> Finding:
    """Three years of marriage and one year in Japan (the draft's five and three: ``with_draft``)."""
    marriage_key = "residence.spouse.marriage_min_years"
    in_japan = _period(
        a, t, route, key="residence.spouse.in_japan_min_years", start=a.residence_start_date
    )
    if a.marriage_date is None:
        if in_japan.status != MET:
            return in_japan
        return Finding(
            "residence_period",
            AT_RISK,
            "residence_period.marriage_date_missing",
            {},
            **cited(t, marriage_key),
        )
    marriage = _period(a, t, route, key=marriage_key, start=a.marriage_date)
    if marriage.status == MET:
        return in_japan
    clears_on = max(marriage.clears_on, in_japan.clears_on or a.application_date)
    return Finding(
        "residence_period",
        NOT_MET,
        "residence_period.marriage_too_short",
        {
            "years": marriage.params["years"],
            "required": marriage.params["required"],
            "marriage_date": a.marriage_date,
            "required_on_clear": _required_on(t, marriage_key, clears_on),
        },
        clears_on=clears_on,
        **cited(t, marriage_key),
    )


#: Per HSP route: points threshold key, years threshold key, and the past calculation of 2(6)イ/2(7)イ.
HSP_ROUTES = {
    Route.HSP_70: ("hsp.points_70", "residence.hsp_70.min_years", "three_years_ago"),
    Route.HSP_80: ("hsp.points_80", "residence.hsp_80.min_years", "one_year_ago"),
}
#: How far back each past points calculation of the contract looks, in years.
PAST_POINTS_YEARS = {"one_year_ago": 1, "three_years_ago": 3}


def _hsp(a: Answers, t: Thresholds, route: str) -> Finding:
    """70 points for 3 years or 80 points for 1 year (guideline 2(6), 2(7) and note 3).

    Two alternatives, and the better one is reported. ア: a holder of HSP status who has kept
    the points for N years since the grant. イ: anyone whose points, calculated N years before
    the application and now, reach the mark, with N years of continuous residence. On both,
    a past calculation given inside the N years that falls below the mark means the points
    were not kept. The most serious finding of a route wins: points below the mark (time
    alone does not fix them), then the waiting period (with its date), then a blank answer.
    """
    points_key, years_key, _ = HSP_ROUTES[route]
    if t[points_key] is not None and t[years_key] is not None:
        return _hsp_best(a, t, route)
    # Before 2017-04-26 the route did not exist: judge the answers by the marks it opened with,
    # and report points that would fail then; otherwise say when it opens and when it clears.
    opens_on = first_day_satisfied(
        t,
        a.application_date,
        lambda s: None if s[points_key] is None or s[years_key] is None else a.application_date,
    )
    if opens_on is None:
        return _period(a, t, route, key=years_key, start=a.residence_start_date)
    then = _hsp_best(a, t.at(opens_on), route)
    if then.status == NOT_MET and then.clears_on is None:
        return then
    return Finding(
        "residence_period",
        NOT_MET,
        "residence_period.route_not_open",
        {"route": route, "opens_on": opens_on},
        clears_on=max(then.clears_on or opens_on, opens_on),
        **cited(t, years_key),
    )


def _hsp_best(a: Answers, t: Thresholds, route: str) -> Finding:
    """Return the better of the two alternatives ア and イ, under the marks of ``t``.

    A blank past calculation makes イ at risk today; when ア (the holder's own period) is met
    by time alone with the answers given, that risk clears on that day: ``clears_on`` says so.
    """
    _, _, past = HSP_ROUTES[route]
    holder = a.status == S.HSP and a.status_grant_date is not None
    kinds = []
    if holder:
        kinds.append({"start": a.status_grant_date, "needed": ("now",)})
    kinds.append({"start": a.residence_start_date, "needed": ("now", past)})
    variants = [_hsp_variant(a, t, route, **kind) for kind in kinds]
    best = min(variants, key=_seriousness)
    if best.status != AT_RISK or best.clears_on is not None:
        return best
    settled = [
        variant.clears_on
        for variant, kind in zip(variants, kinds, strict=True)
        if variant.status == NOT_MET
        and variant.clears_on is not None
        and _hsp_variant(
            replace(a, application_date=variant.clears_on),
            t.at(variant.clears_on),
            route,
            **kind,
        ).status
        == MET
    ]
    return replace(best, clears_on=min(settled)) if settled else best


def _hsp_variant(a: Answers, t: Thresholds, route: str, *, start, needed) -> Finding:
    """Check one HSP alternative: the ``needed`` calculations given, every one in the window kept."""
    points_key, years_key, _ = HSP_ROUTES[route]
    required, years = t[points_key], t[years_key]
    given = {
        when: getattr(a.hsp_points, when) if a.hsp_points else None
        for when in ("now", *PAST_POINTS_YEARS)
    }
    in_window = ["now", *(when for when, back in PAST_POINTS_YEARS.items() if back <= years)]
    for when in in_window:
        if given[when] is not None and given[when] < required:
            return Finding(
                "residence_period",
                NOT_MET,
                "residence_period.hsp_points_low",
                {"when": when, "points": given[when], "required": required},
                **cited(t, points_key),
            )
    if not a.hsp_points_maintained:
        return Finding(
            "residence_period",
            NOT_MET,
            "residence_period.hsp_points_not_maintained",
            {"required": required},
            **cited(t, points_key),
        )
    period = _period(a, t, route, key=years_key, start=start)
    if period.status != MET:
        return period
    for when in needed:
        if given[when] is None:
            return Finding(
                "residence_period",
                AT_RISK,
                "residence_period.hsp_points_missing",
                {"when": when, "required": required},
                **cited(t, points_key),
            )
    return period


def _seriousness(finding: Finding):
    """Order findings from the best to the worst outcome: met, at risk, clears on a date, not met."""
    if finding.status == NOT_MET:
        return (2, finding.clears_on) if finding.clears_on else (3, dt.date.max)
    return (0 if finding.status == MET else 1, dt.date.min)


#: A code that states a period in force, and its twin that says what a draft would need.
DRAFT_CODES = {
    "residence_period.too_short": "residence_period.draft_too_short",
    "residence_period.marriage_too_short": "residence_period.draft_marriage_too_short",
    "residence_period.no_qualifying_status": "residence_period.draft_no_qualifying_status",
}


def residence_period(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check the residence period the route requires (guideline 1(3)ア, 2(1)–(8)).

    The verdict is the rules in force; a pending draft that would ask more (the 2026-08-04
    draft's spouse and child periods) is said as a risk beside it, never as the verdict.
    """
    law = _in_force(a, t, route)
    drafted = _in_force(a, t.with_drafts(), route)
    keys = tuple(version.key for version in t.timeline if version.key.startswith("residence."))
    return with_draft(law, drafted, codes=DRAFT_CODES, draft_on=draft_from(t, keys))


def _in_force(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check the residence period with the values of ``t`` (in force, or as if adopted)."""
    if route == Route.GENERAL:
        return _general(a, t, route)
    if route == Route.SPOUSE:
        return _spouse(a, t, route)
    if route in (Route.HSP_70, Route.HSP_80):
        return _hsp(a, t, route)
    key, start = {
        Route.CHILD: ("residence.child.in_japan_min_years", a.residence_start_date),
        Route.LONG_TERM_RESIDENT: ("residence.long_term_resident.min_years", a.status_grant_date),
        Route.REFUGEE: ("residence.refugee.min_years", a.status_grant_date),
        Route.CONTRIBUTION: ("residence.contribution.min_years", a.residence_start_date),
        Route.J_SKIP: ("residence.j_skip.min_years", a.residence_start_date),
    }[route]
    return _period(a, t, route, key=key, start=start)
