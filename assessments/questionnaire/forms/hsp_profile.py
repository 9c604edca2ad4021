"""The HSP profile as of one day (the application date, one or three years before it).

These steps reuse the standalone calculator's form (``assessments.hsp.forms``): the same
fields, labels, hints and validation (``profile_from_dict``), so a profile is refused with the
same words on the page and in the wizard. Only the day differs: here it is not asked but fixed
to the anniversary of the application date (``rules.dates.add_years``), since the HSP routes
look at the points on exactly those days.

Not exported from ``assessments.questionnaire.forms``: ``assessments.hsp.forms`` imports that package, so
importing it back from the package's ``__init__`` would be circular. ``flow.py`` imports this
module directly.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from assessments.eligibility.rules.dates import add_years
from assessments.hsp.forms import HspProfileForm
from assessments.hsp.messages import hsp_error_message
from assessments.hsp.profile import HspProfileInvalid, profile_from_dict
from assessments.questionnaire.forms.hsp import YEARS_BEFORE
from assessments.questionnaire.forms.questions import question_with_limit
from assessments.questionnaire.forms.step import StepForm


class HspProfileStepForm(StepForm, HspProfileForm):
    """The calculator's profile form on a fixed day; ``cleaned_data["profile"]`` when valid."""

    #: The contract's point date this profile is for (``hsp_points.<point_date>``).
    point_date = "now"
    as_of = None  # the calculator's "day of the calculation" field: fixed here, not asked
    limit_dates = False  # the birth date is limited to the profile's own day instead
    FIELDSETS = tuple(
        (legend, tuple(name for name in names if name != "as_of"))
        for legend, names in HspProfileForm.FIELDSETS
    )

    #: Hints the calculator's page does without (every wizard question has one).
    HINTS = {
        "multiple_degrees": _(
            "Only with a master's, professional or doctoral degree as your highest degree."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, hint in self.HINTS.items():
            self.fields[name].help_text = self.fields[name].help_text or hint
        self.as_of_day = add_years(self.application_date, -YEARS_BEFORE[self.point_date])
        self.fields["birth_date"].widget.attrs["max"] = self.as_of_day.isoformat()

    def add_profile_errors(self, errors: dict[str, list[tuple[str, dict]]]) -> None:
        """As the calculator, but a limit broken is worded with its question, as on every
        step ("Enter your date of birth (from 1 January 1900 to …)")."""
        refused = set(self.errors)
        for path, path_errors in errors.items():
            name = path.split("[", 1)[0]
            field = name if name in self.fields else None
            if field in refused:
                continue
            for code, params in path_errors:
                message = field and question_with_limit(self, field, code, params)
                self.add_error(
                    field, message or hsp_error_message(code, params, written_dates=True)
                )

    def clean(self):
        cleaned = super().clean()
        data = {**self.profile_data(), "as_of": self.as_of_day.isoformat()}
        try:
            profile = profile_from_dict(data, today=self.as_of_day)
        except HspProfileInvalid as exc:
            self.add_profile_errors(exc.errors)
            return cleaned
        if not self.errors:
            cleaned["profile"] = profile
        return cleaned


class HspNowForm(HspProfileStepForm):
    point_date = "now"


class HspYearAgoForm(HspProfileStepForm):
    point_date = "one_year_ago"


class HspThreeYearsAgoForm(HspProfileStepForm):
    point_date = "three_years_ago"
