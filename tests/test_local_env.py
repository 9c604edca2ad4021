"""The local set-up's .env: read for what the environment leaves unset, never over it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from prcheck.local_env import load_env_file, read_env_file

ROOT = Path(settings.BASE_DIR)


def test_the_file_gives_names_and_values_without_comments_quotes_or_export(tmp_path):
    path = tmp_path / ".env"
    path.write_text(
        "# Written by make setup\nDJANGO_DEBUG=1\nexport A='x y'\nB=\"z\"\n\nnot a pair\n=v\n",
        encoding="utf-8",
    )
    assert read_env_file(path) == {"DJANGO_DEBUG": "1", "A": "x y", "B": "z"}


def test_no_file_is_no_variables(tmp_path):
    assert read_env_file(tmp_path / "missing") == {}


def test_the_real_environment_wins_over_the_file(tmp_path):
    path = tmp_path / ".env"
    path.write_text("DJANGO_DEBUG=1\nDJANGO_LOG_LEVEL=DEBUG\n", encoding="utf-8")
    environ = {"DJANGO_DEBUG": "0"}
    load_env_file(path, environ)
    assert environ == {"DJANGO_DEBUG": "0", "DJANGO_LOG_LEVEL": "DEBUG"}


def test_make_setup_writes_a_local_env_and_a_server_setup_removes_it(tmp_path):
    """Run the Makefile's local-env target in a copy, as make setup and make setup DJANGO_DEBUG=0."""
    (tmp_path / "Makefile").write_bytes((ROOT / "Makefile").read_bytes())

    def make(*args):
        subprocess.run(["make", "-s", "local-env", *args], cwd=tmp_path, check=True)

    make("DJANGO_DEBUG=1")
    assert read_env_file(tmp_path / ".env") == {"DJANGO_DEBUG": "1"}
    make("DJANGO_DEBUG=0")
    assert not (tmp_path / ".env").exists()


def test_a_server_setup_leaves_an_env_file_it_did_not_write(tmp_path):
    (tmp_path / "Makefile").write_bytes((ROOT / "Makefile").read_bytes())
    (tmp_path / ".env").write_text("DJANGO_SECRET_KEY=kept\n", encoding="utf-8")
    subprocess.run(["make", "-s", "local-env", "DJANGO_DEBUG=0"], cwd=tmp_path, check=True)
    assert (tmp_path / ".env").read_text(encoding="utf-8") == "DJANGO_SECRET_KEY=kept\n"


def test_debug_off_in_the_environment_still_needs_a_secret_key_whatever_the_file_says():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    completed = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env | {"DJANGO_SETTINGS_MODULE": "prcheck.settings", "DJANGO_DEBUG": "0"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in completed.stderr
