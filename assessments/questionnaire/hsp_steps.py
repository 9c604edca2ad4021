"""HSP points calculated inside the wizard: each profile step scored as of its own day.

The HSP step lets the applicant type the points from their calculation sheet or answer the
profile as of that day (``forms/hsp_profile.py``); ``flow.py`` decides which profiles are
asked. This mixin scores the profiles (``hsp_points_at``, the calculator's service, with the
table in force on that day), hands the points to the answers (``calculated_points``), prefills
the earlier profiles from the later one, and words the results for the steps and the summary.
Nothing is stored: the points are recalculated from the run's answers on each request, and
given to the route (``flow.route``) as the calculator's, so its conditions stay pure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.eligibility.rules.dates import add_years
from assessments.hsp.presentation import result_page
from assessments.hsp.result import HspPointsResult
from assessments.hsp.services import HspTableNotInForce, hsp_points_at
from assessments.questionnaire import flow, handover
from assessments.questionnaire.forms.hsp import YEARS_BEFORE
from assessments.questionnaire.mapping import CalculatedPoints
from assessments.questionnaire.so_far import answered, page_data
from assessments.questionnaire.summary import POINTS, TEXT, Answer

#: What the applicant is told about each point date (headings and summary labels).
DATE_LABELS = {
    "now": gettext_lazy("On the application date"),
    "one_year_ago": gettext_lazy("One year before the application date"),
    "three_years_ago": gettext_lazy("Three years before the application date"),
}
#: Why a profile the applicant chose to calculate was not asked: (mark, years held) keys.
NOT_NEEDED = {
    "one_year_ago": ("hsp.points_80", "residence.hsp_80.min_years"),
    "three_years_ago": ("hsp.points_70", "residence.hsp_70.min_years"),
}
BELOW_MARK = gettext_lazy(
    "Not needed: your points on the application date are below %(mark)s, so the "
    "%(mark)s-point route is not open yet."
)
BELOW_MARK_NO_JSKIP = gettext_lazy(
    "Not needed: your points on the application date are below %(mark)s, so the "
    "%(mark)s-point route is not open yet, and you do not meet the J-Skip criteria now."
)
HELD_LONG_ENOUGH = gettext_lazy(
    "Not needed: you have held Highly Skilled Professional status for %(years)s years or more, "
    "so your points then were checked when it was granted."
)


@dataclass(frozen=True)
class PointsCard:
    """One point date on the calculated-points step: its result, or why it was not asked."""

    date: str
    label: str
    as_of: dt.date
    result: HspPointsResult | None = None
    page: dict | None = None
    not_needed: str = ""


class HspCalculationMixin:
    """Score the HSP profiles the route asks, and show the points back."""

    def profile_form(self, step: str, answers, asked, application_date):
        """Return the profile page's form of these answers so far, None if not answered."""
        page = flow.PAGE[step]
        if not answered(page, answers, asked):
            return None
        return self.page_form(
            step, MultiValueDict(page_data(page, answers, asked)), application_date
        )

    def profile_points(self, answers, asked, application_date) -> dict:
        """Return the calculator's points for each profile page answered, by page."""
        return {
            step: self.hsp_result(self.profile_form(step, answers, asked, application_date))
            for step in flow.PROFILE_STEPS.values()
        }

    def hsp_result(self, form) -> HspPointsResult | None:
        """Return the points of a profile page's form, or None if it has no valid profile."""
        profile = form.cleaned_data.get("profile") if form and form.is_valid() else None
        if profile is None:
            return None
        cache = self.__dict__.setdefault("_hsp_results", {})
        if profile not in cache:
            try:
                cache[profile] = hsp_points_at(profile, on=profile.as_of)
            except HspTableNotInForce:
                cache[profile] = None  # no table that day: the points stay "not given"
        return cache[profile]

    def hsp_calculated(self) -> CalculatedPoints:
        """Return the points (and J-Skip) calculated from the profiles of the current route."""
        return flow.calculated(self.so_far())

    def hsp_initial(self, step: str) -> dict:
        """Prefill a profile before the application date from the nearest later one.

        Degrees and bonuses rarely change; experience is shortened by the years in between
        (never below zero). The applicant checks each answer, the salary above all.
        """
        dates = list(flow.PROFILE_STEPS)
        date = dates[list(flow.PROFILE_STEPS.values()).index(step)]
        for later in reversed(dates[: dates.index(date)]):
            later_step = flow.PROFILE_STEPS[later]
            form = None
            if later_step in self.route():
                answers, asked = self._answers_so_far
                form = self.profile_form(later_step, answers, asked, self.application_date())
            if form is not None and form.is_valid():
                cleaned = form.cleaned_data
                initial = {name: value for name, value in cleaned.items() if name != "profile"}
                gap = YEARS_BEFORE[date] - YEARS_BEFORE[later]
                if initial.get("experience_years") is not None:
                    initial["experience_years"] = max(initial["experience_years"] - gap, 0)
                return initial
        return {}

    def profile_context(self, step: str, form) -> dict:
        """A profile page: its day, and whether it was prefilled from a later profile."""
        unanswered = self.storage.get_step_data(step) is None
        prefilled = unanswered and bool(self.hsp_initial(step))
        return {"as_of": form.as_of_day, "prefilled": prefilled}

    def sources_context(self, form) -> dict:
        """The HSP page: the points handed over, and the days holding the status vouches for."""
        return {"handed_over": self.handed_over_points(form), "vouched": self.vouched_dates()}

    def points_context(self) -> dict:
        """The calculated points page: a card per day calculated here."""
        calculated = self.hsp_calculated()
        return {"cards": self.points_cards(calculated), "jskip": calculated.jskip_eligible}

    def handed_over_points(self, form) -> list[dict]:
        """Return the points from the calculator shown on the HSP step (while not yet answered)."""
        if self.storage.get_step_data("hsp") is not None:
            return []
        return [
            {"label": str(DATE_LABELS[date]), **entry}
            for date, entry in handover.handed_over(self.request.session).items()
        ]

    def vouched_dates(self) -> list[dict]:
        """Return the earlier point dates that holding HSP status vouches for (not asked)."""
        thresholds = self.thresholds()
        if thresholds is None:
            return []
        return [
            {"label": str(DATE_LABELS[date]), "years": thresholds[years_key]}
            for date, (_mark, years_key) in NOT_NEEDED.items()
            if flow.holds_hsp_for(self.so_far(), years_key)
        ]

    def points_cards(self, calculated: CalculatedPoints) -> list[PointsCard]:
        """Return a card per point date calculated here, newest first."""
        so_far, cards = self.so_far(), []
        for date in calculated.points:
            result = so_far.calculated(flow.PROFILE_STEPS[date])
            card = PointsCard(
                date=date,
                label=str(DATE_LABELS[date]),
                as_of=add_years(self.application_date(), -YEARS_BEFORE[date]),
            )
            if result is None:
                cards.append(replace(card, not_needed=self.not_needed(date)))
            else:
                cards.append(replace(card, result=result, page=result_page(result)))
        return cards

    def not_needed(self, date: str) -> str:
        """Say why the profile of ``date`` was not asked although the applicant chose it."""
        if date not in NOT_NEEDED:
            return ""
        mark_key, years_key = NOT_NEEDED[date]
        thresholds = self.thresholds()
        if thresholds is None:
            return ""
        so_far = self.so_far()
        if flow.holds_hsp_for(so_far, years_key):
            return str(HELD_LONG_ENOUGH) % {"years": thresholds[years_key]}
        # J-Skip checked from the profiles and met now would have asked the year before.
        jskip_checked = date == "one_year_ago" and flow.calculates_points_now(so_far)
        reason = BELOW_MARK_NO_JSKIP if jskip_checked else BELOW_MARK
        return str(reason) % {"mark": thresholds[mark_key]}

    def hsp_summary_answers(self, step: str) -> list[Answer]:
        """Return the calculated points to list first in a profile step's summary section."""
        result = self.so_far().calculated(step) if step in flow.PROFILE_STEPS.values() else None
        if result is None:
            return []
        answers = [Answer(_("Points calculated for this day"), result.points, POINTS)]
        if not result.salary_floor_met:
            answers.append(
                Answer(
                    _("Points that count"),
                    _("None: the annual salary is below the minimum for this activity"),
                    TEXT,
                )
            )
        if result.j_skip.available:
            met = _("Met") if result.j_skip.eligible else _("Not met")
            answers.append(Answer(_("J-Skip criteria on this day"), met, TEXT))
        return answers
