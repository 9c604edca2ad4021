"""Fields and widgets shared by the step forms: native dates, yen, yes/no, choices.

Labels and help texts are lazy translations given by each step; these helpers only decide
how an answer is typed and read (``3,000,000``, ``３００万`` in full-width digits, ``¥``, ``万``).
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.db import models
from django.forms.renderers import Jinja2
from django.utils.translation import gettext_lazy as _

from assessments.eligibility.answers import EARLIEST_DATE, LATEST_DATE
from assessments.web.money import YenSyntaxError, parse_yen
from assessments.web.money_widgets import MoneyInput, money_messages

#: Django's Jinja2 form renderer, for prcheck's own forms (their ``default_renderer``). The
#: site-wide ``FORM_RENDERER`` stays Django's default, because the admin's widgets have
#: Django templates only. Measured with ``bench/wizard.py``: the slowest wizard step took
#: 3.8x Django's bare form page with the default renderer, 2.0x with this one (target 2x).
#: A widget template is overridden as Django documents for this renderer: a file of the same
#: name under ``assessments/jinja2/`` (``django/forms/widgets/text.html``).
WIDGET_RENDERER = Jinja2()


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")


class PeriodOfStay(models.TextChoices):
    MONTHS_3 = "0.25", _("3 months")
    MONTHS_6 = "0.5", _("6 months")
    YEAR_1 = "1", _("1 year")
    YEARS_3 = "3", _("3 years")
    YEARS_5 = "5", _("5 years")
    UNLIMITED = "unlimited", _("No limit (Highly Skilled Professional (ii))")


def is_yes(value) -> bool:
    """Read a yes/no answer from raw data ("yes") or cleaned data (True)."""
    return value is True or value == YesNo.YES


class DateInput(forms.DateInput):
    """A native date picker; ISO values are what browsers send and expect."""

    input_type = "date"

    def __init__(self, attrs=None):
        # The contract's range: the browser's picker offers no day the check would refuse.
        limits = {"min": EARLIEST_DATE.isoformat(), "max": LATEST_DATE.isoformat()}
        super().__init__(attrs={**limits, **(attrs or {})}, format="%Y-%m-%d")


class MoneyField(forms.IntegerField):
    """Whole yen, as people write them: ``3,000,000``, ``¥3,000,000``, ``300万円``, ``３００万``.

    The reading is ``money.parse_yen``; its error codes become messages that name the question
    (``what``: "your income in 2024", else the label). The widget shows the amount read back
    ("= 3,000,000円") once the page comes back from the server.
    """

    widget = MoneyInput

    def __init__(self, *args, what=None, empty_answer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.what = what
        #: What an optional amount left empty means, as the summary says it (see date_field).
        self.empty_answer = empty_answer
        self.error_messages.update(money_messages(what, self.label))

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            try:
                value = parse_yen(value)
            except YenSyntaxError as exc:
                raise forms.ValidationError(self.error_messages[exc.code], code=exc.code) from exc
        return super().to_python(value)


def date_field(label, help_text, *, required=True, empty_answer=None) -> forms.DateField:
    """A date input; ``empty_answer`` says what an optional date left empty means.

    The hint of an optional date often gives the blank a meaning ("leave empty if it is still
    unpaid"), so the summary says that ("Not paid yet") rather than "Not answered".
    """
    field = forms.DateField(label=label, help_text=help_text, required=required, widget=DateInput)
    field.empty_answer = empty_answer
    return field


def yes_no(label, help_text) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YesNo.choices,
        coerce=is_yes,
        empty_value=None,
        widget=forms.RadioSelect(attrs={"class": "radios"}),
    )


def choice(label, help_text, choices) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=choices,
        widget=forms.RadioSelect(attrs={"class": "radios"}),
    )


def count_field(label, help_text, *, required=True) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=required,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


def anchor_id(bound_field) -> str:
    """Return the id an error link should focus: the first option of a group, else the input.

    Radios and checkboxes sit in a fieldset whose first option is ``<id>_0``; Django gives no
    label id for a group of checkboxes, so the group's own id is never used.
    """
    if bound_field.field.widget.use_fieldset:
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label


def limit_dates(form: forms.Form, limit: dt.date | None) -> None:
    if limit is None:
        return
    for field in form.fields.values():
        if isinstance(field.widget, DateInput) and field.widget.attrs.get("max") in (
            None,
            LATEST_DATE.isoformat(),
        ):
            field.widget.attrs["max"] = limit.isoformat()


def years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
