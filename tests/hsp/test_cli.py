"""``manage.py hsp_points``: the points JSON on stdout, or a message on stderr and exit 2."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError

from tests.commands import command_error, command_json, write_json

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PROFILE = {
    "category": "technical",
    "as_of": "2026-12-01",
    "birth_date": "1997-01-15",
    "education": "master",
    "experience_years": 3,
    "annual_salary": 5_500_000,
    "bonuses": ["jlpt_n1"],
}


def write(tmp_path, data, name="profile.json"):
    return write_json(tmp_path, data, name)


def run(*args):
    return command_json("hsp_points", *args)


def run_error(*args) -> CommandError:
    return command_error("hsp_points", *args)


def test_a_valid_profile_prints_the_points_and_breakdown(tmp_path):
    result = run(write(tmp_path, PROFILE))
    assert (result["category"], result["points"], result["passes"]) == ("technical", 70, True)
    assert {line["item"]: line["points"] for line in result["breakdown"]} == {
        "education": 20,
        "experience": 5,
        "salary": 15,
        "age": 15,
        "jlpt_n1": 15,
    }
    assert (result["gap_to_70"], result["gap_to_80"]) == (0, 10)


BAD = [
    ("a missing file", None, "No such file"),
    ("text that is not JSON", "{not json", "not valid JSON"),
    ("a profile with an unknown bonus", {**PROFILE, "bonuses": ["jlpt_n5"]}, "bonuses[0]"),
    ("a day before the table existed", {**PROFILE, "as_of": "2016-01-01"}, "as_of"),
]


@pytest.mark.parametrize(("content", "words"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_input_exits_2_with_a_clear_message(tmp_path, content, words):
    path = str(tmp_path / "absent.json") if content is None else write(tmp_path, content)
    error = run_error(path)
    assert error.returncode == 2
    assert words in str(error)


def test_errors_are_worded_in_japanese_on_request(tmp_path):
    error = run_error(write(tmp_path, {**PROFILE, "birth_date": "2027-01-01"}), "--lang", "ja")
    assert "計算" in str(error)


def test_a_database_without_the_table_exits_1(tmp_path):
    from assessments.thresholds.models import Threshold

    Threshold.objects.filter(key="hsp.technical.salary").delete()
    assert run_error(write(tmp_path, PROFILE)).returncode == 1


def test_the_real_command_exits_2_and_writes_only_to_stderr(tmp_path):
    completed = subprocess.run(
        [sys.executable, "manage.py", "hsp_points", write(tmp_path, {"category": "x"})],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "prcheck.settings_test"},
        check=False,
    )
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "category" in completed.stderr
