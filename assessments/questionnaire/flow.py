"""The outline of the check: which questions are asked, in which order, and when.

This is the only place that decides the order of questions (style guideline 8). Each
condition is a small named function over the cleaned data of earlier steps; the wizard only
lets a condition read steps that are shown and come before it, so an answer on a skipped
step can never steer the route. What the answers *mean* is decided by ``rules/``.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from assessments.eligibility.choices import ResidenceStatus
from assessments.eligibility.rules import routes
from assessments.eligibility.rules.dates import add_years
from assessments.eligibility.rules.declarations import business_standards_question
from assessments.eligibility.rules.livelihood import income_years_checked
from assessments.hsp.result import counted_points
from assessments.questionnaire import forms
from assessments.questionnaire.forms import POINT_DATES, PointsSource
from assessments.questionnaire.forms.hsp import source_field
from assessments.questionnaire.forms.hsp_profile import (
    HspNowForm,
    HspThreeYearsAgoForm,
    HspYearAgoForm,
)
from assessments.thresholds.snapshot import Thresholds


def _answers(wizard, step: str) -> dict:
    return wizard.get_cleaned_data_for_step(step) or {}


def is_spouse(wizard) -> bool:
    """Ask for the marriage date when the applicant holds a spouse status."""
    return _answers(wizard, "status").get("status") in routes.SPOUSE_STATUSES


def has_grant_date(wizard) -> bool:
    """Ask when the status was granted of those whose route counts from it (the engine says)."""
    return _answers(wizard, "status").get("status") in routes.GRANT_DATE_STATUSES


def business_question(wizard) -> dict | None:
    """Return what the Business Manager gate question needs, or None when it is not asked.

    The engine decides who is concerned and from when (``business_standards_question``).
    """
    thresholds = wizard.thresholds()
    if thresholds is None:
        return None
    status = _answers(wizard, "status").get("status")
    return business_standards_question(status, wizard.application_date(), thresholds)


def asks_hsp_route(wizard) -> bool:
    """Ask whether to check the HSP routes (on the residence step) only of other statuses."""
    return _answers(wizard, "status").get("status") != ResidenceStatus.HSP


def uses_hsp_route(wizard) -> bool:
    """Ask for HSP points from HSP holders and from anyone who wants to try those routes."""
    if _answers(wizard, "status").get("status") == ResidenceStatus.HSP:
        return True
    return bool(_answers(wizard, "residence").get("hsp_route"))


def _calculates(wizard, date: str) -> bool:
    return _answers(wizard, "hsp").get(source_field(date)) == PointsSource.CALCULATE


def known_point_dates(wizard) -> tuple[str, ...]:
    """Return the days whose points the HSP step says are known (typed from the sheet)."""
    hsp = _answers(wizard, "hsp")
    return tuple(d for d in POINT_DATES if hsp.get(source_field(d)) == PointsSource.KNOWN)


def types_points(wizard) -> bool:
    """Ask the points from the sheet when the HSP step says a day's points are known."""
    return bool(known_point_dates(wizard))


def points_now(wizard) -> int | None:
    """Return the points on the application date: typed from the sheet, or calculated."""
    if not _calculates(wizard, "now"):
        return _answers(wizard, "hsp_typed").get("hsp_points_now")
    result = wizard.hsp_result("hsp_now")
    return counted_points(result) if result else None


def reaches_now(wizard, mark_key: str) -> bool:
    """Return whether the points on the application date reach the mark ``mark_key``."""
    thresholds = wizard.thresholds()
    mark = thresholds[mark_key] if thresholds else None
    points = points_now(wizard)
    return mark is not None and points is not None and points >= mark


def holds_hsp_for(wizard, years_key: str) -> bool:
    """Return whether HSP status, held for ``years_key`` years, vouches for the past points.

    As the rules count it: the points were checked when the status was granted, so a holder
    granted at least that long before the application date is not asked the points then.
    """
    thresholds = wizard.thresholds()
    granted = _answers(wizard, "grant").get("status_grant_date")
    return (
        _answers(wizard, "status").get("status") == ResidenceStatus.HSP
        and granted is not None
        and thresholds is not None
        and add_years(granted, thresholds[years_key]) <= wizard.application_date()
    )


