"""A permanent resident's report: the keep-PR verdict, steps and sources, in Japanese and English."""

import datetime as dt

import pytest

from assessments.eligibility.answers import answers_from_dict
from assessments.reports.pdf import report_render_html, report_render_pdf
from assessments.results.services import assessment_evaluate
from assessments.thresholds.snapshot import thresholds_from_defaults
from tests.reports.support import GENERATED_AT, REFERENCE, pdf_text, squeeze

ON = dt.date(2028, 3, 1)
LOST = {
    "application_date": ON.isoformat(),
    "status": "permanent_resident",
    "status_grant_date": "2020-05-01",
    "trips": [{"departure": "2026-10-01", "return": "2027-12-10", "reentry_permit": "special"}],
    "payments": [{"kind": "pension", "due_date": "2027-05-31", "paid_date": None}],
}


@pytest.fixture(scope="module")
def lost_pdf_text() -> str:
    answers = answers_from_dict(LOST, today=ON)
    result = assessment_evaluate(answers=answers, thresholds=thresholds_from_defaults(on=ON))
    html = report_render_html(
        result=result.to_json(), answers=LOST, reference=REFERENCE, generated_at=GENERATED_AT
    )
    return squeeze(pdf_text(report_render_pdf(html=html)))


@pytest.mark.parametrize(
    "words",
    [
        # English
        "Your permanent residence has been lost",
        "Keeping Permanent Residence: Self-Check Report",
        "Pay what is outstanding by 1 March 2028",
        "Trips abroad and re-entry permits",
        # Japanese
        "永住資格を失っています",
        "未納の分を2028年3月1日までに納付するか",
        "出国・再入国許可",
        # Sources, cited with their kind
        "出入国管理及び難民認定法26条の2",
        "永住許可の取消しに関するガイドライン（案）",
    ],
)
def test_the_keep_pr_report_says_the_verdict_and_what_to_do_in_both_languages(lost_pdf_text, words):
    assert squeeze(words) in lost_pdf_text


def test_the_keep_pr_report_leaves_out_the_application_sections(lost_pdf_text):
    assert squeeze("Documents to gather") not in lost_pdf_text
    assert squeeze("Readiness score") not in lost_pdf_text
