"""``FlatWidgetRenderer`` draws exactly the HTML Django's own widget templates draw."""

import datetime as dt

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from assessments.forms.renderer import DRAWN_IN_PYTHON, FlatWidgetRenderer

GROUPED = [("Group <1>", [("1", "one"), ("2", "two & more")]), ("3", "three")]
PLAIN = [("yes", "Yes"), ("no", "No <b>"), ("", "Not sure")]


class EveryWidget(forms.Form):
    radios = forms.ChoiceField(choices=PLAIN, widget=forms.RadioSelect(attrs={"class": "radios"}))
    grouped = forms.ChoiceField(choices=GROUPED, required=False, widget=forms.RadioSelect)
    described = forms.ChoiceField(
        choices=PLAIN,
        widget=forms.RadioSelect(attrs={"aria-describedby": "hint", "disabled": True}),
    )
    several = forms.MultipleChoiceField(
        choices=PLAIN,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkboxes"}),
    )
    several_grouped = forms.MultipleChoiceField(
        choices=GROUPED, required=False, widget=forms.CheckboxSelectMultiple
    )
    text = forms.CharField(widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    number = forms.IntegerField(required=False)
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date", "max": "2026-12-01"}))
    email = forms.EmailField(required=False)
    url = forms.URLField(required=False)
    password = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    datetime = forms.DateTimeField(required=False)
    time = forms.TimeField(required=False)
    search = forms.CharField(required=False, widget=forms.widgets.SearchInput)
    tel = forms.CharField(required=False, widget=forms.widgets.TelInput)
    color = forms.CharField(required=False, widget=forms.widgets.ColorInput)


ANSWERS = {
    "radios": "no",
    "grouped": "2",
    "several": ["yes", ""],
    "several_grouped": ["1", "3"],
    "text": '3,000,000 "¥" <b>',
    "number": "12",
    "hidden": "a&b",
    "date": dt.date(2026, 12, 1).isoformat(),
    "email": "x@example.org",
    "password": "secret",
    "datetime": "2026-12-01 09:30",
    "time": "09:30",
}
INVALID = {"radios": "maybe", "several": ["x"], "number": "twelve", "date": "2026-02-30"}


class UnusualValues(forms.Form):
    """Values a template would localize or leave unescaped: numbers, lazy and safe text."""

    numbered = forms.TypedChoiceField(
        choices=[(1, gettext_lazy("Yes")), (2, 2026), (3, mark_safe("<b>three</b>"))],
        coerce=int,
        widget=forms.RadioSelect(attrs={"id": "numbered", "data-safe": mark_safe("<i>")}),
    )
    flags = forms.CharField(
        required=False,
        initial=mark_safe("a&amp;b"),
        widget=forms.TextInput(attrs={"required": True, "hidden": False, "data-n": 1.5}),
    )
    unlabelled = forms.ChoiceField(
        choices=[("a", "A")], required=False, widget=forms.RadioSelect(attrs={"id": ""})
    )


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("data", [None, {"numbered": "2"}], ids=["empty", "answered"])
@pytest.mark.parametrize("name", list(UnusualValues.base_fields))
def test_numbers_lazy_and_safe_text_are_drawn_as_djangos_templates_draw_them(language, data, name):
    with translation.override(language):
        python = str(UnusualValues(data, renderer=FlatWidgetRenderer())[name])
        django = str(UnusualValues(data, renderer=DjangoTemplates())[name])
    assert python == django


def test_django_uses_the_flat_renderer():
    assert isinstance(get_default_renderer(), FlatWidgetRenderer)


def test_every_widget_drawn_in_python_is_one_of_the_test_forms():
    drawn = {
        type(field.widget).template_name
        for form in (EveryWidget, UnusualValues)
        for field in form.base_fields.values()
    }
    assert set(DRAWN_IN_PYTHON) - {"django/forms/widgets/input.html"} <= drawn


@pytest.mark.parametrize("data", [None, ANSWERS, INVALID], ids=["empty", "answered", "invalid"])
@pytest.mark.parametrize("name", list(EveryWidget.base_fields))
def test_python_draws_exactly_what_djangos_templates_draw(data, name):
    flat = EveryWidget(data, renderer=FlatWidgetRenderer())
    django = EveryWidget(data, renderer=DjangoTemplates())
    flat.is_valid(), django.is_valid()
    assert "<input" in str(flat[name])
    assert str(flat[name]) == str(django[name])


def test_a_formset_with_its_management_form_is_drawn_the_same():
    def rows(renderer):
        return forms.formset_factory(EveryWidget, extra=2, renderer=renderer)(prefix="rows")

    flat, django = rows(FlatWidgetRenderer()), rows(DjangoTemplates())
    assert str(flat) == str(django)
    assert 'name="rows-TOTAL_FORMS"' in str(flat)
