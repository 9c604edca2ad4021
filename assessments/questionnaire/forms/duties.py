"""Public duties: taxes, pension and health insurance, immigration notifications."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from assessments.eligibility.choices import PaymentKind
from assessments.questionnaire.forms.rows import RowForm, Rows, row_formset
from assessments.questionnaire.forms.step import StepForm
from assessments.web.fields import YesNo, choice, date_field, yes_no


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
