"""The form renderer: Django's, with each input widget drawn by one template.

Django draws a text box with three templates (``text.html`` includes ``input.html``, which
includes ``attrs.html``) and a radio button with five per option. On the wizard's pages,
with their formsets and management forms, those includes were about half of a page's
rendering time. ``FlatWidgetRenderer`` answers Django's widget template names with two flat
templates that write the same HTML, character for character (``tests/wizard/test_widgets.py``
compares them for every widget it replaces); every other template is Django's own.
"""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates

WIDGETS = "django/forms/widgets/"
INPUT = "assessments/widgets/input.html"
CHOICES = "assessments/widgets/choices.html"

#: Django's widget template → the flat template that writes the same HTML.
FLAT_TEMPLATES = {
    **{
        f"{WIDGETS}{name}.html": INPUT
        for name in (
            "color",
            "date",
            "datetime",
            "email",
            "hidden",
            "input",
            "number",
            "password",
            "search",
            "tel",
            "text",
            "time",
            "url",
        )
    },
    f"{WIDGETS}radio.html": CHOICES,
    f"{WIDGETS}checkbox_select.html": CHOICES,
}


class FlatWidgetRenderer(DjangoTemplates):
    """Django's template form renderer, with flat templates for the input widgets."""

    def get_template(self, template_name):
        return super().get_template(FLAT_TEMPLATES.get(template_name, template_name))
