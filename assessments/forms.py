"""One small form per wizard step: labels, help texts and input validation only.

Forms say nothing about eligibility. Each step's ``clean()`` checks consistency within the
step, then runs the contract's own validation on the step's answers (``step_errors``), so a
date after the application date or overlapping trips are refused here with the same rules
(and wording, ``assessments.messages``) as in the API. Repeating answers (trips, payments,
records) are formsets that work without JavaScript; see ``StepForm``.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .answers import MAX_LIST_ITEMS
from .choices import (
    CriminalRecordKind,
    Employment,
    Guarantor,
    PaymentKind,
    ResidenceStatus,
    TrafficViolationKind,
)
from .messages import error_message
from .wizard_answers import step_errors

#: How far ahead an application date may be planned (a form limit, not a legal threshold).
MAX_APPLICATION_YEARS_AHEAD = 3


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")


class PeriodOfStay(models.TextChoices):
    MONTHS_3 = "0.25", _("3 months")
    MONTHS_6 = "0.5", _("6 months")
    YEAR_1 = "1", _("1 year")
    YEARS_3 = "3", _("3 years")
    YEARS_5 = "5", _("5 years")
    UNLIMITED = "unlimited", _("No limit (Highly Skilled Professional (ii))")


def is_yes(value) -> bool:
    """Read a yes/no answer from raw data ("yes") or cleaned data (True)."""
    return value is True or value == YesNo.YES


class DateInput(forms.DateInput):
    """A native date picker; ISO values are what browsers send and expect."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class MoneyField(forms.IntegerField):
    """Whole yen. Accept "3,000,000", "¥3,000,000", "3000000円" and full-width digits."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})

    def to_python(self, value):
        if isinstance(value, str):
            value = unicodedata.normalize("NFKC", value)
            for mark in (",", "¥", "円", " "):
                value = value.replace(mark, "")
        return super().to_python(value)


def date_field(label, help_text, *, required=True) -> forms.DateField:
    return forms.DateField(label=label, help_text=help_text, required=required, widget=DateInput)


def yes_no(label, help_text) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YesNo.choices,
        coerce=is_yes,
        empty_value=None,
        widget=forms.RadioSelect(attrs={"class": "radios"}),
    )


def choice(label, help_text, choices) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=choices,
        widget=forms.RadioSelect(attrs={"class": "radios"}),
    )


def count_field(label, help_text, *, required=True) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=required,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class RowForm(forms.Form):
    """One row of a repeating answer; date inputs may not pick days after the application."""

    def __init__(self, *args, application_date: dt.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        _limit_dates(self, application_date)


def _limit_dates(form: forms.Form, limit: dt.date | None) -> None:
    if limit is None:
        return
    for field in form.fields.values():
        if isinstance(field.widget, DateInput) and not field.widget.attrs.get("max"):
            field.widget.attrs["max"] = limit.isoformat()


def row_formset(form_class: type[RowForm]) -> type[forms.BaseFormSet]:
    return forms.formset_factory(
        form_class,
        extra=1,
        max_num=MAX_LIST_ITEMS,
        absolute_max=MAX_LIST_ITEMS,
        validate_max=True,
    )


@dataclass(frozen=True)
class Rows:
    """A repeating answer of a step: its formset, the question that asks for it, wording.

    The rows are asked when any (field, raw value) pair of ``shown_when`` matches; by
    default when ``toggle`` is answered yes. Errors about the rows as a whole go on ``toggle``.
    """

    formset: type[forms.BaseFormSet]
    toggle: str
    legend: str
    add_label: str
    row_label: str  # with %(number)s
    required_message: str
    shown_when: tuple[tuple[str, str], ...] = ()

    def conditions(self) -> tuple[tuple[str, str], ...]:
        return self.shown_when or ((self.toggle, YesNo.YES.value),)


@dataclass(frozen=True)
class RowsBlock:
    """A step's repeating answer as the template renders it."""

    name: str
    spec: Rows
    formset: forms.BaseFormSet
    active: bool
    prefix: str

    @property
    def rows(self) -> list[tuple[str, forms.Form]]:
        return [
            (self.spec.row_label % {"number": number}, row)
            for number, row in enumerate(self.formset.forms, start=1)
        ]

    @property
    def shown_when(self) -> str:
        """Say, for the reveal script, which answers show the rows: "name=value ..."."""
        return " ".join(f"{self.prefix}-{field}={value}" for field, value in self.spec.conditions())


