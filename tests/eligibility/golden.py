"""The golden cases (``tests/eligibility/cases/*.yaml``) and the app's personas, as personas.

The app's ``results.personas`` is the one reader of a case: ``Persona.answers()`` expands a
case's answers over its file's defaults (``case_answers_data``) on the case's own date. The
tests that run golden cases read them here, so that none keeps its own copy of the expansion.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

import pytest
import yaml

from assessments.results.personas import PERSONAS_FILE, Persona, case_answers_data, case_on

CASES_DIR = Path(__file__).resolve().parent / "cases"
#: The personas live in the app (the admin's threshold trial evaluates them too).
CASE_FILES = (*sorted(CASES_DIR.glob("*.yaml")), PERSONAS_FILE)


@cache
def people_in(path: Path) -> tuple[Persona, ...]:
    """Every case of one file of golden cases, as a persona (its answers on its own date)."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    defaults = document.get("defaults", {})
    return tuple(
        Persona(name=case["name"], on=case_on(case), defaults=defaults, case=case)
        for case in document["cases"]
    )


def golden_people(files=CASE_FILES) -> list[pytest.param]:
    """One ``pytest.param(persona)`` per golden case, named ``file: case name``."""
    return [
        pytest.param(person, id=f"{path.stem}: {person.name}")
        for path in files
        for person in people_in(path)
    ]


def as_json(value):
    """``value`` as the contract's JSON writes it (dates as ISO text), to compare with results."""
    return json.loads(json.dumps(value, default=dt.date.isoformat))


def answers_json(person: Persona) -> dict:
    """The contract JSON of a persona's answers on its own date (what the wizard would store)."""
    return case_answers_data(person.defaults, person.case, on=person.on)
