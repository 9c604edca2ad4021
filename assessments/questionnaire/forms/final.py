"""The last steps: the guarantor, and checking the answers."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from assessments.eligibility.choices import Guarantor
from assessments.questionnaire.forms.step import StepForm
from assessments.web.fields import choice


class GuarantorForm(StepForm):
    step = "guarantor"
    guarantor = choice(
        _("Who will be your guarantor (身元保証人)?"),
        _("The person who will sign your letter of guarantee."),
        Guarantor.choices,
    )


class SummaryForm(StepForm):
    """Check your answers: nothing to fill in; submitting it completes the check."""
