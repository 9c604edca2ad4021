"""The applicant's wizard: one URL per step, ``/<lang>/check/<run>/<step>/``.

``AssessmentWizard`` is formtools' ``NamedUrlSessionWizardView`` with its known rough edges
fixed:

- each run has its own id in the URL and its own session storage, so two tabs never
  overwrite each other's answers;
- Back, "add another", "remove" and "continue later" keep what was typed on the current
  step, even when it is not valid yet (formtools #284), and show it again without errors;
- a condition only sees steps that are shown and come before it, and ``done()`` only the
  steps of the current route: a skipped step's data is never read, but it is kept, so
  changing the route back brings those answers back;
- the check-your-answers page links each answer to its step, and after a change the wizard
  returns to it (through any question the change has newly made necessary);
- ``done()`` builds ``Answers`` with ``answers_from_dict``; if the contract refuses them the
  errors are shown on their step and field, never a server error.

The order of the steps and the conditions live in ``flow.py``.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_safe
from formtools.wizard.forms import ManagementForm
from formtools.wizard.storage import get_storage
from formtools.wizard.views import NamedUrlSessionWizardView, StepsHelper, WizardView

from . import flow
from .answers import MAX_LIST_ITEMS, AnswersInvalid, answers_from_dict
from .services import assessment_evaluate
from .thresholds import MissingThreshold, thresholds_at
from .wizard_answers import Location, contract_from_steps, locate, trip_totals
from .wizard_services import assessment_store, progress_delete, progress_get, progress_save
from .wizard_summary import Section, step_answers

WIZARD_PREFIX = "assessment_wizard"
RUN_ID_BYTES = 8
RUNS_SESSION_KEY = "prcheck_runs"
#: Runs kept per browser session; the oldest is dropped beyond this (bounds the session size).
MAX_RUNS_PER_SESSION = 5
RETURN_PARAM, RETURN_TO_SUMMARY = "return", "summary"
# Keys of the run's ``extra_data``.
DRAFTS = "drafts"  # steps whose stored data was kept unvalidated (shown without errors)
PENDING_ERRORS = "pending_errors"  # contract errors found by done(), by step
SAVED_TOKEN = "saved_token"  # the SavedProgress of this run, once "continue later" was used


def new_run_id() -> str:
    return secrets.token_hex(RUN_ID_BYTES)


class RunConverter:
    """A run id in a URL: ``RUN_ID_BYTES`` random bytes in lower-case hex."""

    regex = f"[0-9a-f]{{{2 * RUN_ID_BYTES}}}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


def run_session_key(run: str) -> str:
    """Return the session key of a run's storage (formtools prefixes it with ``wizard_``)."""
    return f"wizard_{WIZARD_PREFIX}_{run}"


def remember_run(session, run: str) -> None:
    """Keep at most ``MAX_RUNS_PER_SESSION`` runs in the session, dropping the oldest."""
    runs = [r for r in session.get(RUNS_SESSION_KEY, []) if r != run] + [run]
    for old in runs[:-MAX_RUNS_PER_SESSION]:
        session.pop(run_session_key(old), None)
    session[RUNS_SESSION_KEY] = runs[-MAX_RUNS_PER_SESSION:]


@require_safe
def check_start(request):
    """Start a new run, with its own id, at the first step."""
    return redirect("assessments:check_step", run=new_run_id(), step=flow.STEPS[0][0])


class StepErrors(Exception):
    """The contract refused the answers: show the errors on ``step``."""

    def __init__(self, step: str, errors: list[tuple[Location, str, dict]]):
        self.step, self.errors = step, errors
        super().__init__(step)


