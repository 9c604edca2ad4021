"""Repeating answers (trips, payments, records) as formsets that work without JavaScript.

An "add another" button re-renders the step with one more row; blank rows are ignored. A
list asked on a page of its own (the late payments, the sentences) is the page's question:
it always shows a row, and at least one is required (``StepForm``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext

from assessments.eligibility.answers import MAX_LIST_ITEMS
from assessments.questionnaire.forms.questions import name_the_questions
from assessments.web.fields import WIDGET_RENDERER, YesNo, limit_dates


class RowForm(forms.Form):
    """One row of a repeating answer; date inputs may not pick days after the application.

    Its messages name the row ("Trip 3: enter the date you came back"): several rows share
    their questions, and the error summary at the top shows each message as it is.
    """

    #: False where a row may lie after the application date (a planned trip).
    dates_until_application = True

    def __init__(
        self,
        *args,
        application_date: dt.date | None = None,
        row_label: str = "",
        row_number: int | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.row_name = row_label % {"number": row_number} if row_label and row_number else ""
        if self.dates_until_application:
            limit_dates(self, application_date)
        name_the_questions(self)

    def add_error(self, field, error, *, named: bool = True):
        """Add ``error`` worded with the row's name (Django's own checks come through here too).

        ``named=False`` for a message about the whole list shown on its first row ("Enter at
        least one payment"), which is not about that row.
        """
        if named and self.row_name and not isinstance(error, dict):
            error = [
                forms.ValidationError(name_the_row(self.row_name, message), code=each.code)
                for each in forms.ValidationError(error).error_list
                for message in each
            ]
        super().add_error(field, error)


def name_the_row(row_name: str, message) -> str:
    """Return ``message`` led by the row's name: "Trip 3: enter the date you came back"."""
    message = str(message)
    if message[1:2].islower():
        message = message[:1].lower() + message[1:]  # "Enter …" reads on after the colon
    return gettext("%(row)s: %(message)s") % {"row": row_name, "message": message}


class RowFormSet(forms.BaseFormSet):
    """Rows that know their number (from 1), so that their messages can name them."""

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        return {**kwargs, "row_number": None if index is None else index + 1}


def row_formset(form_class: type[RowForm], *, at_least_one=False) -> type[forms.BaseFormSet]:
    """Return the formset of ``form_class`` rows; ``at_least_one`` always shows one row."""
    return forms.formset_factory(
        form_class,
        formset=RowFormSet,
        extra=0 if at_least_one else 1,
        min_num=1 if at_least_one else 0,
        max_num=MAX_LIST_ITEMS,
        absolute_max=MAX_LIST_ITEMS,
        validate_max=True,
        renderer=WIDGET_RENDERER,
    )


@dataclass(frozen=True)
class Rows:
    """A repeating answer of a step: its formset, the question that asks for it, wording.

    With a ``toggle`` (a question on the same step), the rows are asked when any (field, raw
    value) pair of ``shown_when`` matches, by default when ``toggle`` is answered yes, and
    errors about the rows as a whole go on ``toggle``. Without one, the rows are the step's
    own question (a list on a page of its own, whose condition is in ``flow.py``): always
    asked, with ``hint`` saying what to list; ``required_message`` refuses an empty list.
    """

    formset: type[forms.BaseFormSet]
    legend: str
    add_label: str
    row_label: str  # with %(number)s
    required_message: str
    toggle: str | None = None
    shown_when: tuple[tuple[str, str], ...] = ()
    hint: str = ""

    def conditions(self) -> tuple[tuple[str, str], ...]:
        """Return the (field, raw value) pairs that ask the rows; none for a list step."""
        if self.toggle is None:
            return ()
        return self.shown_when or ((self.toggle, YesNo.YES.value),)


@dataclass(frozen=True)
class RowsBlock:
    """A step's repeating answer as the template renders it."""

    name: str
    spec: Rows
    formset: forms.BaseFormSet
    active: bool
    prefix: str

    @property
    def rows(self) -> list[tuple[str, forms.Form]]:
        return [
            (self.spec.row_label % {"number": number}, row)
            for number, row in enumerate(self.formset.forms, start=1)
        ]

    @property
    def shown_when(self) -> str:
        """Say, for the reveal script, which answers show the rows: "name=value ..."."""
        # A list step's rows are always shown: the empty string leaves them to the page.
        return " ".join(f"{self.prefix}-{field}={value}" for field, value in self.spec.conditions())


def raw_answer(value) -> str:
    """Return an answer as the form posts it: "yes"/"no" for booleans, "" for none."""
    if value is True or value is False:
        return YesNo.YES.value if value else YesNo.NO.value
    return "" if value is None else str(value)
