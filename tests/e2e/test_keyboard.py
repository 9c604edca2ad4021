"""The keyboard on the list pages and the way back to "check your answers" (issue 21 item 8).

- Enter in a trip's date field means Continue: the form's first submit button is a visually
  hidden copy of Continue (no Tab stop, hidden from screen readers), no longer "Remove Trip 1",
  which silently deleted the trip just typed. The same template serves every list page.
- "Remove Trip 1" takes the row out without a page load and the list's status region says so;
  the focus goes to the row that took its place. Without JavaScript the button posts the page,
  and the page shown next says the same words in the same region, before the rows, with every
  other answer on the page kept.
- After "Save and go back to your answers", the focus is on the answer just changed, not at
  the top of the summary.

On a phone (390 px), in Japanese and English, each page checked with axe.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.applicant import CONTINUE, GENERAL, current_step, press, walk, years_ago
from tests.e2e.checks import LOCALES, PHONE, check_page, screenshot
from tests.e2e.test_faster_questions import Walk, walk_to_travel

#: The status region's words once "Remove Trip 1" is pressed, per language.
TRIP_1_REMOVED = {"en": "Trip 1 removed", "ja": "「渡航 1」を削除しました"}


def at_travel(new_page, site, lang: str, *, java_script: bool = True):
    page = new_page(viewport=PHONE, locale=LOCALES[lang], java_script_enabled=java_script)
    page.goto(site.url(f"/{lang}/check/"))
    walk_to_travel(Walk(page))
    page.locator("[name='travel-has_trips'][value='yes']").check()
    return page


def focused_id(page) -> str:
    return page.evaluate("document.activeElement.id")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_enter_in_a_trip_date_continues_and_keeps_the_trip(new_page, site, lang):
    page = at_travel(new_page, site, lang)
    default = page.locator("[data-default-button]")
    assert default.get_attribute("tabindex") == "-1" and default.get_attribute("aria-hidden")
    assert page.evaluate(
        "() => document.querySelector('#wizard-form').querySelector('button[type=submit]')"
        ".hasAttribute('data-default-button')"
    ), "the hidden Continue is the form's first button"
    check_page(page, lang=lang, label=f"keyboard-{lang}-travel")
    page.locator("[name='travel-trips-0-departure']").fill(years_ago(3))
    page.locator("[name='travel-trips-0-return_date']").fill(years_ago(3, days=-12))
    page.locator("[name='travel-trips-0-return_date']").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert current_step(page) == "household", page.locator(".error-summary").all_inner_texts()
    page.go_back()
    page.reload()
    expect(page.locator("[name='travel-trips-0-departure']")).to_have_value(years_ago(3))


def test_tab_never_stops_on_the_hidden_continue(new_page, site):
    page = at_travel(new_page, site, "en")
    page.locator("[name='travel-trips-0-departure']").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        assert not page.evaluate("document.activeElement.hasAttribute('data-default-button')")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_removed_trip_is_announced_and_the_next_takes_its_place(new_page, site, lang):
    page = at_travel(new_page, site, lang)
    loads = []
    page.on("load", lambda _page: loads.append(page.url))
    page.locator("[name='travel-trips-0-departure']").fill(years_ago(3))
    page.locator("[name='travel-trips-0-return_date']").fill(years_ago(3, days=-12))
    page.locator("button[name='wizard_add_row'][value='trips']").click()
    page.locator("[name='travel-trips-1-departure']").fill(years_ago(2))
    page.locator("[name='travel-trips-1-return_date']").fill(years_ago(2, days=-5))
    page.locator("button[name='wizard_remove_row'][value='trips:0']").click()
    status = page.locator("#travel-trips-rows [role='status']")
    expect(status).to_have_text(TRIP_1_REMOVED[lang])
    assert not loads, "no page load"
    expect(page.locator("#travel-trips-rows fieldset.row")).to_have_count(1)
    expect(page.locator("[name='travel-trips-0-departure']")).to_have_value(years_ago(2))
    assert focused_id(page) == "id_travel-trips-0-departure", "the focus is on the next trip"
    assert page.locator("[name='travel-trips-TOTAL_FORMS']").input_value() == "1"
    check_page(page, lang=lang, label=f"keyboard-{lang}-trip-removed")
    press(page, CONTINUE)
    assert current_step(page) == "household", page.locator(".error-summary").all_inner_texts()
    page.go_back()
    page.reload()
    expect(page.locator("#travel-trips-rows fieldset.row")).to_have_count(1)
    expect(page.locator("[name='travel-trips-0-return_date']")).to_have_value(years_ago(2, days=-5))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_without_javascript_the_page_after_remove_says_which_trip_was_removed(new_page, site, lang):
    page = at_travel(new_page, site, lang, java_script=False)
    page.locator("[name='travel-trips-0-departure']").fill(years_ago(3))
    page.locator("[name='travel-trips-0-return_date']").fill(years_ago(3, days=-12))
    press(page, "button[name='wizard_add_row'][value='trips']")  # a form post: a new page
    page.locator("[name='travel-trips-1-departure']").fill(years_ago(2))
    page.locator("[name='travel-trips-1-return_date']").fill(years_ago(2, days=-5))
    page.locator("[name='trips_paste']").fill("2024/8/1-2024/8/20")
    status = page.locator("#travel-trips-rows [role='status']")
    assert not status.is_visible(), "an empty status region takes no room"
    press(page, "button[name='wizard_remove_row'][value='trips:0']")
    assert current_step(page) == "travel"
    expect(status).to_have_text(TRIP_1_REMOVED[lang])
    expect(status).to_be_visible()
    first_row = page.locator("#travel-trips-0-row").bounding_box()
    assert status.bounding_box()["y"] < first_row["y"], "said before the rows"
    screenshot(page, f"keyboard-{lang}-nojs-trip-removed")
    expect(page.locator("#travel-trips-rows fieldset.row")).to_have_count(1)
    expect(page.locator("[name='travel-trips-0-departure']")).to_have_value(years_ago(2))
    expect(page.locator("[name='travel-has_trips'][value='yes']")).to_be_checked()
    expect(page.locator("[name='trips_paste']")).to_have_value("2024/8/1-2024/8/20")
    page.reload()
    expect(status).to_have_text("")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_back_on_the_summary_the_focus_is_on_the_answer_just_changed(new_page, site, lang):
    page = new_page(viewport=PHONE, locale=LOCALES[lang])
    page.goto(site.url(f"/{lang}/check/"))
    walk(page, GENERAL, stop_at="summary")
    press(page, "a[href*='/household/?return=summary#']")
    page.locator("[name='household-dependents']").fill("2")
    press(page, CONTINUE)  # "Save and go back to your answers"
    assert current_step(page) == "summary"
    assert page.url.endswith("#answer-household-dependents")
    assert focused_id(page) == "answer-household-dependents"
    row = page.locator("#answer-household-dependents")
    assert "2" in row.inner_text()
    assert row.bounding_box()["y"] < PHONE["height"], "the row changed is on the screen"
    check_page(page, lang=lang, label=f"keyboard-{lang}-back-on-summary")