class AssessmentWizard(NamedUrlSessionWizardView):
    form_list = flow.STEPS
    condition_dict = flow.CONDITIONS
    template_name = "assessments/wizard/step.html"
    _resolving = None  # the steps found so far while conditions are being evaluated
    _form_list_cache = None

    @classmethod
    def get_initkwargs(cls, *args, **kwargs):
        kwargs.setdefault("url_name", "assessments:check_step")
        return super().get_initkwargs(*args, **kwargs)

    # Runs and routing ----------------------------------------------------------------------

    def get_prefix(self, request, *args, **kwargs):
        return WIZARD_PREFIX

    def dispatch(self, request, *args, **kwargs):
        # As WizardView.dispatch, but the storage belongs to the run named in the URL.
        self.run = kwargs["run"]
        self.today = timezone.localdate()
        self._thresholds = {}
        self.prefix = self.get_prefix(request, *args, **kwargs)
        self.storage = get_storage(self.storage_name, f"{self.prefix}_{self.run}", request)
        remember_run(request.session, self.run)
        self.steps = StepsHelper(self)
        response = super(WizardView, self).dispatch(request, *args, **kwargs)
        self.storage.update_response(response)
        return response

    def get_step_url(self, step, *, returning=False):
        url = reverse(self.url_name, kwargs={"run": self.run, "step": step})
        return f"{url}?{RETURN_PARAM}={RETURN_TO_SUMMARY}" if returning else url

    def get_form_list(self):
        """Return the steps of the current route, evaluating each condition once, in order."""
        if self._resolving is not None:
            return self.form_list  # only reached through get_form() inside a condition
        if self._form_list_cache is None:
            self._resolving = OrderedDict()
            try:
                for step, form_class in self.form_list.items():
                    condition = self.condition_dict.get(step, True)
                    if condition(self) if callable(condition) else condition:
                        self._resolving[step] = form_class
                self._form_list_cache = self._resolving
            finally:
                self._resolving = None
        return OrderedDict(self._form_list_cache)

    def get_cleaned_data_for_step(self, step):
        """Return a step's cleaned data only if the step is asked (and, in a condition, earlier)."""
        visible = self._resolving if self._resolving is not None else self.get_form_list()
        if step not in visible:
            return None
        return super().get_cleaned_data_for_step(step)

    def _forget_routing(self):
        self._form_list_cache = None
        for name in [n for n in vars(self) if n.startswith("_cleaned_data_cache_")]:
            delattr(self, name)

    def _resume_step(self) -> str:
        current = self.storage.current_step
        return current if current in self.get_form_list() else self.steps.first

    def returning(self) -> bool:
        return self.request.GET.get(RETURN_PARAM) == RETURN_TO_SUMMARY

    # Forms ------------------------------------------------------------------------------------

    def application_date(self):
        status = self.get_cleaned_data_for_step("status") or {}
        return status.get("application_date") or self.today

    def get_form_initial(self, step):
        if step == "status":
            return {"application_date": self.today}
        return {}

    def get_form_kwargs(self, step=None):
        kwargs = {"today": self.today}
        if step != "status":
            kwargs["application_date"] = self.application_date()
        if step == "income":
            routes = flow.candidate_routes(self)
            kwargs["income_years"] = self._income_years(routes)
            kwargs["household"] = flow.asks_household_income(routes)
        return kwargs

    def _income_years(self, routes) -> list[int]:
        on = self.application_date()
        try:
            thresholds = self._thresholds.get(on) or thresholds_at(on=on)
        except MissingThreshold:
            return []  # the income step then says no rules are in force on that date
        self._thresholds[on] = thresholds
        return flow.income_years(application_date=on, routes=routes, thresholds=thresholds)

    def get_form_step_data(self, form):
        """Keep only this step's own fields (not the CSRF token or the buttons)."""
        return _own_fields(form.data, form.prefix)

    def stored_form(self, step):
        """Return the step's form as last left: a draft without errors, else validated."""
        data = self.storage.get_step_data(step)
        extra = self.storage.extra_data
        if data is not None and step in extra.get(DRAFTS, []):
            return self.draft_form(step, data)
        form = self.get_form(step, data=data)
        pending = extra.get(PENDING_ERRORS, {}).get(step)
        if data is not None and pending:
            form.is_valid()
            form.add_contract_errors(
                [(Location(**loc), code, params) for loc, code, params in pending]
            )
        return form

    def draft_form(self, step, data):
        """Return an unbound form showing raw ``data`` as typed, without error messages."""
        bound = self.get_form(step, data=data)
        form_class = self.get_form_list()[step]
        kwargs = self.get_form_kwargs(step)
        return form_class(
            prefix=self.get_form_prefix(step, form_class), initial=_raw_values(bound), **kwargs
        )

    def _set_extra(self, **changes):
        self.storage.extra_data = {**self.storage.extra_data, **changes}

    def keep_draft(self, step, data):
        """Store what was typed on ``step`` as it is, to be shown again without errors."""
        self.storage.set_step_data(step, data)
        drafts = set(self.storage.extra_data.get(DRAFTS, [])) | {step}
        self._set_extra(**{DRAFTS: sorted(drafts)})
        self._forget_routing()

    def _clear_step_marks(self, step):
        extra = self.storage.extra_data
        pending = {k: v for k, v in extra.get(PENDING_ERRORS, {}).items() if k != step}
        drafts = [s for s in extra.get(DRAFTS, []) if s != step]
        self._set_extra(**{DRAFTS: drafts, PENDING_ERRORS: pending})

    # Requests ---------------------------------------------------------------------------------

    def get(self, request, *args, **kwargs):
        step = kwargs.get("step")
        if step == self.done_step_name or step not in self.get_form_list():
            return redirect(self.get_step_url(self._resume_step()))
        self.storage.current_step = step
        return self.render(self.stored_form(step))

    def post(self, request, *args, **kwargs):
        management = ManagementForm(request.POST, prefix=self.prefix)
        if not management.is_valid():
            raise SuspiciousOperation("ManagementForm data is missing or has been tampered.")
        step = management.cleaned_data["current_step"]
        if step != kwargs.get("step") or step not in self.get_form_list():
            # A page of a step this route no longer asks (changed in another tab, say).
            return redirect(self.get_step_url(self._resume_step()))
        self.storage.current_step = step
        typed = _own_fields(request.POST, self.get_form_prefix(step))
        if "wizard_goto_step" in request.POST:
            self.keep_draft(step, typed)
            target = request.POST["wizard_goto_step"]
            return redirect(self.get_step_url(target if target in self.get_form_list() else step))
        if "wizard_language" in request.POST:
            return self.switch_language(step, typed)
        if "wizard_save" in request.POST:
            self.keep_draft(step, typed)
            return self.save_for_later(step)
        if "wizard_add_row" in request.POST or "wizard_remove_row" in request.POST:
            return self.edit_rows(step, typed)
        return self.submit(step, typed)

    def submit(self, step, typed):
        form = self.get_form(step, data=self.request.POST)
        # What was typed is kept even when invalid, so leaving the page never loses it.
        self.storage.set_step_data(step, typed)
        self._clear_step_marks(step)
        self._forget_routing()
        if not form.is_valid():
            return self.render(form)
        if step == self.steps.last:
            return self.render_done(form)
        return redirect(self.next_step_url(step))

    def next_step_url(self, step) -> str:
        """Return the next step's URL; after a change from the summary, go back to it.

        A change may have made new questions necessary (a new spouse is asked the marriage
        date): those come first, still on the way back to the summary.
        """
        target, returning = self.get_next_step(step), False
        if self.returning():
            missing = [
                s
                for s in list(self.get_form_list())[:-1]
                if self.get_cleaned_data_for_step(s) is None
            ]
            target, returning = (missing[0], True) if missing else (self.steps.last, False)
        self.storage.current_step = target
        return self.get_step_url(target, returning=returning)

    def edit_rows(self, step, typed):
        """Add an empty row, or remove one, and show the step again (works without JS)."""
        form_class = self.get_form_list()[step]
        action = self.request.POST.get("wizard_add_row") or self.request.POST.get(
            "wizard_remove_row", ""
        )
        name, _sep, index = action.partition(":")
        anchor = ""
        if name in form_class.rows:
            rows_prefix = f"{self.get_form_prefix(step)}-{name}"
            if "wizard_add_row" in self.request.POST:
                typed, anchor = _add_row(typed, rows_prefix)
            elif index.isdigit():
                typed, anchor = _remove_row(typed, rows_prefix, int(index))
        self.keep_draft(step, typed)
        url = self.get_step_url(step, returning=self.returning())
        return redirect(f"{url}#{anchor}" if anchor else url)

    def switch_language(self, step, typed):
        """Show the same step in the other language, keeping what was typed (wizard.js)."""
        self.keep_draft(step, typed)
        language = self.request.POST["wizard_language"]
        if language not in dict(settings.LANGUAGES):
            language = translation.get_language()
        with translation.override(language):
            return redirect(self.get_step_url(step, returning=self.returning()))

    def save_for_later(self, step):
        """Store the run in ``SavedProgress`` and show its resume link."""
        progress = progress_save(
            token=self.storage.extra_data.get(SAVED_TOKEN),
            step=step,
            data=_saved_copy(self.storage.data),
            language=translation.get_language(),
        )
        self._set_extra(**{SAVED_TOKEN: progress.token})
        return redirect("assessments:check_saved", run=self.run)

    # Completion -------------------------------------------------------------------------------

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
        self.finish_run()
        return response

    def done(self, form_list, form_dict, **kwargs):
        """Build ``Answers``, evaluate them, store the ``Assessment`` and show the result."""
        contract = contract_from_steps({s: f.cleaned_data for s, f in form_dict.items()})
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
        assessment = assessment_store(
            answers=answers, result=result, language=translation.get_language()
        )
        return redirect("assessments:result", token=assessment.token)

    def finish_run(self):
        """Forget the run: its answers now live only in the stored assessment."""
        token = self.storage.extra_data.get(SAVED_TOKEN)
        if token:
            progress_delete(token=token)
        self.storage.reset()
        self.request.session.pop(run_session_key(self.run), None)

    # Rendering --------------------------------------------------------------------------------

    def get_template_names(self):
        return [f"assessments/wizard/{self.steps.current}.html", self.template_name]

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        step = self.steps.current
        context.update(
            step_title=flow.TITLES.get(step, ""),
            prev_step=self.get_prev_step(step),
            returning=self.returning(),
            error_summary=form.error_summary() if form.is_bound else [],
            action_url=self.request.get_full_path(),
        )
        if step == "travel":
            context["trip_totals"] = self._trip_totals(form)
        if step == self.steps.last:
            context["sections"] = self.summary_sections()
        return context

    def _trip_totals(self, form):
        if not form.is_bound or not form.is_valid() or not form.cleaned_data.get("trips"):
            return None
        return trip_totals(form.cleaned_data["trips"])

    def summary_sections(self) -> list[Section]:
        sections = []
        for step in list(self.get_form_list())[:-1]:
            form = self.get_form(step, data=self.storage.get_step_data(step))
            complete = form.is_bound and form.is_valid()
            sections.append(
                Section(
                    step=step,
                    title=flow.TITLES.get(step, step),
                    change_url=self.get_step_url(step, returning=True),
                    complete=complete,
                    answers=step_answers(form) if complete else [],
                )
            )
        return sections


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


