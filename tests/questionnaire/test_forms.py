"""Every question has a label and a hint; dates are native date inputs."""

import datetime as dt

import pytest
from django import forms as django_forms

from assessments.questionnaire import flow

D = dt.date


def all_fields():
    for step, form_class in flow.STEPS:
        kwargs = {"income_years": [2025], "household": True} if step == "income" else {}
        form = form_class(prefix=step, application_date=D(2026, 12, 1), **kwargs)
        yield from ((f"{step}.{name}", field) for name, field in form.fields.items())
        for rows, formset in form.formsets.items():
            row = formset.forms[0]
            yield from ((f"{step}.{rows}.{name}", field) for name, field in row.fields.items())


FIELDS = dict(all_fields())


@pytest.mark.parametrize("name", FIELDS)
def test_every_question_has_a_label_and_a_hint(name):
    field = FIELDS[name]
    assert str(field.label).strip()
    assert str(field.help_text).strip()


@pytest.mark.parametrize(
    "name", [n for n, f in FIELDS.items() if isinstance(f, django_forms.DateField)]
)
def test_dates_are_native_date_inputs(name):
    assert FIELDS[name].widget.input_type == "date"


def test_every_step_has_a_title():
    assert set(flow.TITLES) == {step for step, _form in flow.STEPS}
