"""Change your answers after the result, in a real browser, in both languages (issue 21 item 4).

A new applicant reaches a "not yet" result, presses "Change your answers", lands on "Check your
answers" with every answer kept, changes one page, and sees a new result that says what
changed; the earlier result can then be deleted from the new page. Back from a result shows the
answers again, never an emptied summary. Every page passes axe.
"""

from __future__ import annotations

import pytest

from assessments.results.models import Assessment
from tests.e2e.applicant import (
    CONTINUE,
    GENERAL,
    INCOME,
    current_step,
    fill_step,
    press,
    result_token,
    walk,
    with_steps,
    years_ago,
)
from tests.e2e.checks import DESKTOP, PHONE, check_page

#: Four years here: not yet eligible on the general route.
RECENT = with_steps(
    GENERAL,
    residence={
        "residence_start_date": years_ago(4),
        "qualifying_status_start_date": years_ago(4),
    },
)
WORDS = {
    "en": {"change": "Change your answers", "changed": "What changed since your earlier result"},
    "ja": {"change": "回答を変更する", "changed": "前回の結果から変わったこと"},
}


@pytest.mark.parametrize(("lang", "viewport"), [("en", DESKTOP), ("ja", PHONE)])
def test_change_one_answer_after_the_result_without_retyping_the_rest(
    new_page, site, lang, viewport
):
    page = new_page(viewport=viewport)
    page.goto(site.url(f"/{lang}/check/"))
    walk(page, RECENT)
    earlier = Assessment.objects.get(token=result_token(page))
    assert earlier.overall == "not_yet_eligible"

    # Back from the result: the answers, not an emptied summary.
    page.go_back()
    assert current_step(page) == "summary"
    assert page.locator("main .error-message").count() == 0
    assert page.locator("a[href*='/residence/?return=summary']").count() >= 1
    page.go_forward()
    assert result_token(page) == earlier.token

    link = page.get_by_role("link", name=WORDS[lang]["change"])
    with page.expect_navigation():
        link.click()
    assert current_step(page) == "summary"
    check_page(page, lang=lang, label=f"change-answers-{lang}-summary")
    with page.expect_navigation():
        page.locator("a[href*='/residence/?return=summary']").first.click()
    assert current_step(page) == "residence"
    assert page.locator("[name='residence-residence_start_date']").input_value() == years_ago(4)
    fill_step(
        page,
        "residence",
        {
            "residence_start_date": years_ago(12),
            "qualifying_status_start_date": years_ago(11),
        },
    )
    press(page, CONTINUE)
    # Ten years here: the income page now asks the years before the old start too.
    assert current_step(page) == "income"
    fill_step(page, "income", {"applicant_*": INCOME})
    press(page, CONTINUE)
    assert current_step(page) == "summary"
    press(page, CONTINUE)

    later = Assessment.objects.get(token=result_token(page))
    assert later.token != earlier.token
    assert later.overall == "likely_eligible"
    changes = page.locator("section.changes")
    assert WORDS[lang]["changed"] in changes.inner_text()
    check_page(page, lang=lang, label=f"change-answers-{lang}-new-result")

    press(page, "section.changes form button")
    assert page.url.endswith(f"/result/{later.token}/?earlier=deleted")
    assert page.locator("section.changes").count() == 0
    assert not Assessment.objects.filter(pk=earlier.pk).exists()
    check_page(page, lang=lang, label=f"change-answers-{lang}-earlier-deleted")
