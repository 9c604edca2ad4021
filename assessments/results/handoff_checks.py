"""The check items of the hand-off pack, each with the applicant's answer and its finding.

A scrivener (行政書士) taking over a file goes through the requirements line by line. Each
item here quotes its source word for word in Japanese: the lines of the Guidelines for
Permission for Permanent Residence (1(3)ア–オ, official text), and two practitioners' lines on
time abroad that a practitioner's "precheck" says it bases on the ISA self-check sheet, which
is not confirmed; they are labelled as practitioners' lines. The official self-check sheet's
own questions are not quoted: its wording is not in the reviewed sources.

Beside each item: what the stored answers say (facts, worded in the active language; days
abroad as the engine counts them, ``Trip.days``) and the stored finding of the requirement
it relates to. Both are read typed: the answers parsed back to ``Answers`` (None when they no
longer parse, then each item says so) and the result through ``ResultView``. Nothing is
judged here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from assessments.eligibility.answers import Answers, Trip
from assessments.eligibility.choices import RequirementStatus, Route
from assessments.eligibility.rules.continuity import days_abroad_by_year
from assessments.results.view import ResultView
from assessments.results.wording import REQUIREMENT as REQUIREMENT_NAMES
from assessments.web.formats import is_japanese, longdate

GUIDELINE = "永住許可に関するガイドライン（令和8年2月24日改訂）"
#: The practitioner's list that quotes the two lines on time abroad.
PRACTITIONERS_LIST = "nakamura-gyosei.biz「precheck」"


@dataclass(frozen=True)
class CheckItem:
    """One line to check: ``quote`` in Japanese as its source words it, ``english`` a rendering.

    ``official`` is False for a practitioners' line; ``requirements`` are the result's
    requirement ids the line relates to; ``answer`` words the parsed answers' facts;
    ``from_trips`` items read only the trips, so they are worded even without answers.
    """

    key: str
    quote: str
    english: Any
    source: str
    official: bool
    requirements: tuple[str, ...]
    answer: Callable[[Answers, list[Trip]], str]
    from_trips: bool = False


def _sentences(*parts: str) -> str:
    """Join sentences as each language does: no space between Japanese sentences."""
    return ("" if is_japanese() else " ").join(part for part in parts if part)


def _residence(answers: Answers, trips: list[Trip]) -> str:
    start = answers.residence_start_date
    qualifying = answers.qualifying_status_start_date
    return _sentences(
        gettext("Continuous residence in Japan since %(date)s.") % {"date": longdate(start)}
        if start
        else gettext("Not answered."),
        gettext("On a work or residence-based status since %(date)s.")
        % {"date": longdate(qualifying)}
        if qualifying
        else "",
    )


def _penalties(answers: Answers, trips: list[Trip]) -> str:
    records = answers.criminal_records
    serious = [v for v in answers.traffic_violations if v.kind == "serious"]
    if not records and not serious:
        return gettext("No sentence in Japan (fine or imprisonment) answered.")
    latest = max((r.completed_on for r in records), default=None)
    return _sentences(
        ngettext(
            "%(count)s sentence in Japan answered, the last one completed on %(date)s.",
            "%(count)s sentences in Japan answered, the last one completed on %(date)s.",
            len(records),
        )
        % {"count": len(records), "date": longdate(latest)}
        if records
        else "",
        ngettext(
            "%(count)s serious (criminal) traffic violation answered.",
            "%(count)s serious (criminal) traffic violations answered.",
            len(serious),
        )
        % {"count": len(serious)}
        if serious
        else "",
    )


def _duties(answers: Answers, trips: list[Trip]) -> str:
    payments = answers.payments
    unpaid = sum(1 for p in payments if p.paid_date is None)
    missed = len(answers.missed_notifications)
    return _sentences(
        ngettext(
            "%(count)s tax or insurance payment not made by its due date (%(unpaid)s still unpaid).",
            "%(count)s tax or insurance payments not made by their due date (%(unpaid)s still "
            "unpaid).",
            len(payments),
        )
        % {"count": len(payments), "unpaid": unpaid}
        if payments
        else gettext("Every tax, pension and health-insurance payment made on time."),
        gettext("Not enrolled in the public pension.") if not answers.pension_enrolled else "",
        gettext("Not enrolled in public health insurance.")
        if not answers.health_insurance_enrolled
        else "",
        ngettext(
            "%(count)s immigration notification filed late or not at all.",
            "%(count)s immigration notifications filed late or not at all.",
            missed,
        )
        % {"count": missed}
        if missed
        else gettext("Every immigration notification filed on time."),
    )


def _period_of_stay(answers: Answers, trips: list[Trip]) -> str:
    years = answers.period_of_stay_years
    expiry = answers.status_expiry_date
    if years is None:
        period = gettext("Not answered.")
    elif years >= 1:
        period = ngettext(
            "Period of stay: %(years)s year.", "Period of stay: %(years)s years.", int(years)
        ) % {"years": int(years)}
    else:
        period = gettext("Period of stay: %(months)s months.") % {"months": round(years * 12)}
    ends = gettext("It ends on %(date)s.") % {"date": longdate(expiry)} if expiry else ""
    return _sentences(period, ends)


def _landing_standards(answers: Answers, trips: list[Trip]) -> str:
    if not answers.meets_landing_standards:
        return gettext("Answered that the current activity no longer fits the status.")
    return gettext("Answered that the current activity fits the status.")


def _public_health(answers: Answers, trips: list[Trip]) -> str:
    if answers.public_health_risk:
        return gettext("A public-health risk was answered.")
    return gettext("No public-health risk answered.")


def _days(count: int) -> str:
    return ngettext("%(count)s day", "%(count)s days", count) % {"count": count}


def _longest_trip(answers: Answers | None, trips: list[Trip]) -> str:
    if not trips:
        return gettext("No trip abroad answered.")
    longest = max(trips, key=lambda trip: trip.days)
    span = gettext("%(departure)s to %(return)s") % {
        "departure": longdate(longest.departure),
        "return": longdate(longest.return_date),
    }
    return gettext("Longest trip abroad: %(days)s (%(span)s).") % {
        "days": _days(longest.days),
        "span": span,
    }


def _heaviest_year(answers: Answers | None, trips: list[Trip]) -> str:
    by_year = days_abroad_by_year(tuple(trips))
    if not by_year:
        return gettext("No trip abroad answered.")
    year, days = max(sorted(by_year.items()), key=lambda item: item[1])
    return gettext("Most days abroad in one calendar year: %(days)s (%(year)s).") % {
        "days": _days(days),
        "year": year,
    }


CHECK_ITEMS = (
    CheckItem(
        "residence",
        "原則として引き続き１０年以上本邦に在留していること。ただし、この期間のうち、就労資格"
        "（在留資格「技能実習」及び「特定技能１号」を除く。）又は居住資格をもって引き続き５年以上"
        "在留していることを要する。",
        _(
            "In principle, you have lived in Japan continuously for 10 years or more, of which "
            "5 years or more continuously on a work status (other than Technical Intern "
            "Training and Specified Skilled Worker (i)) or a residence-based status."
        ),
        f"{GUIDELINE} 1(3)ア",
        True,
        ("residence_period",),
        _residence,
    ),
    CheckItem(
        "penalties",
        "罰金刑や拘禁刑などを受けていないこと。",
        _("You have not been sentenced to a fine, imprisonment or the like."),
        f"{GUIDELINE} 1(3)イ",
        True,
        ("conduct",),
        _penalties,
    ),
    CheckItem(
        "public_duties",
        "公的義務（納税、公的年金及び公的医療保険の保険料の納付並びに出入国管理及び難民認定法に"
        "定める届出等の義務）を適正に履行していること。",
        _(
            "You fulfil your public duties properly: taxes, public pension and public health "
            "insurance contributions, and the notifications the Immigration Control and Refugee "
            "Recognition Act requires."
        ),
        f"{GUIDELINE} 1(3)イ",
        True,
        ("taxes", "social_insurance", "notifications"),
        _duties,
    ),
    CheckItem(
        "longest_period",
        "現に有している在留資格について、出入国管理及び難民認定法施行規則別表第２に規定されている"
        "最長の在留期間をもって在留していること。",
        _(
            "You hold the longest period of stay that Annexed Table 2 of the Enforcement "
            "Ordinance of the Immigration Control Act provides for your current status."
        ),
        f"{GUIDELINE} 1(3)ウ",
        True,
        ("period_of_stay",),
        _period_of_stay,
    ),
    CheckItem(
        "landing_standards",
        "現に有している在留資格について、法務省令で定める上陸許可基準等に適合していること。",
        _(
            "Your current status still meets the landing-permission standards set by "
            "ministerial ordinance."
        ),
        f"{GUIDELINE} 1(3)エ",
        True,
        ("landing_standards",),
        _landing_standards,
    ),
    CheckItem(
        "public_health",
        "公衆衛生上の観点から有害となるおそれがないこと。",
        _("You are not likely to be harmful from the viewpoint of public health."),
        f"{GUIDELINE} 1(3)オ",
        True,
        ("public_health",),
        _public_health,
    ),
    CheckItem(
        "single_trip",
        "1回の出国で3か月以上の出国をしたことはない",
        _("You have never been abroad for 3 months or more on one trip."),
        PRACTITIONERS_LIST,
        False,
        ("continuity",),
        _longest_trip,
        from_trips=True,
    ),
    CheckItem(
        "days_per_year",
        "1年のうちの出国日数の合計が100日以上になっていない",
        _("Your days abroad in one year have not added up to 100 or more."),
        PRACTITIONERS_LIST,
        False,
        ("continuity",),
        _heaviest_year,
        from_trips=True,
    ),
)


def kind_label(item: CheckItem) -> str:
    """Say where the line comes from, in the active language."""
    if item.official:
        return gettext("Official: guideline text")
    return gettext("Practitioners' line (not confirmed on the official self-check sheet)")


def finding_text(result: ResultView, item: CheckItem) -> str:
    """Word the stored findings of ``item``'s requirements: name, status and the day it clears."""
    parts = []
    for requirement in item.requirements:
        finding = result.finding(requirement)
        if finding is None:
            continue
        status = finding.status
        label = RequirementStatus(status).label if status in RequirementStatus.values else status
        name = REQUIREMENT_NAMES.get(requirement, requirement)
        if requirement == "residence_period" and result.route in Route.values:
            name = gettext("%(requirement)s (%(route)s)") % {
                "requirement": name,
                "route": Route(result.route).label,
            }
        words = {"requirement": name, "status": label}
        if clears_on := finding.clears_on:
            words["date"] = longdate(clears_on)
            parts.append(gettext("%(requirement)s: %(status)s (met by time on %(date)s)") % words)
        else:
            parts.append(gettext("%(requirement)s: %(status)s") % words)
    return ("／" if is_japanese() else " / ").join(parts) or "—"


def answer_text(answers: Answers | None, past_trips: list[Trip], item: CheckItem) -> str:
    """Word what the parsed answers say for ``item``, in the active language.

    Without answers (none stored, or they no longer parse) only the items on trips are
    worded, from no trips; the others say the question is not answered.
    """
    if answers is None and not item.from_trips:
        return gettext("Not answered.")
    return item.answer(answers, past_trips)
