"""The HSP points step: per point date, the points from a calculation sheet or "calculate here".

For each day the HSP routes look at (the application date, one year and three years before
it) the applicant either types the points from their calculation sheet or chooses to answer
the profile as of that day on the following steps (``hsp_profile.py``), where the points are
calculated. The points typed are asked on a page of their own. Which pages are then asked is
routing (``flow.py``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from assessments.questionnaire.forms.step import StepForm
from assessments.results.questions import asked
from assessments.web.fields import choice, count_field, yes_no

#: The contract's point dates (``hsp_points.<date>``), newest first.
POINT_DATES = ("now", "one_year_ago", "three_years_ago")
#: How many years before the application date each point date is (what the names say).
YEARS_BEFORE = {"now": 0, "one_year_ago": 1, "three_years_ago": 3}


class PointsSource(models.TextChoices):
    KNOWN = (
        "known",
        _(
            "I know my points (from my calculation sheet, 高度専門職ポイント計算結果通知書 or "
            "the points calculator)"
        ),
    )
    CALCULATE = "calculate", _("Calculate them here, from my answers about that day")


def points_field(date: str) -> str:
    return f"hsp_points_{date}"


def source_field(date: str) -> str:
    return f"hsp_points_{date}_source"


def _source(label, help_text):
    return choice(label, help_text, PointsSource.choices)


class HspForm(StepForm):
    """How the points of each day are given, and whether they were held throughout.

    The points typed from a calculation sheet, and the J-Skip question, are asked on the next
    page (``HspTypedForm``), only when a day's points are to be typed: one thing at a time.
    """

    step = "hsp"
    hsp_points_now_source = _source(
        _("Your HSP points on the application date"),
        _("Both Highly Skilled Professional routes look at your points on this day."),
    )
    hsp_points_one_year_ago_source = _source(
        _("Your HSP points one year before the application date"),
        _("The 80-point route (permanent residence after 1 year) looks at this day too."),
    )
    hsp_points_three_years_ago_source = _source(
        _("Your HSP points three years before the application date"),
        _("The 70-point route (permanent residence after 3 years) looks at this day too."),
    )
    hsp_points_maintained = yes_no(
        asked("hsp_points_maintained"),
        _("The points must have been held throughout, not only on those two days."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for date in POINT_DATES:
            self.fields[source_field(date)].initial = PointsSource.KNOWN


#: The days whose J-Skip criteria are checked from the profiles when both are calculated here.
JSKIP_DATES = ("now", "one_year_ago")


class HspTypedForm(StepForm):
    """The points typed from the sheet, for the days the HSP step says are known.

    The view passes ``known_dates``; only their points are asked. The J-Skip question is asked
    unless the profiles now and one year before are both calculated here (the criteria are
    then checked from those profiles).
    """

    step = "hsp_typed"
    hsp_points_now = count_field(
        _("Your points on the application date"),
        _(
            "As counted on the official points table (高度専門職ポイント計算表): on your "
            "calculation sheet, or by the points calculator."
        ),
        required=False,
    )
    hsp_points_one_year_ago = count_field(
        _("Your points one year before"),
        _("Leave empty if you do not know them."),
        required=False,
    )
    hsp_points_three_years_ago = count_field(
        _("Your points three years before"),
        _("Leave empty if you do not know them."),
        required=False,
    )
    jskip_eligible = yes_no(
        asked("jskip_eligible"),
        _(
            "J-Skip (Special Highly Skilled Professional) is based on income and degree or "
            "work experience, not points. Answer No if you are not sure. Not needed if you "
            "calculate your points both now and one year before here: the criteria are then "
            "checked from those answers."
        ),
    )

    def __init__(self, *args, known_dates=POINT_DATES, jskip_answered=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.known_dates = tuple(known_dates)
        #: J-Skip as the HSP calculator already answered it (None: asked here).
        self.jskip_answered = jskip_answered
        for date in POINT_DATES:
            if date not in self.known_dates:
                del self.fields[points_field(date)]
        if not self.asks_jskip:
            del self.fields["jskip_eligible"]
        else:
            self.fields["jskip_eligible"].required = False

    @property
    def asks_jskip(self) -> bool:
        return self.jskip_answered is None and any(date in self.known_dates for date in JSKIP_DATES)

    def clean(self):
        cleaned = self.cleaned_data
        for date in POINT_DATES:
            if date not in self.known_dates:
                cleaned[points_field(date)] = None
        if (
            "now" in self.known_dates
            and cleaned.get(points_field("now")) is None
            and points_field("now") not in self.errors
        ):
            self.add_error(
                points_field("now"),
                _("Enter your points on the application date, or choose to calculate them here."),
            )
        if self.jskip_answered is not None:
            cleaned["jskip_eligible"] = self.jskip_answered
        elif not self.asks_jskip:
            cleaned["jskip_eligible"] = None
        elif cleaned.get("jskip_eligible") is None and "jskip_eligible" not in self.errors:
            self.add_error("jskip_eligible", _("Answer whether you meet the J-Skip criteria."))
        return super().clean()


class HspPointsForm(StepForm):
    """The calculated points shown back: nothing to fill in, Continue goes on."""
