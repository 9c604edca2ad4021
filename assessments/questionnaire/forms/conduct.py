"""Conduct: sentences, traffic violations, work outside permission, public health, guarantor.

The conduct page asks yes/no questions and ends with the guarantor, who vouches for the
applicant's conduct. The sentences and the traffic violations are each listed on a page of
their own, asked only when the conduct page says so (``flow.py``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from assessments.eligibility.choices import CriminalRecordKind, Guarantor, TrafficViolationKind
from assessments.questionnaire.forms.rows import RowForm, Rows, row_formset
from assessments.questionnaire.forms.step import StepForm
from assessments.results.questions import asked
from assessments.web.fields import choice, date_field, yes_no


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
        _(
            "Traffic penalty notices (反則金, blue tickets) are not sentences: the next question "
            "asks about them."
        ),
    )
    has_traffic_violations = yes_no(
        _("Have you had any traffic violations in Japan?"),
        _("Penalty notices (blue tickets) and criminal offences (red tickets)."),
    )
    unauthorized_work = yes_no(
        asked("unauthorized_work"),
        _("For example more hours than a Dependent or Student permission allows."),
    )
    public_health_risk = yes_no(
        asked("public_health_risk"),
        _("The permanent residence guideline asks this of everyone. Most applicants answer No."),
    )
    guarantor = choice(
        asked("guarantor"),
        _("The person who will sign your letter of guarantee."),
        Guarantor.choices,
    )


class SentencesForm(StepForm):
    """The sentences received in Japan, asked when the conduct page says there are some."""

    step = "sentences"
    rows = {
        "criminal_records": Rows(
            formset=row_formset(CriminalRecordForm, at_least_one=True),
            legend=asked("criminal_records"),
            hint=_(
                "Imprisonment, suspended sentences and fines. Traffic penalty notices (blue "
                "tickets) are asked separately."
            ),
            add_label=_("Add another sentence"),
            row_label=_("Sentence %(number)s"),
            required_message=_("Enter at least one sentence."),
        ),
    }


class TrafficViolationsForm(StepForm):
    """The traffic violations in Japan, asked when the conduct page says there are some."""

    step = "traffic_violations"
    rows = {
        "traffic_violations": Rows(
            formset=row_formset(TrafficViolationForm, at_least_one=True),
            legend=asked("traffic_violations"),
            hint=_("Penalty notices (blue tickets) and criminal offences (red tickets)."),
            add_label=_("Add another violation"),
            row_label=_("Violation %(number)s"),
            required_message=_("Enter at least one traffic violation."),
        ),
    }
