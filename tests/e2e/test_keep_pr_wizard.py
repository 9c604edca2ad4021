"""A permanent resident, in a real browser, from the start page's link to the keep-PR verdict."""

from __future__ import annotations

import pytest

from tests.e2e.applicant import CONTINUE, current_step, fill_step, press, result_token, years_ago
from tests.e2e.checks import DESKTOP, PHONE, check_page

ANSWERS = {
    "grant": {"status_grant_date": years_ago(6)},
    "card": {},
    "travel": {
        "has_trips": "yes",
        "trips": [
            {
                "departure": years_ago(2),
                "return_date": years_ago(2, days=-20),
                "reentry_permit": "special",
            }
        ],
    },
    "taxes": {
        "taxes_paid": "yes",
        "paid_on_time": "yes",
        "pension_enrolled": "yes",
        "health_insurance_enrolled": "yes",
        "has_missed_notifications": "no",
    },
}
LINK = {"en": "I already have permanent residence", "ja": "永住許可を受けている方"}
VERDICT = {
    "en": "No known risk to your permanent residence",
    "ja": "永住資格について把握できるリスクはありません",
}


@pytest.mark.parametrize(("lang", "viewport"), [("ja", PHONE), ("en", DESKTOP)])
def test_a_permanent_resident_reaches_the_keep_pr_verdict_from_the_start_page(
    new_page, site, lang, viewport
):
    page = new_page(viewport=viewport)
    page.goto(site.url(f"/{lang}/"))
    page.get_by_role("link", name=LINK[lang]).click()
    steps = []
    while (step := current_step(page)) != "summary":
        steps.append(step)
        fill_step(page, step, ANSWERS[step])
        if step == "travel":
            check_page(page, lang=lang, label=f"keep-pr-travel-{lang}")
        press(page, CONTINUE)
    assert steps == ["grant", "card", "travel", "taxes"]
    press(page, CONTINUE)
    assert result_token(page)
    assert page.locator("main").get_by_text(VERDICT[lang]).count() >= 1
