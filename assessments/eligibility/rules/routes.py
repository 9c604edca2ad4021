"""Routes to permanent residence, and who is exempt from which legal requirement.

Source: 永住許可に関するガイドライン 1 (exemptions, the note after 1(3)) and 2(1)–(8)
(the shortened periods), https://www.moj.go.jp/isa/applications/resources/nyukan_nyukan50.html
"""

from __future__ import annotations

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import ResidenceStatus as S
from assessments.eligibility.choices import Route

SPOUSE_STATUSES = frozenset({S.SPOUSE_OF_JAPANESE, S.SPOUSE_OF_PERMANENT_RESIDENT})
CHILD_STATUSES = frozenset({S.CHILD_OF_JAPANESE, S.CHILD_OF_PERMANENT_RESIDENT})
#: Work statuses (not Technical Intern Training, not Specified Skilled Worker (i)) and
#: residence-based statuses: the 5 years of guideline 1(3)ア must be on one of these.
QUALIFYING_STATUSES = frozenset(
    {S.HSP, S.WORK, S.SPECIFIED_SKILLED_2, S.LONG_TERM_RESIDENT, S.REFUGEE}
    | SPOUSE_STATUSES
    | CHILD_STATUSES
)
#: Practice (審査要領): PR is not granted to applicants currently on these statuses.
NOT_ACCEPTED_STATUSES = frozenset({S.STUDENT, S.TECHNICAL_INTERN})
#: Statuses whose eligibility depends on the detail (e.g. which Designated Activity).
UNUSUAL_STATUSES = frozenset({S.DESIGNATED_ACTIVITIES, S.OTHER})

#: Order of preference between routes with equal outcomes: the shortest look-backs first, since
#: they ask for the fewest years of certificates, the general route last.
ROUTE_ORDER = tuple(
    str(route.value)
    for route in (
        Route.HSP_80,
        Route.J_SKIP,
        Route.CHILD,
        Route.SPOUSE,
        Route.HSP_70,
        Route.LONG_TERM_RESIDENT,
        Route.REFUGEE,
        Route.CONTRIBUTION,
        Route.GENERAL,
    )
)


def applicable_routes(answers: Answers) -> list[str]:
    """Return every route the applicant could use, the general route always among them."""
    routes = [Route.GENERAL]
    if answers.status in SPOUSE_STATUSES:
        routes.append(Route.SPOUSE)
    if answers.status in CHILD_STATUSES:
        routes.append(Route.CHILD)
    if answers.status == S.LONG_TERM_RESIDENT:
        routes.append(Route.LONG_TERM_RESIDENT)
    if answers.status == S.REFUGEE:
        routes.append(Route.REFUGEE)
    if answers.contribution_to_japan:
        routes.append(Route.CONTRIBUTION)
    if answers.hsp_points is not None or answers.status == S.HSP:
        routes += [Route.HSP_70, Route.HSP_80]
    if answers.jskip_eligible:
        routes.append(Route.J_SKIP)
    return [str(route.value) for route in routes]


def is_family_of_japanese_or_pr(answers: Answers) -> bool:
    """Spouses and children of Japanese nationals, PRs and special PRs: exempt from (1) and (2)."""
    return answers.status in SPOUSE_STATUSES | CHILD_STATUSES


def is_livelihood_exempt(answers: Answers) -> bool:
    """Family of Japanese/PR, and recognised refugees: exempt from (2) independent livelihood."""
    return is_family_of_japanese_or_pr(answers) or answers.status == S.REFUGEE
