"""The answers document back onto the pages: each page's values as the applicant would type them.

The inverse of ``mapping.page_fragment``: from a ``prcheck.answers/1`` document (the run's own,
``storage.RunStorage``, or a stored result's) it gives every page's raw values (ISO dates,
"yes"/"no", the choice's value) and the data the page would post (``{"<step>-<field>":
[value]}``, rows with their management form). A run seeded with a result's document opens at
"check your answers" with every page answered: changing one answer after the result needs
nothing retyped. Each page posted as read writes the document back unchanged
(tests/questionnaire/test_prefill.py).

The pages also ask a few things that only steer the check. A run keeps them as typed; a
result's document holds them only through their consequence, and they are read back from it:
"check the HSP routes" from points given now, "any trips" from the trips, the taxes page's
yes/no questions from the payments and notifications listed, the conduct
page's from the sentences and violations, "also check naturalization" from any answer only
that check needs. Points calculated from a profile come back as points known; the calculator's
known changes of those points (``hsp_points_changes``), which no page asks, are kept with the
run (``kept_answers``) and given back while the points on the application date stay the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT

from assessments.eligibility.answers import answered_naturalization_in
from assessments.eligibility.choices import ResidenceStatus
from assessments.questionnaire.forms.hsp import (
    POINT_DATES,
    PointsSource,
    points_field,
    source_field,
)
from assessments.questionnaire.mapping import (
    PERIOD_OF_STAY_YEARS,
    ROW_FIELDS,
    plain_answers,
)
from assessments.web.fields import YesNo

#: The contract's ``period_of_stay_years`` -> the stay page's choice.
PERIOD_OF_STAY_CHOICES = {years: choice for choice, years in PERIOD_OF_STAY_YEARS.items()}


def raw(value) -> str:
    """Return a contract value as the page's input holds it ("" for none)."""
    if value is True:
        return YesNo.YES.value
    if value is False:
        return YesNo.NO.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def opted_in_naturalization(doc: Mapping) -> bool:
    """Return whether the document answers anything only the naturalization page asks."""
    return answered_naturalization_in(dict(doc)) or doc.get("birth_date") is not None


def uses_hsp_points(doc: Mapping) -> bool:
    """Return whether the HSP routes were checked: points on the application date were given."""
    points = doc.get("hsp_points") or {}
    return points.get("now") is not None or doc.get("status") == ResidenceStatus.HSP


def _combined(first, second):
    if first is None:
        return second
    return lambda doc: {**first(doc), **second(doc)}


def _status(doc: Mapping) -> dict:
    return {"naturalization": YesNo.YES if opted_in_naturalization(doc) else ""}


def _stay(doc: Mapping) -> dict:
    return {"period_of_stay": PERIOD_OF_STAY_CHOICES.get(doc.get("period_of_stay_years"), "")}


def _residence(doc: Mapping) -> dict:
    return {"hsp_route": uses_hsp_points(doc)}


def _hsp(doc: Mapping) -> dict:
    return {source_field(date): PointsSource.KNOWN for date in POINT_DATES}


def _hsp_typed(doc: Mapping) -> dict:
    points = doc.get("hsp_points") or {}
    return {
        **{points_field(date): points.get(date) for date in POINT_DATES},
        "jskip_eligible": doc.get("jskip_eligible", False),
    }


def _income(doc: Mapping) -> dict:
    values = {}
    for row in doc.get("income") or []:
        values[f"applicant_{row.get('year')}"] = row.get("applicant")
        values[f"household_{row.get('year')}"] = row.get("household")
    return values


def _taxes(doc: Mapping) -> dict:
    """The taxes page's yes/no questions, from the payments and notifications listed."""
    payments = doc.get("payments") or []
    return {
        "taxes_paid": all(p.get("paid_date") for p in payments),
        "paid_on_time": not payments,
        "has_missed_notifications": bool(doc.get("missed_notifications")),
    }


def _conduct(doc: Mapping) -> dict:
    return {
        "has_criminal_records": bool(doc.get("criminal_records")),
        "has_traffic_violations": bool(doc.get("traffic_violations")),
    }


