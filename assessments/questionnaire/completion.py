"""Completing the check: build ``Answers``, evaluate, store, and forget the run.

If the contract refuses the answers (or no rules are in force on the application date), the
errors go back to their step and field, and the run is kept to be corrected: never a 500.
"""

from __future__ import annotations

from collections import OrderedDict

from django.shortcuts import redirect
from django.utils import translation

from assessments.eligibility.answers import AnswersInvalid, answers_from_dict
from assessments.questionnaire import handover
from assessments.questionnaire.mapping import Location, contract_from_steps, locate
from assessments.questionnaire.prefill import with_kept_answers
from assessments.questionnaire.runs import (
    CHANGES_FROM,
    KEPT_ANSWERS,
    PENDING_ERRORS,
    SAVED_TOKEN,
    remember_completed,
    run_session_key,
)
from assessments.questionnaire.services import progress_finish
from assessments.reports.tasks import report_enqueue_on_commit
from assessments.results.selectors import assessment_get
from assessments.results.services import assessment_evaluate, assessment_store
from assessments.thresholds.selectors import thresholds_at
from assessments.thresholds.snapshot import MissingThreshold


class StepErrors(Exception):
    """The contract refused the answers: show the errors on ``step``."""

    def __init__(self, step: str, errors: list[tuple[Location, str, dict]]):
        self.step, self.errors = step, errors
        super().__init__(step)


class CompletionMixin:
    """The end of the wizard: every step revalidated, then one stored Assessment."""

    def render_done(self, form, **kwargs):
        """Revalidate every step of the route, then complete the check (no redirect first)."""
        form_dict = OrderedDict()
        for step in self.get_form_list():
            step_form = self.get_form(step, data=self.storage.get_step_data(step))
            if not step_form.is_valid():
                return self.render_revalidation_failure(step, step_form, **kwargs)
            form_dict[step] = step_form
        try:
            response = self.done(list(form_dict.values()), form_dict=form_dict, **kwargs)
        except StepErrors as exc:
            pending = dict(self.storage.extra_data.get(PENDING_ERRORS, {}))
            pending[exc.step] = [(vars(loc), code, params) for loc, code, params in exc.errors]
            self._set_extra(**{PENDING_ERRORS: pending})
            return redirect(self.get_step_url(exc.step))
        self.finish_run(getattr(self, "completed_assessment", None))
        return response

    def done(self, form_list, form_dict, **kwargs):
        """Build ``Answers``, evaluate them, store the ``Assessment`` and show the result."""
        contract = with_kept_answers(
            contract_from_steps(
                {s: f.cleaned_data for s, f in form_dict.items()}, calculated=self.hsp_calculated()
            ),
            self.storage.extra_data.get(KEPT_ANSWERS),
        )
        try:
            answers = answers_from_dict(contract, today=self.today)
            thresholds = thresholds_at(on=answers.application_date)
        except AnswersInvalid as exc:
            raise _step_errors(exc.errors, contract, steps=list(form_dict)) from exc
        except MissingThreshold as exc:
            location = Location(step="status", field="application_date")
            params = {"date": contract.get("application_date")}
            raise StepErrors("status", [(location, "no_thresholds", params)]) from exc
        result = assessment_evaluate(answers=answers, thresholds=thresholds)
        earlier = self.storage.extra_data.get(CHANGES_FROM)
        assessment = assessment_store(
            answers=answers,
            result=result,
            language=translation.get_language(),
            changed_from=assessment_get(token=earlier) if earlier else None,
        )
        report_enqueue_on_commit(assessment_id=assessment.pk)
        self.completed_assessment = assessment
        return redirect("assessments:result", token=assessment.token)

    def finish_run(self, assessment=None):
        """Forget the run: its answers now live only in the stored assessment.

        A resume link given for this run ("continue later") now opens the result; the run
        itself, reached again with Back, is reopened from the result (``runs.reopen_completed``).
        """
        token = self.storage.extra_data.get(SAVED_TOKEN)
        if token and assessment is not None:
            progress_finish(token=token, assessment=assessment)
        self.storage.reset()
        self.request.session.pop(run_session_key(self.run), None)
        if assessment is not None:
            remember_completed(self.request.session, self.run, assessment.token)
        handover.forget(self.request.session)


def _step_errors(errors, contract, *, steps) -> StepErrors:
    """Group contract errors by step; raise for the earliest step that has any."""
    located = [
        (locate(path, contract), code, params)
        for path, path_errors in errors.items()
        for code, params in path_errors
    ]
    located = [
        (loc if loc.step in steps else Location(step=steps[0]), code, params)
        for loc, code, params in located
    ]
    first = min((loc.step for loc, _c, _p in located), key=steps.index)
    return StepErrors(first, [item for item in located if item[0].step == first])
