"""The naturalization check in the browser: opted into on the status step, answered on its own
step, and shown as a second card on the result, in Japanese and in English."""

import pytest
from playwright.sync_api import expect

from tests.e2e.applicant import GENERAL, walk, with_steps, years_ago
from tests.e2e.checks import check_page

NATURALIZATION = with_steps(
    GENERAL,
    status={"naturalization": "yes"},
    naturalization={
        "birth_date": years_ago(35),
        "japanese_level": "n2",
        "nationality_renounceable": "yes",
        "monthly_take_home": "250,000",
        "family_arrears": "no",
    },
)
HEADINGS = {"en": "Naturalization (帰化)", "ja": "帰化"}
COMPARISON = {"en": "Permanent residence or naturalization?", "ja": "永住か、帰化か"}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_second_card_shows_naturalization_beside_permanent_residence(new_page, site, lang):
    page = new_page()
    page.goto(site.url(f"/{lang}/check/"))
    steps = walk(page, NATURALIZATION)
    assert steps[-2:] == ["naturalization", "summary"]
    card = page.locator("#naturalization")
    expect(card.locator("#naturalization-heading")).to_have_text(HEADINGS[lang])
    expect(card.locator("article.naturalization-card")).to_have_count(8)
    expect(card.get_by_text(COMPARISON[lang])).to_be_visible()
    check_page(page, lang=lang, label=f"result-naturalization-{lang}")
