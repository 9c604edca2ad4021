"""What was typed on a step, kept as raw data: drafts, and rows added or removed.

formtools stores each step's raw POST data; these helpers read and edit that data so a step
can be left (Back, "continue later", another language) or grow a row without validation.

What is stored is bounded whatever is posted (``own_fields``): only the step's own fields and
its rows' fields (at most ``MAX_LIST_ITEMS`` rows per repeating answer), one value per field
(a multiple choice: at most one per choice), each cut to its field's own limit: ``max_length``,
the longest choice, or ``MAX_TYPED_LENGTH`` for dates and numbers. So one POST stores at most
one step's draft (the largest, the list of late payments full, is about 36 KB of JSON; it was
unbounded, ~190 KB per POST), and a whole session, every step at those limits, every
repeating answer at the contract's 200 rows of incompressible text and the travel step's box
of pasted trips full (``trip_import.MAX_PASTE_CHARS``), stays under ``SESSION_BOUND_BYTES``.
Hostile POSTs on every step of a run (tests/questionnaire/test_draft_bounds.py), with a full box of
random kanji, stay under it.
"""

from __future__ import annotations

from django import forms
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT
from django.http import QueryDict

from assessments.eligibility.answers import MAX_LIST_ITEMS

#: The longest value kept for a field without a limit of its own (a date, an amount of yen):
#: longer than anything a person types into it ("¥1,000,000,000,000", "September 25, 2026").
MAX_TYPED_LENGTH = 24
#: The most a session row can hold with today's forms (checked by tests/questionnaire/test_draft_bounds.py).
SESSION_BOUND_BYTES = 256 * 1024


def own_fields(data, form: forms.Form) -> dict[str, list[str]]:
    """Return the raw values of ``form``'s own fields and rows, as lists, each cut to its limit.

    Keys that are not the form's fields, its rows' fields or its rows' management fields are
    dropped (formtools' storage format is kept: ``{"prefix-field": [values]}``).
    """
    limits = field_limits(form)
    lists = data.lists() if isinstance(data, QueryDict) else ((k, data[k]) for k in data)
    kept = {}
    for key, values in lists:
        limit = limits.get(key) or row_field_limit(form, key)
        if limit is None:
            continue
        length, count = limit
        values = list(values) if isinstance(values, list | tuple) else [values]
        kept[key] = [str(value)[:length] for value in values[:count]]
    return kept


def field_limits(form: forms.Form) -> dict[str, tuple[int, int]]:
    """Return ``{posted key: (longest value, number of values)}`` for the form's own fields."""
    limits = {form.add_prefix(name): field_limit(field) for name, field in form.fields.items()}
    for formset in getattr(form, "formsets", {}).values():
        for name in (TOTAL_FORM_COUNT, INITIAL_FORM_COUNT):
            limits[f"{formset.prefix}-{name}"] = (len(str(MAX_LIST_ITEMS)), 1)
    return limits


def row_field_limit(form: forms.Form, key: str) -> tuple[int, int] | None:
    """Return the limit of a row field (``prefix-rows-3-field``), or None if it is none."""
    for formset in getattr(form, "formsets", {}).values():
        index, _sep, name = key.removeprefix(f"{formset.prefix}-").partition("-")
        if key.startswith(f"{formset.prefix}-") and index.isdigit():
            field = formset.form.base_fields.get(name)
            if field is not None and int(index) < MAX_LIST_ITEMS:
                return field_limit(field)
    return None


def field_limit(field: forms.Field) -> tuple[int, int]:
    """Return (longest value, number of values) a field can take from a form."""
    if isinstance(field, forms.ChoiceField):
        values = [str(value) for value in choice_values(field.choices)] or [""]
        count = len(values) if isinstance(field, forms.MultipleChoiceField) else 1
        return max(map(len, values)), count
    return getattr(field, "max_length", None) or MAX_TYPED_LENGTH, 1


def choice_values(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):  # a group of choices
            yield from (inner for inner, _label in label)
        else:
            yield value


def raw_values(form) -> dict:
    """Return the raw typed values of a bound step form, rows included, as initial data."""
    values = {name: form[name].value() for name in form.fields}
    for name, formset in form.formsets.items():
        values[name] = [{n: row[n].value() for n in row.fields} for row in formset.forms]
    return values


def row_total(data: dict, prefix: str) -> int:
    raw = (data.get(f"{prefix}-TOTAL_FORMS") or ["0"])[0]
    total = int(raw) if str(raw).isdigit() else 0
    return min(total, MAX_LIST_ITEMS)


def add_row(data: dict, prefix: str) -> tuple[dict, str]:
    total = row_total(data, prefix)
    data = {**data, f"{prefix}-TOTAL_FORMS": [str(min(total + 1, MAX_LIST_ITEMS))]}
    data.setdefault(f"{prefix}-INITIAL_FORMS", ["0"])
    return data, f"{prefix}-{min(total, MAX_LIST_ITEMS - 1)}-row"


def remove_row(data: dict, prefix: str, index: int) -> tuple[dict, str]:
    total = row_total(data, prefix)
    if index >= total:
        return data, ""
    kept = {k: v for k, v in data.items() if not k.startswith(f"{prefix}-{index}-")}
    moved = {}
    for key, value in kept.items():
        head, _sep, rest = key.removeprefix(f"{prefix}-").partition("-")
        if key.startswith(f"{prefix}-") and head.isdigit() and int(head) > index and rest:
            moved[f"{prefix}-{int(head) - 1}-{rest}"] = value
        else:
            moved[key] = value
    moved[f"{prefix}-TOTAL_FORMS"] = [str(total - 1)]
    return moved, f"{prefix}-rows"
