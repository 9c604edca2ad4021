"""Complete checks through the real wizard and engine: general, spouse and HSP routes."""

import pytest

from assessments.results.models import Assessment
from tests.e2e.applicant import GENERAL, HSP, HSP_CALCULATED, SPOUSE, result_token, walk
from tests.e2e.checks import DESKTOP, LOCALES, PHONE, check_page

#: Each route in both languages, and each language on both a phone and a desktop.
CASES = [
    (GENERAL, "ja", "phone"),
    (GENERAL, "en", "desktop"),
    (SPOUSE, "ja", "desktop"),
    (SPOUSE, "en", "phone"),
    (HSP, "ja", "phone"),
    (HSP, "en", "desktop"),
    (HSP_CALCULATED, "ja", "desktop"),
    (HSP_CALCULATED, "en", "phone"),
]


@pytest.mark.parametrize(
    ("profile", "lang", "device"), CASES, ids=[f"{p.name}-{lang}-{d}" for p, lang, d in CASES]
)
def test_a_complete_check_asks_the_route_s_steps_and_shows_its_result(
    new_page, site, profile, lang, device
):
    """Every step and the result pass axe, declare their language and are photographed."""
    page = new_page(viewport={"phone": PHONE, "desktop": DESKTOP}[device], locale=LOCALES[lang])
    page.goto(site.url(f"/{lang}/check/"))

    def on_step(page, step):
        check_page(page, lang=lang, label=f"{profile.name}-{lang}-{device}-{step}")

    steps = walk(page, profile, on_step=on_step)

    assert tuple(steps) == profile.expected_steps
    token = result_token(page)
    assert token, f"no result page after the summary: {page.url}"
    result = Assessment.objects.get(token=token).result
    assert (result["route"], result["overall"]) == (profile.route, profile.overall)
    check_page(page, lang=lang, label=f"{profile.name}-{lang}-{device}-result")