def _raw(value) -> str:
    if value is True or value is False:
        return YesNo.YES.value if value else YesNo.NO.value
    return "" if value is None else str(value)


class StepForm(forms.Form):
    """Base of every step: a form plus its repeating rows, validated together.

    The view passes ``application_date`` (dates after it are refused) and ``today``. Rows are
    formsets with their own prefix (``travel-trips-0-departure``); blank rows are ignored, so
    an "add another" button can simply re-render the step with one more row. ``cleaned_data``
    holds each repeating answer as a list of row dicts, or ``[]`` when its toggle says no.
    """

    step = ""
    rows: dict[str, Rows] = {}
    #: Date inputs may not pick days after the application date (the status step sets it).
    limit_dates = True

    def __init__(self, *args, application_date=None, today=None, **kwargs):
        initial = dict(kwargs.pop("initial", None) or {})
        row_initial = {name: initial.pop(name, None) for name in self.rows}
        super().__init__(*args, initial=initial, **kwargs)
        self.today = today or timezone.localdate()
        self.application_date = application_date or self.today
        if self.limit_dates:
            _limit_dates(self, self.application_date)
        self.formsets = {
            name: self._formset(name, spec, row_initial[name]) for name, spec in self.rows.items()
        }
        self.row_forms: dict[str, list[int]] = {}

    def _formset(self, name: str, spec: Rows, initial_rows) -> forms.BaseFormSet:
        prefix = f"{self.prefix}-{name}"
        # Rows that were not posted at all (no management form) are no rows, not an error.
        posted = self.is_bound and f"{prefix}-{forms.formsets.TOTAL_FORM_COUNT}" in self.data
        formset = spec.formset(
            data=self.data if posted else None,
            prefix=prefix,
            initial=initial_rows or None,
            form_kwargs={"empty_permitted": True, "application_date": self.application_date},
        )
        if not posted:
            formset.extra = 0 if initial_rows else 1
        return formset

    def rows_active(self, name: str) -> bool:
        """Return whether the answers on this step ask for these rows."""
        return any(
            _raw(self[field].value()) == value for field, value in self.rows[name].conditions()
        )

    def is_valid(self) -> bool:
        valid = super().is_valid()
        return valid and all(
            self.formsets[name].is_valid()
            for name in self.rows
            if self.rows_active(name) and self.formsets[name].is_bound
        )

    def clean(self):
        cleaned = super().clean()
        complete = not self.errors
        for name, spec in self.rows.items():
            cleaned[name] = []
            if not self.rows_active(name):
                continue
            formset = self.formsets[name]
            if formset.is_bound and not formset.is_valid():
                complete = False
                continue
            forms_ = formset.forms if formset.is_bound else []
            filled = [(i, f.cleaned_data) for i, f in enumerate(forms_) if f.has_changed()]
            self.row_forms[name] = [i for i, _row in filled]
            cleaned[name] = [row for _i, row in filled]
            if not filled and spec.toggle not in self.errors:
                self.add_error(spec.toggle, spec.required_message)
        if complete and not self.errors and self.step:
            self.add_contract_errors(
                step_errors(self.step, cleaned, application_date=self.application_date)
            )
        return cleaned

    def add_contract_errors(self, errors) -> None:
        """Attach contract errors (location, code, params) to their fields or rows."""
        for location, code, params in errors:
            message = error_message(code, params)
            if location.rows in self.formsets and location.row is not None:
                indexes = self.row_forms.get(location.rows, [])
                if location.row < len(indexes):
                    row_form = self.formsets[location.rows].forms[indexes[location.row]]
                    row_form.add_error(
                        location.field if location.field in row_form.fields else None, message
                    )
                    continue
            field = location.field if location.field in self.fields else None
            self.add_error(field, message)

    def layout(self):
        """Yield ("field", bound field) and ("rows", RowsBlock) in reading order."""
        after = {spec.toggle: name for name, spec in self.rows.items()}
        for bound_field in self:
            yield "field", bound_field
            if bound_field.name in after:
                yield "rows", self.rows_block(after[bound_field.name])

    def rows_block(self, name: str) -> RowsBlock:
        return RowsBlock(
            name=name,
            spec=self.rows[name],
            formset=self.formsets[name],
            active=self.rows_active(name),
            prefix=self.prefix,
        )

    def error_summary(self) -> list[tuple[str, str]]:
        """Return (element id, message) for every error shown on the step, in page order."""
        items = [(f"{self.prefix}-form", error) for error in self.non_field_errors()]
        for kind, item in self.layout():
            if kind == "field":
                items += [(anchor_id(item), f"{item.label}: {e}") for e in item.errors]
            elif item.active:
                items += self._row_errors(item.name)
        return items

    def _row_errors(self, name: str) -> list[tuple[str, str]]:
        formset, spec = self.formsets[name], self.rows[name]
        items = [(f"{formset.prefix}-rows", e) for e in formset.non_form_errors()]
        for number, row_form in enumerate(formset.forms, start=1):
            row = spec.row_label % {"number": number}
            items += [
                (f"{row_form.prefix}-row", f"{row}: {e}") for e in row_form.non_field_errors()
            ]
            for bound_field in row_form:
                items += [
                    (anchor_id(bound_field), f"{row} – {bound_field.label}: {e}")
                    for e in bound_field.errors
                ]
        return items


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def anchor_id(bound_field) -> str:
    """Return the id an error link should focus: the first radio of a group, else the input."""
    if isinstance(bound_field.field.widget, forms.RadioSelect):
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label


