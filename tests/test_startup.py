"""Start-up of the one-shot commands: no system checks, no URLconf, no type-checker patches.

``manage.py assess`` and ``hsp_points`` read one file and print one answer; what a process
imports before that is most of their time (``bench/README.md``, start-up).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assessments.management.commands import assess, hsp_points

ROOT = Path(__file__).resolve().parent.parent

#: Run a command as manage.py does, then name the heavy modules it imported.
IMPORTED_AT_EXIT = """
import atexit, sys
HEAVY = ("prcheck.urls", "assessments.urls", "django_stubs_ext", "weasyprint", "yaml")
atexit.register(lambda: print("imported:", *[m for m in HEAVY if m in sys.modules], file=sys.stderr))
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", *sys.argv[1:]])
"""


@pytest.mark.parametrize("command", [assess.Command, hsp_points.Command])
def test_the_one_shot_commands_skip_the_system_checks(command):
    assert command.requires_system_checks == []


@pytest.mark.parametrize("command", ["assess", "hsp_points"])
def test_a_one_shot_command_imports_no_urlconf_no_stubs_patch_and_no_pdf_library(command):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "prcheck.settings",
        "DJANGO_DEBUG": "1",
        "PRCHECK_TASKS_BACKEND": "immediate",
    }
    completed = subprocess.run(
        [sys.executable, "-c", IMPORTED_AT_EXIT, command, "-"],
        cwd=ROOT,
        env=env,
        input='{"status": 1}',
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 2, completed.stderr
    assert completed.stderr.strip().endswith("imported:"), completed.stderr


def test_the_task_queue_app_is_installed_only_with_the_db_backend():
    code = "from django.conf import settings; print('django_tasks_db' in settings.INSTALLED_APPS)"
    answers = {}
    for backend in ("immediate", "db"):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "prcheck.settings",
            "DJANGO_DEBUG": "1",
            "PRCHECK_TASKS_BACKEND": backend,
        }
        run = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        answers[backend] = run.stdout.strip()
    assert answers == {"immediate": "False", "db": "True"}
