"""The last step: checking the answers."""

from __future__ import annotations

from assessments.questionnaire.forms.step import StepForm


class SummaryForm(StepForm):
    """Check your answers: nothing to fill in; submitting it completes the check."""
