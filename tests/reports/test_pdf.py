"""``report_render_pdf``: a real PDF with real Japanese glyphs, read back with pypdf and poppler."""

import io
import logging
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from assessments.reports.pdf import report_render_pdf
from tests.reports.support import pdf_text, squeeze

SUBSET_TAG = re.compile(r"^/?[A-Z]{6}\+")
#: Small enough to e-mail to a scrivener: the report grew from 150 KB to ~170 KB when it gained
#: the vector timeline (page 1) and the naturalization section; fonts are subset.
#: A tagged PDF (structure tree for screen readers, issue 22 item 15) adds about 3%.
MAX_BYTES = 216 * 1024
#: A blank A4 page at 30 dpi is all white; text and rules make at least this share dark.
MIN_INK_SHARE = 0.01
PAPER = 250  # grey level below which a pixel counts as ink


def test_the_output_is_a_pdf_under_its_size_budget(typical_pdf):
    assert typical_pdf.startswith(b"%PDF-")
    assert len(typical_pdf) < MAX_BYTES


@pytest.mark.parametrize(
    "text",
    [
        "永住許可自己診断レポート",
        "PermanentResidenceSelf-AssessmentReport",
        "在留期間",
        "¥2,800,000",
        "280万円",
        "¥3,800,000",
        "2027年6月1日",
        "1June2027",
        "永住許可に関するガイドライン",
        "https://www.moj.go.jp/isa/",
        "TEST-0001",
    ],
)
def test_the_text_has_both_languages_the_applicants_numbers_and_the_sources(typical_pdf, text):
    assert text in squeeze(pdf_text(typical_pdf))


def test_every_page_is_numbered_page_of_pages_in_the_footer(typical_pdf):
    reader = PdfReader(io.BytesIO(typical_pdf))
    total = len(reader.pages)
    assert total >= 2
    for number, page in enumerate(reader.pages, start=1):
        assert f"{number} / {total}" in page.extract_text()


def _fonts(pdf: bytes) -> dict[str, dict]:
    """Return every font used on any page, by base name, with its descriptor."""
    fonts = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            fonts[str(font["/BaseFont"])] = descendant["/FontDescriptor"].get_object()
    return fonts


def test_the_japanese_font_is_embedded_as_a_subset(typical_pdf):
    fonts = _fonts(typical_pdf)
    biz = {name: descriptor for name, descriptor in fonts.items() if "BIZ-UD" in name}
    assert biz, f"BIZ UD Gothic is not used: {sorted(fonts)}"
    for name, descriptor in biz.items():
        assert SUBSET_TAG.match(name), f"{name} is embedded whole, not as a subset"
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, f"{name} is not embedded"


def test_headings_use_the_bold_face(typical_pdf):
    assert any(name.endswith("Gothic-Bold") for name in _fonts(typical_pdf))


def test_rendering_the_same_html_twice_gives_the_same_bytes(typical_html, typical_pdf):
    # Within one process the bytes are identical; across processes the embedded subsets may be
    # ordered differently (hash seeds), so the view stores the first rendering and reuses it.
    assert report_render_pdf(html=typical_html) == typical_pdf


def _ink_share(pgm: bytes) -> float:
    """Return the share of dark pixels in a binary PGM (P5) image."""
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", pgm)
    width, height = int(header[1]), int(header[2])
    pixels = pgm[header.end() : header.end() + width * height]
    return sum(1 for value in pixels if value < PAPER) / len(pixels)


needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="poppler-utils (make setup) missing"
)


@needs_poppler
def test_page_one_rendered_by_poppler_is_not_blank(typical_pdf, tmp_path):
    source = tmp_path / "report.pdf"
    source.write_bytes(typical_pdf)
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "30", "-f", "1", "-l", "1", str(source), str(tmp_path / "p")],
        check=True,
        timeout=60,
    )
    (image,) = tmp_path.glob("p*.pgm")
    assert _ink_share(image.read_bytes()) > MIN_INK_SHARE


@needs_poppler
def test_a_blank_page_would_fail_the_ink_check(tmp_path):
    blank = report_render_pdf(html="<p></p>")
    source = tmp_path / "blank.pdf"
    source.write_bytes(blank)
    subprocess.run(["pdftoppm", "-gray", "-r", "30", str(source), str(tmp_path / "b")], check=True)
    (image,) = tmp_path.glob("b*.pgm")
    assert _ink_share(image.read_bytes()) < MIN_INK_SHARE


def test_the_stylesheet_loads_and_weasyprint_warns_about_nothing(typical_html, caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        report_render_pdf(html=typical_html)
    assert [record.getMessage() for record in caplog.records] == []
