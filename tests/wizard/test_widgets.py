"""``Radios`` and ``Checkboxes`` draw Django's own HTML from one template instead of four."""

import pytest
from django import forms

from assessments.forms import Checkboxes, Radios

GROUPED = [("Group <1>", [("1", "one"), ("2", "two & more")]), ("3", "three")]
PLAIN = [("yes", "Yes"), ("no", "No <b>"), ("", "Not sure")]


class Questions(forms.Form):
    plain = forms.ChoiceField(choices=PLAIN, widget=Radios(attrs={"class": "radios"}))
    grouped = forms.ChoiceField(choices=GROUPED, required=False, widget=Radios)
    described = forms.ChoiceField(
        choices=PLAIN, widget=Radios(attrs={"aria-describedby": "hint", "disabled": True})
    )
    several = forms.MultipleChoiceField(
        choices=PLAIN, required=False, widget=Checkboxes(attrs={"class": "checkboxes"})
    )
    several_grouped = forms.MultipleChoiceField(choices=GROUPED, required=False, widget=Checkboxes)


def as_django_draws_it(bound_field) -> str:
    widget = bound_field.field.widget
    widget.template_name = type(widget).__mro__[1].template_name
    try:
        return str(bound_field)
    finally:
        del widget.template_name


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"plain": "no", "grouped": "2", "several": ["yes", ""], "several_grouped": ["1", "3"]},
        {"plain": "maybe", "several": ["x"]},
    ],
    ids=["unanswered", "answered", "invalid"],
)
@pytest.mark.parametrize("name", list(Questions.base_fields))
def test_the_single_template_draws_exactly_what_djangos_templates_draw(data, name):
    form = Questions(data)
    form.is_valid()
    ours = str(form[name])
    assert 'type="' in ours
    assert ours == as_django_draws_it(form[name])
