"""The timeline on the result page in a real browser: both languages, desktop and phone, axe."""

import pytest
from playwright.sync_api import expect

from tests.e2e.checks import DESKTOP, LOCALES, PHONE, check_page
from tests.results.conftest import engine_result, store

RESULT = engine_result(
    residence_start_date="2017-12-01",
    trips=[
        {"departure": "2020-01-01", "return": "2020-04-01"},
        {"departure": "2022-01-01", "return": "2022-01-20"},
    ],
    payments=[{"kind": "pension", "due_date": "2025-03-31", "paid_date": "2025-06-01"}],
    missed_notifications=["2023-02-01"],
)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("device", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_the_timeline_and_its_tables_pass_axe_and_fit_the_screen(
    new_page, site, lang, device, viewport
):
    # axe runs as JavaScript; the timeline itself needs none (no script in its markup).
    page = new_page(viewport=viewport, locale=LOCALES[lang])
    page.goto(site.url(f"/{lang}/result/{store(RESULT).token}/"))
    shown = page.locator(f".timeline-chart--{'wide' if device == 'desktop' else 'narrow'}")
    hidden = page.locator(f".timeline-chart--{'narrow' if device == 'desktop' else 'wide'}")
    expect(shown).to_be_visible()
    expect(hidden).to_be_hidden()
    expect(shown).to_have_attribute("role", "img")
    expect(page.locator(".why-table")).to_be_visible()
    expect(page.locator(".facts-table")).to_be_visible()
    width = shown.bounding_box()["width"]
    assert width <= viewport["width"]
    check_page(page, lang=lang, label=f"timeline-{lang}-{device}")
