"""Requirements answered by a declaration: guarantor, landing standards, public health.

- Guarantor: not in the statute or guideline, but a letter of guarantee (身元保証書) is a
  required document, signed by a Japanese national, a PR or a special PR (practice, R10).
- Landing standards: guideline 1(3)エ — the current activity must still meet the standards of
  the current status (cannot be computed generically; the applicant declares it).
- Business Manager standards: the standards of 経営・管理 in force since 2025-10-16 (capital,
  a full-time employee, Japanese, experience or degree). Permanent residence from Business
  Manager, or from Highly Skilled Professional on business management (1号ハ, and 2号 after
  it), is not granted unless the business meets them; renewals have a grace period. Only the
  holder can say whether the business meets them: a gate question, asked only of the statuses
  concerned (``business_standards_question``). Not asked, it changes nothing (a blank answer is
  never worse than a favourable one); "not sure" is a risk that names the standards.
- Public health: guideline 1(3)オ.
Source: https://www.moj.go.jp/isa/applications/resources/nyukan_nyukan50.html
"""

from __future__ import annotations

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import BusinessStandards as B
from assessments.eligibility.choices import Guarantor
from assessments.eligibility.choices import ResidenceStatus as S
from assessments.eligibility.rules.base import AT_RISK, MET, NOT_MET, Finding, cited
from assessments.thresholds.snapshot import Thresholds

ELIGIBLE_GUARANTORS = frozenset(
    {Guarantor.JAPANESE, Guarantor.PERMANENT_RESIDENT, Guarantor.SPECIAL_PERMANENT_RESIDENT}
)
GUARANTOR_REFERENCE = "出入国在留管理庁 永住許可申請 提出書類: 身元保証書（2022-06-01 様式）"
LANDING_REFERENCE = "永住許可に関するガイドライン（令和8年2月24日改訂） 1(3)エ, 注2"
HEALTH_REFERENCE = "永住許可に関するガイドライン（令和8年2月24日改訂） 1(3)オ"
#: The dated, cited facts of the Business Manager standards.
BUSINESS_SINCE_KEY = "landing_standards.business_manager.since"
BUSINESS_GRACE_KEY = "landing_standards.business_manager.renewal_grace_until"
BUSINESS_CAPITAL_KEY = "landing_standards.business_manager.min_capital"
#: The statuses the Business Manager standards concern, each with whether the question must be
#: answered: a Highly Skilled Professional may not be on business management (1号イ・ロ), and
#: leaves it blank then.
BUSINESS_STANDARDS_STATUSES = {S.BUSINESS_MANAGER: True, S.HSP: False}
#: Each answer that says something, with the finding it gives.
BUSINESS_FINDINGS = {
    B.YES: (MET, "landing_standards.business_standards_met"),
    B.NO: (NOT_MET, "landing_standards.business_standards_not_met"),
    B.NOT_SURE: (AT_RISK, "landing_standards.business_standards_unsure"),
}


def business_standards_question(status: str | None, on, t: Thresholds) -> dict | None:
    """Return what the Business Manager gate question needs, or None when it is not asked.

    Asked of the statuses the standards concern, once they are in force on ``on`` (the
    application date): ``{required, since, capital}``; ``required`` is false for a status
    that may not be on business management (HSP). A holder of Business Manager who answered
    the status ``work`` is not asked (the contract still accepts that status).
    """
    since = t[BUSINESS_SINCE_KEY]
    if status not in BUSINESS_STANDARDS_STATUSES or since is None or on < since:
        return None
    return {
        "required": BUSINESS_STANDARDS_STATUSES[status],
        "since": since,
        "capital": t[BUSINESS_CAPITAL_KEY],
    }


def guarantor(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check that a Japanese national, PR or special PR will sign the letter of guarantee."""
    if a.guarantor in ELIGIBLE_GUARANTORS:
        return Finding(
            "guarantor",
            MET,
            "guarantor.ok",
            {"guarantor": a.guarantor},
            GUARANTOR_REFERENCE,
            basis="practice",
        )
    if a.guarantor == Guarantor.NONE:
        return Finding(
            "guarantor", NOT_MET, "guarantor.missing", {}, GUARANTOR_REFERENCE, basis="practice"
        )
    return Finding(
        "guarantor",
        NOT_MET,
        "guarantor.not_eligible",
        {"guarantor": a.guarantor},
        GUARANTOR_REFERENCE,
        basis="practice",
    )


def landing_standards(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check the declaration that the current activity still meets its status's standards."""
    if not a.meets_landing_standards:
        return Finding(
            "landing_standards", NOT_MET, "landing_standards.not_met", {}, LANDING_REFERENCE
        )
    gate = business_standards(a, t)
    if gate is not None:
        return gate
    return Finding("landing_standards", MET, "landing_standards.ok", {}, LANDING_REFERENCE)


def business_standards(a: Answers, t: Thresholds) -> Finding | None:
    """Check the gate answer of a status the Business Manager standards concern, once in force.

    None when it says nothing: another status, the standards not yet in force on the
    application date, or the question not asked (blank: never worse than a favourable answer).
    """
    question = business_standards_question(a.status, a.application_date, t)
    answer = a.business_manager_standards
    if question is None or answer not in BUSINESS_FINDINGS:
        return None
    status, code = BUSINESS_FINDINGS[answer]
    params = {
        "since": question["since"],
        "renewal_grace_until": t[BUSINESS_GRACE_KEY],
        "capital": question["capital"],
    }
    return Finding("landing_standards", status, code, params, **cited(t, BUSINESS_SINCE_KEY))


def public_health(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check the declaration of no public-health risk."""
    if a.public_health_risk:
        return Finding("public_health", NOT_MET, "public_health.risk", {}, HEALTH_REFERENCE)
    return Finding("public_health", MET, "public_health.ok", {}, HEALTH_REFERENCE)
