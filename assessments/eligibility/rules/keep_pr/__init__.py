"""The keep-PR check: what a permanent resident must do to keep the status.

``evaluate_keep_pr(answers, thresholds) -> Result`` for answers with status
``permanent_resident``: re-entry permits of the trips since the grant, the residence card's
renewal, payments and notifications since the grant. The result has route ``keep_pr``, the
four findings as its ``requirements`` (``overall`` keeps the contract's definition from their
statuses) and the block ``keep_pr``: the verdict ("no known risk", "at risk", "act now",
"lost"), the next card renewal and every deadline ahead. Pure, like every rule.
"""

from __future__ import annotations

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import KeepPrVerdict, Route
from assessments.eligibility.rules.base import NOT_MET, Finding, Result, RouteResult
from assessments.eligibility.rules.keep_pr.card import residence_card
from assessments.eligibility.rules.keep_pr.duties import notifications, public_dues
from assessments.eligibility.rules.keep_pr.reentry import reentry
from assessments.thresholds.snapshot import Thresholds

#: The keep-PR requirement ids, in the result's order.
KEEP_PR_IDS = ("reentry", "residence_card", "public_dues", "notifications")
CREDIT = {"met": 1.0, "at_risk": 0.5, "not_met": 0.0}


def verdict_of(findings: tuple[Finding, ...]) -> str:
    """Lost if a trip outlasted its permit; act now if a finding has a day to act by; at risk."""
    if any(f.status == NOT_MET for f in findings):
        return KeepPrVerdict.LOST.value
    if any("act_by" in f.params for f in findings):
        return KeepPrVerdict.ACT_NOW.value
    if any(f.status == "at_risk" for f in findings):
        return KeepPrVerdict.AT_RISK.value
    return KeepPrVerdict.NO_KNOWN_RISK.value


def deadlines_of(findings: tuple[Finding, ...], on) -> list[dict]:
    """Return every dated step ahead (on or after ``on``), oldest first: the calendar's events.

    The card's renewal is left out once a trip has ended permanent residence.
    """
    found = []
    by_id = {f.id: f for f in findings}
    # Once permanent residence is lost, its card's renewal is no longer a step to take.
    card = {} if by_id["reentry"].status == NOT_MET else by_id["residence_card"].params
    if card.get("renewal_opens") and card["renewal_opens"] >= on:
        found.append({"code": "card_renewal_opens", "date": card["renewal_opens"]})
    if card.get("expiry") and card["expiry"] >= on:
        found.append({"code": "card_expires", "date": card["expiry"]})
    for trip in by_id["reentry"].params.get("trips", ()):
        if trip["lapses_on"] and trip["lapses_on"] >= on and trip["outcome"] != "lapsed":
            found.append(
                {"code": "permit_lapses", "date": trip["lapses_on"], "departure": trip["departure"]}
            )
    for finding in findings:
        act_by = finding.params.get("act_by")
        if act_by is not None:
            found.append({"code": "act_by", "date": act_by, "requirement": finding.id})
    return sorted(found, key=lambda d: (d["date"], d["code"]))


def evaluate_keep_pr(answers: Answers, thresholds: Thresholds) -> Result:
    """Evaluate the keep-PR check for ``answers`` on their ``application_date`` (the check's day)."""
    from assessments.eligibility.rules import overall_of

    findings = (
        reentry(answers, thresholds),
        residence_card(answers, thresholds),
        public_dues(answers, thresholds),
        notifications(answers, thresholds),
    )
    overall, earliest = overall_of(findings)
    score = round(100 * sum(CREDIT[f.status] for f in findings) / len(findings))
    best = RouteResult(
        route=Route.KEEP_PR.value,
        overall=overall,
        score=score,
        earliest_date=earliest,
        requirements=findings,
    )
    card = findings[1].params
    block = {
        "verdict": verdict_of(findings),
        "grant_date": answers.status_grant_date,
        "card": {
            "expiry": card.get("expiry"),
            "renewal_opens": card.get("renewal_opens"),
            "estimated": findings[1].code == "keep_pr.card.estimated",
        },
        "deadlines": deadlines_of(findings, answers.application_date),
    }
    return Result(
        application_date=answers.application_date,
        thresholds_as_of=thresholds.as_of,
        best=best,
        considered=(best,),
        thresholds=thresholds.to_json(),
        threshold_ids=tuple(
            sorted(
                e.pk
                for e in (*thresholds.entries.values(), *thresholds.drafts.values())
                if e.pk is not None
            )
        ),
        keep_pr=block,
    )
