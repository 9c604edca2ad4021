"""Fixtures for the PDF report: the typical applicant's result, HTML and PDF, made once."""

import pytest

from assessments.reports.pdf import report_render_html, report_render_pdf
from assessments.thresholds.snapshot import thresholds_from_defaults
from tests.reports.support import APPLICATION_DATE, GENERATED_AT, REFERENCE, TYPICAL, evaluate


@pytest.fixture(scope="session")
def typical_result() -> dict:
    return evaluate(TYPICAL, thresholds=thresholds_from_defaults(on=APPLICATION_DATE))


@pytest.fixture(scope="session")
def typical_html(typical_result) -> str:
    return report_render_html(
        result=typical_result, answers=TYPICAL, reference=REFERENCE, generated_at=GENERATED_AT
    )


@pytest.fixture(scope="session")
def typical_pdf(typical_html) -> bytes:
    return report_render_pdf(html=typical_html)
