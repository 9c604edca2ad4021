"""Residence for naturalization: Nationality Act Art. 5(1)(i), and the simplified Arts. 7 and 8.

The Act asks five years' continuous domicile; practice adds that about three of them are spent
working (or ten years with one working); a family member on Dependent status applies with the
household and needs no working years of their own. The simplified routes (``routes.py``) ask
less: a spouse of a Japanese national three years in Japan, or three years of marriage and one
in Japan (Art. 7); a child of a former Japanese national, or someone born in Japan, three years
(Art. 6(i), (ii)); someone born in Japan to a parent born in Japan, a child of a Japanese
national, or a former Japanese national, no period (Arts. 6(ii), 8(i), (iii)); a minor adopted by
a Japanese national one year, and someone born in Japan and stateless since, three years from
birth (Art. 8(ii), (iv)). Every route the answers open is checked and the most favourable wins:
exempt or met, then at risk, then the failure that clears first. Art. 6(iii) (ten years'
residence) is not a route of its own here: practice's ten-year path already asks ten years.

The 2026-01-23 government policy would require ten years in principle through examination
practice, not by amending the Act. Its implementation is unverified, so it never decides the
verdict on its own: someone who meets the statute's five years but not the policy's ten gets
an ``at_risk`` finding (basis ``draft``) that clears on the tenth anniversary, and the
verdict stays "eligible, with risks" instead of "not eligible". The policy concerns Art.
5(1)(i), which the simplified routes waive, so it is not applied to them.
Source: https://laws.e-gov.go.jp/law/325AC0000000147 (国籍法 5条, 6条, 7条, 8条).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import ResidenceStatus as S
from assessments.eligibility.naturalization_choices import NaturalizationPath as P
from assessments.eligibility.rules.base import AT_RISK, EXEMPT, MET, NOT_MET, Finding, cited
from assessments.eligibility.rules.dates import years_between
from assessments.eligibility.rules.naturalization.routes import (
    NO_PERIOD_REFERENCES,
    Route,
    opens_on,
    special_routes,
    spouse_routes,
)
from assessments.eligibility.rules.routes import QUALIFYING_STATUSES
from assessments.thresholds.snapshot import Thresholds

ID = "residence"
#: Art. 5's five years: the period whose continuity the absences are judged over.
ABSENCE_WINDOW_KEY = "naturalization.absence.window_years"
#: How favourable each status is, when several routes are open (then the earliest date).
FAVOUR = {EXEMPT: 0, MET: 1, AT_RISK: 2}
#: Practice: a family member on Dependent status applies with the household it depends on.
FAMILY_REFERENCE = "行政書士の解説: 家族滞在から帰化は可能、在留年数と世帯の生計で判断（visasupportnavi.net/news/9037）"
#: Statuses on which a person works lawfully: time on them counts as working years.
WORK_STATUSES = QUALIFYING_STATUSES | {S.SPECIFIED_SKILLED_1}
#: Each general path: (path, threshold of total years, threshold of working years).
GENERAL_PATHS = (
    (P.GENERAL, "naturalization.residence.min_years", "naturalization.residence.work_min_years"),
    (
        P.LONG,
        "naturalization.residence.long_min_years",
        "naturalization.residence.long_work_min_years",
    ),
)


def work_start(a: Answers) -> dt.date | None:
    """Return since when the applicant has worked on a work or residence-based status."""
    if a.status not in WORK_STATUSES:
        return None
    if a.status == S.SPECIFIED_SKILLED_1:
        return a.status_grant_date or a.residence_start_date
    return a.qualifying_status_start_date or a.residence_start_date


def _general(a: Answers, t: Thresholds) -> Finding:
    """Five years with three working, or ten with one (practice); the earlier one counts."""
    years = years_between(a.residence_start_date, a.application_date)
    w_start = work_start(a)
    if w_start is None:
        return Finding(
            ID,
            NOT_MET,
            "naturalization.residence.no_work_status",
            {"status": a.status, "years": years},
            **cited(t, "naturalization.residence.work_min_years"),
        )
    dues = [
        (opens_on(t, a.application_date, ((a.residence_start_date, k), (w_start, wk))), p, k, wk)
        for p, k, wk in GENERAL_PATHS
    ]
    due, path, key, work_key = min(dues, key=lambda item: item[0] or dt.date.max)
    params = {
        "path": str(path.value),
        "years": years,
        "required": t[key],
        "work_years": years_between(w_start, a.application_date),
        "required_work": t[work_key],
    }
    if short := _too_short(a, t, due=due, params=params, key=key):
        return short
    return _policy(a, t) or Finding(
        ID, MET, "naturalization.residence.met", params, **cited(t, key)
    )


def _too_short(a: Answers, t: Thresholds, *, due, params: dict, key: str) -> Finding | None:
    """Return the "too short" finding while the period is not complete (``due`` is its end)."""
    if due is not None and due <= a.application_date:
        return None
    return Finding(
        ID,
        NOT_MET,
        "naturalization.residence.too_short",
        {**params, "start": a.residence_start_date},
        clears_on=due,
        **cited(t, key),
    )


def _family(a: Answers, t: Thresholds) -> Finding:
    """Dependent status: five years, with no working years of one's own (the household's count)."""
    key = "naturalization.residence.min_years"
    due = opens_on(t, a.application_date, ((a.residence_start_date, key),))
    years = years_between(a.residence_start_date, a.application_date)
    params = {"path": str(P.FAMILY.value), "years": years, "required": t[key]}
    if short := _too_short(a, t, due=due, params=params, key=key):
        return short
    return _policy(a, t) or Finding(
        ID, MET, "naturalization.residence.met", params, FAMILY_REFERENCE, basis="practice"
    )


def _policy(a: Answers, t: Thresholds) -> Finding | None:
    """Flag, as a risk only, the unverified 2026 policy of ten years in principle.

    The policy is a draft (never in force): it is read as if adopted (``with_drafts``).
    """
    key = "naturalization.residence.policy_min_years"
    drafted = t.with_drafts()
    if drafted[key] is None:
        return None
    due = opens_on(drafted, a.application_date, ((a.residence_start_date, key),))
    if due is not None and due <= a.application_date:
        return None
    return Finding(
        ID,
        AT_RISK,
        "naturalization.residence.policy_ten_years",
        {
            "years": years_between(a.residence_start_date, a.application_date),
            "required": drafted[key],
            "policy_date": drafted.entry(key).valid_from,
        },
        clears_on=due,
        **cited(drafted, key),
    )


def _spouse(a: Answers, t: Thresholds) -> list[Finding]:
    """Art. 7: three years in Japan, or three years married and one year in Japan (each a route)."""
    in_japan_key = "naturalization.spouse.in_japan_min_years"
    marriage_key = "naturalization.spouse.marriage_min_years"
    start, on = a.residence_start_date, a.application_date
    years = years_between(start, on)
    findings = []
    for route in spouse_routes(a):
        day, key, path = opens_on(t, on, route.periods), route.periods[0][1], str(route.path.value)
        if day is not None and day <= on:
            params = {"path": path, "years": years, "required": t[key]}
            findings.append(
                Finding(ID, MET, "naturalization.residence.met", params, **cited(t, key))
            )
        elif a.marriage_date is None:
            findings.append(
                Finding(
                    ID,
                    AT_RISK,
                    "naturalization.residence.marriage_date_missing",
                    {"years": years, "required": t[in_japan_key], "path": path},
                    clears_on=day,
                    **cited(t, marriage_key),
                )
            )
        else:
            params = {
                "years": years,
                "required": t[in_japan_key],
                "marriage_date": a.marriage_date,
                "path": path,
            }
            findings.append(
                Finding(
                    ID,
                    NOT_MET,
                    "naturalization.residence.spouse_too_short",
                    params,
                    clears_on=day,
                    **cited(t, key),
                )
            )
    return findings


def _special(a: Answers, t: Thresholds, route: Route) -> Finding:
    """A route of Art. 6 or 8: exempt if it asks no period, else met or too short."""
    path = str(route.path.value)
    if not route.periods:
        return Finding(
            ID,
            EXEMPT,
            "naturalization.residence.exempt",
            {"path": path},
            NO_PERIOD_REFERENCES[route.path],
        )
    key = route.periods[0][1]
    params = {
        "path": path,
        "years": years_between(a.residence_start_date, a.application_date),
        "required": t[key],
    }
    day = opens_on(t, a.application_date, route.periods)
    return _too_short(a, t, due=day, params=params, key=key) or Finding(
        ID, MET, "naturalization.residence.met", params, **cited(t, key)
    )


def _favour(finding: Finding):
    """Order findings from the most favourable: exempt, met, at risk, the earliest to clear."""
    return (FAVOUR.get(finding.status, 3), finding.clears_on or dt.date.max)


@dataclass(frozen=True)
class RoutePeriod:
    """One route the answers open: its residence finding, and the period whose continuity the
    absences are judged over (``years_key``; None: the route asks no period)."""

    finding: Finding
    years_key: str | None
    path: str
    reference: str = ""


#: The period in Japan each simplified route counts (its last, or only, period in Japan).
SPOUSE_YEARS_KEYS = {
    P.SPOUSE: "naturalization.spouse.in_japan_min_years",
    P.SPOUSE_MARRIAGE: "naturalization.spouse.marriage_in_japan_min_years",
}


def route_periods(a: Answers, t: Thresholds) -> list[RoutePeriod]:
    """Return every route the answers open, the status's own first (it is named on a tie)."""
    if a.status == S.SPOUSE_OF_JAPANESE:
        own = [
            RoutePeriod(f, SPOUSE_YEARS_KEYS[P(f.params["path"])], f.params["path"])
            for f in _spouse(a, t)
        ]
    else:
        finding = _family(a, t) if a.status == S.DEPENDENT else _general(a, t)
        default = P.FAMILY if a.status == S.DEPENDENT else P.GENERAL
        path = finding.params.get("path", str(default.value))
        own = [RoutePeriod(finding, ABSENCE_WINDOW_KEY, path)]
    special = [
        RoutePeriod(
            _special(a, t, route),
            route.periods[-1][1] if route.periods else None,
            str(route.path.value),
            "" if route.periods else NO_PERIOD_REFERENCES[route.path],
        )
        for route in special_routes(a)
    ]
    return own + special