def _travel(doc: Mapping) -> dict:
    return {"has_trips": bool(doc.get("trips"))}


def _rows(key: str, rows: str, fields: Mapping[str, str]) -> Callable[[Mapping], dict]:
    """Read the contract's list ``key`` back into a page's rows (``mapping.ROW_FIELDS``)."""

    def values(doc: Mapping) -> dict:
        items = doc.get(key) or []
        if "" in fields:
            return {rows: [{fields[""]: item} for item in items]}
        return {rows: [{fields[k]: item.get(k) for k in fields} for item in items]}

    return values


#: What a page asks beside its plain answers (``mapping.plain_answers``), read back.
_CONVERTED: dict[str, Callable[[Mapping], dict]] = {
    "status": _status,
    "stay": _stay,
    "residence": _residence,
    "hsp": _hsp,
    "hsp_typed": _hsp_typed,
    "travel": _travel,
    "income": _income,
    "taxes": _taxes,
    "conduct": _conduct,
}
for _key, (_step, _rows_name, _fields) in ROW_FIELDS.items():
    _CONVERTED[_step] = _combined(_CONVERTED.get(_step), _rows(_key, _rows_name, _fields))


def step_data(step: str, values: Mapping) -> dict[str, list[str]]:
    """Return ``values`` as formtools keeps a step's POST: ``{"<step>-<field>": [value]}``.

    A list value is a page's rows (``<step>-<rows>-<n>-<field>``, with their management form);
    no rows are not posted at all, so the page shows its empty row to fill in.
    """
    data: dict[str, list[str]] = {}
    for name, value in values.items():
        if isinstance(value, list) and not value:
            continue
        if isinstance(value, list):
            prefix = f"{step}-{name}"
            data[f"{prefix}-{TOTAL_FORM_COUNT}"] = [str(len(value))]
            data[f"{prefix}-{INITIAL_FORM_COUNT}"] = ["0"]
            for index, row in enumerate(value):
                for key, item in row.items():
                    data[f"{prefix}-{index}-{key}"] = [raw(item)]
        else:
            data[f"{step}-{name}"] = [raw(value)]
    return data


def seed_answers(doc: Mapping, *, today: dt.date) -> dict:
    """Return the answers document a run changing the result ``doc`` starts from.

    An application date already past is moved to ``today`` (the status page refuses a day in
    the past; it is the day the page fills in anyway), and the result says it changed.
    """
    doc = dict(doc)
    if str(doc.get("application_date") or "") < today.isoformat():
        doc["application_date"] = today.isoformat()
    return doc


def page_values(step: str, doc: Mapping) -> dict:
    """Return the values of ``step``'s fields read from the answers document ``doc``."""
    values = {key: doc.get(key) for key in plain_answers(step)}
    if step in _CONVERTED:
        values.update(_CONVERTED[step](doc))
    return values


def kept_answers(doc: Mapping) -> dict:
    """Return what a run seeded from ``doc`` keeps of the answers no page asks."""
    changes = doc.get("hsp_points_changes") or []
    if not changes:
        return {}
    return {"hsp_points_changes": list(changes), "hsp_points": dict(doc.get("hsp_points") or {})}


def with_kept_answers(contract: dict, kept: Mapping | None) -> dict:
    """Give back the kept answers that still hold for ``contract`` (the pages' answers).

    The calculator's changes of the points on the application date hold while those points
    are the same; only changes still to come on the application date belong in the answers.
    """
    changes = (kept or {}).get("hsp_points_changes")
    if not changes or "hsp_points_changes" in contract:
        return contract
    points_now = (contract.get("hsp_points") or {}).get("now")
    if points_now is None or points_now != (kept.get("hsp_points") or {}).get("now"):
        return contract
    application_date = str(contract.get("application_date") or "")
    still_to_come = [c for c in changes if str(c.get("date")) > application_date]
    return {**contract, "hsp_points_changes": still_to_come} if still_to_come else contract
