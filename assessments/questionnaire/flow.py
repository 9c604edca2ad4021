"""The outline of the check: which questions are asked, in which order, and when.

This is the only place that decides the order of questions (style guideline 8): each page
is one ``Step`` in ``PAGES``, in the manner of the question blocks of GOV.UK smart-answers
(what the page asks, what it answers and when it comes, in one block). Each condition is a
small named pure function of the answers so far (``so_far.AnswersSoFar``: the contract keys
and steering answers of the pages shown before it, the thresholds in force, the points the
calculator gave), so an answer kept from a skipped page can never steer the route, and
``route`` walks the pages to give the pages asked. The wizard hands formtools conditions
that only look that route up (``route_conditions``). Where the engine decides (the Business
Manager question, the candidate routes, the income years) the conditions ask it
(``eligibility``); what the answers *mean* is decided by ``rules/``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from assessments.eligibility.choices import ResidenceStatus
from assessments.eligibility.rules import routes
from assessments.eligibility.rules.dates import add_years
from assessments.eligibility.rules.declarations import business_standards_question
from assessments.eligibility.rules.livelihood import income_years_checked
from assessments.hsp.result import HspPointsResult, counted_points
from assessments.questionnaire import forms, handover
from assessments.questionnaire.forms import POINT_DATES, PointsSource
from assessments.questionnaire.forms.hsp import source_field
from assessments.questionnaire.forms.hsp_profile import (
    HspNowForm,
    HspThreeYearsAgoForm,
    HspYearAgoForm,
)
from assessments.questionnaire.mapping import NATURALIZATION_TIES, CalculatedPoints
from assessments.questionnaire.so_far import AnswersSoFar
from assessments.thresholds.snapshot import Thresholds


def keeps_permanent_residence(so_far: AnswersSoFar) -> bool:
    """Return whether the run is a permanent resident's own check (``keep_pr``), not an
    application: the engine then reads the grant, the card, the trips and the payments."""
    return so_far.status == ResidenceStatus.PERMANENT_RESIDENT


def applies(so_far: AnswersSoFar) -> bool:
    """Ask the pages only an application needs (stay, residence, household, income, conduct)."""
    return not keeps_permanent_residence(so_far)


def is_spouse(so_far: AnswersSoFar) -> bool:
    """Ask for the marriage date when the applicant holds a spouse status."""
    return so_far.status in routes.SPOUSE_STATUSES


def has_grant_date(so_far: AnswersSoFar) -> bool:
    """Ask when the status was granted of those whose route counts from it (the engine says),
    and of a permanent resident, whose check counts from the grant of permanent residence."""
    return so_far.status in routes.GRANT_DATE_STATUSES or keeps_permanent_residence(so_far)


def business_question(so_far: AnswersSoFar) -> dict | None:
    """Return what the Business Manager gate question needs, or None when it is not asked.

    The engine decides who is concerned and from when (``business_standards_question``).
    """
    if so_far.thresholds is None or so_far.application_date is None:
        return None
    return business_standards_question(so_far.status, so_far.application_date, so_far.thresholds)


def asks_hsp_route(so_far: AnswersSoFar) -> bool:
    """Ask whether to check the HSP routes (on the residence step) only of other statuses."""
    return so_far.status != ResidenceStatus.HSP


def uses_hsp_route(so_far: AnswersSoFar) -> bool:
    """Ask for HSP points from HSP holders and from anyone who wants to try those routes
    (a permanent resident's check skips the residence page, so never asks them)."""
    if so_far.status == ResidenceStatus.HSP:
        return True
    return bool(so_far.said("residence", "hsp_route"))


def point_sources(so_far: AnswersSoFar) -> dict[str, str | None]:
    """Return how the HSP page says each point date's points are given (known, calculate)."""
    return {date: so_far.said("hsp", source_field(date)) for date in POINT_DATES}


def _calculates(so_far: AnswersSoFar, date: str) -> bool:
    return point_sources(so_far)[date] == PointsSource.CALCULATE


def known_point_dates(so_far: AnswersSoFar) -> tuple[str, ...]:
    """Return the days whose points the HSP step says are known (typed from the sheet)."""
    sources = point_sources(so_far)
    return tuple(d for d in POINT_DATES if sources[d] == PointsSource.KNOWN)


def types_points(so_far: AnswersSoFar) -> bool:
    """Ask the points from the sheet when the HSP step says a day's points are known."""
    return bool(known_point_dates(so_far))


def calculated_now(so_far: AnswersSoFar):
    """Return the calculator's points on the application date, when calculated here."""
    return so_far.calculated(PROFILE_STEPS["now"]) if _calculates(so_far, "now") else None


def points_now(so_far: AnswersSoFar) -> int | None:
    """Return the points on the application date: typed from the sheet, or calculated."""
    if not _calculates(so_far, "now"):
        return (so_far.answer("hsp_points") or {}).get("now")
    result = calculated_now(so_far)
    return counted_points(result) if result else None


def reaches_now(so_far: AnswersSoFar, mark_key: str) -> bool:
    """Return whether the points on the application date reach the mark ``mark_key``."""
    mark = so_far.thresholds[mark_key] if so_far.thresholds else None
    points = points_now(so_far)
    return mark is not None and points is not None and points >= mark


def holds_hsp_for(so_far: AnswersSoFar, years_key: str) -> bool:
    """Return whether HSP status, held for ``years_key`` years, vouches for the past points.

    As the rules count it: the points were checked when the status was granted, so a holder
    granted at least that long before the application date is not asked the points then.
    """
    granted, on = so_far.date("status_grant_date"), so_far.application_date
    return (
        so_far.status == ResidenceStatus.HSP
        and granted is not None
        and on is not None
        and so_far.thresholds is not None
        and add_years(granted, so_far.thresholds[years_key]) <= on
    )


def meets_jskip_now(so_far: AnswersSoFar) -> bool:
    """Return whether the profile on the application date meets the J-Skip criteria."""
    result = calculated_now(so_far)
    return bool(result and result.j_skip.eligible)


def calculates_points_now(so_far: AnswersSoFar) -> bool:
    """Ask the profile on the application date when its points are to be calculated here."""
    return _calculates(so_far, "now")


def needs_points_one_year_ago(so_far: AnswersSoFar) -> bool:
    """The 80-point route needs the points a year before only with 80 now, unless vouched for."""
    return reaches_now(so_far, "hsp.points_80") and not holds_hsp_for(
        so_far, "residence.hsp_80.min_years"
    )


def needs_points_three_years_ago(so_far: AnswersSoFar) -> bool:
    """The 70-point route needs the points three years before only with 70 now, unless vouched."""
    return reaches_now(so_far, "hsp.points_70") and not holds_hsp_for(
        so_far, "residence.hsp_70.min_years"
    )


def calculates_points_one_year_ago(so_far: AnswersSoFar) -> bool:
    """Ask the profile a year before when calculating it, for the 80-point route or J-Skip.

    J-Skip (checked from the profiles when both are answered here) needs the criteria met a
    year before as well, so the profile is asked whenever they are met now.
    """
    return _calculates(so_far, "one_year_ago") and (
        needs_points_one_year_ago(so_far) or meets_jskip_now(so_far)
    )


def calculates_points_three_years_ago(so_far: AnswersSoFar) -> bool:
    """Ask the profile three years before when calculating it and the 70-point route needs it."""
    return _calculates(so_far, "three_years_ago") and needs_points_three_years_ago(so_far)


def shows_calculated_points(so_far: AnswersSoFar) -> bool:
    """Show the calculated points whenever a day's points were to be calculated here.

    A profile the route does not need is not asked; this step then says why (for example,
    the holder route vouches for the points then), so a "calculate" choice is never dropped
    silently.
    """
    return any(_calculates(so_far, date) for date in POINT_DATES)


def calculated(so_far: AnswersSoFar) -> CalculatedPoints:
    """Return the points (and J-Skip) calculated from the profiles shown so far."""
    return so_far.calculated_points(point_sources(so_far), PROFILE_STEPS)


def claims_jskip(so_far: AnswersSoFar) -> bool:
    """Return whether J-Skip applies: checked from the profiles, or as the applicant said."""
    jskip = calculated(so_far).jskip_eligible
    if jskip is not None:
        return jskip
    return bool(so_far.answer("jskip_eligible"))


def has_late_or_unpaid_payments(so_far: AnswersSoFar) -> bool:
    """List the payments when the taxes page says some are unpaid or were paid late."""
    return so_far.said("taxes", "taxes_paid") is False or (
        so_far.said("taxes", "paid_on_time") is False
    )


def says_all_paid(so_far: AnswersSoFar) -> bool | None:
    """Return the taxes page's "all paid" answer, which the payments listed must agree with."""
    return so_far.said("taxes", "taxes_paid")


def has_missed_notifications(so_far: AnswersSoFar) -> bool:
    """List the notifications when the taxes page says some were late or never filed."""
    return bool(so_far.said("taxes", "has_missed_notifications"))


def has_sentences(so_far: AnswersSoFar) -> bool:
    """List the sentences when the conduct page says there are some."""
    return bool(so_far.said("conduct", "has_criminal_records"))


def has_traffic_violations(so_far: AnswersSoFar) -> bool:
    """List the traffic violations when the conduct page says there are some."""
    return bool(so_far.said("conduct", "has_traffic_violations"))


def checks_naturalization(so_far: AnswersSoFar) -> bool:
    """The naturalization questions, when an applicant asked for that check too (the
    keep-PR check has no naturalization part)."""
    return applies(so_far) and bool(so_far.said("status", "naturalization"))


def born_in_japan(so_far: AnswersSoFar) -> bool:
    """Ask the follow-up questions of Art. 6(ii) and 8(iv) of someone born in Japan."""
    return bool(so_far.answer("born_in_japan"))


@dataclass(frozen=True)
class Step:
    """One page of the check, declared once: everything else about the page derives from it.

    ``writes`` are the contract keys (``prcheck.answers/1``) the page answers: the run keeps
    them in its answers document, and the page is answered when the document holds them all.
    ``asks`` are the page's questions that only steer the check (``taxes_paid``: is there a
    list of payments to ask?); the run keeps them by name beside the document, under
    ``keeps_under`` when several pages ask the same names (the HSP profiles). A page that
    writes and asks nothing (the calculated points) only shows something back.
    ``condition`` says, from the answers so far (``AnswersSoFar``), whether the page is asked
    (None: always); ``route`` calls it with the answers of the pages shown before it only.
    ``separate_questions`` says the page's questions are unrelated to one another (the
    household: dependants, savings, public assistance): on a phone, with JavaScript, the page
    shows them one at a time (questions.js), without another page load; ``asked_together``
    names the fields that read as one question there ("How many dependants?", "Of those, how
    many live outside Japan?").
    """

    name: str
    form: type
    title: str
    writes: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    condition: Callable | None = None
    template: str = ""
    keeps_under: str = ""
    #: The page's answers before any are given, from the wizard (the calculator's hand-over).
    initial: Callable | None = None
    #: What the page's form needs to know of the answers so far (the income years asked).
    form_kwargs: Callable | None = None
    #: What the page shows back beside its form (the trips totals, the income floors).
    context: Callable | None = None
    separate_questions: bool = False
    asked_together: tuple[tuple[str, ...], ...] = ()

    @property
    def asks_application_date(self) -> bool:
        """The page asking the application date is not limited by the one it asks."""
        return "application_date" in self.writes

    @property
    def template_name(self) -> str:
        return f"assessments/wizard/{self.template or self.name}.html"

    def kept_name(self, field: str) -> str:
        """Return the name the run keeps the steering answer ``field`` under."""
        return f"{self.keeps_under}.{field}" if self.keeps_under else field


# What pages are given beyond their answers: small functions of the wizard -----------------


def today_initial(wizard) -> dict:
    return {"application_date": wizard.today}


def hsp_route_initial(wizard) -> dict:
    return handover.hsp_route_initial(wizard.request.session)


def sources_initial(wizard) -> dict:
    return handover.sources_initial(wizard.request.session)


def typed_initial(wizard) -> dict:
    return handover.typed_initial(wizard.request.session)


def stay_kwargs(wizard) -> dict:
    return {"business": business_question(wizard.so_far())}


def residence_kwargs(wizard) -> dict:
    return {"asks_hsp_route": asks_hsp_route(wizard.so_far())}


def typed_points_kwargs(wizard) -> dict:
    return {
        "known_dates": known_point_dates(wizard.so_far()),
        "jskip_answered": handover.jskip_answered(wizard.request.session),
    }


def income_kwargs(wizard) -> dict:
    so_far = wizard.so_far()
    # No rules in force on that date: the income step then says so.
    return {
        "income_years": income_years(so_far, wizard.application_date()),
        "household": asks_household_income(candidate_routes(so_far)),
    }


def grant_kwargs(wizard) -> dict:
    return {"permanent_resident": keeps_permanent_residence(wizard.so_far())}


def travel_kwargs(wizard) -> dict:
    return {"asks_reentry_permit": keeps_permanent_residence(wizard.so_far())}


def payments_kwargs(wizard) -> dict:
    return {"taxes_paid": says_all_paid(wizard.so_far())}


def _profile(name: str, form: type, title: str, condition: Callable) -> Step:
    return Step(
        name,
        form,
        title,
        asks=tuple(form.base_fields),
        condition=condition,
        template="hsp_profile",
        keeps_under=f"hsp_profile.{form.point_date}",
        initial=lambda wizard: wizard.hsp_initial(name),
        context=lambda wizard, form, kwargs: wizard.profile_context(name, form),
    )


#: The pages in order. Adding a page, or a condition to one, is one entry here.
PAGES: tuple[Step, ...] = (
    Step(
        "status",
        forms.StatusForm,
        _("Your status of residence"),
        separate_questions=True,
        writes=("application_date", "status", "immigration_bureau"),
        asks=("naturalization",),
        initial=today_initial,
    ),
    Step(
        "stay",
        forms.StayForm,
        _("Your period of stay"),
        separate_questions=True,
        asked_together=(("period_of_stay", "status_expiry_date"),),
        writes=(
            "period_of_stay_years",
            "status_expiry_date",
            "meets_landing_standards",
            "business_manager_standards",
        ),
        condition=applies,
        form_kwargs=stay_kwargs,
    ),
    Step(
        "residence",
        forms.ResidenceForm,
        _("Your residence in Japan"),
        separate_questions=True,
        asked_together=(("residence_start_date", "qualifying_status_start_date"),),
        writes=("residence_start_date", "qualifying_status_start_date", "contribution_to_japan"),
        asks=("hsp_route",),
        initial=hsp_route_initial,
        form_kwargs=residence_kwargs,
        condition=applies,
    ),
    Step(
        "marriage",
        forms.MarriageForm,
        _("Your marriage"),
        writes=("marriage_date",),
        condition=is_spouse,
    ),
    Step(
        "grant",
        forms.GrantForm,
        _("When your status was granted"),
        writes=("status_grant_date",),
        condition=has_grant_date,
        form_kwargs=grant_kwargs,
    ),
    Step(
        "card",
        forms.CardForm,
        _("Your residence card"),
        writes=("residence_card_expiry",),
        condition=keeps_permanent_residence,
    ),
    Step(
        "hsp",
        forms.HspForm,
        _("Highly Skilled Professional points"),
        writes=("hsp_points_maintained",),
        asks=tuple(source_field(date) for date in POINT_DATES),
        condition=uses_hsp_route,
        initial=sources_initial,
        context=lambda wizard, form, kwargs: wizard.sources_context(form),
    ),
    Step(
        "hsp_typed",
        forms.HspTypedForm,
        _("Your points from the calculation sheet"),
        writes=("hsp_points", "jskip_eligible"),
        condition=types_points,
        initial=typed_initial,
        form_kwargs=typed_points_kwargs,
    ),
    _profile(
        "hsp_now",
        HspNowForm,
        _("Your HSP profile on the application date"),
        calculates_points_now,
    ),
    _profile(
        "hsp_year_ago",
        HspYearAgoForm,
        _("Your HSP profile one year before"),
        calculates_points_one_year_ago,
    ),
    _profile(
        "hsp_three_years_ago",
        HspThreeYearsAgoForm,
        _("Your HSP profile three years before"),
        calculates_points_three_years_ago,
    ),
    Step(
        "hsp_points",
        forms.HspPointsForm,
        _("Your calculated HSP points"),
        condition=shows_calculated_points,
        context=lambda wizard, form, kwargs: wizard.points_context(),
    ),
    Step(
        "travel",
        forms.TravelForm,
        _("Trips abroad"),
        writes=("trips",),
        asks=("has_trips",),
        form_kwargs=travel_kwargs,
        context=lambda wizard, form, kwargs: wizard.trips_context(form, kwargs),
    ),
    Step(
        "household",
        forms.HouseholdForm,
        _("Your household"),
        separate_questions=True,
        asked_together=(("dependents", "dependents_abroad"),),
        writes=("dependents", "dependents_abroad", "assets", "public_assistance"),
        condition=applies,
    ),
    Step(
        "income",
        forms.IncomeForm,
        _("Your income"),
        writes=("employment", "income"),
        asks=("same_income",),
        form_kwargs=income_kwargs,
        context=lambda wizard, form, kwargs: {"income_floors": wizard.income_floors()},
        condition=applies,
    ),
    Step(
        "taxes",
        forms.TaxesForm,
        _("Taxes, pension and health insurance"),
        separate_questions=True,
        asked_together=(
            ("taxes_paid", "paid_on_time"),
            ("pension_enrolled", "health_insurance_enrolled"),
        ),
        writes=("pension_enrolled", "health_insurance_enrolled"),
        asks=("taxes_paid", "paid_on_time", "has_missed_notifications"),
    ),
    Step(
        "payments",
        forms.PaymentsForm,
        _("Late or unpaid payments"),
        writes=("payments",),
        condition=has_late_or_unpaid_payments,
        form_kwargs=payments_kwargs,
    ),
    Step(
        "notifications",
        forms.NotificationsForm,
        _("Late or missed notifications"),
        writes=("missed_notifications",),
        condition=has_missed_notifications,
    ),
    Step(
        "conduct",
        forms.ConductForm,
        _("Conduct and guarantor"),
        separate_questions=True,
        asked_together=(("has_criminal_records", "has_traffic_violations"),),
        writes=("unauthorized_work", "public_health_risk", "guarantor"),
        asks=("has_criminal_records", "has_traffic_violations"),
        condition=applies,
    ),
    Step(
        "sentences",
        forms.SentencesForm,
        _("Sentences in Japan"),
        writes=("criminal_records",),
        condition=has_sentences,
    ),
    Step(
        "traffic_violations",
        forms.TrafficViolationsForm,
        _("Traffic violations"),
        writes=("traffic_violations",),
        condition=has_traffic_violations,
    ),
    Step(
        "naturalization",
        forms.NaturalizationForm,
        _("Naturalization (帰化)"),
        separate_questions=True,
        writes=(
            "birth_date",
            "japanese_level",
            "nationality_renounceable",
            "monthly_take_home",
            "last_job_change_date",
            "family_arrears",
            *NATURALIZATION_TIES,
        ),
        condition=checks_naturalization,
    ),
    Step(
        "naturalization_birth",
        forms.NaturalizationBirthForm,
        _("Born in Japan"),
        writes=("parent_born_in_japan", "stateless_since_birth"),
        condition=born_in_japan,
    ),
    Step(
        "summary",
        forms.SummaryForm,
        _("Check your answers"),
        context=lambda wizard, form, kwargs: {"sections": wizard.summary_sections()},
    ),
)

#: The page of each name.
PAGE = {page.name: page for page in PAGES}
#: What formtools is given (``form_list``, ``condition_dict``), derived from ``PAGES``.
STEPS = [(page.name, page.form) for page in PAGES]
TITLES = {page.name: page.title for page in PAGES}

#: The profile step that calculates the points of each point date (``hsp_points.<date>``).
PROFILE_STEPS = {
    page.form.point_date: page.name for page in PAGES if page.template == "hsp_profile"
}


def candidate_routes(so_far: AnswersSoFar) -> list[str]:
    """Return the routes whose income look-back is asked, as the engine gives them for the
    answers so far (``rules.routes.lookback_routes``)."""
    hsp = uses_hsp_route(so_far)
    return routes.lookback_routes(
        so_far.status,
        contribution_to_japan=bool(so_far.answer("contribution_to_japan")),
        hsp_points_given=hsp,
        jskip_eligible=hsp and claims_jskip(so_far),
    )


def asks_household_income(routes: Iterable[str]) -> bool:
    """Ask household income on every route: livelihood is judged per household.

    On the spouse and child routes it shows whether a legally exempt household supports itself;
    on the others it can carry an applicant whose own income is below the floor.
    """
    return True


def income_years(so_far: AnswersSoFar, application_date: dt.date) -> list[int] | None:
    """Return the income years asked: those the engine checks for the answers so far.

    The longest look-back of the candidate routes, certifiable on the application date, none
    before the year residence began (``rules.livelihood.income_years_checked``). None when no
    rules are in force on that date (the income page then says so).
    """
    if so_far.thresholds is None:
        return None
    return income_years_checked(
        application_date=application_date,
        residence_start_date=so_far.date("residence_start_date"),
        routes=candidate_routes(so_far),
        t=so_far.thresholds,
    )


def route(
    answers: Mapping,
    asked: Mapping,
    thresholds: Thresholds | None,
    points: Mapping[str, HspPointsResult | None] | None = None,
) -> tuple[str, ...]:
    """Return the pages asked for these answers, in order: the route of the check.

    Walks ``PAGES``: each page's condition reads the answers of the pages shown before it
    only (``AnswersSoFar``), so an answer kept from a page the route skips never steers it.
    ``answers`` is the run's answers document, ``asked`` its steering answers, ``thresholds``
    those in force on the application date (None: none), ``points`` the calculator's result
    for each HSP profile page answered.
    """
    so_far = AnswersSoFar((), answers, asked, thresholds, points or {})
    shown: list[Step] = []
    for page in PAGES:
        if page.condition is None or page.condition(so_far.showing(shown)):
            shown.append(page)
    return tuple(page.name for page in shown)


def on_route(step: str) -> Callable:
    """Return formtools' condition of ``step``: is it on the wizard's route (``route``)?"""

    def condition(wizard) -> bool:
        return step in wizard.route()

    condition.__name__ = f"on_route_{step}"
    return condition


def route_conditions() -> dict[str, Callable]:
    """Return formtools' ``condition_dict``: each conditional page looks up the route.

    New callables each time: formtools keeps the form list it resolved for as long as its
    ``condition_dict`` is the same, so the wizard gives it new ones when a saved page may have
    changed the route (``AssessmentWizard.forget_route``).
    """
    return {page.name: on_route(page.name) for page in PAGES if page.condition is not None}
