"""The result page against a bare Django page, rendered in one process, in one run.

Run with ``.venv/bin/python bench/result.py`` (``--rounds N``). The script makes a test
database with the database cache table that production uses (``createcachetable``), stores the
typical assessment of the report bench (``tests/reports/support.py:TYPICAL``) and then, in
interleaved rounds, GETs its result page in English and in Japanese and Django's own
``/admin/login/`` (a page with one small form, every template Django's) through the test
client. "first view" deletes its result's cached parts before each request, so it times the page as rendered
from the stored result; "result page" is every later view. It prints the p50 of each and the
ratio to the bare page (target <= 1.5x, issue 26). CPU time of this process is used, so
other work on the shared machine disturbs it less. It is a script, not a test.
"""

from __future__ import annotations

import argparse
import os
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

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from assessments.results.page_cache import page_cache_delete  # noqa: E402
from prcheck.settings import cache_from_url  # noqa: E402
from tests.reports.support import TYPICAL, store_assessment  # noqa: E402

WARM_UP = 10
TARGET = 1.5


def _cpu_ms(get) -> float:
    started = time.process_time()
    response = get()
    elapsed = (time.process_time() - started) * 1000
    assert response.status_code == 200, response.status_code
    return elapsed


def result_urls(token: str) -> dict[str, str]:
    urls = {}
    for language in ("en", "ja"):
        with translation.override(language):
            urls[language] = reverse("assessments:result", kwargs={"token": token})
    return urls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    call_command("createcachetable", verbosity=0)
    client = Client()
    urls = result_urls(store_assessment(TYPICAL).token)
    uncached = store_assessment(TYPICAL).token  # an identical result, viewed afresh each time
    uncached_url = result_urls(uncached)["en"]

    def first_view():
        page_cache_delete(token=uncached)
        return client.get(uncached_url)

    pages = {
        "first view (en)": first_view,
        "result page (en)": lambda: client.get(urls["en"]),
        "result page (ja)": lambda: client.get(urls["ja"]),
        "bare page": lambda: client.get("/admin/login/"),
    }
    times: dict[str, list[float]] = {name: [] for name in pages}
    for round_number in range(args.rounds + WARM_UP):
        for name, get in pages.items():
            elapsed = _cpu_ms(get)
            if round_number >= WARM_UP:  # the first rounds warm the template cache
                times[name].append(elapsed)

    bare = statistics.median(times["bare page"])
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(f"{'page':<18} {'p50 ms':>8} {'ratio':>7}   ({args.rounds} rounds, cache: {backend})")
    for name, values in times.items():
        p50 = statistics.median(values)
        print(f"{name:<18} {p50:8.2f} {p50 / bare:6.2f}x")
    worst = max(statistics.median(times[f"result page ({lang})"]) for lang in ("en", "ja"))
    print(f"result page / bare page: {worst / bare:.2f}x (target <= {TARGET}x)")


if __name__ == "__main__":
    # Production's cache: a table in the database (prcheck.settings, CACHE_URL db://…).
    with override_settings(CACHES={"default": cache_from_url("db://prcheck_cache")}):
        main()
