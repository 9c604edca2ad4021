"""Trips abroad."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from assessments.eligibility.choices import ReentryPermit
from assessments.questionnaire.forms.questions import return_date_message
from assessments.questionnaire.forms.rows import RowForm, Rows, row_formset
from assessments.questionnaire.forms.step import StepForm
from assessments.results.questions import asked
from assessments.web.fields import choice, date_field, yes_no

#: The row questions only a permanent resident's check asks (``trips[].reentry_permit``).
REENTRY_PERMIT_FIELDS = ("reentry_permit", "reentry_permit_expiry")


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
    reentry_permit = choice(
        _("Re-entry permit you left on"),
        _(
            "As stamped in your passport when you left. Leave it blank if you do not know: the "
            "result then says what to check."
        ),
        ReentryPermit.choices,
    )
    reentry_permit_expiry = date_field(
        _("Expiry of the re-entry permit"),
        _(
            "Only for a re-entry permit (再入国許可), as extended if it was. Leave empty if unknown."
        ),
        required=False,
    )

    def __init__(self, *args, asks_reentry_permit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the keep-PR check reads the permit: an application's rows leave it out.
        if not asks_reentry_permit:
            for name in REENTRY_PERMIT_FIELDS:
                del self.fields[name]
            return
        self.fields["reentry_permit"].required = False

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
            legend=asked("trips"),
            add_label=_("Add another trip"),
            row_label=_("Trip %(number)s"),
            required_message=_("Enter at least one trip, or answer No."),
        )
    }

    def __init__(self, *args, asks_reentry_permit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.formsets["trips"].form_kwargs["asks_reentry_permit"] = asks_reentry_permit
        if asks_reentry_permit:
            field = self.fields["has_trips"]
            field.label = _(
                "Have you travelled outside Japan since you were granted permanent residence?"
            )
            field.help_text = _(
                "Count every trip, however short, and any trip you are on or plan to take. For "
                "each, say which re-entry permit you left on."
            )
