"""Independent livelihood (入管法 22条2項2号; guideline 1(2)), judged per household.

The guideline publishes no amount. Practitioners treat about 3,000,000 yen a year, plus about
700,000–800,000 per dependant, in every year of the look-back as the floor (an ALT was refused
under Art. 22(2)(ii) just under 3,000,000). They also look at the whole household (同一世帯,
"申請者自身の収入だけでなく…世帯全体"): when a working spouse's income lifts the household above the
floor for its size (共働き: 世帯年収で300万円以上), that can carry an applicant whose own income is
lower. Spouses and children of Japanese nationals and PRs, and refugees, are legally exempt, but
household finances are still looked at, so a low household income or public assistance stays
visible as a risk. Source: https://www.moj.go.jp/isa/applications/resources/nyukan_nyukan50.html
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from assessments.eligibility.answers import Answers, IncomeYear
from assessments.eligibility.choices import Employment
from assessments.eligibility.rules.base import AT_RISK, EXEMPT, MET, NOT_MET, Finding, cited
from assessments.eligibility.rules.dates import (
    certifiable_years,
    first_changeable_year,
    first_day_satisfied,
)
from assessments.eligibility.rules.routes import is_livelihood_exempt
from assessments.thresholds.snapshot import Thresholds

PUBLIC_ASSISTANCE_REFERENCE = "永住許可に関するガイドライン（令和8年2月24日改訂） 1(2)"


def required_income(a: Answers, t: Thresholds) -> int:
    """Return the yearly income practitioners expect of the applicant alone, with dependants."""
    return income_floors(a.dependents, t)["own"]


def required_household_income(a: Answers, t: Thresholds) -> int:
    """Return the yearly household income practitioners expect for this household's size.

    The household is the applicant, their dependants, and any other earner whose income is in
    the household figure; an earner supports themself, so only dependants add to the floor.
    """
    return income_floors(a.dependents, t)["household"]


def income_floors(dependents: int, t: Thresholds) -> dict:
    """Return the floors for a household with ``dependents`` dependants, and their sources.

    What the income step shows before any result: the applicant's own floor and the
    household's (``required_income`` and ``required_household_income`` for that household),
    each with the threshold entry it comes from (``*_entry``: value, kind, source).
    """
    return {
        "dependents": dependents,
        "own": int(t["livelihood.min_income"] + t["livelihood.per_dependent"] * dependents),
        "household": int(
            t["livelihood.household.min_income"]
            + t["livelihood.household.per_dependent"] * dependents
        ),
        "own_entry": t.entry("livelihood.min_income"),
        "per_dependent_entry": t.entry("livelihood.per_dependent"),
        "household_entry": t.entry("livelihood.household.min_income"),
    }


def lookback_years(a: Answers, t: Thresholds, route: str) -> list[int]:
    """Return the income years the route looks back on, newest first."""
    return certifiable_years(
        a.application_date, t[f"lookback.tax_years.{route}"], t["lookback.certificate_month"]
    )


def income_years_checked(
    *,
    application_date: dt.date,
    residence_start_date: dt.date | None,
    routes: Iterable[str],
    t: Thresholds,
) -> list[int]:
    """Return the income years the livelihood check reads for ``routes``, newest first.

    The longest look-back among the routes (``lookback_years``), from the year residence began:
    a year before it has no Japanese income certificate, and the check waits for it
    (``livelihood.income_not_yet_certifiable``) rather than judge it. A year not certifiable
    yet on the application date is never among them. What the wizard asks.
    """
    count = max(int(t[f"lookback.tax_years.{route}"]) for route in routes)
    years = certifiable_years(application_date, count, t["lookback.certificate_month"])
    if residence_start_date is None:
        return years
    return [year for year in years if year >= residence_start_date.year]


def certifiable_on(year: int, t: Thresholds) -> dt.date:
    """Return the day the income of ``year`` can first be certified (1 June of the next year)."""
    return dt.date(year + 1, int(t["lookback.certificate_month"]), 1)


def livelihood(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check the applicant's income, then the household's, in every look-back year."""
    if is_livelihood_exempt(a):
        return _exempt(a, t, route)
    if a.public_assistance:
        return Finding(
            "livelihood", NOT_MET, "livelihood.public_assistance", {}, PUBLIC_ASSISTANCE_REFERENCE
        )
    years = lookback_years(a, t, route)
    rows = {row.year: row for row in a.income}
    required = required_income(a, t)
    household_required = required_household_income(a, t)
    early = _before_residence(a, years, rows)
    entered = [y for y in years if y in rows and y not in early]
    own_short = [y for y in entered if rows[y].applicant < required]
    short = [y for y in own_short if not _household_meets(rows[y], household_required)]
    # A year the person entered that falls short fails, whatever else is blank or not yet due.
    if short:
        return _below(a, t, route, rows, short, required, household_required)
    if early:
        waiting = _before_arrival(a, t, route, early)
        # Income already entered for a year judged on that day, and short, fails then: say so now.
        later = _short_when_certifiable(a, t, route, waiting.clears_on, rows, years)
        if later:
            return _below(a, t, route, rows, later, required, household_required)
        return waiting
    missing = [year for year in years if year not in rows]
    if missing:
        # A blank answer is a question to answer, not a failure (it never alone says "not eligible").
        params = {"missing_years": missing, "missing": "applicant_income"}
        return Finding(
            "livelihood",
            AT_RISK,
            "livelihood.income_missing",
            params,
            **cited(t, "livelihood.min_income"),
        )
    if own_short:
        return _carried_by_household(a, t, rows, own_short, required, household_required)
    return _own_income(a, t, years, rows, required)


def _household_meets(row: IncomeYear, required: int) -> bool:
    return row.household is not None and row.household >= required