def meets_jskip_now(wizard) -> bool:
    """Return whether the profile on the application date meets the J-Skip criteria."""
    result = wizard.hsp_result("hsp_now") if _calculates(wizard, "now") else None
    return bool(result and result.j_skip.eligible)


def calculates_points_now(wizard) -> bool:
    """Ask the profile on the application date when its points are to be calculated here."""
    return _calculates(wizard, "now")


def needs_points_one_year_ago(wizard) -> bool:
    """The 80-point route needs the points a year before only with 80 now, unless vouched for."""
    return reaches_now(wizard, "hsp.points_80") and not holds_hsp_for(
        wizard, "residence.hsp_80.min_years"
    )


def needs_points_three_years_ago(wizard) -> bool:
    """The 70-point route needs the points three years before only with 70 now, unless vouched."""
    return reaches_now(wizard, "hsp.points_70") and not holds_hsp_for(
        wizard, "residence.hsp_70.min_years"
    )


def calculates_points_one_year_ago(wizard) -> bool:
    """Ask the profile a year before when calculating it, for the 80-point route or J-Skip.

    J-Skip (checked from the profiles when both are answered here) needs the criteria met a
    year before as well, so the profile is asked whenever they are met now.
    """
    return _calculates(wizard, "one_year_ago") and (
        needs_points_one_year_ago(wizard) or meets_jskip_now(wizard)
    )


def calculates_points_three_years_ago(wizard) -> bool:
    """Ask the profile three years before when calculating it and the 70-point route needs it."""
    return _calculates(wizard, "three_years_ago") and needs_points_three_years_ago(wizard)


def shows_calculated_points(wizard) -> bool:
    """Show the calculated points whenever a day's points were to be calculated here.

    A profile the route does not need is not asked; this step then says why (for example,
    the holder route vouches for the points then), so a "calculate" choice is never dropped
    silently.
    """
    return any(_calculates(wizard, date) for date in POINT_DATES)


def claims_jskip(wizard) -> bool:
    """Return whether J-Skip applies: checked from the profiles, or as the applicant said."""
    calculated = wizard.hsp_calculated().jskip_eligible
    if calculated is not None:
        return calculated
    return bool(_answers(wizard, "hsp_typed").get("jskip_eligible"))


def has_late_or_unpaid_payments(wizard) -> bool:
    """List the payments when the taxes page says some are unpaid or were paid late."""
    taxes = _answers(wizard, "taxes")
    return taxes.get("taxes_paid") is False or taxes.get("paid_on_time") is False


def says_all_paid(wizard) -> bool | None:
    """Return the taxes page's "all paid" answer, which the payments listed must agree with."""
    return _answers(wizard, "taxes").get("taxes_paid")


def has_missed_notifications(wizard) -> bool:
    """List the notifications when the taxes page says some were late or never filed."""
    return bool(_answers(wizard, "taxes").get("has_missed_notifications"))


def has_sentences(wizard) -> bool:
    """List the sentences when the conduct page says there are some."""
    return bool(_answers(wizard, "conduct").get("has_criminal_records"))


def has_traffic_violations(wizard) -> bool:
    """List the traffic violations when the conduct page says there are some."""
    return bool(_answers(wizard, "conduct").get("has_traffic_violations"))


def checks_naturalization(wizard) -> bool:
    """The naturalization questions, when the applicant asked for that check too."""
    return bool(_answers(wizard, "status").get("naturalization"))


def born_in_japan(wizard) -> bool:
    """Ask the follow-up questions of Art. 6(ii) and 8(iv) of someone born in Japan."""
    return bool(_answers(wizard, "naturalization").get("born_in_japan"))


