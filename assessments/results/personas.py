"""The built-in personas: whole people, walked end to end, that the app itself can evaluate.

``personas.yaml`` (in this package) is the one source: the golden tests check each persona's
expected verdict, route and earliest date against the engine, and the admin's threshold trial
(``results.trial``) evaluates the same people with a candidate version in place before it is
saved. The file has the golden cases' shape (``defaults``, then ``cases`` with ``name``, ``on``,
``answers``, ``expected``); ``case_answers_data`` expands it the same way for both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assessments.eligibility.answers import Answers, answers_from_dict

PERSONAS_FILE = Path(__file__).resolve().with_name("personas.yaml")
#: ``income_every_year: N`` expands to one income row of N yen for each year from this one.
FIRST_INCOME_YEAR = 2000


@dataclass(frozen=True)
class Persona:
    """One built-in persona: its name (a sentence), its own application date and its answers."""

    name: str
    on: dt.date
    defaults: Mapping
    case: Mapping

    def answers(self, *, on: dt.date | None = None) -> Answers:
        """Return the persona's answers applying on ``on`` (its own date if omitted).

        Raise ``AnswersInvalid`` when the answers make no sense on that day (e.g. a residence
        that starts after it).
        """
        day = on or self.on
        return answers_from_dict(case_answers_data(self.defaults, self.case, on=day), today=day)


def case_on(case: Mapping) -> dt.date:
    """Return a case's application date (YAML 1.1 reads a bare ``on:`` key as ``True``)."""
    on = case["on"] if "on" in case else case[True]
    return on if isinstance(on, dt.date) else dt.date.fromisoformat(on)


def case_answers_data(defaults: Mapping, case: Mapping, *, on: dt.date) -> dict:
    """Return the contract JSON of a case's answers applying on ``on``.

    The case's answers are merged over the file's defaults; ``income_every_year: N`` becomes
    one income row of N yen for each year before the application year, so that a case need not
    list years that move with its date.
    """
    answers = case.get("answers", {})
    data = {**defaults, **answers, "application_date": on.isoformat()}
    every_year = data.pop("income_every_year", None)
    if every_year is not None and "income" not in answers:
        data["income"] = [
            {"year": year, "applicant": every_year} for year in range(FIRST_INCOME_YEAR, on.year)
        ]
    return _iso(data)


def _iso(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _iso(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso(item) for item in value]
    return value


@cache
def builtin_personas() -> tuple[Persona, ...]:
    """Return the personas of ``personas.yaml`` (read once per process)."""
    import yaml  # only when first needed: most processes never evaluate the personas

    document = yaml.safe_load(PERSONAS_FILE.read_text(encoding="utf-8"))
    defaults = document.get("defaults", {})
    return tuple(
        Persona(name=case["name"], on=case_on(case), defaults=defaults, case=case)
        for case in document["cases"]
    )
