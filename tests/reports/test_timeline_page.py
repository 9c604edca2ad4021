"""The timeline follows the summary (page 1, or page 2 when the summary fills page 1): the same
SVG as the result page, drawn as vectors, its labels on the page with its heading."""

import io

import pytest
from pypdf import PdfReader

from tests.reports.support import squeeze

#: Row labels and key dates drawn inside the SVG, in both languages.
ON_TIMELINE_PAGE = [
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
def timeline_page(typical_pdf):
    """Return the page with the timeline's heading: page 1 or 2, right after the summary."""
    pages = PdfReader(io.BytesIO(typical_pdf)).pages[:2]
    (page,) = [page for page in pages if ON_TIMELINE_PAGE[0] in squeeze(page.extract_text())]
    return page


@pytest.mark.parametrize("text", ON_TIMELINE_PAGE)
def test_the_timeline_page_carries_the_timeline_text_in_both_languages(timeline_page, text):
    assert text in squeeze(timeline_page.extract_text())


def test_the_timeline_is_vector_not_an_image(timeline_page):
    resources = timeline_page["/Resources"]
    objects = resources.get("/XObject", {})
    images = [name for name, ref in objects.items() if ref.get_object().get("/Subtype") == "/Image"]
    assert images == []
