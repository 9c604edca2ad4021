"""Page 1 of the report answers the question on its own: verdict, route, earliest date, what to fix.

Read back from the PDF with pypdf, the first page only, for applicants who fail requirements.
"""

import datetime as dt
import io

import pytest
from django.utils import translation
from pypdf import PdfReader

from assessments.reports.pdf import report_render_html, report_render_pdf
from assessments.results.wording import REQUIREMENT as REQUIREMENT_NAMES
from assessments.templatetags.prcheck import label, longdate
from assessments.thresholds.snapshot import thresholds_from_defaults
from tests.reports.support import (
    APPLICATION_DATE,
    GENERATED_AT,
    REFERENCE,
    TYPICAL,
    evaluate,
    squeeze,
)

#: The typical applicant with enough income and a pension contribution paid late this year:
#: not met on residence (clears 1 June 2027) and on insurance (clears 31 May 2028).
FAILING = {
    **TYPICAL,
    "income": [{"year": year, "applicant": 4_500_000} for year in range(2021, 2026)],
    "payments": [{"kind": "pension", "due_date": "2026-05-31", "paid_date": "2026-07-10"}],
}


def _in_both(function, value) -> list[str]:
    texts = []
    for language in ("ja", "en"):
        with translation.override(language):
            texts.append(squeeze(str(function(value))))
    return texts


@pytest.fixture(scope="module")
def failing():
    result = evaluate(FAILING, thresholds=thresholds_from_defaults(on=APPLICATION_DATE))
    html = report_render_html(
        result=result, answers=FAILING, reference=REFERENCE, generated_at=GENERATED_AT
    )
    reader = PdfReader(io.BytesIO(report_render_pdf(html=html)))
    return result, squeeze(reader.pages[0].extract_text())


def test_the_failing_applicant_fails_two_requirements_and_has_an_earliest_date(failing):
    result, _page_one = failing
    not_met = [r["id"] for r in result["requirements"] if r["status"] == "not_met"]
    assert not_met == ["residence_period", "social_insurance"]
    assert result["overall"] == "not_yet_eligible"
    assert result["earliest_date"] == "2028-05-31"


def test_page_one_gives_the_verdict_route_and_earliest_date_in_both_languages(failing):
    result, page_one = failing
    earliest = dt.date.fromisoformat(result["earliest_date"])
    expected = [
        *_in_both(lambda value: label(value, "Overall"), result["overall"]),
        *_in_both(lambda value: label(value, "Route"), result["route"]),
        *_in_both(longdate, earliest),
    ]
    assert expected[-2:] == ["2028年5月31日", "31May2028"]
    for text in expected:
        assert text in page_one


def test_page_one_names_each_requirement_not_met_in_both_languages(failing):
    result, page_one = failing
    for requirement in result["requirements"]:
        if requirement["status"] in ("not_met", "at_risk"):
            for name in _in_both(REQUIREMENT_NAMES.get, requirement["id"]):
                assert name in page_one, name
    assert "在留期間（居住年数）" in page_one and "Residenceperiod" in page_one


def test_page_one_says_what_to_do_about_each(failing):
    _result, page_one = failing
    assert "10年に達してから申請してください" in page_one  # residence: the remedy, in Japanese
    assert "applyonceyouhave10years" in page_one  # and in English
    assert "2027年6月1日" in page_one and "1June2027" in page_one  # clears by itself on


def test_the_typical_report_names_its_failing_requirements_on_page_one(typical_pdf):
    page_one = squeeze(PdfReader(io.BytesIO(typical_pdf)).pages[0].extract_text())
    for requirement_id in ("residence_period", "livelihood"):
        for name in _in_both(REQUIREMENT_NAMES.get, requirement_id):
            assert name in page_one, name