def _before_residence(a: Answers, years: list[int], rows: dict) -> list[int]:
    """Return the look-back years before residence began that have no Japanese income entered.

    No Japanese income certificate exists for them (left blank, or entered as 0): time, not the
    person, produces the data. Income entered for such a year (an earlier stay) is judged.
    """
    first = a.residence_start_date.year
    return [
        year
        for year in years
        if year < first and (year not in rows or not (rows[year].applicant or rows[year].household))
    ]


def _short_when_certifiable(a: Answers, t: Thresholds, route: str, day, rows, years) -> list[int]:
    """Return the entered years, not judged today, that the look-back of ``day`` finds short.

    A newcomer waits for their first years in Japan to become certifiable; if the income they
    entered for such a year is already below the floor (and the household's does not carry
    it), waiting does not help: that day the year is judged and fails.
    """
    later = lookback_years(replace(a, application_date=day), t.at(day), route)
    required, household_required = required_income(a, t), required_household_income(a, t)
    return [
        year
        for year in later
        if year not in years
        and year in rows
        and rows[year].applicant < required
        and not _household_meets(rows[year], household_required)
    ]


def _before_arrival(a: Answers, t: Thresholds, route: str, early: list[int]) -> Finding:
    """Return "not yet": from 1 June of (first year + look-back years) all years are in Japan."""
    first = a.residence_start_date.year
    key = f"lookback.tax_years.{route}"
    clears_on = first_day_satisfied(
        t,
        a.application_date,
        lambda s: dt.date(first + int(s[key]), int(s["lookback.certificate_month"]), 1),
    )
    params = {"years": early, "first_year": first, "certifiable_from": clears_on}
    return Finding(
        "livelihood",
        NOT_MET,
        "livelihood.income_not_yet_certifiable",
        params,
        clears_on=clears_on,
        **cited(t, "lookback.certificate_month"),
    )


def _own_income(a: Answers, t: Thresholds, years, rows, required: int) -> Finding:
    """The applicant's own income met the floor in every year."""
    cite = cited(t, "livelihood.min_income")
    if a.employment == Employment.NONE:
        return Finding(
            "livelihood", AT_RISK, "livelihood.no_employment", {"assets": a.assets}, **cite
        )
    params = {
        "required": required,
        "lowest": min(rows[year].applicant for year in years),
        "years": years,
        "dependents": a.dependents,
        "income_of": "applicant",
    }
    return Finding("livelihood", MET, "livelihood.ok", params, **cite)


def _carried_by_household(
    a: Answers, t: Thresholds, rows, own_short, required: int, household_required: int
) -> Finding:
    """Whose income carried it: the household's, in the years the applicant's fell short.

    At risk, not met: practitioners count a working spouse's income (共働き: 世帯年収で300万円以上)
    and report approvals with a low own income, but it is a judgement of the whole household,
    and the 2026-08-04 draft leaves out income of members on non-work statuses, which prcheck
    cannot see.
    """
    params = {
        "income_of": "household",
        "years": own_short,
        "lowest_applicant": min(rows[year].applicant for year in own_short),
        "lowest_household": min(rows[year].household for year in own_short),
        "required": required,
        "required_household": household_required,
        "dependents": a.dependents,
    }
    return Finding(
        "livelihood",
        AT_RISK,
        "livelihood.household_income",
        params,
        **cited(t, "livelihood.household.min_income"),
    )


def _below(
    a: Answers, t: Thresholds, route: str, rows, short, required: int, household_required: int
) -> Finding:
    """Say the gap in the person's numbers, and what would clear it and from when.

    A raise can only be made in a year whose income can still change (``first_changeable_year``:
    in December 2026 that is 2027), the same first year the plan of ``would_clear`` uses.
    """
    worst = min(short, key=lambda year: rows[year].applicant)
    household = rows[worst].household
    raise_year = first_changeable_year(a.application_date)
    last_low = max(short)
    params = {
        "year": worst,
        "income": rows[worst].applicant,
        "required": required,
        "shortfall": required - rows[worst].applicant,
        "dependents": a.dependents,
        "years_below": short,
        "household_income": household,
        "required_household": household_required,
        "household_shortfall": None if household is None else household_required - household,
        "raise_year": raise_year,
        "raise_certifiable_on": certifiable_on(raise_year, t),
        "last_year_below": last_low,
        "last_below_leaves_on": certifiable_on(last_low + int(t[f"lookback.tax_years.{route}"]), t),
    }
    return Finding(
        "livelihood",
        NOT_MET,
        "livelihood.income_below",
        params,
        **cited(t, "livelihood.min_income"),
    )


def _exempt(a: Answers, t: Thresholds, route: str) -> Finding:
    """Exempt by law; household income and public assistance still shown as risks."""
    if a.public_assistance:
        return Finding(
            "livelihood",
            AT_RISK,
            "livelihood.exempt_public_assistance",
            {},
            PUBLIC_ASSISTANCE_REFERENCE,
            basis="practice",
        )
    required = required_household_income(a, t)
    household = {
        row.year: row.household if row.household is not None else row.applicant for row in a.income
    }
    low = [
        year
        for year in lookback_years(a, t, route)
        if year in household and household[year] < required
    ]
    if low:
        worst = min(low, key=lambda year: household[year])
        return Finding(
            "livelihood",
            AT_RISK,
            "livelihood.exempt_household_low",
            {
                "year": worst,
                "income": household[worst],
                "required": required,
                "dependents": a.dependents,
            },
            **cited(t, "livelihood.min_income"),
        )
    return Finding(
        "livelihood",
        EXEMPT,
        "livelihood.exempt",
        {},
        "入管法 22条2項ただし書; 永住許可に関するガイドライン 1 ※",
    )
