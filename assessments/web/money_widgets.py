"""How an amount of yen is asked: a text box that shows the amount it read, and the messages.

The parsing is ``money.parse_yen`` (pure); this module words it in the page's language.
"""

from __future__ import annotations

from django import forms
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy

from assessments.web.money import YenSyntaxError, parse_yen, write_yen


class MoneyInput(forms.TextInput):
    """A text box for yen; after a round trip it shows the amount read: "= 3,000,000円"."""

    template_name = "assessments/widgets/money.html"

    def __init__(self, attrs=None):
        super().__init__(attrs={"inputmode": "text", "autocomplete": "off", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["amount_read"] = amount_read(value)
        return context


def amount_read(value) -> str:
    """Return "3,000,000円" / "¥3,000,000" for a value that reads as yen, else ""."""
    if isinstance(value, int) and not isinstance(value, bool):
        amount = value
    elif isinstance(value, str) and value.strip():
        try:
            amount = parse_yen(value)
        except YenSyntaxError:
            return ""
    else:
        return ""
    return write_yen(amount, japanese=(translation.get_language() or "").startswith("ja"))


def _message(template, what) -> str:
    return gettext(template) % {"what": what}


_lazy_message = lazy(_message, str)


def _quote(label) -> str:
    return gettext("“%(label)s”") % {"label": label}


_quoted = lazy(_quote, str)

MONEY_MESSAGES = {
    "required": gettext_lazy("Enter %(what)s, in yen"),
    "invalid": gettext_lazy("Enter %(what)s as an amount in yen, like 3,500,000"),
    "not_a_number": gettext_lazy("Enter %(what)s as an amount in yen, like 3,500,000"),
    "negative": gettext_lazy("Enter %(what)s as 0 or more"),
    "not_whole_yen": gettext_lazy("Enter %(what)s in whole yen, like 3,500,000"),
    "too_large": gettext_lazy("Enter %(what)s as an amount below 1 trillion yen"),
    "min_value": gettext_lazy("Enter %(what)s as 0 or more"),
    "max_value": gettext_lazy("Enter %(what)s as an amount below 1 trillion yen"),
}


def money_messages(what=None, label="") -> dict:
    """Return the error messages of a yen field that asks for ``what`` ("your income in 2024").

    Without ``what``, the messages quote the field's label.
    """
    what = what or _quoted(label)
    return {code: _lazy_message(template, what) for code, template in MONEY_MESSAGES.items()}
