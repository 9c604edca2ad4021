"""The result page rendered once (issue 26 item 3): its stored-result parts come from Django's
cache on later views, the forms and notices around them still work, and a deleted result
leaves nothing behind in the cache."""

from __future__ import annotations

import datetime as dt
import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key

from assessments.results.models import Assessment
from assessments.results.page_cache import FRAGMENTS, page_key
from tests.results.test_what_if import NOT_YET, post, stored

pytestmark = pytest.mark.django_db

CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def fragment_keys(token: str, language: str) -> list[str]:
    return [
        make_template_fragment_key(fragment, [page_key(token=token, language=language)])
        for fragment in FRAGMENTS
    ]


def without_csrf(html: str) -> str:
    return CSRF_VALUE.sub("", html)


def test_a_second_view_is_the_same_page_read_from_the_cache_not_built_again(client):
    assessment = stored()
    first = client.get(f"/en/result/{assessment.token}/")
    with mock.patch("assessments.results.views.result_page", side_effect=AssertionError):
        second = client.get(f"/en/result/{assessment.token}/")
    assert second.status_code == 200
    assert without_csrf(second.content.decode()) == without_csrf(first.content.decode())
    assert "no-store" in second["Cache-Control"]


def test_each_language_has_its_own_page(client):
    assessment = stored()
    english = client.get(f"/en/result/{assessment.token}/").content.decode()
    japanese = client.get(f"/ja/result/{assessment.token}/").content.decode()
    assert "What needs attention" in english and "What needs attention" not in japanese


def test_what_if_still_answers_after_the_page_was_cached(client):
    assessment = stored()
    client.get(f"/en/result/{assessment.token}/")
    response = post(client, assessment, application_date="2027-06-01")
    assert response.status_code == 200
    assert response.context["what_if"].what_if.application_date == dt.date(2027, 6, 1)
    assert "1 June 2027" in response.content.decode()


def test_a_refused_what_if_shows_what_was_typed_not_the_cached_empty_form(client):
    assessment = stored()
    client.get(f"/en/result/{assessment.token}/")
    response = post(client, assessment, trip_departure="2027-08-20", trip_return="2027-08-01")
    assert list(response.context["what_if_form"].errors) == ["trip_return"]
    assert 'value="2027-08-20"' in response.content.decode()


def test_deleting_a_result_deletes_its_cached_page_in_every_language(client):
    assessment = stored()
    for language in ("en", "ja"):
        client.get(f"/{language}/result/{assessment.token}/")
    keys = fragment_keys(assessment.token, "en") + fragment_keys(assessment.token, "ja")
    assert all(cache.get(key) for key in keys)
    # The key is a hash: the token, the only key to the result, is not stored in clear.
    assert not any(assessment.token in key for key in keys)

    client.post(f"/en/result/{assessment.token}/delete/")

    assert not Assessment.objects.filter(pk=assessment.pk).exists()
    assert [cache.get(key) for key in keys] == [None] * len(keys)


def test_deleting_the_earlier_result_deletes_its_cached_page(client):
    earlier = stored()
    later = stored(NOT_YET)
    Assessment.objects.filter(pk=later.pk).update(changed_from=earlier)
    client.get(f"/en/result/{earlier.token}/")
    keys = fragment_keys(earlier.token, "en")
    assert all(cache.get(key) for key in keys)

    response = client.post(f"/en/result/{later.token}/delete-earlier/")

    assert response.status_code == 302
    assert [cache.get(key) for key in keys] == [None] * len(keys)
    page = client.get(response["Location"]).content.decode()
    assert "The earlier result has been deleted." in page


def test_the_page_is_built_anew_on_another_day_or_in_another_language():
    token = "t" * 43
    today = page_key(token=token, language="en", on=dt.date(2026, 12, 1))
    assert page_key(token=token, language="en", on=dt.date(2026, 12, 1)) == today
    assert page_key(token=token, language="en", on=dt.date(2026, 12, 2)) != today
    assert page_key(token=token, language="ja", on=dt.date(2026, 12, 1)) != today
