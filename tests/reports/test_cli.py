"""``manage.py assess FILE.json --pdf OUT.pdf``: the result JSON on stdout and the report on disk."""

import json

import pytest
from django.core.management import CommandError

from tests.commands import command_json
from tests.reports.support import TYPICAL, pdf_text, squeeze

pytestmark = pytest.mark.django_db


def assess(*args) -> dict:
    return command_json("assess", *args)


@pytest.fixture
def answers_file(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(TYPICAL), encoding="utf-8")
    return path


def test_pdf_writes_the_bilingual_report_for_the_printed_result(answers_file, tmp_path):
    out = tmp_path / "report.pdf"
    result = assess(str(answers_file), "--pdf", str(out))
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF")
    text = squeeze(pdf_text(pdf))
    assert "永住許可自己診断レポート" in text
    assert "PermanentResidenceSelf-AssessmentReport" in text
    assert "¥2,800,000" in text
    assert "CLI-" in text  # the command's reference, derived from the answers
    assert result["overall"] in {"not_yet_eligible", "not_eligible"}


def test_the_reference_option_is_printed_on_the_report(answers_file, tmp_path):
    out = tmp_path / "report.pdf"
    assess(str(answers_file), "--pdf", str(out), "--reference", "CASE-42")
    assert "CASE-42" in pdf_text(out.read_bytes())


def test_invalid_answers_write_no_pdf(tmp_path):
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({**TYPICAL, "status": "astronaut"}), encoding="utf-8")
    out = tmp_path / "report.pdf"
    with pytest.raises(CommandError) as caught:
        assess(str(source), "--pdf", str(out))
    assert caught.value.returncode == 2
    assert not out.exists()


def test_an_unwritable_pdf_path_exits_2_with_a_message(answers_file, tmp_path):
    out = tmp_path / "no-such-folder" / "report.pdf"
    with pytest.raises(CommandError) as caught:
        assess(str(answers_file), "--pdf", str(out))
    assert caught.value.returncode == 2
    assert "report.pdf" in str(caught.value)
