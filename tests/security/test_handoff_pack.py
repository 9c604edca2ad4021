"""The hand-off pack (``/<lang>/result/<token>/handoff.zip``) is as private as the PDF.

It holds every answer, so it opens only with its own unguessable token while the result
lives, is never cached nor indexed, carries no link back to the result, and logs nothing
personal.
"""

from __future__ import annotations

import io
import logging
import zipfile

import pytest
from django.urls import reverse

from tests.security.conftest import APPLICANT, expire, personal_values, store_assessment
from tests.security.test_tokens_and_pages import (
    OTHER_APPLICANT,
    assert_personal,
    token_variants,
)

pytestmark = pytest.mark.django_db


def handoff_url(token: str, language: str = "en") -> str:
    return f"/{language}/result/{token}/handoff.zip"


def test_the_pack_is_routed_under_the_result(client):
    assert reverse("assessments:handoff", kwargs={"token": "x" * 43}).endswith(
        "/result/" + "x" * 43 + "/handoff.zip"
    )


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_pack_is_personal_never_cached_nor_indexed(client, language):
    response = client.get(handoff_url(store_assessment().token, language))
    assert response.status_code == 200
    assert_personal(response)
    assert response["Content-Disposition"].startswith("attachment;")


def test_the_pack_opens_only_with_its_own_token(client):
    mine, theirs = store_assessment(), store_assessment(OTHER_APPLICANT)
    my_pack = client.get(handoff_url(mine.token)).content
    their_pack = client.get(handoff_url(theirs.token)).content
    assert my_pack != their_pack
    for variant in token_variants(mine.token):
        response = client.get(handoff_url(variant))
        assert response.status_code == 404
        assert_personal(response)


def test_an_unknown_token_is_refused(client):
    assert client.get(handoff_url("A" * 43)).status_code == 404


def test_an_expired_result_has_no_pack_even_before_the_purge_runs(client):
    assessment = expire(store_assessment())
    response = client.get(handoff_url(assessment.token))
    assert response.status_code == 404
    assert_personal(response)


def test_only_reads_are_allowed(client):
    assessment = store_assessment()
    assert client.post(handoff_url(assessment.token)).status_code == 405


def test_the_pack_carries_no_link_back_to_the_result(client):
    assessment = store_assessment()
    archive = zipfile.ZipFile(io.BytesIO(client.get(handoff_url(assessment.token)).content))
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8-sig")
        assert assessment.token not in text
        assert "/result/" not in text


def test_downloading_the_pack_logs_nothing_personal(client, caplog):
    assessment = store_assessment()
    with caplog.at_level(logging.DEBUG):
        assert client.get(handoff_url(assessment.token)).status_code == 200
        assert client.get(handoff_url(expire(store_assessment()).token)).status_code == 404
    logged = caplog.text
    assert assessment.token not in logged
    for value in personal_values(APPLICANT):
        assert value not in logged
