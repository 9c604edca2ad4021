"""The shared layout: language, skip link, language switch that keeps the page, error pages."""

from __future__ import annotations

import re

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from tests.results.conftest import hand_result

pytestmark = pytest.mark.django_db

NEXT = re.compile(r'name="next" value="([^"]+)"')


def switch_target(html: str) -> str:
    return NEXT.search(html).group(1)


@pytest.mark.parametrize(("language", "other"), [("en", "ja"), ("ja", "en")])
def test_every_page_declares_its_language_and_offers_a_skip_link_and_the_disclaimer(
    client, language, other
):
    html = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}">' in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert f'value="{other}"' in html
    assert 'action="/i18n/setlang/"' in html
    assert "行政書士" in html


def test_the_language_switch_on_a_result_keeps_the_token(client, result_url):
    url = result_url(hand_result(), language="en")
    html = client.get(url).content.decode()
    assert switch_target(html) == url.replace("/en/", "/ja/", 1)


def test_the_language_switch_keeps_the_query_string(client):
    html = client.get("/en/?from=test").content.decode()
    assert switch_target(html) == "/ja/?from=test"


def test_switching_language_posts_to_set_language_and_lands_on_the_same_page(client, result_url):
    url = result_url(hand_result(), language="en")
    client.get(url)
    response = client.post(
        "/i18n/setlang/", {"language": "ja", "next": url.replace("/en/", "/ja/", 1)}
    )
    assert response.status_code == 302
    assert response["Location"] == url.replace("/en/", "/ja/", 1)
    assert '<html lang="ja">' in client.get(response["Location"]).content.decode()


def test_a_missing_page_is_a_404_in_the_layout_with_a_switch_to_the_same_path(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert switch_target(html) == "/ja/no-such-page/"


def test_a_missing_page_is_worded_in_japanese_under_the_japanese_prefix(client):
    response = client.get("/ja/no-such-page/")
    assert response.status_code == 404
    assert "ページが見つかりません" in response.content.decode()


def test_the_500_page_renders_without_a_request_context():
    request = RequestFactory().get("/en/")
    with translation.override("en"):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, something went wrong" in html
    assert "setlang" not in html


def test_pages_carry_no_inline_style_or_script(client, result_url):
    for url in ("/en/", "/ja/", result_url(hand_result(), language="ja")):
        html = client.get(url).content.decode()
        # Scripts only from files (the CSP's script-src 'self'), never inline.
        assert not re.search(r"<script(?![^>]*\bsrc=)", html)
        assert "style=" not in html and "<style" not in html
