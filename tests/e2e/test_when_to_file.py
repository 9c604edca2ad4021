"""The "When to file" section in a real browser: both languages, desktop and phone, axe."""

import pytest
from playwright.sync_api import expect

from tests.e2e.checks import DESKTOP, LOCALES, PHONE, check_page
from tests.results.conftest import engine_result, store
from tests.results.test_when_to_file import SPOUSE

RESULT = engine_result(**SPOUSE)
HEADING = {"en": "When to file", "ja": "申請の時期"}
FILE_BY = {"en": "File by 31 March 2027", "ja": "2027年3月31日までに申請する場合"}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("device", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_when_to_file_passes_axe_and_fits_the_screen(new_page, site, lang, device, viewport):
    page = new_page(viewport=viewport, locale=LOCALES[lang])
    page.goto(site.url(f"/{lang}/result/{store(RESULT).token}/"))
    section = page.locator(".when-to-file")
    expect(section).to_be_visible()
    expect(section.get_by_role("heading", name=HEADING[lang])).to_be_visible()
    expect(section).to_contain_text(FILE_BY[lang])
    assert section.bounding_box()["width"] <= viewport["width"]
    check_page(page, lang=lang, label=f"when-to-file-{lang}-{device}")