# The steps --------------------------------------------------------------------------------


class StatusForm(StepForm):
    step = "status"
    limit_dates = False
    application_date = date_field(
        _("When do you plan to apply?"),
        _("The rules in force on this day are used. We filled in today; change it to plan ahead."),
    )
    status = choice(
        _("Your current status of residence"),
        _("As printed on your residence card (在留カード)."),
        ResidenceStatus.choices,
    )
    period_of_stay = choice(
        _("Period of stay granted with this status"),
        _("As printed on your residence card (在留期間)."),
        PeriodOfStay.choices,
    )
    status_expiry_date = date_field(
        _("When does your period of stay end?"),
        _("The expiry date on your residence card. Leave empty if you do not know it."),
        required=False,
    )
    meets_landing_standards = yes_no(
        _("Does your current job or activity still meet the requirements of your status?"),
        _("For example, your duties and salary still match what your status allows."),
    )
    hsp_route = yes_no(
        _("Do you want to check the Highly Skilled Professional routes (points or J-Skip)?"),
        _(
            "Anyone can qualify sooner with enough points on the official HSP points table, or "
            "by meeting the J-Skip criteria. Holders of HSP status are asked in any case."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.latest_application_date = _years_later(self.today, MAX_APPLICATION_YEARS_AHEAD)
        self.fields["application_date"].widget.attrs.update(
            min=self.today.isoformat(), max=self.latest_application_date.isoformat()
        )

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


class ResidenceForm(StepForm):
    step = "residence"
    residence_start_date = date_field(
        _("When did your current continuous residence in Japan start?"),
        _(
            "The last entry after which you never left Japan without a re-entry permit, "
            "nor stayed away longer than it allowed."
        ),
    )
    qualifying_status_start_date = date_field(
        _("Since when have you lived in Japan on a work or residence-based status?"),
        _(
            "Without a break. Work statuses other than Technical Intern Training and Specified "
            "Skilled Worker (i) count, and so do statuses such as Spouse or Long-Term Resident. "
            "Leave empty if you have never held one."
        ),
        required=False,
    )
    contribution_to_japan = yes_no(
        _("Has your contribution to Japan been recognised?"),
        _(
            "Under the immigration guideline on contribution to Japan, for example national "
            "honours or distinguished work in diplomacy, culture, science or sport. "
            "Most applicants answer No."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        start = cleaned.get("residence_start_date")
        qualifying = cleaned.get("qualifying_status_start_date")
        if start and qualifying and qualifying < start:
            self.add_error(
                "qualifying_status_start_date",
                _("This cannot be before your continuous residence started."),
            )
        return cleaned


class MarriageForm(StepForm):
    step = "marriage"
    marriage_date = date_field(
        _("When did you marry?"),
        _("The date on your marriage certificate."),
    )


class GrantForm(StepForm):
    step = "grant"
    status_grant_date = date_field(
        _("When were you granted your current status, or recognised as a refugee?"),
        _("The date your Long-Term Resident, refugee or Highly Skilled Professional status began."),
    )


class HspForm(StepForm):
    step = "hsp"
    hsp_points_now = count_field(
        _("Your HSP points on the application date"),
        _("Calculated with the official points table (高度専門職ポイント計算表)."),
    )
    hsp_points_one_year_ago = count_field(
        _("Your HSP points one year before the application date"),
        _("Used for the 80-point route. Leave empty if you have not calculated them."),
        required=False,
    )
    hsp_points_three_years_ago = count_field(
        _("Your HSP points three years before the application date"),
        _("Used for the 70-point route. Leave empty if you have not calculated them."),
        required=False,
    )
    hsp_points_maintained = yes_no(
        _("Did you keep at least that many points the whole time in between?"),
        _("The points must have been held throughout, not only on those two days."),
    )
    jskip_eligible = yes_no(
        _("Do you meet the J-Skip criteria now, and did you one year ago?"),
        _(
            "J-Skip (Special Highly Skilled Professional) is based on income and degree or "
            "work experience, not points. Answer No if you are not sure."
        ),
    )


class TripForm(RowForm):
    departure = date_field(_("Left Japan on"), _("The day you departed."))
    return_date = date_field(_("Came back on"), _("The day you re-entered Japan."))

    def clean(self):
        cleaned = super().clean()
        departure, returned = cleaned.get("departure"), cleaned.get("return_date")
        if departure and returned and returned < departure:
            self.add_error("return_date", error_message("return_before_departure"))
        return cleaned


class TravelForm(StepForm):
    step = "travel"
    has_trips = yes_no(
        _("Have you travelled outside Japan since your continuous residence started?"),
        _("Count every trip, however short. The dates are in your passport."),
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


class IncomeForm(StepForm):
    """Income for exactly the years the route looks back on (the view passes them)."""

    step = "income"
    employment = choice(
        _("Your main job"),
        _("Choose what describes where most of your income comes from."),
        Employment.choices,
    )
    dependents = count_field(
        _("How many dependants do you claim for tax?"),
        _("People you support, in Japan or abroad, as on your tax certificate. Enter 0 if none."),
    )
    dependents_abroad = count_field(
        _("Of those, how many live outside Japan?"),
        _("Enter 0 if none."),
    )
    assets = MoneyField(
        label=_("Savings and other assets, in yen"),
        help_text=_(
            "Bank savings, investments and property. Leave empty if you prefer not to say."
        ),
        required=False,
    )
    public_assistance = yes_no(
        _("Does anyone in your household receive public assistance (生活保護)?"),
        _("Welfare paid by your city office. Child allowances do not count."),
    )

    def __init__(self, *args, income_years=(), household=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.income_years = tuple(income_years)
        self.household = household
        for year in self.income_years:
            self.fields[f"applicant_{year}"] = MoneyField(
                label=_("Your income in %(year)s") % {"year": year},
                help_text=_("Gross annual income on your tax certificate (課税証明書), in yen."),
            )
            if household:
                self.fields[f"household_{year}"] = MoneyField(
                    label=_("Household income in %(year)s") % {"year": year},
                    help_text=_("Yours plus the income of everyone sharing your household budget."),
                )
        self.order_fields(["employment", *self.year_fields()])

    def year_fields(self) -> list[str]:
        columns = ("applicant", "household") if self.household else ("applicant",)
        return [f"{column}_{year}" for year in self.income_years for column in columns]

    def clean(self):
        if not self.income_years:
            raise forms.ValidationError(
                error_message("no_thresholds", {"date": self.application_date.isoformat()})
            )
        cleaned = self.cleaned_data
        if all(name in cleaned for name in self.year_fields()):
            cleaned["income"] = [
                {
                    "year": year,
                    "applicant": cleaned[f"applicant_{year}"],
                    "household": cleaned.get(f"household_{year}"),
                }
                for year in self.income_years
            ]
        return super().clean()


class PaymentForm(RowForm):
    kind = choice(_("What was it?"), _("The kind of payment."), PaymentKind.choices)
    due_date = date_field(_("Due date"), _("The deadline on the payment slip or notice."))
    paid_date = date_field(_("Paid on"), _("Leave empty if it is still unpaid."), required=False)


class NotificationForm(RowForm):
    due_date = date_field(
        _("When was the notification due?"),
        _("The last day it should have been filed (usually 14 days after the change)."),
    )


class TaxesForm(StepForm):
    step = "taxes"
    taxes_paid = yes_no(
        _("Have all your taxes, pension and health-insurance contributions been paid?"),
        _("Resident tax, national taxes, pension and health-insurance premiums, up to today."),
    )
    paid_on_time = yes_no(
        _("Was every one of them paid by its due date?"),
        _("Answer No if any payment was late, even by one day and even if it is paid now."),
    )
    pension_enrolled = yes_no(
        _("Are you enrolled in the public pension, or lawfully exempted?"),
        _("National Pension or Employees' Pension (厚生年金)."),
    )
    health_insurance_enrolled = yes_no(
        _("Are you enrolled in public health insurance?"),
        _("National Health Insurance or your employer's health insurance."),
    )
    has_missed_notifications = yes_no(
        _("Have you ever filed an immigration notification late, or not at all?"),
        _("For example a change of address, employer or spouse that had to be notified."),
    )
    rows = {
        "payments": Rows(
            formset=row_formset(PaymentForm),
            toggle="paid_on_time",
            shown_when=(("taxes_paid", YesNo.NO.value), ("paid_on_time", YesNo.NO.value)),
            legend=_("Payments that were late or are unpaid"),
            add_label=_("Add another payment"),
            row_label=_("Payment %(number)s"),
            required_message=_("List each payment that was late or is unpaid."),
        ),
        "notifications": Rows(
            formset=row_formset(NotificationForm),
            toggle="has_missed_notifications",
            legend=_("Notifications filed late or not at all"),
            add_label=_("Add another notification"),
            row_label=_("Notification %(number)s"),
            required_message=_("Enter at least one notification, or answer No."),
        ),
    }

    def clean(self):
        cleaned = super().clean()
        payments = cleaned.get("payments") or []
        if cleaned.get("taxes_paid") is False:
            if cleaned.get("paid_on_time"):
                self.add_error("paid_on_time", _("A payment that is still unpaid is not on time."))
            elif payments and all(row.get("paid_date") for row in payments):
                self.add_error("taxes_paid", _("Leave the paid date empty for what is unpaid."))
        if cleaned.get("taxes_paid") and any(not row.get("paid_date") for row in payments):
            self.add_error(
                "taxes_paid", _("You listed an unpaid payment: answer No, or add its paid date.")
            )
        return cleaned


class CriminalRecordForm(RowForm):
    kind = choice(_("Sentence"), _("The sentence in the judgment."), CriminalRecordKind.choices)
    completed_on = date_field(
        _("Completed on"),
        _("The day the sentence was served, the suspension period ended, or the fine was paid."),
    )


class TrafficViolationForm(RowForm):
    date = date_field(_("Date of the violation"), _("As on the ticket."))
    kind = choice(
        _("Kind"),
        _("Blue tickets are minor; red tickets are criminal."),
        TrafficViolationKind.choices,
    )


class ConductForm(StepForm):
    step = "conduct"
    has_criminal_records = yes_no(
        _("Have you ever been sentenced in Japan (imprisonment, suspended sentence or fine)?"),
        _("Traffic penalty notices (反則金, blue tickets) are not sentences; list them below."),
    )
    has_traffic_violations = yes_no(
        _("Have you had any traffic violations in Japan?"),
        _("Penalty notices (blue tickets) and criminal offences (red tickets)."),
    )
    unauthorized_work = yes_no(
        _("Have you ever worked outside what your status allows?"),
        _("For example more hours than a Dependent or Student permission allows."),
    )
    public_health_risk = yes_no(
        _("Do you have a condition that could harm public health, such as drug addiction?"),
        _("The permanent residence guideline asks this of everyone. Most applicants answer No."),
    )
    rows = {
        "criminal_records": Rows(
            formset=row_formset(CriminalRecordForm),
            toggle="has_criminal_records",
            legend=_("Your sentences"),
            add_label=_("Add another sentence"),
            row_label=_("Sentence %(number)s"),
            required_message=_("Enter at least one sentence, or answer No."),
        ),
        "traffic_violations": Rows(
            formset=row_formset(TrafficViolationForm),
            toggle="has_traffic_violations",
            legend=_("Your traffic violations"),
            add_label=_("Add another violation"),
            row_label=_("Violation %(number)s"),
            required_message=_("Enter at least one violation, or answer No."),
        ),
    }


class GuarantorForm(StepForm):
    step = "guarantor"
    guarantor = choice(
        _("Who will be your guarantor (身元保証人)?"),
        _("The person who will sign your letter of guarantee."),
        Guarantor.choices,
    )


class SummaryForm(StepForm):
    """Check your answers: nothing to fill in; submitting it completes the check."""
