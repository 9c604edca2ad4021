"""Many trips previewed in place (issue 16): with JavaScript, a preview is no page load.

``static/js/trip-preview.js`` posts the travel step as "Preview these trips" would and puts the
server's preview (and error summary) in the page. Page loads are counted as the ALT walk counts
them (``Walk``); the pages are checked in Japanese and English. Without JavaScript the button
submits the form (the no-JS ALT walk in test_faster_questions.py).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.applicant import CONTINUE, current_step, press, years_ago
from tests.e2e.checks import LOCALES, PHONE, check_page, screenshot
from tests.e2e.test_faster_questions import IMPORT, PREVIEW, Walk, pasted_trips, walk_to_travel

IMPORT_READ = "button[name='wizard_import_read_trips']"
#: The first words of the error on Continue with 30 pasted lines not added, per language.
NOT_ADDED = {
    "en": "30 pasted trips are not added yet",
    "ja": "貼り付けた渡航歴30件がまだ追加されていません",
}
BAD_PASTE = "2024/8/1-2024/8/20\n1/8/2024 20/8/2024\n"
CSV = "departure,return\n2024-08-01,2024-08-20\n2024-09-01,2024-09-10\n"


def at_travel(new_page, site, lang: str, **options) -> Walk:
    """Walk to the travel step and say there were trips (the import section shows)."""
    page = new_page(viewport=PHONE, locale=LOCALES[lang], **options)
    page.goto(site.url(f"/{lang}/check/"))
    walk = Walk(page)
    walk_to_travel(walk)
    walk.choose("travel-has_trips", "yes")
    return walk


def focused(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement.matches(s)", selector)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_preview_appears_without_a_page_load_and_is_announced(new_page, site, lang):
    walk = at_travel(new_page, site, lang)
    page = walk.page
    walk.fill("trips_paste", pasted_trips())
    loads = walk.loads
    page.locator(PREVIEW).click()
    expect(page.locator(".trip-preview tbody tr")).to_have_count(11)
    assert walk.loads == loads, "no page load"
    assert page.locator(".trip-preview .error-message").count() == 0
    ready = page.locator("[data-preview-result]").inner_text()
    # The preview's status line, after the section (each list of rows has one of its own).
    expect(page.locator("#trip-import + [role='status']")).to_have_text(ready)
    assert focused(page, ".table-scroll"), "the focus moves to the table read"
    box = page.locator(".table-scroll")
    assert box.evaluate("e => e.scrollWidth <= e.clientWidth"), "every column shows on a phone"
    check_page(page, lang=lang, label=f"trip-preview-{lang}-in-place")
    press(page, IMPORT)
    assert current_step(page) == "household", page.locator(".error-summary").all_inner_texts()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_bad_line_shows_its_error_and_the_error_summary_without_a_page_load(new_page, site, lang):
    walk = at_travel(new_page, site, lang)
    page = walk.page
    walk.fill("trips_paste", BAD_PASTE)
    loads, title = walk.loads, page.title()
    page.locator(PREVIEW).click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    assert walk.loads == loads, "no page load"
    assert page.locator(".trip-preview .error-message").count() == 1
    assert summary.locator("a").get_attribute("href") == "#id_trips_paste"
    assert focused(page, "[data-error-summary]"), "the error summary takes the focus"
    assert page.title() != title, "the title says there is a problem"
    assert page.locator("#id_trips_paste").get_attribute("aria-invalid") == "true"
    check_page(page, lang=lang, label=f"trip-preview-{lang}-in-place-error")
    assert page.locator(IMPORT).count() == 0, "nothing can be added until every line reads"


def test_a_corrected_paste_previewed_again_clears_the_error_summary(new_page, site):
    walk = at_travel(new_page, site, "en")
    page = walk.page
    walk.fill("trips_paste", BAD_PASTE)
    page.locator(PREVIEW).click()
    expect(page.locator(".error-summary")).to_be_visible()
    walk.fill("trips_paste", "2024/8/1-2024/8/20\n")
    page.locator(PREVIEW).click()
    expect(page.locator(".error-summary")).to_have_count(0)
    expect(page.locator(".trip-preview tbody tr")).to_have_count(1)


def test_a_paste_previews_by_itself(new_page, site):
    walk = at_travel(new_page, site, "en", permissions=["clipboard-read", "clipboard-write"])
    page = walk.page
    page.evaluate("text => navigator.clipboard.writeText(text)", pasted_trips())
    loads = walk.loads
    page.locator("#id_trips_paste").focus()
    page.keyboard.press("ControlOrMeta+V")
    expect(page.locator(".trip-preview tbody tr")).to_have_count(11)
    assert walk.loads == loads, "no page load"
    assert focused(page, "#id_trips_paste"), "the applicant stays in the box"
    assert page.locator("#id_trips_paste").input_value() == pasted_trips()


def test_a_csv_file_chosen_previews_by_itself(new_page, site):
    walk = at_travel(new_page, site, "en")
    page = walk.page
    loads = walk.loads
    page.locator("#id_trips_csv").set_input_files(
        {"name": "trips.csv", "mimeType": "text/csv", "buffer": CSV.encode()}
    )
    expect(page.locator(".trip-preview tbody tr")).to_have_count(2)
    assert walk.loads == loads, "no page load"
    expect(page.locator("#id_trips_paste")).to_have_value(
        "2024-08-01 2024-08-20\n2024-09-01 2024-09-10"
    )


def test_when_the_preview_cannot_be_fetched_the_form_is_submitted_as_usual(new_page, site):
    walk = at_travel(new_page, site, "en")
    page = walk.page
    page.route(
        "**/travel/",
        lambda route: route.abort() if route.request.resource_type == "fetch" else route.fallback(),
    )
    walk.fill("trips_paste", pasted_trips())
    loads = walk.loads
    press(page, PREVIEW)  # a page load, as without JavaScript
    assert walk.loads == loads + 1
    expect(page.locator(".trip-preview tbody tr")).to_have_count(11)


def error_beside_the_box(page) -> str:
    """Return the box's error as shown beside it, without the hidden "Error:"."""
    error = page.locator("#id_trips_paste_error")
    hidden = error.locator(".visually-hidden").inner_text()
    return error.inner_text().replace(hidden, "", 1).strip()


