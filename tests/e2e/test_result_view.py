"""The result view in a real browser (issue 22 items 10, 17 and 18).

An English result that names both checks does not scroll sideways at 320 px (the comparison
sits in a labelled scroll region) and passes axe; a what-if outcome, or its error box, takes the
focus and changes the page title, as the wizard does.
"""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.checks import DESKTOP, check_page
from tests.reports.support import store_assessment
from tests.results.test_coherence import PDF_PERSONAS
from tests.results.test_what_if import UNPAID, stored

NARROW = {"width": 320, "height": 720}


def test_an_english_result_naming_both_checks_fits_a_320_pixel_screen(new_page, site):
    assessment = store_assessment(PDF_PERSONAS["not by time alone, naturalization asked"])
    page = new_page(viewport=NARROW)
    page.goto(site.url(f"/en/result/{assessment.token}/"))
    verdict = page.locator("section.verdict").inner_text()
    assert "Permanent residence" in verdict and "Naturalization" in verdict
    region = page.locator("div.table-scroll[role=region]:has(table.comparison)")
    assert region.get_attribute("aria-labelledby") == "comparison-heading"
    check_page(page, lang="en", label="result-view-en-320")
    assert page.locator("[lang=ja]").count() > 0, "Japanese runs are marked on the English page"


def test_a_what_if_outcome_and_its_errors_take_the_focus_and_the_title(new_page, site):
    assessment = stored(UNPAID)
    page = new_page(viewport=DESKTOP)
    page.goto(site.url(f"/en/result/{assessment.token}/"))
    form = page.locator("form.what-if__form")
    form.locator("[name=whatif-trip_departure]").fill("2027-08-20")
    form.locator("[name=whatif-trip_return]").fill("2027-08-01")  # before the departure
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.locator("form.what-if__form .error-summary")).to_be_focused()
    assert page.title().startswith("Error: What if…")

    form.locator("[name=whatif-trip_return]").fill("2027-12-30")  # 131 days abroad
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.locator(".what-if__outcome")).to_be_focused()
    assert page.title().startswith("What if…")
    outcome = page.locator(".what-if__outcome").inner_text()
    assert "practitioners treat as a risk to continuous residence" in outcome
    check_page(page, lang="en", label="result-view-what-if-outcome")
