"""The form renderer: Django's, with the input widgets drawn in Python.

Django draws a text box with three templates (``text.html`` includes ``input.html``, which
includes ``attrs.html``) and a radio button with five per option. On the wizard's pages, with
their radio questions, formsets and management forms, those templates were about half of a
page's rendering time, and still a third once flattened into two templates (the status step:
3.5 ms of 6.8 ms drawing forms and widgets; 1.0 ms of 4.7 ms now, measured in-process).
``FlatWidgetRenderer`` draws the input and choice widgets with the functions below, which
write the same HTML as Django's templates character for character:
``tests/wizard/test_widgets.py`` compares them for every widget they replace, empty,
answered and invalid, with numbers, lazy and safe text. Every other template (the forms,
labels, errors, and any widget not listed) is Django's own. A project template overriding
one of the listed widget templates would not be used: take its entry out of
``DRAWN_IN_PYTHON`` first.
"""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates
from django.template import Context
from django.template.base import render_value_in_context
from django.utils.safestring import SafeData

WIDGETS = "django/forms/widgets/"

#: The context Django's template engine renders a widget template with (autoescaping on).
_TEMPLATE_CONTEXT = Context(autoescape=True)


def _text(value) -> str:
    """``{{ value }}``: localized, then escaped unless already safe."""
    return render_value_in_context(value, _TEMPLATE_CONTEXT)


def _string(value) -> str:
    """``{{ value|stringformat:'s' }}``: the value as ``%s`` writes it, escaped unless safe."""
    written = str(value)  # what "%s" writes, a tuple included
    return written if isinstance(value, SafeData) else _text(written)


def _attrs(attrs: dict) -> str:
    """Django's ``attrs.html``: True is a bare attribute, False leaves it out."""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_string(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: dict) -> str:
    """Django's ``input.html`` (and every input type that includes it)."""
    value = "" if widget["value"] is None else f' value="{_string(widget["value"])}"'
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"'
        f"{value}{_attrs(widget['attrs'])}>"
    )


def _option(option: dict) -> str:
    """One radio button or check box of ``input_option.html``, in its ``<div>``."""
    box = _input(option)
    if option["wrap_label"]:
        label_for = option["attrs"].get("id")
        opening = f' for="{_text(label_for)}"' if label_for else ""
        box = f"<label{opening}>{box}\n {_text(option['label'])}</label>"
    else:
        box = f"{box}\n"
    return f"<div>\n    {box}\n\n</div>"


def _choices(widget: dict) -> str:
    """Django's ``multiple_input.html``, as ``radio.html`` and ``checkbox_select.html`` use it."""
    attrs = widget["attrs"]
    html = ["<div"]
    if attrs.get("id"):
        html.append(f' id="{_text(attrs["id"])}"')
    if attrs.get("class"):
        html.append(f' class="{_text(attrs["class"])}"')
    html.append(">")
    for group, options, _index in widget["optgroups"]:
        if group:
            html.append(f"\n  <div><label>{_text(group)}</label>")
        html.extend(_option(option) for option in options)
        if group:
            html.append("\n  </div>")
    html.append("\n</div>")
    return "".join(html)


#: Django's widget template → the function that writes the same HTML.
DRAWN_IN_PYTHON = {
    **{
        f"{WIDGETS}{name}.html": _input
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
    f"{WIDGETS}radio.html": _choices,
    f"{WIDGETS}checkbox_select.html": _choices,
}


class FlatWidgetRenderer(DjangoTemplates):
    """Django's template form renderer, with the input and choice widgets drawn in Python."""

    def render(self, template_name, context, request=None):
        draw = DRAWN_IN_PYTHON.get(template_name)
        if draw is None:
            return super().render(template_name, context, request=request)
        return draw(context["widget"])
