"""The hand-off pack link on the result page, clicked in a real browser (issue 25 item 2)."""

from __future__ import annotations

import zipfile

import pytest

from tests.e2e.checks import DESKTOP, PHONE, check_page
from tests.results.test_handoff import CLEAN, FILES, stored


@pytest.mark.parametrize(("lang", "viewport"), [("ja", PHONE), ("en", DESKTOP)])
def test_the_pack_link_downloads_a_zip_of_the_answers(new_page, site, lang, viewport):
    assessment = stored(CLEAN)
    page = new_page(viewport=viewport)
    page.goto(site.url(f"/{lang}/result/{assessment.token}/"))
    check_page(page, lang=lang, label=f"handoff-link-{lang}")
    link = page.locator(f"a[href='/{lang}/result/{assessment.token}/handoff.zip']")
    assert link.count() == 1
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.startswith("prcheck-handoff-")
    assert download.suggested_filename.endswith(".zip")
    with zipfile.ZipFile(download.path()) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == FILES
