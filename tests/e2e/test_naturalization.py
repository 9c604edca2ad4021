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


BORN_IN_JAPAN = with_steps(
    NATURALIZATION,
    naturalization={"born_in_japan": "yes"},
    naturalization_birth={"parent_born_in_japan": "yes", "stateless_since_birth": "no"},
)
ROUTE = {
    "en": "someone born in Japan whose father or mother was also born in Japan",
    "ja": "日本で生まれ、父又は母も日本で生まれた方",
}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_someone_born_in_japan_gets_the_birth_page_and_the_route_on_the_card(new_page, site, lang):
    page = new_page()
    page.goto(site.url(f"/{lang}/check/"))

    def check_birth_page(page, step):
        if step == "naturalization_birth":
            check_page(page, lang=lang, label=f"naturalization-birth-{lang}")

    steps = walk(page, BORN_IN_JAPAN, on_step=check_birth_page)
    assert steps[-3:] == ["naturalization", "naturalization_birth", "summary"]
    residence = page.locator("#naturalization-residence")
    expect(residence).to_contain_text(ROUTE[lang])
