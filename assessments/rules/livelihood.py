"""Independent livelihood (入管法 22条2項2号; guideline 1(2)).

The guideline publishes no amount. Practitioners treat about 3,000,000 yen a year, plus about
700,000–800,000 per dependant, in every year of the look-back as the floor (the seeds' ALT was
refused under Art. 22(2)(ii) just under 3,000,000). Spouses and children of Japanese nationals
and PRs, and refugees, are legally exempt, but practitioners say household finances are still
looked at, so a low household income or public assistance stays visible as a risk.
Source: https://www.moj.go.jp/isa/applications/resources/nyukan_nyukan50.html; rules-reference R8.
"""

from __future__ import annotations

from ..answers import Answers
from ..choices import Employment
from ..thresholds import Thresholds
from .base import AT_RISK, EXEMPT, MET, NOT_MET, Finding, cited
from .dates import certifiable_years
from .routes import is_livelihood_exempt

PUBLIC_ASSISTANCE_REFERENCE = "永住許可に関するガイドライン（令和8年2月24日改訂） 1(2)"


def required_income(a: Answers, t: Thresholds) -> int:
    """Return the yearly income practitioners expect for this household size."""
    return int(t["livelihood.min_income"] + t["livelihood.per_dependent"] * a.dependents)


def lookback_years(a: Answers, t: Thresholds, route: str) -> list[int]:
    """Return the income years the route looks back on, newest first."""
    return certifiable_years(
        a.application_date, t[f"lookback.tax_years.{route}"], t["lookback.certificate_month"]
    )


def livelihood(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check income in every look-back year against the rule-of-thumb floor."""
    if is_livelihood_exempt(a):
        return _exempt(a, t, route)
    if a.public_assistance:
        return Finding(
            "livelihood", NOT_MET, "livelihood.public_assistance", {}, PUBLIC_ASSISTANCE_REFERENCE
        )
    cite = cited(t, "livelihood.min_income")
    years = lookback_years(a, t, route)
    income = {row.year: row.applicant for row in a.income}
    missing = [year for year in years if year not in income]
    if missing:
        return Finding(
            "livelihood", NOT_MET, "livelihood.income_missing", {"missing_years": missing}, **cite
        )
    required = required_income(a, t)
    below = [year for year in years if income[year] < required]
    if below:
        worst = min(below, key=lambda year: income[year])
        return Finding(
            "livelihood",
            NOT_MET,
            "livelihood.income_below",
            {
                "year": worst,
                "income": income[worst],
                "required": required,
                "dependents": a.dependents,
                "years_below": below,
            },
            **cite,
        )
    if a.employment == Employment.NONE:
        return Finding(
            "livelihood", AT_RISK, "livelihood.no_employment", {"assets": a.assets}, **cite
        )
    return Finding(
        "livelihood",
        MET,
        "livelihood.ok",
        {
            "required": required,
            "lowest": min(income[year] for year in years),
            "years": years,
            "dependents": a.dependents,
        },
        **cite,
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
    required = required_income(a, t)
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
