"""The base of every step form: fields plus repeating rows, validated together."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy

from assessments.questionnaire.forms.questions import name_the_questions, question_with_limit
from assessments.questionnaire.forms.rows import Rows, RowsBlock, raw_answer
from assessments.questionnaire.mapping import step_errors
from assessments.web.fields import WIDGET_RENDERER, anchor_id, limit_dates
from assessments.web.messages import error_message


class StepForm(forms.Form):
    """Base of every step: a form plus its repeating rows, validated together.

    The view passes ``application_date`` (dates after it are refused) and ``today``. Rows are
    formsets with their own prefix (``travel-trips-0-departure``); blank rows are ignored, so
    an "add another" button can simply re-render the step with one more row. ``cleaned_data``
    holds each repeating answer as a list of row dicts, or ``[]`` when its toggle says no. A
    step whose rows have no toggle is a list asked on a page of its own (``Rows``).
    """

    default_renderer = WIDGET_RENDERER
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
            limit_dates(self, self.application_date)
        name_the_questions(self)
        for field in self.fields.values():
            say_what_to_do_when_required(field)
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
            form_kwargs={
                "empty_permitted": True,
                "application_date": self.application_date,
                "row_label": spec.row_label,
            },
        )
        if not posted:
            formset.extra = 0 if initial_rows or formset.min_num else 1
        return formset

    def rows_active(self, name: str) -> bool:
        """Return whether the answers on this step ask for these rows (a list step always)."""
        if self.rows[name].toggle is None:
            return True
        return any(
            raw_answer(self[field].value()) == value
            for field, value in self.rows[name].conditions()
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
                self._require_rows(name)
        if complete and not self.errors and self.step:
            self.add_contract_errors(
                step_errors(self.step, cleaned, application_date=self.application_date)
            )
        return cleaned

    def _require_rows(self, name: str) -> None:
        """Say a row is needed: on the toggle, or on a list step on its first row's first field.

        There the message is announced with the field it is about, as other errors are.
        """
        spec, formset = self.rows[name], self.formsets[name]
        if spec.toggle is None and formset.is_bound and formset.forms:
            first = formset.forms[0]
            first.add_error(next(iter(first.fields)), spec.required_message, named=False)
        else:
            self.add_error(spec.toggle, spec.required_message)

    def add_contract_errors(self, errors) -> None:
        """Attach contract errors (location, code, params) to their fields or rows."""
        for location, code, params in errors:
            form = self
            if location.rows in self.formsets and location.row is not None:
                indexes = self.row_forms.get(location.rows, [])
                if location.row < len(indexes):
                    form = self.formsets[location.rows].forms[indexes[location.row]]
            field = location.field if location.field in form.fields else None
            message = (field and question_with_limit(form, field, code, params)) or error_message(
                code, params, written_dates=True
            )
            form.add_error(field, message)

    def shows_in_summary(self, name: str) -> bool:
        """Return whether the summary lists this field (a step may leave out what it replaces)."""
        return True

    def layout(self):
        """Yield ("field", bound field) and ("rows", RowsBlock) in reading order.

        Rows come after their toggle; a list step's rows (no toggle) come first.
        """
        after = {spec.toggle: name for name, spec in self.rows.items() if spec.toggle}
        for name, spec in self.rows.items():
            if spec.toggle is None:
                yield "rows", self.rows_block(name)
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
        """Return (element id, message) for every error shown on the step, in page order.

        Each entry is the very message shown by its field (GOV.UK's error summary), one per
        field: messages name their question, and those of a row name the row ("Trip 3: …").
        Errors of the form as a whole link to its first field.
        """
        items = [(self.first_field_id(), error) for error in self.non_field_errors()]
        for kind, item in self.layout():
            if kind == "field":
                items += field_errors(item)
            elif item.active:
                items += self._row_errors(item.name)
        return items

    def first_field_id(self) -> str:
        """Return the id of the first field on the step: its own, else its first row's.

        A list page (late payments, say) has no field of its own, only rows; "" when the step
        has neither.
        """
        first = next(iter(self), None)
        if first is None:
            rows = next((f.forms[0] for f in self.formsets.values() if f.forms), None)
            first = next(iter(rows), None) if rows is not None else None
        return anchor_id(first) if first is not None else ""

    def _row_errors(self, name: str) -> list[tuple[str, str]]:
        formset = self.formsets[name]
        items = [(f"{formset.prefix}-rows", e) for e in formset.non_form_errors()]
        for row_form in formset.forms:
            first = anchor_id(next(iter(row_form)))
            items += [(first, error) for error in row_form.non_field_errors()]
            for bound_field in row_form:
                items += field_errors(bound_field)
        return items


def field_errors(bound_field) -> list[tuple[str, str]]:
    """Return the field's entry for the error summary: its messages as the field shows them.

    A field with two errors (a payment paid after the application date that was also said
    to be paid on time) shows them in one paragraph; the summary repeats that paragraph.
    """
    if not bound_field.errors:
        return []
    return [(anchor_id(bound_field), " ".join(str(error) for error in bound_field.errors))]


REQUIRED_MESSAGES = (
    (forms.DateField, gettext_lazy("Enter a date.")),
    (forms.ChoiceField, gettext_lazy("Choose one of the answers.")),
    (forms.IntegerField, gettext_lazy("Enter a number.")),
)


def say_what_to_do_when_required(field: forms.Field) -> None:
    """Replace Django's generic "This field is required." by what the applicant should do."""
    if field.error_messages.get("required") != forms.Field.default_error_messages["required"]:
        return  # the field already words its own message
    for field_class, message in REQUIRED_MESSAGES:
        if isinstance(field, field_class):
            field.error_messages["required"] = message
            return
    field.error_messages["required"] = gettext_lazy("Answer this question.")
