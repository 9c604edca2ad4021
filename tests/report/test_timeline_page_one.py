"""Page 1 of the report shows the timeline: the same SVG as the result page, drawn as vectors."""

import io

import pytest
from pypdf import PdfReader

from tests.report.support import squeeze

#: Row labels and key dates drawn inside the SVG, in both languages.
ON_PAGE_ONE = [
    "在留の経過（タイムライン）",
    "Yourtimeline",
    "海外渡航",
    "Tripsabroad",
    "納税（5年）",
    "Taxes(5years)",
    "2026年12月1日—申請予定日",
    "1December2026—Applicationdate",
]


@pytest.fixture(scope="module")
def page_one(typical_pdf):
    return PdfReader(io.BytesIO(typical_pdf)).pages[0]


@pytest.mark.parametrize("text", ON_PAGE_ONE)
def test_page_one_carries_the_timeline_text_in_both_languages(page_one, text):
    assert text in squeeze(page_one.extract_text())


def test_the_timeline_is_vector_not_an_image(page_one):
    resources = page_one["/Resources"]
    objects = resources.get("/XObject", {})
    images = [name for name, ref in objects.items() if ref.get_object().get("/Subtype") == "/Image"]
    assert images == []
