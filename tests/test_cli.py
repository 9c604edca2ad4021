"""``manage.py assess``: the result JSON on stdout, or a clear message on stderr and exit 2."""

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError
from django.urls import reverse

from assessments.eligibility.choices import REQUIREMENT_IDS
from tests.commands import command_error, command_json, write_json

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent

#: Fifteen years on a work status with five-year permits and 3,100,000 yen a year: met on
#: every requirement while the income floor is 3,000,000.
ANSWERS = {
    "application_date": "2026-12-01",
    "status": "work",
    "period_of_stay_years": 5,
    "residence_start_date": "2012-04-01",
    "employment": "regular",
    "guarantor": "japanese",
    "income": [{"year": year, "applicant": 3_100_000} for year in range(2021, 2026)],
}


def write(tmp_path, data, name="answers.json"):
    return write_json(tmp_path, data, name)


def assess(*args):
    return command_json("assess", *args)


def assess_error(*args) -> CommandError:
    return command_error("assess", *args)


def test_a_valid_file_prints_the_result_json_with_every_requirement(tmp_path):
    result = assess(write(tmp_path, ANSWERS))
    assert result["schema"] == "prcheck.result/1"
    assert result["application_date"] == "2026-12-01"
    assert result["route"] == "general"
    assert result["overall"] == "likely_eligible"
    assert [item["id"] for item in result["requirements"]] == list(REQUIREMENT_IDS)


def test_answers_can_be_read_from_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(ANSWERS)))
    assert assess("-")["route"] == "general"


def test_the_application_date_defaults_to_today_in_japan(tmp_path, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 30, 16, tzinfo=dt.UTC))  # 01:00 on 1 Dec in Tokyo
    data = {key: value for key, value in ANSWERS.items() if key != "application_date"}
    assert assess(write(tmp_path, data))["application_date"] == "2026-12-01"


# (sentence, file content or None for a missing file, words expected in the message)
BAD_FILES = [
    ("a missing file is named", None, ["No such file", "missing.json"]),
    ("text that is not JSON is refused", "{status: work", ["not valid JSON"]),
    ("an empty file is refused", "", ["not valid JSON"]),
    ("deeply nested JSON is refused, not a crash", "[" * 100_000, ["not valid JSON"]),
    ("a JSON list is not answers", "[]", ["(answers): Enter an object"]),
    (
        "each invalid answer is listed with its field path",
        json.dumps({**ANSWERS, "status": "tourist", "trips": [{"departure": "2020-01-02"}]}),
        ["status: “tourist” is not one of the allowed choices.", "trips[0].return: This answer"],
    ),
    (
        "a household income below the applicant's own is refused at its field",
        json.dumps({**ANSWERS, "income": [{"year": 2025, "applicant": 3_100_000, "household": 0}]}),
        ["income[0].household: The household income (0 yen) is lower than your own income"],
    ),
]


@pytest.mark.parametrize(
    ("content", "words"), [case[1:] for case in BAD_FILES], ids=[case[0] for case in BAD_FILES]
)
def test_a_bad_file_exits_2_with_a_clear_message(tmp_path, content, words):
    path = str(tmp_path / "missing.json") if content is None else write(tmp_path, content)
    error = assess_error(path)
    assert error.returncode == 2
    for word in words:
        assert word in str(error)


def test_a_file_that_is_not_utf8_exits_2(tmp_path):
    path = tmp_path / "answers.json"
    path.write_bytes(b'{"status": "\xff"}')
    error = assess_error(str(path))
    assert (error.returncode, "UTF-8" in str(error)) == (2, True)


def test_a_directory_exits_2(tmp_path):
    assert assess_error(str(tmp_path)).returncode == 2


def test_messages_are_in_japanese_with_lang_ja(tmp_path):
    error = assess_error(write(tmp_path, {**ANSWERS, "assets": -5}), "--lang", "ja")
    assert "assets: 0以上の数を入力してください。" in str(error)


def run_manage(*args, stdin=""):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "prcheck.settings_test"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_real_command_exits_2_and_writes_only_to_stderr():
    completed = run_manage("assess", "-", stdin='{"status": 1}')
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "status: “1” is not one of the allowed choices." in completed.stderr
    assert "Traceback" not in completed.stderr


# Admin changes reach the engine ---------------------------------------------------------


def test_a_threshold_version_added_in_the_admin_applies_from_its_date_only(client, tmp_path):
    """Raise the income floor to 3,200,000 yen from 2027-01-01 through the admin add view."""
    client.force_login(User.objects.create_superuser("admin", "admin@example.org", "pw"))
    response = client.post(
        reverse("admin:assessments_threshold_add"),
        {
            "key": "livelihood.min_income",
            "unit": "yen",
            "value": "3200000",
            "valid_from": "2027-01-01",
            "kind": "practice",
            "source_title": "Visa office practice, 2027",
            "source_url": "https://example.org/income-2027",
            "change_note": "Visa offices now expect 3.2 million yen.",
        },
    )
    assert response.status_code == 302

    def livelihood_on(day):
        result = assess(write(tmp_path, {**ANSWERS, "application_date": day}, f"{day}.json"))
        finding = next(item for item in result["requirements"] if item["id"] == "livelihood")
        source = result["thresholds"]["livelihood.min_income"]["source_url"]
        return finding["status"], finding["params"].get("required"), source

    assert livelihood_on("2026-12-31")[:2] == ("met", 3_000_000)
    assert livelihood_on("2027-01-01") == ("not_met", 3_200_000, "https://example.org/income-2027")


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("application_date", "9999-12-31", "application_date: 1900-01-01から2100-12-31まで"),
        ("application_date", "2014-W14-2", "application_date: 実在する日付を YYYY-MM-DD"),
        ("marriage_date", "1980-01-01", "marriage_date: この日付は生年月日（1985-06-01）より前"),
        (
            "status_expiry_date",
            "2023-12-31",
            "status_expiry_date: 在留期間の満了日が在留資格の許可日（2024-01-01）より前",
        ),
        (
            "qualifying_status_start_date",
            "2012-03-31",
            "qualifying_status_start_date: この日付は継続した在留の開始日（2012-04-01）より前",
        ),
    ],
)
def test_a_date_outside_the_contract_exits_2_naming_the_field(tmp_path, field, value, words):
    answers = {
        **ANSWERS,
        "birth_date": "1985-06-01",
        "status_grant_date": "2024-01-01",
        field: value,
    }
    error = assess_error(write(tmp_path, answers), "--lang", "ja")
    assert error.returncode == 2
    assert words in str(error)


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        (
            "status_expiry_date",
            "2023-12-31",
            "status_expiry_date: The period of stay cannot end before the status was granted "
            "(2024-01-01).",
        ),
        (
            "qualifying_status_start_date",
            "2012-03-31",
            "qualifying_status_start_date: This date is before your continuous residence began "
            "(2012-04-01)",
        ),
    ],
)
def test_dates_out_of_order_exit_2_naming_the_field_in_english(tmp_path, field, value, words):
    answers = {**ANSWERS, "status_grant_date": "2024-01-01", field: value}
    error = assess_error(write(tmp_path, answers))
    assert error.returncode == 2
    assert words in str(error)