def _own_fields(data, prefix: str) -> dict[str, list[str]]:
    """Return the raw values of one step's fields, as lists (formtools' storage format)."""
    lists = data.lists() if isinstance(data, QueryDict) else ((k, data[k]) for k in data)
    return {
        key: list(values) if isinstance(values, list | tuple) else [values]
        for key, values in lists
        if key.startswith(f"{prefix}-")
    }


def _raw_values(form) -> dict:
    """Return the raw typed values of a bound step form, rows included, as initial data."""
    values = {name: form[name].value() for name in form.fields}
    for name, formset in form.formsets.items():
        values[name] = [{n: row[n].value() for n in row.fields} for row in formset.forms]
    return values


def _row_total(data: dict, prefix: str) -> int:
    raw = (data.get(f"{prefix}-TOTAL_FORMS") or ["0"])[0]
    total = int(raw) if str(raw).isdigit() else 0
    return min(total, MAX_LIST_ITEMS)


def _add_row(data: dict, prefix: str) -> tuple[dict, str]:
    total = _row_total(data, prefix)
    data = {**data, f"{prefix}-TOTAL_FORMS": [str(min(total + 1, MAX_LIST_ITEMS))]}
    data.setdefault(f"{prefix}-INITIAL_FORMS", ["0"])
    return data, f"{prefix}-{min(total, MAX_LIST_ITEMS - 1)}-row"


