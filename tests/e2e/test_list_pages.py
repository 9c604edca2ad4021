"""Each list on a page of its own, in a real browser (issue 16 item 3: one thing at a time).

The late payments, the notifications, the sentences and the traffic violations are each asked
on a page after the one whose answer calls for them: checked at 390 px in both languages (axe,
no sideways scroll), an empty list refused with an error linked to its field, "add another"
without a page load when JavaScript is on and as a form post without it, and each list shown
on "check your answers" with a Change link to its page.
"""

from __future__ import annotations

import pytest

from assessments.results.models import Assessment
from tests.e2e.applicant import (
    CONTINUE,
    LIST_PAGES,
    WITH_LISTS,
    current_step,
    press,
    result_token,
    walk,
    with_steps,
    years_ago,
)
from tests.e2e.checks import LOCALES, PHONE, check_page, screenshot
from tests.e2e.test_accessibility import assert_errors_announced


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_list_page_is_checked_on_a_phone_and_refuses_an_empty_list(new_page, site, lang):
    page = new_page(viewport=PHONE, locale=LOCALES[lang])
    page.goto(site.url(f"/{lang}/check/"))

    def on_step(page, step):
        if step not in LIST_PAGES:
            return
        assert page.locator("[data-shown-when]").count() == 0, "nothing is hidden by script"
        assert page.locator(f"#{step}-{LIST_PAGES[step]}-rows fieldset.row").count() == 1
        check_page(page, lang=lang, label=f"lists-{lang}-{step}")
        press(page, CONTINUE)  # nothing filled in
        assert current_step(page) == step
        assert_errors_announced(page)
        check_page(page, lang=lang, label=f"lists-{lang}-{step}-empty")

    steps = walk(page, WITH_LISTS, on_step=on_step, stop_at="summary")
    assert tuple(steps) == WITH_LISTS.expected_steps[:-1]
    for step in LIST_PAGES:
        assert page.locator(f"#summary-{step}").count() == 1
        assert page.locator(f"a[href*='/{step}/?return=summary#']").count() == 1
    check_page(page, lang=lang, label=f"lists-{lang}-summary")
    press(page, CONTINUE)
    answers = Assessment.objects.get(token=result_token(page)).answers
    assert len(answers["payments"]) == 1 and len(answers["missed_notifications"]) == 1
    assert len(answers["criminal_records"]) == 1 and len(answers["traffic_violations"]) == 1


def test_add_another_on_a_list_page_adds_a_row_without_a_page_load(new_page, site):
    page = new_page(viewport=PHONE)
    loads = []
    page.on("load", lambda _page: loads.append(page.url))
    page.goto(site.url("/en/check/"))
    walk(page, WITH_LISTS, stop_at="sentences")
    before = len(loads)
    page.locator("button[name='wizard_add_row'][value='criminal_records']").click()
    assert page.locator("[name='sentences-criminal_records-1-completed_on']").count() == 1
    assert len(loads) == before, "no page load"
    assert page.locator("#sentences-criminal_records-1-row > legend").inner_text() == "Sentence 2"
    page.locator("[name='sentences-criminal_records-0-kind'][value='fine']").check()
    page.locator("[name='sentences-criminal_records-0-completed_on']").fill(years_ago(8))
    press(page, CONTINUE)  # the second row, left empty, is ignored
    assert current_step(page) == "traffic_violations"


def test_a_list_page_without_javascript_adds_and_keeps_rows_by_form_posts(new_page, site):
    two_payments = with_steps(
        WITH_LISTS,
        payments={
            "payments": [
                *WITH_LISTS.steps["payments"]["payments"],
                {"kind": "resident_tax", "due_date": years_ago(2), "paid_date": years_ago(1)},
            ]
        },
    )
    page = new_page(viewport=PHONE, java_script_enabled=False, locale=LOCALES["ja"])
    page.goto(site.url("/ja/check/"))
    steps = walk(page, two_payments)
    assert tuple(steps) == WITH_LISTS.expected_steps
    screenshot(page, "lists-ja-nojs-result")
    answers = Assessment.objects.get(token=result_token(page)).answers
    assert [payment["kind"] for payment in answers["payments"]] == ["pension", "resident_tax"]
