"""Requirements answered by a declaration: guarantor, landing standards, public health.

- Guarantor: not in the statute or guideline, but a letter of guarantee (身元保証書) is a
  required document, signed by a Japanese national, a PR or a special PR (practice, R10).
- Landing standards: guideline 1(3)エ — the current activity must still meet the standards of
  the current status (cannot be computed generically; the applicant declares it).
- Public health: guideline 1(3)オ.
Source: https://www.moj.go.jp/isa/applications/resources/nyukan_nyukan50.html
"""

from __future__ import annotations

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import Guarantor
from assessments.eligibility.rules.base import MET, NOT_MET, Finding
from assessments.thresholds.snapshot import Thresholds

ELIGIBLE_GUARANTORS = frozenset(
    {Guarantor.JAPANESE, Guarantor.PERMANENT_RESIDENT, Guarantor.SPECIAL_PERMANENT_RESIDENT}
)
GUARANTOR_REFERENCE = "出入国在留管理庁 永住許可申請 提出書類: 身元保証書（2022-06-01 様式）"
LANDING_REFERENCE = "永住許可に関するガイドライン（令和8年2月24日改訂） 1(3)エ, 注2"
HEALTH_REFERENCE = "永住許可に関するガイドライン（令和8年2月24日改訂） 1(3)オ"


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
    if a.meets_landing_standards:
        return Finding("landing_standards", MET, "landing_standards.ok", {}, LANDING_REFERENCE)
    return Finding("landing_standards", NOT_MET, "landing_standards.not_met", {}, LANDING_REFERENCE)


def public_health(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check the declaration of no public-health risk."""
    if a.public_health_risk:
        return Finding("public_health", NOT_MET, "public_health.risk", {}, HEALTH_REFERENCE)
    return Finding("public_health", MET, "public_health.ok", {}, HEALTH_REFERENCE)
