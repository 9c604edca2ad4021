"""Who the applicant is and how long they have been here: status, residence, route dates."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.eligibility.choices import (
    APPLICANT_STATUSES,
    BusinessStandards,
    ImmigrationBureau,
    ResidenceStatus,
)
from assessments.questionnaire.forms.step import StepForm
from assessments.results.questions import asked
from assessments.templatetags.prcheck import longdate, yen
from assessments.web.fields import (
    PeriodOfStay,
    YesNo,
    choice,
    date_field,
    is_yes,
    years_later,
    yes_no,
)

#: The status question's choices: the statuses one applies from, then permanent residence
#: itself, for a holder's own check (``keep_pr``: the start page links to it directly).
STATUS_CHOICES = (
    *APPLICANT_STATUSES,
    (
        ResidenceStatus.PERMANENT_RESIDENT.value,
        _("Permanent Resident (already granted): check that I keep it"),
    ),
)

#: How far ahead an application date may be planned (a form limit, not a legal threshold).
MAX_APPLICATION_YEARS_AHEAD = 3


class StatusForm(StepForm):
    step = "status"
    limit_dates = False
    application_date = date_field(
        asked("application_date"),
        _("The rules in force on this day are used. We filled in today; change it to plan ahead."),
    )
    status = choice(
        asked("status"),
        _("As printed on your residence card (在留カード)."),
        STATUS_CHOICES,
    )
    #: Optional, and only for the expected processing time (and so the fee at grant): a
    #: bureau with its own practice figure uses it, any other answer the nationwide one.
    immigration_bureau = forms.ChoiceField(
        label=asked("immigration_bureau"),
        help_text=_(
            "The bureau with jurisdiction over your address (its branch offices included). "
            "Optional: it changes only the expected processing time, and with it the date "
            "permission would likely come and the fee in force then, never whether you meet "
            "the requirements."
        ),
        choices=ImmigrationBureau.choices,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "radios"}),
    )

    naturalization = forms.TypedChoiceField(
        label=_("Do you also want to check naturalization (帰化)?"),
        help_text=_(
            "A few more questions at the end, most of them optional; the result then shows both "
            "paths."
        ),
        choices=YesNo.choices,
        coerce=is_yes,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "radios"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.latest_application_date = years_later(self.today, MAX_APPLICATION_YEARS_AHEAD)
        # Optional: left empty, naturalization is not checked, which the summary says as "No".
        self.fields["naturalization"].empty_answer = YesNo.NO.label
        self.fields["immigration_bureau"].empty_answer = _(
            "None chosen: the nationwide processing time is used"
        )
        self.fields["application_date"].widget.attrs.update(
            min=self.today.isoformat(), max=self.latest_application_date.isoformat()
        )
        if self._status_given() == ResidenceStatus.PERMANENT_RESIDENT:
            # A permanent resident's own check applies for nothing: the date is the check's,
            # and neither a bureau to apply at nor a naturalization part is asked (the
            # keep-PR check has none: ``flow.checks_naturalization``).
            del self.fields["immigration_bureau"], self.fields["naturalization"]
            field = self.fields["application_date"]
            field.label = _("Date of the check")
            field.help_text = _("The rules in force on this day are used. We filled in today.")
            message = _("Enter the date of the check")
            field.error_messages.update(required=message, invalid=message)

    def _status_given(self) -> str | None:
        """Return the status as posted, or as the run holds it (the page's wording follows it)."""
        if self.is_bound:
            return self.data.get(self.add_prefix("status"))
        return self.initial.get("status")

    def clean_application_date(self):
        value = self.cleaned_data["application_date"]
        if value < self.today:
            raise forms.ValidationError(_("The application date cannot be in the past."))
        if value > self.latest_application_date:
            raise forms.ValidationError(
                _("Choose a date within %(years)s years from today."),
                params={"years": MAX_APPLICATION_YEARS_AHEAD},
            )
        return value

    def clean(self):
        # The status step sets the application date the other dates are measured against.
        if self.cleaned_data.get("application_date"):
            self.application_date = self.cleaned_data["application_date"]
        return super().clean()


class StayForm(StepForm):
    """The period of stay on the residence card and whether the activity still fits it."""

    step = "stay"
    #: The expiry date is usually after the application date.
    limit_dates = False
    period_of_stay = choice(
        asked("period_of_stay_years"),
        _("As printed on your residence card (在留期間)."),
        PeriodOfStay.choices,
    )
    status_expiry_date = date_field(
        asked("status_expiry_date"),
        _("The expiry date on your residence card. Leave empty if you do not know it."),
        required=False,
    )
    meets_landing_standards = yes_no(
        asked("meets_landing_standards"),
        _("For example, your duties and salary still match what your status allows."),
    )
    business_manager_standards = choice(
        asked("business_manager_standards"),
        "",
        BusinessStandards.choices,
    )

    def __init__(self, *args, business: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # Asked only of the statuses the standards concern, once they are in force (the engine
        # says which, and whether it must be answered); otherwise left out, not hidden.
        if not business:
            del self.fields["business_manager_standards"]
            return
        field = self.fields["business_manager_standards"]
        field.required = business["required"]
        field.label = _(
            "Does your business meet the Business Manager standards in force since %(since)s?"
        ) % {"since": longdate(business["since"])}
        field.help_text = _(
            "Capital of %(capital)s or more; at least one full-time employee who is a Japanese "
            "national or a permanent resident (or on a similar status); Japanese at B2 (you or "
            "that employee); and 3 years of business management or a relevant degree. Without "
            "them, permanent residence from Business Manager is not granted."
        ) % {"capital": yen(business["capital"])}
        if not field.required:
            field.help_text += " " + _(
                "Only if your activity is business management (HSP (i)(c), or (ii) after it); "
                "otherwise leave it blank."
            )


class ResidenceForm(StepForm):
    """Since when the applicant has lived here, and what may shorten the years needed.

    The contribution and the HSP routes both decide how many years are needed, so they are
    asked here. Holders of HSP status are on the HSP routes in any case: the wizard says so
    (``asks_hsp_route``) and the question is then left out, not hidden.
    """

    step = "residence"
    residence_start_date = date_field(
        asked("residence_start_date"),
        _(
            "The last entry after which you never left Japan without a re-entry permit, "
            "nor stayed away longer than it allowed."
        ),
    )
    qualifying_status_start_date = date_field(
        asked("qualifying_status_start_date"),
        _(
            "Without a break. Work statuses other than Technical Intern Training and Specified "
            "Skilled Worker (i) count, and so do statuses such as Spouse or Long-Term Resident. "
            "Leave empty if you have never held one."
        ),
        required=False,
    )
    contribution_to_japan = yes_no(
        asked("contribution_to_japan"),
        _(
            "Under the immigration guideline on contribution to Japan, for example national "
            "honours or distinguished work in diplomacy, culture, science or sport. "
            "Most applicants answer No."
        ),
    )
    hsp_route = yes_no(
        _("Do you want to check the Highly Skilled Professional routes (points or J-Skip)?"),
        _(
            "Whatever your status, you may be able to apply sooner with enough points on the "
            "official HSP points table, or by meeting the J-Skip criteria."
        ),
    )

    def __init__(self, *args, asks_hsp_route: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not asks_hsp_route:
            del self.fields["hsp_route"]


class MarriageForm(StepForm):
    step = "marriage"
    marriage_date = date_field(
        asked("marriage_date"),
        _("The date on your marriage certificate."),
    )


class GrantForm(StepForm):
    """When the status was granted: the route's start, or for a permanent resident's own
    check the grant of permanent residence (worded for each, from the status answered)."""

    step = "grant"
    status_grant_date = date_field(
        asked("status_grant_date"),
        _("The date your Long-Term Resident, refugee or Highly Skilled Professional status began."),
    )

    def __init__(self, *args, permanent_resident: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if permanent_resident:
            field = self.fields["status_grant_date"]
            field.label = _("When were you granted permanent residence?")
            field.help_text = _(
                "The date of the permanent residence permit (永住許可), as on your residence card "
                "or the notice of the permit."
            )
            message = _("Enter the date you were granted permanent residence")
            field.error_messages.update(required=message, invalid=message)


class CardForm(StepForm):
    """The expiry of a permanent resident's residence card (asked only in the keep-PR check).

    Left blank, the keep-PR check estimates the next expiry from the grant and says so.
    """

    step = "card"
    #: The card's expiry is usually after the day of the check.
    limit_dates = False
    residence_card_expiry = date_field(
        asked("residence_card_expiry"),
        _(
            "The expiry date printed on your residence card (在留カード). Leave empty if you do "
            "not know it: the check then estimates it from the date of the grant."
        ),
        required=False,
        empty_answer=_("Not known: estimated from the grant"),
    )
