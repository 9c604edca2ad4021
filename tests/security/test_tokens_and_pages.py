"""Personal pages stay private: unguessable tokens, one applicant per token, never cached or indexed."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from assessments.questionnaire.models import SavedProgress
from assessments.results.models import TOKEN_BYTES, Assessment, new_token
from tests.security.conftest import APPLICANT, expire, store_assessment

pytestmark = pytest.mark.django_db

MIN_TOKEN_BITS = 128
#: Another applicant: a criminal record makes their verdict differ from APPLICANT's.
OTHER_APPLICANT = APPLICANT | {
    "criminal_records": [{"kind": "imprisonment", "completed_on": "2025-01-10"}],
}


def url_or_skip(name: str, **kwargs) -> str:
    """Return the URL of ``name``, or skip while the page's engineer has not routed it yet."""
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        pytest.skip(f"{name} is not routed yet")


def assert_personal(response) -> None:
    assert "no-store" in response.headers["Cache-Control"]
    assert "private" in response.headers["Cache-Control"]
    assert "noindex" in response.headers["X-Robots-Tag"]


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def token_variants(token: str) -> list[str]:
    """Return near misses of ``token``: every one must open nothing."""
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")
    return [flipped, token[:-1], token + "A", token.upper(), token.lower(), token[::-1]]


def test_tokens_carry_at_least_128_bits_of_randomness():
    token = new_token()
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    assert len(raw) * 8 >= MIN_TOKEN_BITS
    assert TOKEN_BYTES * 8 == 256


def test_tokens_do_not_repeat():
    assert len({new_token() for _ in range(10_000)}) == 10_000


def test_each_stored_assessment_gets_its_own_fresh_token():
    first, second = store_assessment(), store_assessment()
    assert first.token != second.token
    assert len(first.token) >= 43


def test_the_start_page_is_public_so_it_may_be_cached_and_indexed(client):
    response = client.get("/en/")
    assert "no-store" not in response.headers.get("Cache-Control", "")
    assert "X-Robots-Tag" not in response.headers


def test_the_start_page_with_a_query_string_is_treated_as_personal(client):
    assert_personal(client.get("/en/?income=4500000"))


def test_an_api_answer_is_personal(client):
    response = client.post("/api/assess", json.dumps(APPLICANT), content_type="application/json")
    assert response.status_code == 200
    assert_personal(response)


def test_an_unknown_page_is_treated_as_personal(client):
    response = client.get("/en/result/some-token/nothing-here/")
    assert response.status_code == 404
    assert_personal(response)


def test_the_delete_confirmation_is_personal(client):
    assessment = store_assessment()
    assert_personal(client.get(f"/en/result/{assessment.token}/delete/"))
    assert_personal(client.post(f"/en/result/{assessment.token}/delete/"))


def test_the_result_page_is_personal(client):
    assessment = store_assessment()
    response = client.get(url_or_skip("assessments:result", token=assessment.token))
    assert response.status_code == 200
    assert_personal(response)


def test_the_pdf_report_is_personal(client):
    assessment = store_assessment()
    response = client.get(url_or_skip("assessments:report", token=assessment.token))
    assert response.status_code == 200
    assert_personal(response)


def test_a_wizard_step_is_personal(client):
    response = client.get(url_or_skip("assessments:check"), follow=True)
    assert response.status_code == 200
    assert_personal(response)


def test_a_result_opens_only_with_its_own_token(client):
    mine, theirs = store_assessment(), store_assessment(OTHER_APPLICANT)
    assert mine.overall != theirs.overall
    page = client.get(url_or_skip("assessments:result", token=mine.token)).content.decode()
    assert mine.token in page
    assert theirs.token not in page
    for variant in token_variants(mine.token):
        assert client.get(reverse("assessments:result", args=[variant])).status_code == 404