#: The steps in order; the step name matches its form (``status`` -> ``StatusForm``).
STEPS = [
    ("status", forms.StatusForm),
    ("stay", forms.StayForm),
    ("residence", forms.ResidenceForm),
    ("marriage", forms.MarriageForm),
    ("grant", forms.GrantForm),
    ("hsp", forms.HspForm),
    ("hsp_typed", forms.HspTypedForm),
    ("hsp_now", HspNowForm),
    ("hsp_year_ago", HspYearAgoForm),
    ("hsp_three_years_ago", HspThreeYearsAgoForm),
    ("hsp_points", forms.HspPointsForm),
    ("travel", forms.TravelForm),
    ("household", forms.HouseholdForm),
    ("income", forms.IncomeForm),
    ("taxes", forms.TaxesForm),
    ("payments", forms.PaymentsForm),
    ("notifications", forms.NotificationsForm),
    ("conduct", forms.ConductForm),
    ("sentences", forms.SentencesForm),
    ("traffic_violations", forms.TrafficViolationsForm),
    ("naturalization", forms.NaturalizationForm),
    ("naturalization_birth", forms.NaturalizationBirthForm),
    ("summary", forms.SummaryForm),
]

CONDITIONS = {
    "marriage": is_spouse,
    "grant": has_grant_date,
    "hsp": uses_hsp_route,
    "hsp_typed": types_points,
    "hsp_now": calculates_points_now,
    "hsp_year_ago": calculates_points_one_year_ago,
    "hsp_three_years_ago": calculates_points_three_years_ago,
    "hsp_points": shows_calculated_points,
    "payments": has_late_or_unpaid_payments,
    "notifications": has_missed_notifications,
    "sentences": has_sentences,
    "traffic_violations": has_traffic_violations,
    "naturalization": checks_naturalization,
    "naturalization_birth": born_in_japan,
}

#: The profile step that calculates the points of each point date (``hsp_points.<date>``).
PROFILE_STEPS = dict(
    zip(POINT_DATES, ("hsp_now", "hsp_year_ago", "hsp_three_years_ago"), strict=True)
)

#: Steps that share a template (``assessments/wizard/<name>.html``); others use their name.
TEMPLATES = dict.fromkeys(PROFILE_STEPS.values(), "hsp_profile")

TITLES = {
    "status": _("Your status of residence"),
    "stay": _("Your period of stay"),
    "residence": _("Your residence in Japan"),
    "marriage": _("Your marriage"),
    "grant": _("When your status was granted"),
    "hsp": _("Highly Skilled Professional points"),
    "hsp_typed": _("Your points from the calculation sheet"),
    "hsp_now": _("Your HSP profile on the application date"),
    "hsp_year_ago": _("Your HSP profile one year before"),
    "hsp_three_years_ago": _("Your HSP profile three years before"),
    "hsp_points": _("Your calculated HSP points"),
    "travel": _("Trips abroad"),
    "household": _("Your household"),
    "income": _("Your income"),
    "taxes": _("Taxes, pension and health insurance"),
    "payments": _("Late or unpaid payments"),
    "notifications": _("Late or missed notifications"),
    "conduct": _("Conduct and guarantor"),
    "sentences": _("Sentences in Japan"),
    "traffic_violations": _("Traffic violations"),
    "naturalization": _("Naturalization (帰化)"),
    "naturalization_birth": _("Born in Japan"),
    "summary": _("Check your answers"),
}


def candidate_routes(wizard) -> list[str]:
    """Return the routes whose income look-back is asked, as the engine gives them for the
    answers so far (``rules.routes.lookback_routes``)."""
    return routes.lookback_routes(
        _answers(wizard, "status").get("status"),
        contribution_to_japan=bool(_answers(wizard, "residence").get("contribution_to_japan")),
        hsp_points_given=uses_hsp_route(wizard),
        jskip_eligible=uses_hsp_route(wizard) and claims_jskip(wizard),
    )


def asks_household_income(routes: Iterable[str]) -> bool:
    """Ask household income on every route: livelihood is judged per household.

    On the spouse and child routes it shows whether a legally exempt household supports itself;
    on the others it can carry an applicant whose own income is below the floor.
    """
    return True


def income_years(wizard, thresholds: Thresholds) -> list[int]:
    """Return the income years asked: those the engine checks for the answers so far.

    The longest look-back of the candidate routes, certifiable on the application date, none
    before the year residence began (``rules.livelihood.income_years_checked``).
    """
    return income_years_checked(
        application_date=wizard.application_date(),
        residence_start_date=_answers(wizard, "residence").get("residence_start_date"),
        routes=candidate_routes(wizard),
        t=thresholds,
    )
