"""Trips abroad."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from assessments.questionnaire.forms.questions import return_date_message
from assessments.questionnaire.forms.rows import RowForm, Rows, row_formset
from assessments.questionnaire.forms.step import StepForm
from assessments.web.fields import date_field, yes_no


class TripForm(RowForm):
    #: Trips still to come may be listed too: they count from the day they begin.
    dates_until_application = False

    # Worded for trips taken and trips planned alike.
    departure = date_field(
        _("Departure from Japan"), _("The day you left Japan, or will leave for a planned trip.")
    )
    return_date = date_field(
        _("Return to Japan"), _("The day you re-entered Japan, or will re-enter it.")
    )

    def clean(self):
        cleaned = super().clean()
        departure, returned = cleaned.get("departure"), cleaned.get("return_date")
        if departure and returned and returned < departure:
            self.add_error("return_date", return_date_message(departure))
        return cleaned


class TravelForm(StepForm):
    step = "travel"
    has_trips = yes_no(
        _("Have you travelled outside Japan since your continuous residence started?"),
        _(
            "Count every trip, however short. The dates are in your passport. You may also list "
            "trips you plan to take: the result then shows whether they move the day you can "
            "apply."
        ),
    )
    rows = {
        "trips": Rows(
            formset=row_formset(TripForm),
            toggle="has_trips",
            legend=_("Your trips abroad"),
            add_label=_("Add another trip"),
            row_label=_("Trip %(number)s"),
            required_message=_("Enter at least one trip, or answer No."),
        )
    }
