"""The report's answer lists: every answer the applicant gave is listed, as declared once.

The rows come from the answers' declarations (``results.questions``); these tests read the
report's HTML (what the PDF lays out) so that a declaration, a section or a template that
drops an answer fails here.
"""

from __future__ import annotations

import html
import re

import pytest
from django.utils import translation

from assessments.eligibility.answers import answers_from_dict
from assessments.reports.pdf import report_render_html
from assessments.results.questions import (
    NOT_LISTED,
    QUESTION,
    QUESTIONS,
    SAID_YES,
    WITHIN,
    listed_sections,
)
from assessments.templatetags.prcheck import longdate
from assessments.thresholds.snapshot import thresholds_from_defaults
from tests.reports.support import (
    APPLICATION_DATE,
    EVERY_ANSWER,
    GENERATED_AT,
    OTHER,
    REFERENCE,
    TYPICAL,
    evaluate,
    pdf_text,
    squeeze,
)

ROW = re.compile(r"<dt>(.*?)</dt><dd>(.*?)</dd>", re.S)
TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


def answer_rows(answers: dict) -> dict[str, str]:
    """Return the report's answer rows, {the row's name (both languages): its value}."""
    result = evaluate(answers, thresholds=thresholds_from_defaults(on=APPLICATION_DATE))
    report = report_render_html(
        result=result, answers=answers, reference=REFERENCE, generated_at=GENERATED_AT
    )
    lists = re.findall(r'<dl class="answers__list">(.*?)</dl>', report, re.S)
    return {_text(dt): _text(dd) for part in lists for dt, dd in ROW.findall(part)}


def _name(question, language: str) -> str:
    with translation.override(language):
        return str(question.short)


#: What shows an answer listed on another answer's row (``WITHIN``), in English.
WITHIN_SHOWN = {
    "status_expiry_date": lambda a: longdate(a.status_expiry_date),
    "hsp_points_maintained": lambda a: "Points held throughout the period: No",
    "dependents_abroad": lambda a: f"of whom {a.dependents_abroad} abroad",
}


@pytest.fixture(scope="module")
def every_row():
    return answer_rows(EVERY_ANSWER)


def test_the_applicant_of_every_answer_answered_every_listed_question():
    answers = answers_from_dict(EVERY_ANSWER, today=APPLICATION_DATE)
    for question in QUESTIONS:
        value = getattr(answers, question.key)
        if question.listed == SAID_YES:
            assert value is True, question.key
        elif question.listed != NOT_LISTED:
            assert value is not None and value != (), question.key


def test_every_answer_given_is_listed_under_its_name_in_both_languages(every_row):
    missing = [
        question.key
        for question in QUESTIONS
        if question.listed not in (NOT_LISTED, WITHIN)
        and f"{_name(question, 'ja')} / {_name(question, 'en')}" not in every_row
    ]
    assert missing == []


def test_an_answer_that_qualifies_another_is_shown_on_that_answers_row(every_row):
    answers = answers_from_dict(EVERY_ANSWER, today=APPLICATION_DATE)
    assert {q.key for q in QUESTIONS if q.listed == WITHIN} == set(WITHIN_SHOWN)
    for key, shown in WITHIN_SHOWN.items():
        host = QUESTION[QUESTION[key].within]
        with translation.override("en"):
            expected = shown(answers)
        assert expected in every_row[f"{_name(host, 'ja')} / {_name(host, 'en')}"], key


def test_a_row_shows_its_value_in_both_languages(every_row):
    row = every_row["婚姻日 / Date of marriage"]
    assert "2018年5月5日" in row and "5 May 2018" in row
    assert (
        "はい、満たしています"
        in every_row[
            "事業が現行の「経営・管理」の許可基準を満たしている / "
            "Business meets the Business Manager standards now in force"
        ]
    )


def test_a_question_not_answered_is_not_listed_and_a_blank_one_says_so():
    rows = answer_rows({**OTHER, "trips": []})
    assert "婚姻日 / Date of marriage" not in rows
    assert not any("J-Skip" in name for name in rows)
    assert "なし" in rows["海外渡航 / Trips abroad"] and "None" in rows["海外渡航 / Trips abroad"]


def test_the_pdf_lists_every_answer_the_typical_applicant_gave(typical_pdf):
    """The same, read back from the PDF with pypdf (the session's typical report)."""
    answers = answers_from_dict(TYPICAL, today=APPLICATION_DATE)
    text = squeeze(pdf_text(typical_pdf))
    listed = [row.question for _, rows in listed_sections(answers) for row in rows]
    assert {q.key for q in listed} >= {"application_date", "trips", "income", "guarantor"}
    missing = [
        q.key for q in listed for lang in ("ja", "en") if squeeze(_name(q, lang)) not in text
    ]
    assert missing == []
