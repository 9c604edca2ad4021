"""The "check your answers" page: every answer of the steps asked, with its label.

Values keep their type (a date, yen, a count) so the template words them per language with
the ``prcheck`` filters; choices become their translated labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from django import forms as django_forms

from assessments.questionnaire.forms import StepForm, YesNo, anchor_id, is_yes
from assessments.web.fields import MoneyField

#: How the template writes a value.
DATE, MONEY, NUMBER, TEXT, ROWS, EMPTY = "date", "money", "number", "text", "rows", "empty"
POINTS = "points"  # HSP points: 90 points / 90点


@dataclass(frozen=True)
class Answer:
    label: str
    value: Any
    kind: str
    anchor: str = ""  # the id of the question on its step, for the Change link
    key: str = ""  # the answer's name on its step ("status-status"), for its row's id


#: The summary row of an answer is ``answer-<key>``: after "Save and go back to your answers"
#: the page opens there (``changed_answer``), not at the top of a long summary.
ROW_ID = "answer-%s"


@dataclass(frozen=True)
class Section:
    """One step on the summary: its answers, or ``complete=False`` if it needs attention."""

    step: str
    title: str
    change_url: str
    complete: bool
    answers: list[Answer] = field(default_factory=list)


def step_answers(form: StepForm) -> list[Answer]:
    """List a valid step's answers in page order; rows only when the applicant said yes."""
    answers = []
    for kind, item in form.layout():
        if kind == "field":
            if not form.shows_in_summary(item.name):
                continue
            answer = _answer(item.field, item.label, form.cleaned_data.get(item.name))
            answers.append(replace(answer, anchor=anchor_id(item), key=item.html_name))
        elif item.active:
            forms_ = item.formset.forms
            rows = [
                [
                    _answer(row_field, row_field.label, forms_[i].cleaned_data.get(name))
                    for name, row_field in forms_[i].fields.items()
                ]
                for i in form.row_forms.get(item.name, [])
            ]
            anchor = f"{item.formset.prefix}-rows"
            answers.append(
                Answer(item.spec.legend, rows, ROWS, anchor=anchor, key=item.formset.prefix)
            )
    return answers


def changed_answer(form: StepForm, before, after) -> str:
    """Return the summary row id of the first answer of ``form`` that ``after`` changed.

    ``before`` and ``after`` are the step's raw data (formtools' ``{key: [values]}``) before
    and after the applicant saved it; when nothing changed, the step's first answer. ``form``
    is the valid step form, so the rows counted are those the summary lists.
    """
    before, after = _lists(before), _lists(after)
    keys = [answer.key for answer in step_answers(form) if answer.key]
    for key in keys:
        posted = {k for k in {*before, *after} if k == key or k.startswith(f"{key}-")}
        if any(before.get(k) != after.get(k) for k in posted):
            return ROW_ID % key
    return ROW_ID % keys[0] if keys else ""


def _lists(data) -> dict:
    if data is None:
        return {}
    if hasattr(data, "lists"):
        return {key: list(values) for key, values in data.lists()}
    return {key: list(v) if isinstance(v, list | tuple) else [v] for key, v in data.items()}


def _answer(form_field, label, value) -> Answer:
    if value is None or value == "" or value == []:
        meaning = getattr(form_field, "empty_answer", None)
        return Answer(label, meaning, TEXT) if meaning else Answer(label, None, EMPTY)
    if isinstance(form_field, django_forms.BooleanField) or (
        isinstance(form_field, django_forms.TypedChoiceField) and form_field.coerce is is_yes
    ):
        return Answer(label, YesNo.YES.label if value else YesNo.NO.label, TEXT)
    if isinstance(form_field, django_forms.MultipleChoiceField):
        labels = dict(form_field.choices)
        return Answer(label, "; ".join(str(labels.get(v, v)) for v in value), TEXT)
    if isinstance(form_field, django_forms.ChoiceField):
        return Answer(label, dict(form_field.choices).get(value, value), TEXT)
    if isinstance(form_field, MoneyField):
        return Answer(label, value, MONEY)
    if isinstance(form_field, django_forms.DateField):
        return Answer(label, value, DATE)
    if isinstance(form_field, django_forms.IntegerField):
        return Answer(label, value, NUMBER)
    return Answer(label, value, TEXT)
