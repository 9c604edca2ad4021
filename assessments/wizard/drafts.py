"""What was typed on a step, kept as raw data: drafts, and rows added or removed.

formtools stores each step's raw POST data; these helpers read and edit that data so a step
can be left (Back, "continue later", another language) or grow a row without validation.
"""

from __future__ import annotations

from django.http import QueryDict

from ..answers import MAX_LIST_ITEMS


def own_fields(data, prefix: str) -> dict[str, list[str]]:
    """Return the raw values of one step's fields, as lists (formtools' storage format)."""
    lists = data.lists() if isinstance(data, QueryDict) else ((k, data[k]) for k in data)
    return {
        key: list(values) if isinstance(values, list | tuple) else [values]
        for key, values in lists
        if key.startswith(f"{prefix}-")
    }


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
