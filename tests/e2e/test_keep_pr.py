"""A permanent resident's result page in a real browser: accessible, in the page's language."""

from __future__ import annotations

import pytest

from tests.e2e.checks import DESKTOP, PHONE, check_page
from tests.results.test_keep_pr_result import ABROAD, stored


@pytest.mark.parametrize(("lang", "viewport"), [("ja", PHONE), ("en", DESKTOP)])
def test_the_keep_pr_result_page_is_accessible_and_dates_each_step(new_page, site, lang, viewport):
    assessment = stored(ABROAD)
    page = new_page(viewport=viewport)
    page.goto(site.url(f"/{lang}/result/{assessment.token}/"))
    check_page(page, lang=lang, label=f"keep-pr-{lang}")
    assert page.locator("ul.deadlines li").count() == 5
    assert page.locator(f"a[href='/{lang}/result/{assessment.token}/calendar.ics']").count() == 1
