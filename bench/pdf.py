"""Benchmark the PDF report: render time, cached download, size.

Run with ``.venv/bin/python bench/pdf.py`` (``--rounds N`` to change the sample size). It
prints each figure and the ratios the report issue sets as targets:

- a warm render of a typical report (template + WeasyPrint) against a one-page WeasyPrint
  document with the same fonts and stylesheet, measured in the same run: target <= 6x;
- downloading a stored report (already rendered) through the Django test client against
  WhiteNoise serving a static file of similar size through the same client: target ~1x;
- the size of the typical report: target < 150 KB.

Times are CPU seconds of this process (``time.process_time``), the median of interleaved
rounds, so that other work on a shared machine disturbs them less than wall-clock time. This
is a script, not a test: timings are not asserted anywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prcheck.settings_test")

import django  # noqa: E402
from pypdf import PdfReader  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from assessments.reports.pdf import report_render_html, report_render_pdf  # noqa: E402
from assessments.thresholds.snapshot import thresholds_from_defaults  # noqa: E402
from tests.reports.support import (  # noqa: E402
    APPLICATION_DATE,
    TYPICAL,
    evaluate,
    store_assessment,
)

GENERATED_AT = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
WARM_UP = 2
BATCH = 20  # downloads per timed sample: one takes about a millisecond
#: A static file close in size to a typical report, served by WhiteNoise from the finders.
STATIC_FILE = "admin/js/vendor/jquery/jquery.min.js"
TARGET_RENDER_RATIO = 6.0
TARGET_KB = 150

#: The baseline: one A4 page with the report's stylesheet (which ``report_render_pdf`` gives
#: every document) and both BIZ UD Gothic weights.
ONE_PAGE = """<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body>
<header class="masthead"><p class="brand">prcheck</p>
<h1><span class="ja">永住許可 自己診断レポート</span>
<span class="en">Permanent Residence Self-Assessment Report</span></h1></header>
<section class="verdict"><p class="verdict__overall"><span class="ja">許可の可能性が高い</span>
<span class="en">Likely eligible</span></p></section>
<p>このレポートは、ご本人の回答に基づく自己診断です。This report is a self-assessment.</p>
</body></html>"""


def cpu_seconds(function) -> float:
    start = time.process_time()
    function()
    return time.process_time() - start


def interleaved(rounds: int, **functions) -> dict[str, float]:
    """Return the median CPU seconds of each function, run in turns after a warm-up."""
    for _ in range(WARM_UP):
        for function in functions.values():
            function()
    samples: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(rounds):
        for name, function in functions.items():
            samples[name].append(cpu_seconds(function))
    return {name: statistics.median(values) for name, values in samples.items()}


def bench_render(rounds: int) -> tuple[dict[str, float], int, int]:
    result = evaluate(TYPICAL, thresholds=thresholds_from_defaults(on=APPLICATION_DATE))

    def typical_report():
        html = report_render_html(
            result=result, answers=TYPICAL, reference="BENCH-0001", generated_at=GENERATED_AT
        )
        return report_render_pdf(html=html)

    pdf = typical_report()
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    times = interleaved(
        rounds,
        typical_report=typical_report,
        one_page=lambda: report_render_pdf(html=ONE_PAGE),
    )
    return times, len(pdf), pages


def bench_download(rounds: int) -> tuple[dict[str, float], int, int]:
    assessment = store_assessment(TYPICAL)
    with translation.override("en"):
        pdf_url = reverse("assessments:report", kwargs={"token": assessment.token})
    static_url = settings.STATIC_URL + STATIC_FILE
    client = Client()
    pdf_size = len(client.get(pdf_url).content)  # the first download renders and stores it
    static_response = client.get(static_url)
    static_size = len(b"".join(static_response.streaming_content))

    def download_pdf():
        for _ in range(BATCH):
            response = client.get(pdf_url)
            assert response.status_code == 200 and response.content.startswith(b"%PDF")

    def download_static():
        for _ in range(BATCH):
            response = client.get(static_url)
            assert response.status_code == 200
            b"".join(response.streaming_content)

    times = interleaved(rounds, cached_pdf=download_pdf, static_file=download_static)
    return {name: seconds / BATCH for name, seconds in times.items()}, pdf_size, static_size


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)

    render, size, pages = bench_render(args.rounds)
    report_ms, one_page_ms = render["typical_report"] * 1000, render["one_page"] * 1000
    print(f"typical report: {pages} pages, {size / 1024:.1f} KB (target < {TARGET_KB} KB)")
    print(f"render, typical report (HTML + PDF):  {report_ms:8.1f} ms")
    print(f"render, one-page document, same fonts: {one_page_ms:7.1f} ms")
    print(f"  ratio {report_ms / one_page_ms:.2f}x (target <= {TARGET_RENDER_RATIO:.0f}x)")
    print(f"  per page {report_ms / pages / one_page_ms:.2f}x a one-page document")

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        with override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=False):
            download, pdf_size, static_size = bench_download(args.rounds)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    pdf_ms, static_ms = download["cached_pdf"] * 1000, download["static_file"] * 1000
    print(f"download, stored report ({pdf_size / 1024:.1f} KB), test client: {pdf_ms:6.2f} ms")
    print(f"download, static file ({static_size / 1024:.1f} KB), WhiteNoise:  {static_ms:6.2f} ms")
    print(f"  ratio {pdf_ms / static_ms:.2f}x (target ~1x)")
    print(f"  stored vs rendering it: {report_ms / pdf_ms:.0f}x faster")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
