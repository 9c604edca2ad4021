"""prcheck's forms draw their widgets with Django's own Jinja2 form renderer; the admin keeps
Django's default renderer (its widgets have Django templates only)."""

import datetime as dt

import pytest
from django.contrib.admin.widgets import AdminDateWidget
from django.forms.renderers import DjangoTemplates, Jinja2, get_default_renderer

from assessments.hsp.forms import HspProfileForm
from assessments.questionnaire import flow
from assessments.web.fields import WIDGET_RENDERER

D = dt.date


def step_forms():
    for step, form_class in flow.STEPS:
        kwargs = {"income_years": [2025], "household": True} if step == "income" else {}
        yield step, form_class(prefix=step, application_date=D(2026, 12, 1), **kwargs)


STEP_FORMS = dict(step_forms())


def test_the_widget_renderer_is_djangos_own_jinja2_renderer():
    assert type(WIDGET_RENDERER) is Jinja2


@pytest.mark.parametrize("step", STEP_FORMS)
def test_every_step_form_and_its_rows_use_the_widget_renderer(step):
    form = STEP_FORMS[step]
    assert form.renderer is WIDGET_RENDERER
    for formset in form.formsets.values():
        assert formset.renderer is WIDGET_RENDERER
        assert all(row.renderer is WIDGET_RENDERER for row in formset.forms)


def test_the_hsp_calculator_form_uses_the_widget_renderer():
    assert HspProfileForm().renderer is WIDGET_RENDERER


def test_the_admin_keeps_djangos_default_renderer():
    renderer = get_default_renderer()
    assert type(renderer) is DjangoTemplates
    assert 'type="text"' in AdminDateWidget().render("day", None, renderer=renderer)


def test_a_step_draws_its_widgets_from_djangos_templates():
    html = str(STEP_FORMS["status"]["application_date"])
    assert html.startswith('<input type="date" name="status-application_date"')
    radios = str(STEP_FORMS["status"]["status"])
    assert 'type="radio"' in radios
    assert 'value="work"' in radios
