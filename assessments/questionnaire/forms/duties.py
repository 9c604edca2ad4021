"""Public duties: taxes, pension and health insurance, immigration notifications.

The taxes page asks yes/no questions; the payments that were late or are unpaid, and the
notifications filed late or not at all, are each listed on a page of their own, asked only
when the taxes page says so (``flow.py``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from assessments.eligibility.choices import PaymentKind
from assessments.questionnaire.forms.rows import RowForm, Rows, row_formset
from assessments.questionnaire.forms.step import StepForm
from assessments.results.questions import asked
from assessments.web.fields import choice, date_field, yes_no


class PaymentForm(RowForm):
    kind = choice(_("What was it?"), _("The kind of payment."), PaymentKind.choices)
    due_date = date_field(_("Due date"), _("The deadline on the payment slip or notice."))
    paid_date = date_field(
        _("Paid on"),
        _("Leave empty if it is still unpaid."),
        required=False,
        empty_answer=_("Not paid yet"),
    )


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
        asked("pension_enrolled"),
        _("National Pension or Employees' Pension (厚生年金)."),
    )
    health_insurance_enrolled = yes_no(
        asked("health_insurance_enrolled"),
        _("National Health Insurance or your employer's health insurance."),
    )
    has_missed_notifications = yes_no(
        _("Have you ever filed an immigration notification late, or not at all?"),
        _("For example a change of address, employer or spouse that had to be notified."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("taxes_paid") is False and cleaned.get("paid_on_time"):
            self.add_error("paid_on_time", _("A payment that is still unpaid is not on time."))
        return cleaned


class PaymentsForm(StepForm):
    """The payments that were late or are unpaid, asked when the taxes page says so.

    The wizard passes the taxes page's "all paid" answer (``taxes_paid``): a payment listed
    without a paid date is unpaid, so the list and that answer must agree.
    """

    step = "payments"
    rows = {
        "payments": Rows(
            formset=row_formset(PaymentForm, at_least_one=True),
            legend=asked("payments"),
            hint=_(
                "Taxes, pension and health-insurance payments. Leave the paid date empty for a "
                "payment that is still unpaid."
            ),
            add_label=_("Add another payment"),
            row_label=_("Payment %(number)s"),
            required_message=_("Enter at least one payment that was late or is unpaid."),
        ),
    }

    def __init__(self, *args, taxes_paid: bool | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.taxes_paid = taxes_paid

    def clean(self):
        cleaned = super().clean()
        payments = cleaned.get("payments") or []
        if self.taxes_paid is False and payments and all(row.get("paid_date") for row in payments):
            self.add_error(
                None,
                _(
                    "You said not everything is paid: leave the paid date empty for what is "
                    "still unpaid, or change your answer on the previous page."
                ),
            )
        if self.taxes_paid:
            rows = self.formsets["payments"].forms
            for index, row in zip(self.row_forms.get("payments", []), payments, strict=False):
                if not row.get("paid_date"):
                    rows[index].add_error(
                        "paid_date",
                        _(
                            "You said everything is paid, so enter the day this was paid, or "
                            "change your answer on the previous page."
                        ),
                    )
        return cleaned


class NotificationsForm(StepForm):
    """The notifications filed late or not at all, asked when the taxes page says so."""

    step = "notifications"
    rows = {
        "notifications": Rows(
            formset=row_formset(NotificationForm, at_least_one=True),
            legend=asked("missed_notifications"),
            hint=_(
                "Immigration notifications, such as a change of address, employer or spouse. "
                "Enter the day each one was due."
            ),
            add_label=_("Add another notification"),
            row_label=_("Notification %(number)s"),
            required_message=_("Enter at least one notification that was late or missed."),
        ),
    }
