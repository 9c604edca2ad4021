"""What-if on the result page in a real browser without JavaScript; the calendar link.

Issue 15 items 3 and 5: the form works as a plain form post, the stored answers stay as they
were, the comparison and its errors pass axe (no serious violation) on a desktop and a phone.
"""

from __future__ import annotations

import pytest
from icalendar import Calendar

from assessments.results.models import Assessment
from tests.e2e.checks import DESKTOP, PHONE, check_page, screenshot
from tests.results.test_what_if import UNPAID, stored


@pytest.mark.parametrize(
    ("lang", "viewport", "java_script"),
    [("ja", PHONE, False), ("en", DESKTOP, False), ("ja", PHONE, True), ("en", DESKTOP, True)],
)
def test_what_if_works_without_javascript_and_keeps_the_stored_answers(
    new_page, site, lang, viewport, java_script
):
    """Without JavaScript the form is a plain post; axe needs it, so it checks the same pages
    in a second run with JavaScript on."""
    assessment = stored(UNPAID)
    before = Assessment.objects.values("answers", "result").get(pk=assessment.pk)
    page = new_page(java_script_enabled=java_script, viewport=viewport)

    def check(label):
        if java_script:
            check_page(page, lang=lang, label=f"what-if-{lang}-{label}")
        else:
            screenshot(page, f"what-if-nojs-{lang}-{label}")

    page.goto(site.url(f"/{lang}/result/{assessment.token}/"))
    check("result")

    form = page.locator("form.what-if__form")
    form.locator("[name=whatif-application_date]").fill("2027-06-01")
    form.locator("[name=whatif-income_year]").fill("2026")
    form.locator("[name=whatif-income_amount]").fill("4500000")
    form.locator("[name=whatif-trip_departure]").fill("2027-08-20")
    form.locator("[name=whatif-trip_return]").fill("2027-08-01")  # before the departure
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_whatif-trip_return_error").is_visible()
    assert page.locator(".what-if__outcome").count() == 0
    assert form.locator("[name=whatif-application_date]").input_value() == "2027-06-01"
    assert form.locator("[name=whatif-income_amount]").input_value() == "4500000"
    check("error")

    form.locator("[name=whatif-trip_return]").fill("2027-08-30")
    form.locator("[name=whatif-settle_payment]").first.check()
    form.locator("[name=whatif-settle_date]").fill("2026-12-20")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    outcome = page.locator(".what-if__outcome")
    assert outcome.is_visible()
    assert ("2028年5月31日" if lang == "ja" else "31 May 2028") in outcome.inner_text()
    assert page.locator("#what-if-planned-trips").is_visible()
    check("outcome")
    assert Assessment.objects.values("answers", "result").get(pk=assessment.pk) == before
    assert Assessment.objects.count() == 1


def test_the_calendar_link_downloads_a_calendar_of_the_results_dates(new_page, site):
    assessment = stored(UNPAID)
    page = new_page(java_script_enabled=False)
    page.goto(site.url(f"/en/result/{assessment.token}/"))
    with page.expect_download() as info:
        page.locator(f"a[href='/en/result/{assessment.token}/calendar.ics']").click()
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as handle:
        calendar = Calendar.from_ical(handle.read())
    expiry = [e for e in calendar.walk("VEVENT") if e.get("categories").cats == ["status_expiry"]]
    assert [e.decoded("dtstart").isoformat() for e in expiry] == ["2030-01-01"]
    screenshot(page, "what-if-calendar-link")
