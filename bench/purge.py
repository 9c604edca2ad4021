"""Purge benchmark: ``purge_assessments`` on 10,000 expired assessments against a raw DELETE.

Run with ``.venv/bin/python bench/purge.py`` (``--rows N`` to change the count). On a fresh
SQLite file (or ``DATABASE_URL``) it stores ``--rows`` expired assessments, each with a
report-sized PDF and links to the thresholds it used, then times, alternately:

- the command, which deletes the links and the assessments without loading the rows;
- the baseline: a raw ``DELETE`` of the same link rows and the same assessment rows.

It prints both times per round, their medians and the ratio (target: <= 3x). A script, not a
test: nothing asserts on timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_RATIO = 3.0
PDF_BYTES = 120_000  # about the typical report's size
THRESHOLDS_PER_ASSESSMENT = 10
#: Rows per INSERT when filling: 200 reports are 24 MB (one statement of 10,000 was 1.2 GB,
#: which PostgreSQL refuses).
FILL_BATCH = 200


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="prcheck-purge-") as tmp:
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/purge.sqlite3")
        os.environ["DJANGO_SETTINGS_MODULE"] = "prcheck.settings_test"
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        timings = {"purge_assessments": [], "raw DELETE": []}
        for _ in range(args.rounds):
            for name in timings:
                fill(args.rows)
                started = time.perf_counter()
                if name == "raw DELETE":
                    raw_delete()
                else:
                    call_command("purge_assessments", stdout=io.StringIO())
                timings[name].append(time.perf_counter() - started)
                print(f"{name:<18}{1000 * timings[name][-1]:>10.1f} ms")
    purge, raw = (statistics.median(timings[name]) for name in timings)
    ratio = purge / raw
    print(
        f"\n{args.rows} expired rows, each with a {PDF_BYTES // 1000} KB PDF, median of {args.rounds}"
    )
    print(f"purge_assessments {1000 * purge:.1f} ms, raw DELETE {1000 * raw:.1f} ms")
    print(
        f"{'PASS' if ratio <= TARGET_RATIO else 'FAIL'}  purge <= {TARGET_RATIO:g}x raw DELETE: {ratio:.2f}x"
    )
    return 0


def fill(rows: int) -> None:
    """Store ``rows`` expired assessments with a PDF each and their threshold links."""
    from django.db import transaction
    from django.utils import timezone

    from assessments.results.models import Assessment
    from assessments.thresholds.models import Threshold

    expired = timezone.now() - dt.timedelta(days=1)
    pdf = b"%PDF" + os.urandom(PDF_BYTES)
    threshold_ids = list(Threshold.objects.values_list("pk", flat=True)[:THRESHOLDS_PER_ASSESSMENT])
    with transaction.atomic():
        stored = Assessment.objects.bulk_create(
            (
                Assessment(
                    expires_at=expired,
                    application_date=dt.date(2026, 12, 1),
                    route="general",
                    overall="eligible",
                    score=80,
                    answers={},
                    result={},
                    pdf=pdf,
                )
                for _ in range(rows)
            ),
            batch_size=FILL_BATCH,
        )
        link = Assessment.thresholds_used.through
        link.objects.bulk_create(
            (link(assessment_id=a.pk, threshold_id=t) for a in stored for t in threshold_ids),
            batch_size=FILL_BATCH * THRESHOLDS_PER_ASSESSMENT,
        )


def raw_delete() -> None:
    """The baseline: the same rows deleted by two plain statements."""
    from django.db import connection, transaction
    from django.utils import timezone

    from assessments.results.models import Assessment

    table = connection.ops.quote_name(Assessment._meta.db_table)
    links = connection.ops.quote_name(Assessment.thresholds_used.through._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {links} WHERE assessment_id IN "
            f"(SELECT id FROM {table} WHERE expires_at <= %s)",
            [now],
        )
        cursor.execute(f"DELETE FROM {table} WHERE expires_at <= %s", [now])


if __name__ == "__main__":
    sys.exit(main())
