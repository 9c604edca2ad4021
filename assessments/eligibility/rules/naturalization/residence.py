"""Residence for naturalization: Nationality Act Art. 5(1)(i), and the simplified Arts. 7 and 8.

The Act asks five years' continuous domicile; practice adds that about three of them are spent
working (or ten years with one working); a family member on Dependent status applies with the
household and needs no working years of their own. A spouse of a Japanese national needs three years in
Japan, or three years of marriage and one year in Japan (Art. 7); a child of a Japanese
national living in Japan needs no period (Art. 8(1)). The other routes of Arts. 6 and 8 (born
in Japan, former Japanese nationals, adoptees) are not modelled.

The 2026-01-23 government policy would require ten years in principle through examination
practice, not by amending the Act. Its implementation is unverified, so it never decides the
verdict on its own: someone who meets the statute's five years but not the policy's ten gets
an ``at_risk`` finding (basis ``draft``) that clears on the tenth anniversary, and the
verdict stays "eligible, with risks" instead of "not eligible".
Source: https://laws.e-gov.go.jp/law/325AC0000000147 (国籍法 5条, 7条, 8条).
"""

from __future__ import annotations

import datetime as dt

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import ResidenceStatus as S
from assessments.eligibility.naturalization_choices import NaturalizationPath as P
from assessments.eligibility.rules.base import AT_RISK, EXEMPT, MET, NOT_MET, Finding, cited
from assessments.eligibility.rules.dates import add_years, first_day_satisfied, years_between
from assessments.eligibility.rules.routes import QUALIFYING_STATUSES
from assessments.thresholds.snapshot import Thresholds

ID = "residence"
ART_8_REFERENCE = "国籍法 8条1号（日本国民の子で日本に住所を有するもの）"
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


def _due(t: Thresholds, on: dt.date, starts_and_keys) -> dt.date | None:
    """Return the first day on which every (start, years key) period has run."""
    return first_day_satisfied(
        t, on, lambda s: max(add_years(start, s[key]) for start, key in starts_and_keys)
    )


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
        (_due(t, a.application_date, ((a.residence_start_date, k), (w_start, wk))), p, k, wk)
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
    due = _due(t, a.application_date, ((a.residence_start_date, key),))
    years = years_between(a.residence_start_date, a.application_date)
    params = {"path": str(P.FAMILY.value), "years": years, "required": t[key]}
    if short := _too_short(a, t, due=due, params=params, key=key):
        return short
    return _policy(a, t) or Finding(
        ID, MET, "naturalization.residence.met", params, FAMILY_REFERENCE, basis="practice"
    )


def _policy(a: Answers, t: Thresholds) -> Finding | None:
    """Flag, as a risk only, the unverified 2026 policy of ten years in principle."""
    key = "naturalization.residence.policy_min_years"
    if t[key] is None:
        return None
    due = _due(t, a.application_date, ((a.residence_start_date, key),))
    if due is not None and due <= a.application_date:
        return None
    return Finding(
        ID,
        AT_RISK,
        "naturalization.residence.policy_ten_years",
        {
            "years": years_between(a.residence_start_date, a.application_date),
            "required": t[key],
            "policy_date": t.entry(key).valid_from,
        },
        clears_on=due,
        **cited(t, key),
    )


def _spouse(a: Answers, t: Thresholds) -> Finding:
    """Art. 7: three years in Japan, or three years married and one year in Japan."""
    in_japan_key = "naturalization.spouse.in_japan_min_years"
    marriage_key = "naturalization.spouse.marriage_min_years"
    start, on = a.residence_start_date, a.application_date
    dues = [(_due(t, on, ((start, in_japan_key),)), P.SPOUSE, in_japan_key)]
    if a.marriage_date is not None:
        pair = (
            (a.marriage_date, marriage_key),
            (start, "naturalization.spouse.marriage_in_japan_min_years"),
        )
        dues.append((_due(t, on, pair), P.SPOUSE_MARRIAGE, marriage_key))
    due, path, key = min(dues, key=lambda item: item[0] or dt.date.max)
    years = years_between(start, on)
    if due is not None and due <= on:
        params = {"path": str(path.value), "years": years, "required": t[key]}
        return Finding(ID, MET, "naturalization.residence.met", params, **cited(t, key))
    if a.marriage_date is None:
        return Finding(
            ID,
            AT_RISK,
            "naturalization.residence.marriage_date_missing",
            {"years": years, "required": t[in_japan_key]},
            clears_on=due,
            **cited(t, marriage_key),
        )
    return Finding(
        ID,
        NOT_MET,
        "naturalization.residence.spouse_too_short",
        {"years": years, "required": t[in_japan_key], "marriage_date": a.marriage_date},
        clears_on=due,
        **cited(t, key),
    )


def residence(a: Answers, t: Thresholds) -> Finding:
    """Check the residence period of the most favourable naturalization route."""
    if a.status == S.CHILD_OF_JAPANESE:
        return Finding(ID, EXEMPT, "naturalization.residence.exempt", {}, ART_8_REFERENCE)
    if a.status == S.SPOUSE_OF_JAPANESE:
        return _spouse(a, t)
    if a.status == S.DEPENDENT:
        return _family(a, t)
    return _general(a, t)
