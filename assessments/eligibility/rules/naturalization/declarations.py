"""Nationality, constitution and Japanese ability for naturalization.

Art. 5(1)(v): the applicant must have no nationality, or lose it on becoming Japanese (Art.
5(2) allows an exception when the home law makes that impossible, at the Minister's
discretion; prcheck does not presume it). Art. 5(1)(vi): never to have planned or advocated
the violent overthrow of the Constitution or the government; it is declared in the
application and cannot be checked here, so it is recorded as met on that declaration. Japanese
ability is not in the Act but is examined at the interview; the level each answer reaches is
a dated table (practitioners say about Japanese elementary-school 3rd grade, which they equate
with JLPT N3, or N3 to N4).
Sources: https://laws.e-gov.go.jp/law/325AC0000000147; practitioners (see the thresholds).
"""

from __future__ import annotations

from assessments.eligibility.answers import Answers
from assessments.eligibility.rules.base import AT_RISK, MET, NOT_MET, Finding, cited
from assessments.thresholds.snapshot import Thresholds

NATIONALITY_REFERENCE = (
    "国籍法 5条1項5号（国籍を有せず、又は日本の国籍の取得によつてその国籍を失うべきこと）"
)
CONSTITUTION_REFERENCE = "国籍法 5条1項6号"
LEVELS_KEY = "naturalization.japanese.levels"
JAPANESE_CODES = {
    MET: "naturalization.japanese.ok",
    AT_RISK: "naturalization.japanese.borderline",
    NOT_MET: "naturalization.japanese.too_low",
}


def nationality(a: Answers, t: Thresholds) -> Finding:
    """Check that the current nationality can be given up (a stateless person has none)."""
    if a.stateless_since_birth:
        return Finding(
            "nationality", MET, "naturalization.nationality.stateless", {}, NATIONALITY_REFERENCE
        )
    if a.nationality_renounceable is None:
        return Finding(
            "nationality",
            AT_RISK,
            "naturalization.nationality.renounceable_missing",
            {},
            NATIONALITY_REFERENCE,
        )
    if a.nationality_renounceable:
        return Finding(
            "nationality", MET, "naturalization.nationality.ok", {}, NATIONALITY_REFERENCE
        )
    return Finding(
        "nationality",
        NOT_MET,
        "naturalization.nationality.not_renounceable",
        {},
        NATIONALITY_REFERENCE,
    )


def constitution(a: Answers, t: Thresholds) -> Finding:
    """Record the declaration of Art. 5(1)(vi), which the applicant makes in the application."""
    return Finding(
        "constitution", MET, "naturalization.constitution.ok", {}, CONSTITUTION_REFERENCE
    )


def japanese(a: Answers, t: Thresholds) -> Finding:
    """Look the declared level of Japanese up in the dated table of outcomes."""
    if a.japanese_level is None:
        return Finding(
            "japanese", AT_RISK, "naturalization.japanese.level_missing", {}, **cited(t, LEVELS_KEY)
        )
    # A level the table lacks (an admin's edit) is a risk to look at, never a silent pass.
    status = (t[LEVELS_KEY] or {}).get(a.japanese_level, AT_RISK)
    if status not in JAPANESE_CODES:
        status = AT_RISK
    return Finding(
        "japanese",
        status,
        JAPANESE_CODES[status],
        {"level": a.japanese_level},
        **cited(t, LEVELS_KEY),
    )
