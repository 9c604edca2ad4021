"""``manage.py check`` of prcheck against a bare Django project with the same settings style.

Run with ``.venv/bin/python bench/check.py`` (``--rounds N``). The script makes a bare project
with ``django-admin startproject`` in a temporary directory and gives it prcheck's settings
style: settings read from the environment (``DJANGO_DEBUG``, ``DJANGO_SECRET_KEY``,
``DATABASE_URL`` through dj-database-url), WhiteNoise, ``LocaleMiddleware`` and the two
languages. Then it runs ``manage.py check`` of each, interleaved, with the same environment,
and prints the median wall time and CPU time (user + system of the child) of each and the
ratio prcheck / bare (target <= 1.3x, issue 14). With ``--imports`` it also prints the
modules that cost prcheck's start-up the most (``python -X importtime``).
It is a script, not a test.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

#: Appended to the settings ``startproject`` writes: prcheck's style, none of its code.
BARE_SETTINGS = """
import os

import dj_database_url

DEBUG = os.environ.get("DJANGO_DEBUG", "") in {"1", "true", "yes", "on"}
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]
INSTALLED_APPS = [
    *INSTALLED_APPS[:-1], "whitenoise.runserver_nostatic", "django.contrib.staticfiles"
]
MIDDLEWARE = [
    MIDDLEWARE[0],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    MIDDLEWARE[1],
    "django.middleware.locale.LocaleMiddleware",
    *MIDDLEWARE[2:],
]
DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", "Japanese"), ("en", "English")]
TIME_ZONE = "Asia/Tokyo"
STATIC_ROOT = BASE_DIR / "staticfiles"
"""


def make_bare_project(directory: Path) -> Path:
    """Create the bare project in ``directory``; return the directory holding its manage.py."""
    django_admin = Path(PYTHON).with_name("django-admin")
    subprocess.run([str(django_admin), "startproject", "bare", str(directory)], check=True)
    settings = directory / "bare" / "settings.py"
    settings.write_text(settings.read_text() + BARE_SETTINGS)
    return directory


def timed_check(project: Path, env: dict) -> tuple[float, float]:
    """Run ``manage.py check`` in ``project``; return (wall ms, child CPU ms)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [PYTHON, "manage.py", "check"], cwd=project, env=env, check=True, capture_output=True
    )
    wall = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def heaviest_imports(env: dict, count: int = 15) -> list[tuple[int, str]]:
    """Return the ``count`` top-level-ish imports of prcheck's check with the largest cumulative µs."""
    run = subprocess.run(
        [PYTHON, "-X", "importtime", "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in run.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)", line)
        if match and len(match[2]) <= 2:  # imported by the project or by Django directly
            rows.append((int(match[1]), match[3]))
    return sorted(rows, reverse=True)[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--imports", action="store_true", help="list the heaviest imports")
    args = parser.parse_args()

    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "PYTHONDONTWRITEBYTECODE": "",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DATABASE_URL", None)
    with tempfile.TemporaryDirectory(prefix="bare-django-") as directory:
        projects = {"prcheck": ROOT, "bare Django": make_bare_project(Path(directory))}
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in projects}
        for round_number in range(args.rounds + 2):
            for name, project in projects.items():
                measured = timed_check(project, env)
                if round_number >= 2:  # the first rounds write the .pyc files
                    times[name].append(measured)

    def medians(name):
        walls, cpus = zip(*times[name], strict=True)
        return statistics.median(walls), statistics.median(cpus)

    bare_wall, bare_cpu = medians("bare Django")
    print(
        f"{'manage.py check':<16} {'wall ms':>8} {'cpu ms':>8}   ({args.rounds} interleaved rounds)"
    )
    for name in projects:
        wall, cpu = medians(name)
        print(f"{name:<16} {wall:8.0f} {cpu:8.0f}")
    wall, cpu = medians("prcheck")
    print(
        f"ratio prcheck / bare: {wall / bare_wall:.2f}x wall, {cpu / bare_cpu:.2f}x CPU "
        "(target <= 1.3x)"
    )
    if args.imports:
        print("\nheaviest imports of prcheck's check (cumulative ms):")
        for micros, module in heaviest_imports(env):
            print(f"{micros / 1000:8.1f}  {module}")


if __name__ == "__main__":
    main()
