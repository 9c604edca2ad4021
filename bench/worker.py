"""Report worker: its memory over many renders, and a database restart in the middle.

Run with ``.venv/bin/python bench/worker.py --renders 1000`` (SQLite file), or on PostgreSQL,
with a restart of the server half-way, with
``bash .ci/postgres .venv/bin/python bench/worker.py --renders 200 --restart-database``.

The script

1. prepares a production-like setup (``DJANGO_DEBUG=0``, ``PRCHECK_TASKS_BACKEND=db``, a fresh
   database: a temporary SQLite file, or ``DATABASE_URL`` when set) and stores ``--renders``
   results of the typical applicant (the report tests' ``TYPICAL``, its application date moved
   to today), each with its render enqueued as the wizard enqueues it;
2. runs ``--workers`` report workers (``manage.py report_worker``, as ``deploy/`` runs them),
   each under a loop that starts it again when it exits, as systemd's ``Restart=always`` does
   (the worker exits on purpose after ``--max-tasks`` renders, to give its memory back);
3. samples each worker's resident memory (``VmRSS``) and the number of stored reports;
4. with ``--restart-database`` (PostgreSQL under ``.ci/postgres`` only, which says how in
   ``PRCHECK_PG_CTL``), restarts the server when half the reports are stored;
5. checks its own run before it reports: every result has its report, no task is left
   ``RUNNING`` or ``FAILED``, nothing was started by hand. It prints the memory by hundreds of
   renders and each worker life's peak, and exits non-zero if the run is not complete.

A script, not a test: nothing here is asserted by the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
#: Give up after this long (seconds) whatever happened: the script must end.
TIME_LIMIT = 3 * 60 * 60
SAMPLE_SECONDS = 0.5


def production_env(database_url: str) -> dict:
    """The settings ``deploy/`` runs the worker with (reports queued in the database)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return env | {
        "DJANGO_SETTINGS_MODULE": "prcheck.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "PRCHECK_TASKS_BACKEND": "db",
    }


def store_results(count: int) -> list[int]:
    """Store ``count`` typical results dated today and enqueue their renders; return their ids."""
    from assessments.reports.tasks import report_enqueue
    from tests.reports.support import TYPICAL, store_assessment

    today = dt.date.today()
    answers = TYPICAL | {"application_date": today.isoformat()}
    ids = []
    for _ in range(count):
        assessment = store_assessment(answers, on=today)
        if not report_enqueue(assessment_id=assessment.pk):
            raise SystemExit("a render was not enqueued: the run would measure nothing")
        ids.append(assessment.pk)
    return ids


def rendered(ids: list[int]) -> int:
    from django.db import connection

    from assessments.results.models import Assessment

    try:
        return Assessment.objects.filter(pk__in=ids, pdf__isnull=False).count()
    except Exception:  # the database is restarting: ask again at the next sample
        connection.close()
        return -1


def rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


@dataclass
class Life:
    """One run of a worker process, from its start to its exit."""

    worker: int
    started_at_render: int
    samples: list[tuple[int, float]] = field(default_factory=list)  # (stored reports, MiB)
    exit_code: int | None = None

    @property
    def peak(self) -> float:
        return max((mib for _, mib in self.samples), default=0.0)


class Supervisor(threading.Thread):
    """Start one worker again whenever it exits, as ``Restart=always`` does."""

    def __init__(self, number: int, env: dict, args, log, progress):
        super().__init__(daemon=True)
        self.number, self.env, self.args, self.log, self.progress = number, env, args, log, progress
        self.lives: list[Life] = []
        self.stop = threading.Event()
        self.process: subprocess.Popen | None = None

    def run(self):
        while not self.stop.is_set():
            command = [PYTHON, "manage.py", "report_worker", "--interval", "0.2"]
            command += ["--max-tasks", str(self.args.max_tasks)] if self.args.max_tasks else []
            life = Life(self.number, self.progress())
            self.lives.append(life)
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
            )
            while self.process.poll() is None and not self.stop.is_set():
                mib = rss_mib(self.process.pid)
                if mib is not None:
                    life.samples.append((self.progress(), mib))
                time.sleep(SAMPLE_SECONDS)
            if self.process.poll() is None:
                self.process.terminate()
                self.process.wait(timeout=120)
            life.exit_code = self.process.returncode
            time.sleep(0.1)  # systemd's RestartSec is 100 ms by default


