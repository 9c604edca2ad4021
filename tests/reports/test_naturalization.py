"""The naturalization section of the report: both languages in the HTML and in the PDF."""

from __future__ import annotations

from assessments.eligibility.naturalization_choices import NATURALIZATION_IDS
from assessments.reports.pdf import report_render_html, report_render_pdf
from assessments.thresholds.snapshot import thresholds_from_defaults
from tests.reports.support import (
    APPLICATION_DATE,
    GENERATED_AT,
    REFERENCE,
    TYPICAL,
    evaluate,
    pdf_text,
    squeeze,
)


def test_the_report_has_a_naturalization_row_per_requirement_in_both_languages(
    typical_result, typical_html
):
    assert [f["id"] for f in typical_result["naturalization"]["requirements"]] == list(
        NATURALIZATION_IDS
    )
    assert typical_html.count('<div class="requirement naturalization-row status-') == len(
        NATURALIZATION_IDS
    )
    for text in (
        "帰化",
        'Naturalization (<span lang="ja">帰化</span>)',
        "生計要件",
        "Livelihood",
        "国籍法 5条1項3号",
    ):
        assert text in typical_html


def test_the_pdf_text_names_naturalization_and_its_findings_in_both_languages(typical_pdf):
    text = squeeze(pdf_text(typical_pdf))
    assert "Naturalization(帰化)" in text
    assert "住所要件（日本での居住）" in text and "ResidenceinJapan" in text
    assert "喪失要件（現在の国籍の離脱）" in text


def test_the_naturalization_answers_are_printed_for_the_scrivener():
    answers = {**TYPICAL, "japanese_level": "n2", "monthly_take_home": 230_000}
    html = report_render_html(
        result=evaluate(answers, thresholds=thresholds_from_defaults(on=APPLICATION_DATE)),
        answers=answers,
        reference=REFERENCE,
        generated_at=GENERATED_AT,
    )
    for text in ("帰化に関する回答", "日本語能力試験N2程度", "About JLPT N2", "23万円", "¥230,000"):
        assert text in html
    assert "未回答" in html and "Not answered" in html  # the nationality question was left blank


def test_the_pdf_names_the_simplified_route_and_prints_the_ties_to_japan():
    answers = {
        **TYPICAL,
        "residence_start_date": "2026-06-01",
        "qualifying_status_start_date": "2026-06-01",
        "former_japanese_national": True,
    }
    html = report_render_html(
        result=evaluate(answers, thresholds=thresholds_from_defaults(on=APPLICATION_DATE)),
        answers=answers,
        reference=REFERENCE,
        generated_at=GENERATED_AT,
    )
    text = squeeze(pdf_text(report_render_pdf(html=html)))
    assert "aformerJapanesenational(NationalityActArt.8(iii))" in text
    assert "かつて日本国籍を有していた方（国籍法8条3号）" in text
    assert "WereyoueveraJapanesenationalyourself?" in text
    assert "Wereyoubornin" not in text  # a tie left blank is not printed


def test_without_the_naturalization_questions_the_report_says_so_instead_of_blank_answers(
    typical_html,
):
    assert "帰化に関する回答" not in typical_html and "Your answers for naturalization" not in (
        typical_html
    )
    assert "The naturalization questions were not asked" in typical_html
    assert "帰化に関する質問はしていないため" in typical_html