def test_a_pdf_opens_only_with_its_own_token(client):
    mine, theirs = store_assessment(), store_assessment(OTHER_APPLICANT)
    mine_pdf = body(client.get(url_or_skip("assessments:report", token=mine.token)))
    theirs_pdf = body(client.get(reverse("assessments:report", args=[theirs.token])))
    assert mine_pdf.startswith(b"%PDF") and theirs_pdf.startswith(b"%PDF")
    assert mine_pdf != theirs_pdf
    for variant in token_variants(mine.token):
        assert client.get(reverse("assessments:report", args=[variant])).status_code == 404


@pytest.mark.parametrize("name", ["assessments:result", "assessments:report"])
def test_an_expired_assessment_is_gone_even_before_the_purge_runs(client, name):
    assessment = expire(store_assessment())
    assert client.get(url_or_skip(name, token=assessment.token)).status_code == 404
    assert Assessment.objects.filter(pk=assessment.pk).exists()


def test_an_expired_continue_later_link_is_gone_even_before_the_purge_runs(client):
    progress = SavedProgress.objects.create(step="residence", data={})
    url = url_or_skip("assessments:check_resume", token=progress.token)
    assert client.get(url).status_code == 302
    progress.expires_at = timezone.now() - dt.timedelta(seconds=1)
    progress.save(update_fields=["expires_at"])
    assert client.get(url).status_code == 404


def test_a_continue_later_link_opens_only_with_its_own_token(client):
    progress = SavedProgress.objects.create(step="residence", data={})
    url_or_skip("assessments:check_resume", token=progress.token)
    for variant in token_variants(progress.token):
        response = client.get(reverse("assessments:check_resume", args=[variant]))
        assert response.status_code == 404
        assert_personal(response)


MALFORMED_TOKENS = [
    "x",
    "a" * 2000,
    "..",
    "%00",
    "%2e%2e%2f",
    "トークン",
    "' OR '1'='1",
    "\u202e",
    "null",
]


@pytest.mark.parametrize(
    "name", ["assessments:result", "assessments:report", "assessments:check_resume"]
)
@pytest.mark.parametrize("token", MALFORMED_TOKENS)
def test_unknown_and_malformed_tokens_are_not_found(client, name, token):
    store_assessment()
    prefix, suffix = url_or_skip(name, token="PLACEHOLDER").split("PLACEHOLDER")
    assert client.get(prefix + token + suffix).status_code == 404


@pytest.mark.parametrize(
    ("token", "found"),
    [
        ("a" * 43, True),
        ("Ab-_09" * 7, True),
        ("a" * 16, True),
        ("a" * 64, True),
        ("a" * 15, False),
        ("a" * 65, False),
        ("abc\x00def" * 4, False),
        ("トークン" * 5, False),
        ("a+b/c=d" * 4, False),
    ],
)
def test_only_token_shaped_arguments_reach_the_view(token, found):
    from django.http import Http404, HttpResponse
    from django.test import RequestFactory

    from assessments.web.middleware import InputShapeMiddleware

    middleware = InputShapeMiddleware(lambda request: HttpResponse())
    request = RequestFactory().get("/")
    if found:
        assert middleware.process_view(request, None, (), {"token": token}) is None
    else:
        with pytest.raises(Http404):
            middleware.process_view(request, None, (), {"token": token})


def test_a_nul_byte_in_a_token_is_not_found_without_a_database_error(client):
    assert client.post("/en/result/abc%00def/delete/").status_code == 404


@pytest.mark.parametrize(
    ("method", "data"),
    [
        ("post", {"status-status": "work\x00"}),
        ("post", {"status-\x00": "work"}),
        ("get", {"q": "\x00"}),
    ],
)
def test_a_nul_character_in_form_data_is_a_bad_request_before_anything_stores_it(
    client, method, data
):
    response = getattr(client, method)("/en/check/", data)
    assert response.status_code == 400
    assert SavedProgress.objects.count() == 0


def test_a_wizard_draft_with_a_nul_character_is_refused_not_stored(client):
    from tests.questionnaire.driver import WizardDriver

    driver = WizardDriver(client)
    response = driver.press("status", "wizard_save", status="work\x00")
    assert response.status_code == 400
    assert SavedProgress.objects.count() == 0