def _remove_row(data: dict, prefix: str, index: int) -> tuple[dict, str]:
    total = _row_total(data, prefix)
    if index >= total:
        return data, ""
    kept = {k: v for k, v in data.items() if not k.startswith(f"{prefix}-{index}-")}
    moved = {}
    for key, value in kept.items():
        head, _sep, rest = key.removeprefix(f"{prefix}-").partition("-")
        if key.startswith(f"{prefix}-") and head.isdigit() and int(head) > index and rest:
            moved[f"{prefix}-{int(head) - 1}-{rest}"] = value
        else:
            moved[key] = value
    moved[f"{prefix}-TOTAL_FORMS"] = [str(total - 1)]
    return moved, f"{prefix}-rows"


def _saved_copy(data: dict) -> dict:
    """Return what "continue later" keeps: the step data and the drafts, not the token."""
    extra = {k: v for k, v in data.get("extra_data", {}).items() if k == DRAFTS}
    return {"step_data": data.get("step_data", {}), "extra_data": extra}


@require_safe
def check_saved(request, run):
    """Show the resume link of a run saved with "continue later"."""
    stored = request.session.get(run_session_key(run)) or {}
    token = stored.get("extra_data", {}).get(SAVED_TOKEN)
    progress = progress_get(token=token) if token else None
    if progress is None:
        raise Http404
    resume_url = request.build_absolute_uri(reverse("assessments:check_resume", args=[token]))
    step = stored.get("step") or flow.STEPS[0][0]
    context = {
        "resume_url": resume_url,
        "expires_at": timezone.localdate(progress.expires_at),
        "continue_url": reverse("assessments:check_step", kwargs={"run": run, "step": step}),
    }
    return render(request, "assessments/wizard/saved.html", context)


@require_safe
def check_resume(request, token):
    """Restore a saved run into a new run of this browser; unknown or expired tokens are 404."""
    progress = progress_get(token=token)
    if progress is None:
        raise Http404
    run = new_run_id()
    saved = progress.data if isinstance(progress.data, dict) else {}
    request.session[run_session_key(run)] = {
        "step": progress.step,
        "step_data": saved.get("step_data", {}),
        "step_files": {},
        "extra_data": {**saved.get("extra_data", {}), SAVED_TOKEN: progress.token},
    }
    remember_run(request.session, run)
    step = progress.step if progress.step in dict(flow.STEPS) else flow.STEPS[0][0]
    return redirect("assessments:check_step", run=run, step=step)
