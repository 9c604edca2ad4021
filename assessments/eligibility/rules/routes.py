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
    {S.HSP, S.WORK, S.BUSINESS_MANAGER, S.SPECIFIED_SKILLED_2, S.LONG_TERM_RESIDENT, S.REFUGEE}
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


#: The route a status leads to by itself, beside the general route.
STATUS_ROUTES = {
    **dict.fromkeys(SPOUSE_STATUSES, Route.SPOUSE),
    **dict.fromkeys(CHILD_STATUSES, Route.CHILD),
    S.LONG_TERM_RESIDENT: Route.LONG_TERM_RESIDENT,
    S.REFUGEE: Route.REFUGEE,
}
#: Statuses whose route counts from the day the status was granted (or the refugee recognised):
#: ``residence`` reads ``status_grant_date`` for them (HSP holders: alternative ア).
GRANT_DATE_STATUSES = frozenset({S.LONG_TERM_RESIDENT, S.REFUGEE, S.HSP})
#: Exempt by law from (2) independent livelihood: family of Japanese/PR, and refugees.
LIVELIHOOD_EXEMPT_STATUSES = SPOUSE_STATUSES | CHILD_STATUSES | {S.REFUGEE}


def open_routes(
    status: str | None,
    *,
    contribution_to_japan: bool = False,
    hsp_points_given: bool = False,
    jskip_eligible: bool = False,
) -> list[str]:
    """Return every route open to these facts, the general route always first.

    What ``applicable_routes`` reads of complete answers; the wizard asks it with the answers
    given so far (``hsp_points_given``: the HSP routes are checked, with whatever points).
    """
    routes = [Route.GENERAL]
    if status in STATUS_ROUTES:
        routes.append(STATUS_ROUTES[status])
    if contribution_to_japan:
        routes.append(Route.CONTRIBUTION)
    if hsp_points_given or status == S.HSP:
        routes += [Route.HSP_70, Route.HSP_80]
    if jskip_eligible:
        routes.append(Route.J_SKIP)
    return [str(route.value) for route in routes]


def applicable_routes(answers: Answers) -> list[str]:
    """Return every route the applicant could use, the general route always among them."""
    return open_routes(
        answers.status,
        contribution_to_japan=answers.contribution_to_japan,
        hsp_points_given=answers.hsp_points is not None,
        jskip_eligible=answers.jskip_eligible,
    )


def lookback_routes(status: str | None, **facts) -> list[str]:
    """Return the open routes whose income look-back the income questions cover.

    A status with a route of its own (spouse, child, long-term resident, refugee) is asked
    that route's years, not the general route's longer look-back: the general route is still
    evaluated, and its livelihood finding names any year it lacks. ``facts``: as ``open_routes``.
    """
    routes = open_routes(status, **facts)
    return [r for r in routes if r != Route.GENERAL] if status in STATUS_ROUTES else routes


def status_livelihood_exempt(status: str | None) -> bool:
    """Return whether the status alone exempts from (2) independent livelihood."""
    return status in LIVELIHOOD_EXEMPT_STATUSES


def is_family_of_japanese_or_pr(answers: Answers) -> bool:
    """Spouses and children of Japanese nationals, PRs and special PRs: exempt from (1) and (2)."""
    return answers.status in SPOUSE_STATUSES | CHILD_STATUSES


def is_livelihood_exempt(answers: Answers) -> bool:
    """Family of Japanese/PR, and recognised refugees: exempt from (2) independent livelihood."""
    return status_livelihood_exempt(answers.status)
