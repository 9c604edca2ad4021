"""The applicant's wizard: one URL per step, ``/<lang>/check/<run>/<step>/``.

``AssessmentWizard`` is formtools' ``NamedUrlSessionWizardView`` with its known rough edges
fixed:

- each run has its own id in the URL and its own storage, its answers document
  (``storage.RunStorage``), so two tabs never overwrite each other's answers;
- Back, "add another", "remove" and "continue later" keep what was typed on the current
  step, even when it is not valid yet (formtools #284), and show it again without errors;
- the route is a pure function of the answers so far (``flow.route``), worked out once per
  request and again when a page is saved (``routing.RouteMixin``); formtools is given
  conditions that only look it up, and ``done()`` reads only the steps of the route: a
  skipped step's answers never steer nor count, but they are kept, so changing the route
  back brings them back;
- the check-your-answers page links each answer to its step, and after a change the wizard
  returns to it (through any question the change has newly made necessary);
- ``done()`` builds ``Answers`` with ``answers_from_dict``; if the contract refuses them the
  errors are shown on their step and field, never a server error.

Each page is declared once in ``flow.PAGES`` (its form, title, template, the contract keys
it writes, its condition, what it is given and shows): the view has no per-page code. Runs
live in ``runs.py``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from formtools.wizard.forms import ManagementForm
from formtools.wizard.storage import get_storage
from formtools.wizard.views import NamedUrlSessionWizardView, StepsHelper, WizardView

from assessments.eligibility.rules.livelihood import income_floors
from assessments.eligibility.rules.routes import status_livelihood_exempt
from assessments.questionnaire import flow
from assessments.questionnaire.completion import CompletionMixin
from assessments.questionnaire.drafts import add_row, own_fields, raw_values, remove_row
from assessments.questionnaire.hsp_steps import HspCalculationMixin
from assessments.questionnaire.mapping import Location, page_fragment, trip_totals
from assessments.questionnaire.routing import RouteMixin
from assessments.questionnaire.runs import (
    DRAFTS,
    PENDING_ERRORS,
    SAVED_TOKEN,
    WIZARD_PREFIX,
    remember_run,
    reopen_completed,
    saved_copy,
)
from assessments.questionnaire.services import progress_save
from assessments.questionnaire.summary import Section, changed_answer, step_answers
from assessments.questionnaire.trip_import import TripImportMixin
from assessments.thresholds.selectors import thresholds_at
from assessments.thresholds.snapshot import MissingThreshold

RETURN_PARAM, RETURN_TO_SUMMARY = "return", "summary"
#: Key of the run's ``extra_data``: the row "Remove" just took out without JavaScript
#: (step, list, row number), said once on the page shown next ("Trip 2 removed").
ROW_REMOVED = "row_removed"


class AssessmentWizard(
    RouteMixin,
    CompletionMixin,
    HspCalculationMixin,
    TripImportMixin,
    NamedUrlSessionWizardView,
):
    form_list = flow.STEPS
    condition_dict = flow.route_conditions()
    template_name = "assessments/wizard/step.html"
    storage_name = "assessments.questionnaire.storage.RunStorage"
    #: The row just removed without JavaScript, said on the page (``_pop_removed_row``).
    removed_row: dict | None = None

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
        self.prefix = self.get_prefix(request, *args, **kwargs)
        reopen_completed(request.session, self.run, today=self.today)
        self.storage = get_storage(self.storage_name, f"{self.prefix}_{self.run}", request)
        remember_run(request.session, self.run)
        self.steps = StepsHelper(self)
        response = super(WizardView, self).dispatch(request, *args, **kwargs)
        self.storage.update_response(response)
        return response

    def get_step_url(self, step, *, returning=False):
        url = reverse(self.url_name, kwargs={"run": self.run, "step": step})
        return f"{url}?{RETURN_PARAM}={RETURN_TO_SUMMARY}" if returning else url

    def _resume_step(self) -> str:
        current = self.storage.current_step
        return current if current in self.get_form_list() else self.steps.first

    def returning(self) -> bool:
        return self.request.GET.get(RETURN_PARAM) == RETURN_TO_SUMMARY

    def page_complete(self, step) -> bool:
        """Return whether the page's answers (its draft, else the document's) are valid."""
        form = self.get_form(step, data=self.storage.get_step_data(step))
        return form.is_bound and form.is_valid()

    # Forms ------------------------------------------------------------------------------------

    def get_form_initial(self, step):
        """Return what a page not answered yet shows: the answers the run's document already
        holds for it (a question added to the page since), else ``Step.initial``."""
        page = flow.PAGE[step]
        initial = page.initial(self) if page.initial else {}
        return {**initial, **self.storage.known_answers(page)}

    def get_form_kwargs(self, step=None):
        """Return what the page's form needs of the answers so far (``Step.form_kwargs``)."""
        page = flow.PAGE[step]
        kwargs = {"today": self.today}
        if not page.asks_application_date:
            kwargs["application_date"] = self.application_date()
        return {**kwargs, **(page.form_kwargs(self) if page.form_kwargs else {})}

    def thresholds(self):
        """Return the thresholds in force on the application date, or None if there are none."""
        return self.thresholds_on(self.application_date())

    def thresholds_on(self, on):
        """Return the thresholds in force on ``on``, or None if there are none."""
        known = self.__dict__.setdefault("_thresholds", {})
        if on not in known:
            try:
                known[on] = thresholds_at(on=on)
            except MissingThreshold:
                known[on] = None
        return known[on]

    def process_step(self, form):
        """Return the page's share of the answers document (``mapping.page_fragment``)."""
        return page_fragment(self.steps.current, form.cleaned_data)

    def get_form_step_data(self, form):
        """Keep only this step's own fields (not the CSRF token or the buttons)."""
        return own_fields(form.data, form)

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
            prefix=self.get_form_prefix(step, form_class), initial=raw_values(bound), **kwargs
        )

    def _set_extra(self, **changes):
        self.storage.extra_data = {**self.storage.extra_data, **changes}

    def keep_draft(self, step, data):
        """Store what was typed on ``step`` as it is, to be shown again without errors."""
        self.storage.set_step_data(step, data)
        drafts = set(self.storage.extra_data.get(DRAFTS, [])) | {step}
        self._set_extra(**{DRAFTS: sorted(drafts)})
        self.keep_pasted_trips(step)
        self.forget_route()

    def _clear_step_marks(self, step):
        extra = self.storage.extra_data
        pending = {k: v for k, v in extra.get(PENDING_ERRORS, {}).items() if k != step}
        drafts = [s for s in extra.get(DRAFTS, []) if s != step]
        self._set_extra(**{DRAFTS: drafts, PENDING_ERRORS: pending})
        self.forget_pasted_trips(step)

    # Requests ---------------------------------------------------------------------------------

    def get(self, request, *args, **kwargs):
        step = kwargs.get("step")
        if step == self.done_step_name or step not in self.get_form_list():
            return redirect(self.get_step_url(self._resume_step()))
        self.storage.current_step = step
        self.removed_row = self._pop_removed_row(step)
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
        typed = own_fields(request.POST, self.get_form(step))
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
        if self.wants_trip_import(step):
            return self.import_trips(step, typed)
        return self.submit(step, typed)

    def submit(self, step, typed, data=None):
        """Answer ``step`` with what was typed (the POST, or ``data`` built from it)."""
        form = self.get_form(step, data=self.request.POST if data is None else data)
        before = self.storage.get_step_data(step)
        # What was typed is kept even when invalid, so leaving the page never loses it.
        self.storage.set_step_data(step, typed)
        self._clear_step_marks(step)
        self.forget_route()
        if not form.is_valid():
            return self.render(form)
        self.storage.record(step, self.process_step(form), typed)
        self.forget_route()
        if step == self.steps.last:
            return self.render_done(form)
        changed = changed_answer(form, before, typed) if self.returning() else ""
        return redirect(self.next_step_url(step, changed=changed))

    def next_step_url(self, step, changed: str = "") -> str:
        """Return the next step's URL; after a change from the summary, go back to it.

        A change may have made new questions necessary (a new spouse is asked the marriage
        date): those come first, still on the way back to the summary. Back on the summary,
        the page opens at ``changed`` (the row of the answer just changed).
        """
        target, returning = self.get_next_step(step), False
        if self.returning():
            missing = [s for s in list(self.get_form_list())[:-1] if not self.page_complete(s)]
            target, returning = (missing[0], True) if missing else (self.steps.last, False)
        self.storage.current_step = target
        url = self.get_step_url(target, returning=returning)
        back_on_summary = self.returning() and target == self.steps.last and changed
        return f"{url}#{changed}" if back_on_summary else url

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
                typed, anchor = add_row(typed, rows_prefix)
            elif index.isdigit():
                typed, anchor = remove_row(typed, rows_prefix, int(index))
        self.keep_draft(step, typed)
        if anchor and "wizard_remove_row" in self.request.POST:
            self._set_extra(**{ROW_REMOVED: [step, name, int(index) + 1]})
        url = self.get_step_url(step, returning=self.returning())
        return redirect(f"{url}#{anchor}" if anchor else url)

    def _pop_removed_row(self, step) -> dict | None:
        """Return the row just removed on ``step`` without JavaScript, once, for the page to say.

        ``{"rows": list name, "label": "Trip 2"}``: the page's list words "Trip 2 removed" in its
        status region, as rows.js does in place (the remove button's ``data-removed``).
        """
        removed = self.storage.extra_data.get(ROW_REMOVED)
        if removed is None:
            return None
        self.storage.extra_data = {
            k: v for k, v in self.storage.extra_data.items() if k != ROW_REMOVED
        }
        removed_step, name, number = removed
        spec = self.get_form_list()[step].rows.get(name) if removed_step == step else None
        if spec is None:
            return None
        return {"rows": name, "label": spec.row_label % {"number": number}}

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
            data=saved_copy(self.storage.data),
            language=translation.get_language(),
        )
        self._set_extra(**{SAVED_TOKEN: progress.token})
        return redirect("assessments:check_saved", run=self.run)

    # Rendering --------------------------------------------------------------------------------

    def get_template_names(self):
        return [flow.PAGE[self.steps.current].template_name, self.template_name]

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        step = self.steps.current
        steps = list(self.get_form_list())
        context.update(
            step_title=flow.TITLES.get(step, ""),
            # The total counts the steps the answers so far ask; later answers may add some,
            # so it is "about" until the last step. The number only ever goes up by one.
            step_number=steps.index(step) + 1,
            step_total=len(steps),
            prev_step=self.get_prev_step(step),
            returning=self.returning(),
            error_summary=form.error_summary() if form.is_bound else [],
            action_url=self.request.get_full_path(),
            rows_removed=self.removed_row,
        )
        page = flow.PAGE[step]
        # On a phone, with JavaScript, questions.js shows this page one question at a time.
        context["separate_questions"] = page.separate_questions
        context["asked_together"] = page.asked_together
        if page.context:
            context.update(page.context(self, form, kwargs))
        return context

    def income_floors(self) -> dict | None:
        """Return the income floors for the household described, in force on the application date.

        None when the dependants are not answered yet or no rules are in force that day. The
        template words them; ``exempt`` says the applicant's status is exempt by law.
        """
        so_far = self.so_far()
        dependents, thresholds = so_far.answer("dependents"), so_far.thresholds
        if dependents is None or thresholds is None:
            return None
        return {
            **income_floors(dependents, thresholds),
            "exempt": status_livelihood_exempt(so_far.status),
        }

    def trips_context(self, form, kwargs) -> dict:
        """The days abroad per year of the trips typed, and the box of pasted trips."""
        totals = None
        if form.is_bound and form.is_valid() and form.cleaned_data.get("trips"):
            totals = trip_totals(form.cleaned_data["trips"])
        return {"trip_totals": totals, **self.trip_import_context(kwargs)}

    def summary_sections(self) -> list[Section]:
        sections = []
        for step in list(self.get_form_list())[:-1]:
            form = self.get_form(step, data=self.storage.get_step_data(step))
            complete = form.is_bound and form.is_valid()
            answers = self.hsp_summary_answers(step) + step_answers(form) if complete else []
            if complete and not answers:
                continue  # a step that only shows something back (the calculated points)
            sections.append(
                Section(
                    step=step,
                    title=flow.TITLES.get(step, step),
                    change_url=self.get_step_url(step, returning=True),
                    complete=complete,
                    answers=answers,
                )
            )
        return sections
