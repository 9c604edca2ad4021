"""The start page in both languages, on a phone and a desktop."""

import pytest

from tests.e2e.checks import DESKTOP, LOCALES, PHONE, check_page


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("viewport_name", ["phone", "desktop"])
def test_start_page_reads_well_and_passes_axe(new_page, site, lang, viewport_name):
    viewport = {"phone": PHONE, "desktop": DESKTOP}[viewport_name]
    page = new_page(viewport=viewport, locale=LOCALES[lang])
    page.goto(site.url(f"/{lang}/"))
    assert page.locator("h1").count() == 1
    check_page(page, lang=lang, label=f"start-{lang}-{viewport_name}")
