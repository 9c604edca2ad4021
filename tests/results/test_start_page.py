"""The start page: what the check covers, what to have at hand, how data is kept."""

from __future__ import annotations

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "Start the check",
                "residence card",
                "課税証明書",
                "ねんきんネット",
                "not legal advice",
            ],
        ),
        (
            "ja",
            [
                "診断を始める",
                "在留カード",
                "課税証明書",
                "ねんきんネット",
                "法的助言ではありません",
            ],
        ),
    ],
)
def test_the_start_page_says_what_to_have_at_hand_and_that_it_is_not_legal_advice(
    client, language, expected
):
    html = client.get(f"/{language}/").content.decode()
    for fragment in expected:
        assert fragment in html


@override_settings(PRCHECK_RETENTION_DAYS=14)
def test_the_start_page_states_the_retention_period_from_settings(client):
    assert "deleted automatically after 14 days" in client.get("/en/").content.decode()
    assert "14日後に自動的に削除" in client.get("/ja/").content.decode()


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_start_page_links_to_the_wizard_and_the_hsp_calculator_in_its_language(
    client, language
):
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    html = client.get(f"/{language}/").content.decode()
    with translation.override(language):
        try:
            check = reverse("assessments:check")
        except NoReverseMatch:
            check = "check/"
    assert f'href="{check}"' in html
    assert 'hsp/"' in html
