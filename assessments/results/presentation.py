"""View-model helpers for the result page and the report: plain data, worded at render time.

Nothing here decides eligibility: it reshapes a stored ``prcheck.result/1`` dict for the
templates (requirement names, cards grouped by what needs action, the other routes
considered, the documents for the route). Lazy strings are kept lazy so that one page model
can be rendered in Japanese and in English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from assessments.eligibility.choices import REQUIREMENT_IDS
from assessments.eligibility.documents import DocumentItem, Source, documents_for_route
from assessments.eligibility.rules.codes import FINDING_CODES
from assessments.results.naturalization import NaturalizationPage, naturalization_page
from assessments.results.requirements import (
    Requirement,
    requirements_in_order,
    source_urls,
    stored_date,
)
from assessments.results.requirements import (
    as_list as _list,
)

#: English titles of the Japanese sources findings cite, longest prefix first. A source is
#: cited by its Japanese title (the stored threshold row); English pages show the official
#: English title where one exists, followed by the rest of the citation (the section).
SOURCE_TITLES_EN = (
    (
        "永住許可に関するガイドライン（令和8年2月24日改訂）",
        _("Guidelines for Permission for Permanent Residence (revised 24 February 2026)"),
    ),
    (
        "永住許可に関するガイドライン（平成18年3月31日）",
        _("Guidelines for Permission for Permanent Residence (31 March 2006)"),
    ),
    (
        "永住許可に関するガイドライン改定案",
        _("Draft revision of the Guidelines for Permission for Permanent Residence"),
    ),
    ("永住許可に関するガイドライン", _("Guidelines for Permission for Permanent Residence")),
    ("入管法", _("Immigration Control and Refugee Recognition Act")),
    (
        "出入国在留管理庁「永住許可申請」提出書類",
        _("Immigration Services Agency, documents for an application for permanent residence"),
    ),
    (
        "出入国在留管理庁 永住許可申請 提出書類",
        _("Immigration Services Agency, documents for an application for permanent residence"),
    ),
)

#: The permanent residence fee, paid with revenue stamps only if permission is granted.
#: Wording, not a rule: 令和8年政令第268号 raised it for applications received from this date
#: (the transition for applications already pending is not settled).
FEE_RAISED_ON = dt.date(2026, 10, 1)
FEE_BEFORE_YEN = 10_000
FEE_FROM_YEN = 200_000


def finding_template_name(code: Any) -> str | None:
    """Return the template that words ``code``, or None for a code the catalogue lacks.

    Only catalogued codes are looked up, so a stored value can never pick another template.
    """
    if isinstance(code, str) and code in FINDING_CODES:
        return f"assessments/findings/{code}.html"
    return None


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class RouteSummary:
    route: str
    overall: str
    score: int | None
    earliest_date: dt.date | None


@dataclass(frozen=True)
class ResultPage:
    """Everything the result page and the report show, from one stored result."""

    application_date: dt.date | None
    thresholds_as_of: dt.date | None
    route: str
    overall: str
    score: int | None
    earliest_date: dt.date | None
    requirements: tuple[Requirement, ...]
    other_routes: tuple[RouteSummary, ...]
    documents: tuple[DocumentItem, ...]
    fee_raised_on: dt.date = FEE_RAISED_ON
    fee_before_yen: int = FEE_BEFORE_YEN
    fee_from_yen: int = FEE_FROM_YEN
    naturalization: NaturalizationPage | None = None
    #: The result's ``timeline`` object as stored (dates and codes), or None for older results.
    timeline: dict | None = None

    @property
    def needing_action(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.needs_action)

    @property
    def in_order(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if not r.needs_action)

    @property
    def document_sources(self) -> tuple[Source, ...]:
        """Return the lists the checklist's lines come from, each once, in order."""
        return tuple(dict.fromkeys(item.source for item in self.documents))


def _score(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _requirements(result: dict) -> tuple[Requirement, ...]:
    """Return the cards in the contract's order."""
    return requirements_in_order(
        result.get("requirements"), REQUIREMENT_IDS, urls=source_urls(result)
    )


def _other_routes(result: dict, best: str) -> tuple[RouteSummary, ...]:
    routes = [r for r in _list(result.get("routes_considered")) if isinstance(r, dict)]
    return tuple(
        RouteSummary(
            route=str(r.get("route", "")),
            overall=str(r.get("overall", "")),
            score=_score(r.get("score")),
            earliest_date=stored_date(r.get("earliest_date")),
        )
        for r in routes
        if r.get("route") != best
    )


def result_page(*, result: dict, answers: dict | None = None) -> ResultPage:
    """Build the result page's model from a stored ``prcheck.result/1`` dict.

    ``answers`` (the stored answers dict) tailors the documents checklist. Missing or odd keys
    (an older or hand-made result) give empty values, never an error.
    """
    result = result if isinstance(result, dict) else {}
    route = str(result.get("route", ""))
    return ResultPage(
        application_date=stored_date(result.get("application_date")),
        thresholds_as_of=stored_date(result.get("thresholds_as_of")),
        route=route,
        overall=str(result.get("overall", "")),
        score=_score(result.get("score")),
        earliest_date=stored_date(result.get("earliest_date")),
        requirements=_requirements(result),
        other_routes=_other_routes(result, route),
        documents=documents_for_route(
            route=route,
            thresholds=_dict(result.get("thresholds")),
            answers=_dict(answers),
            findings=_list(result.get("requirements")),
        ),
        naturalization=naturalization_page(result=result),
        timeline=result.get("timeline") if isinstance(result.get("timeline"), dict) else None,
    )
