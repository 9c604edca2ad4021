"""Wizard step page against Django's bare form page, rendered in one process, in one run.

Run with ``.venv/bin/python bench/wizard.py`` (``--rounds N``). The script makes a test
database, walks one applicant (``tests/questionnaire/profiles.py``) to the steps below and then, in
interleaved rounds, GETs each step page and Django's own ``/admin/login/`` (a page with one
small form, every template Django's) through the test client. It prints the p50 of each and
the ratio step / bare form page (target <= 2x, issue 14). The profile's dates are moved
forward by whole years so that its application date is still to come (the wizard refuses
one in the past), and the walk stops with an error unless every step was accepted: a refused
step would time a page that stores nothing. Every middleware and template runs;
only the network and gunicorn are left out (``bench/load.py`` measures those under load).
CPU time of this process is used, so other work on the shared machine disturbs it less.
It is a script, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prcheck.settings_test")
os.environ.setdefault("DJANGO_DEBUG", "0")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from tests.questionnaire import profiles  # noqa: E402
from tests.questionnaire.driver import WizardDriver  # noqa: E402

#: The steps timed, with the answers given before reaching them (radio questions, dates,
#: a formset of trips, the income table).
WALK = (
    ("status", profiles.STATUS),
    ("stay", profiles.STATUS),
    ("residence", profiles.RESIDENCE),
    ("travel", profiles.TRAVEL),
    ("household", profiles.INCOME),
    ("income", profiles.INCOME),
)


def years_ahead(application_date: dt.date, today: dt.date) -> int:
    """Return how many whole years move ``application_date`` to tomorrow or later."""
    years = 0
    while _moved(application_date, years) <= today:
        years += 1
    return years


def _moved(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def moved_answers(value, years: int):
    """Return answers with every date, and every year in a field name, ``years`` later."""
    if isinstance(value, dt.date):
        return _moved(value, years)
    if isinstance(value, dict):
        return {
            re.sub(r"(?<=_)(\d{4})$", lambda m: str(int(m[1]) + years), key): moved_answers(
                item, years
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [moved_answers(item, years) for item in value]
    return value


def walk(wizard: WizardDriver, steps) -> None:
    """Answer each step; exit unless each was accepted (a redirect to another step)."""
    for step, answers in steps:
        response = wizard.answer(step, **answers)
        if response.status_code != 302 or wizard.next_step == step:
            errors = response.context["form"].errors if response.context else response.status_code
            raise SystemExit(f"the {step} step was refused, nothing to measure: {errors}")


def _cpu_ms(get) -> float:
    started = time.process_time()
    response = get()
    elapsed = (time.process_time() - started) * 1000
    assert response.status_code == 200, response.status_code
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    client = Client()
    wizard = WizardDriver(client, language="en")
    today = dt.date.today()
    years = years_ahead(profiles.STATUS["application_date"], today)
    walk(wizard, [(step, moved_answers(answers, years)) for step, answers in WALK])
    print(f"profile moved {years} year(s) ahead of its dates (today {today}); every step accepted")
    steps = [step for step, _answers in WALK]
    urls = {step: wizard.url(step) for step in steps}
    urls["bare form page"] = "/admin/login/"

    times: dict[str, list[float]] = {name: [] for name in urls}
    for round_number in range(args.rounds + 10):
        for name, url in urls.items():
            elapsed = _cpu_ms(lambda url=url: client.get(url))
            if round_number >= 10:  # the first rounds warm the template cache
                times[name].append(elapsed)

    bare = statistics.median(times["bare form page"])
    print(f"{'page':<16} {'p50 ms':>8} {'ratio':>7}   ({args.rounds} interleaved rounds)")
    for name, values in times.items():
        p50 = statistics.median(values)
        print(f"{name:<16} {p50:8.2f} {p50 / bare:6.2f}x")
    worst = max(statistics.median(times[step]) for step in steps)
    print(f"slowest step / bare form page: {worst / bare:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