def check_run(ids: list[int]) -> list[str]:
    """Return what makes the run incomplete: reports missing, tasks left running or failed."""
    from django_tasks_db.models import DBTaskResult

    from assessments.results.models import Assessment

    problems = []
    missing = Assessment.objects.filter(pk__in=ids, pdf__isnull=True).count()
    if missing:
        problems.append(f"{missing} of {len(ids)} results have no report")
    for status in ("RUNNING", "FAILED", "READY"):
        left = DBTaskResult.objects.filter(status=status).count()
        if left:
            problems.append(f"{left} task(s) left {status}")
    return problems


def print_memory(supervisors: list[Supervisor], total: int) -> None:
    # A life that stored nothing (started as the last reports were stored) says nothing.
    lives = [
        life
        for s in supervisors
        for life in s.lives
        if life.samples and life.samples[-1][0] > life.started_at_render
    ]
    print("\nworker lives (reports stored meanwhile, RSS after the first one, peak RSS, exit):")
    for life in lives:
        last = life.samples[-1][0]
        first = next(mib for n, mib in life.samples if n > life.started_at_render)
        print(
            f"  worker {life.worker}: reports {life.started_at_render:>5} to {last:>5}, "
            f"after the first {first:6.1f} MiB, peak {life.peak:6.1f} MiB, exit {life.exit_code}"
        )
    print("\nRSS by hundreds of stored reports (worst worker at that point):")
    samples = sorted((n, mib) for life in lives for n, mib in life.samples if n >= 0)
    for hundred in range(0, total + 1, 100):
        window = [mib for n, mib in samples if hundred <= n < hundred + 100]
        if window:
            print(f"  {hundred:>5}-{hundred + 99:<5} max {max(window):6.1f} MiB")
    peaks = [life.peak for life in lives]
    if len(peaks) >= 2:
        full = [life.peak for life in lives[:-1]] or peaks
        print(
            f"\npeak of a worker life: first {peaks[0]:.1f} MiB, highest {max(full):.1f} MiB, "
            f"last full life {full[-1]:.1f} MiB"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=1000, help="reports to render (1000)")
    parser.add_argument("--workers", type=int, default=1, help="report workers (1)")
    parser.add_argument(
        "--max-tasks",
        type=int,
        default=None,
        help="renders before a worker restarts (default: the setting, as deployed; 0: never)",
    )
    parser.add_argument(
        "--restart-database",
        action="store_true",
        help="restart PostgreSQL (under .ci/postgres) when half the reports are stored",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="prcheck-bench-") as tmp:
        database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
        env = production_env(database_url)
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command

        from bench._postgres import restart_database

        if args.max_tasks is None:
            args.max_tasks = settings.PRCHECK_REPORT_WORKER_MAX_TASKS
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        ids = store_results(args.renders)
        print(
            f"{len(ids)} results stored and enqueued in {time.perf_counter() - started:.1f} s; "
            f"database {database_url.split(':', 1)[0]}, {args.workers} worker(s), restart "
            f"after {args.max_tasks or 'never'} renders"
        )
        done = [0]

        def progress() -> int:
            return done[0]

        log = (Path(tmp) / "worker.log").open("w")
        supervisors = [Supervisor(n, env, args, log, progress) for n in range(args.workers)]
        for supervisor in supervisors:
            supervisor.start()
        started = time.perf_counter()
        restarted = None
        try:
            while time.perf_counter() - started < TIME_LIMIT:
                count = rendered(ids)
                if count >= 0:
                    done[0] = count
                if done[0] >= len(ids):
                    break
                if args.restart_database and restarted is None and done[0] >= len(ids) // 2:
                    restarted = (done[0], restart_database())
                    print(f"PostgreSQL restarted at {done[0]} reports ({restarted[1]:.1f} s)")
                time.sleep(SAMPLE_SECONDS)
        finally:
            for supervisor in supervisors:
                supervisor.stop.set()
            for supervisor in supervisors:
                supervisor.join(timeout=180)
        elapsed = time.perf_counter() - started
        from django.db import connection

        connection.close()
        problems = check_run(ids)
        if args.restart_database and restarted is None:
            problems.append("the database was not restarted")
        print(f"{done[0]} reports stored in {elapsed:.0f} s ({done[0] / elapsed:.2f}/s)")
        print_memory(supervisors, len(ids))
        log.close()
        log_text = (Path(tmp) / "worker.log").read_text()
        outages = log_text.count("The database failed")
        print(
            f"\nworker log: {outages} database outage(s) survived, "
            f"{log_text.count('Re-queued')} re-queue(s)"
        )
        if problems:
            print("\nRUN INCOMPLETE: " + "; ".join(problems))
            print(log_text[-3000:])
            return 1
        print("\nrun complete: every result has its report; no task left running or failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
