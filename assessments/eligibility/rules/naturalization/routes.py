"""The simplified routes of Nationality Act Arts. 6, 7 and 8: who is on them, and from when.

A route is a fact about the applicant (the spouse of a Japanese national, born in Japan, once
a Japanese national …) plus the periods in Japan the Act asks of it, each a dated threshold,
so a route not yet open has a date. Every route waives the five years of Art. 5(1)(i); Art. 7
also waives age and capacity (5(1)(ii)), and Art. 8 waives those and livelihood (5(1)(iv)) as
well. The age and livelihood rules ask ``waived`` whether a route waives them on the
application date (then they are exempt) or from a later day (then a failure clears no later
than that day). A fact left blank (None) offers no route: a blank answer never makes a
finding worse.

Art. 8(iv) asks for domicile *since birth*, so it is offered only when the continuous residence
began on the day of birth; with the birth date blank, Art. 6(ii) (born in Japan, three years)
still applies with the same period. The facts a status implies (spouse or child of a Japanese
national) come from the status of residence.
Source: https://laws.e-gov.go.jp/law/325AC0000000147 (国籍法 6条, 7条, 8条).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import ResidenceStatus as S
from assessments.eligibility.naturalization_choices import NaturalizationPath as P
from assessments.eligibility.rules.base import EXEMPT, NOT_MET, Finding
from assessments.eligibility.rules.dates import add_years, first_day_satisfied
from assessments.thresholds.snapshot import Thresholds

ART_7_WAIVER = "国籍法 7条（5条1項1号及び2号の条件を備えないときでも帰化を許可できる）"
ART_8_WAIVER = "国籍法 8条（5条1項1号、2号及び4号の条件を備えないときでも帰化を許可できる）"
#: The requirements each article waives besides residence (Art. 6 waives residence only).
ART_7_WAIVES = frozenset({"age"})
ART_8_WAIVES = frozenset({"age", "livelihood"})
#: What the Act says of the routes that ask no period (the others cite their threshold).
NO_PERIOD_REFERENCES = {
    P.CHILD: "国籍法 8条1号（日本国民の子（養子を除く。）で日本に住所を有するもの）",
    P.BORN_IN_JAPAN_PARENT: (
        "国籍法 6条2号（日本で生まれた者で、その父若しくは母（養父母を除く。）が日本で生まれたもの）"
    ),
    P.FORMER_JAPANESE: (
        "国籍法 8条3号（日本の国籍を失つた者（日本に帰化した後日本の国籍を失つた者を除く。）"
        "で日本に住所を有するもの）"
    ),
}


@dataclass(frozen=True)
class Route:
    """A simplified route: its path, its periods (start, years key), what it waives and why."""

    path: P
    periods: tuple[tuple[dt.date, str], ...] = ()
    waives: frozenset[str] = frozenset()
    waiver_reference: str = ""


def spouse_routes(a: Answers) -> list[Route]:
    """Art. 7: three years in Japan, or three years married and one year in Japan."""
    if a.status != S.SPOUSE_OF_JAPANESE:
        return []
    start = a.residence_start_date
    routes = [
        Route(
            P.SPOUSE,
            ((start, "naturalization.spouse.in_japan_min_years"),),
            ART_7_WAIVES,
            ART_7_WAIVER,
        )
    ]
    if a.marriage_date is not None:
        periods = (
            (a.marriage_date, "naturalization.spouse.marriage_min_years"),
            (start, "naturalization.spouse.marriage_in_japan_min_years"),
        )
        routes.append(Route(P.SPOUSE_MARRIAGE, periods, ART_7_WAIVES, ART_7_WAIVER))
    return routes


def special_routes(a: Answers) -> list[Route]:
    """Return the routes of Arts. 6 and 8 the answers (and the status) place the applicant on."""
    start = a.residence_start_date
    routes = []
    if a.status == S.CHILD_OF_JAPANESE:
        routes.append(Route(P.CHILD, (), ART_8_WAIVES, ART_8_WAIVER))
    if a.former_japanese_national:
        routes.append(Route(P.FORMER_JAPANESE, (), ART_8_WAIVES, ART_8_WAIVER))
    if a.adopted_by_japanese_as_minor:
        periods = ((start, "naturalization.adoptee.min_years"),)
        routes.append(Route(P.ADOPTEE, periods, ART_8_WAIVES, ART_8_WAIVER))
    if a.born_in_japan and a.stateless_since_birth and a.birth_date == start:
        periods = ((start, "naturalization.stateless_born.min_years"),)
        routes.append(Route(P.STATELESS_BORN, periods, ART_8_WAIVES, ART_8_WAIVER))
    if a.born_in_japan and a.parent_born_in_japan:
        routes.append(Route(P.BORN_IN_JAPAN_PARENT))
    if a.born_in_japan:
        routes.append(Route(P.BORN_IN_JAPAN, ((start, "naturalization.born_in_japan.min_years"),)))
    if a.parent_former_japanese:
        periods = ((start, "naturalization.former_japanese_child.min_years"),)
        routes.append(Route(P.FORMER_JAPANESE_CHILD, periods))
    return routes


def opens_on(t: Thresholds, on: dt.date, periods) -> dt.date | None:
    """Return the first day on or after ``on`` on which every (start, years key) period has run."""
    if not periods:
        return on
    return first_day_satisfied(
        t, on, lambda s: max(add_years(start, s[key]) for start, key in periods)
    )


def waived(finding: Finding, a: Answers, t: Thresholds) -> Finding:
    """Return ``finding`` as the earliest route waiving its requirement leaves it.

    Open on the application date: exempt, citing the article. Opening later: a failure clears
    no later than that day. No such route: ``finding`` unchanged.
    """
    opening = [
        (day, route)
        for route in spouse_routes(a) + special_routes(a)
        if finding.id in route.waives
        and (day := opens_on(t, a.application_date, route.periods)) is not None
    ]
    if not opening:
        return finding
    day, route = min(opening, key=lambda item: item[0])
    if day <= a.application_date:
        code = f"naturalization.{finding.id}.exempt"
        return Finding(finding.id, EXEMPT, code, {"path": str(route.path)}, route.waiver_reference)
    if finding.status == NOT_MET and (finding.clears_on is None or day < finding.clears_on):
        return replace(finding, clears_on=day)
    return finding