@pytest.mark.parametrize(
    ("lang", "java_script"), [("en", True), ("ja", True), ("ja", False)], ids=str
)
def test_continue_with_lines_not_added_says_so_and_adds_those_that_read(
    new_page, site, lang, java_script
):
    """Issue 21 item 6: 28 good lines are added while the 2 bad ones stay in the box."""
    page = new_page(viewport=PHONE, locale=LOCALES[lang], java_script_enabled=java_script)
    page.goto(site.url(f"/{lang}/check/"))
    walk = Walk(page)
    walk_to_travel(walk)
    walk.choose("travel-has_trips", "yes")
    lines = pasted_trips(30, every_days=50).splitlines()
    lines[9], lines[19] = "2021/2/30 2021/3/3", "1/8/2024 20/8/2024"
    walk.fill("trips_paste", "\n".join(lines))
    press(page, CONTINUE)
    assert current_step(page) == "travel", "not on without the pasted trips"
    summary = page.locator(".error-summary a")
    expect(summary).to_have_count(1)
    assert summary.inner_text().startswith(NOT_ADDED[lang])
    assert error_beside_the_box(page) == summary.inner_text(), "word for word the same"
    skipped = page.locator(".trip-skipped li")
    expect(skipped).to_have_count(2)
    assert lines[9] in skipped.first.inner_text() and lines[19] in skipped.last.inner_text()
    label = f"trip-not-added-{lang}-{'js' if java_script else 'no-js'}"
    check_page(page, lang=lang, label=label) if java_script else screenshot(page, label)
    press(page, IMPORT_READ)
    assert current_step(page) == "travel", "the lines left are still to correct"
    expect(page.locator("fieldset.row")).to_have_count(28)
    expect(page.locator("#id_trips_paste")).to_have_value(f"{lines[9]}\n{lines[19]}")
    expect(page.locator("#trip-import [role='status']")).to_contain_text("28")
    expect(page.locator(".trip-preview .error-message")).to_have_count(2)
    if java_script:
        check_page(page, lang=lang, label=f"{label}-added")
    corrected = [
        f"{years_ago(7)} {years_ago(7, days=-5)}",
        f"{years_ago(7, days=-20)} {years_ago(7, days=-25)}",
    ]
    walk.fill("trips_paste", "\n".join(corrected))
    if java_script:
        page.locator(PREVIEW).click()
        expect(page.locator(IMPORT)).to_be_visible()
    else:
        press(page, PREVIEW)
    press(page, IMPORT)
    assert current_step(page) == "household", page.locator(".error-summary").all_inner_texts()
