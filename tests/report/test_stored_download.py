"""A report already rendered is sent by ``StoredReportMiddleware``, ahead of the view.

It must answer exactly as the full stack does (same bytes, same headers), and hand every other
case — not rendered yet, unknown, expired, another method, a spent rate limit — to the view.
"""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from assessments.reports import views as report_views
from assessments.reports.pdf import assessment_report_pdf
from assessments.results.models import Assessment
from tests.report.support import OTHER, TYPICAL, store_assessment

pytestmark = pytest.mark.django_db

#: Headers that differ between any two responses, or that only the test client adds.
VARYING_HEADERS = {"Date", "Expires"}


def report_url(token: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse("assessments:report", kwargs={"token": token})


@pytest.fixture
def rendered():
    """A stored assessment whose report has been rendered and kept."""
    assessment = store_assessment(TYPICAL)
    assessment_report_pdf(assessment=assessment)
    return assessment


@pytest.fixture
def view_must_not_run(monkeypatch):
    def fail(**kwargs):
        raise AssertionError("a stored report is sent before the view")

    monkeypatch.setattr(report_views, "report_pdf_for_token", fail)


def headers(response) -> dict:
    return {k: v for k, v in response.headers.items() if k not in VARYING_HEADERS}


def test_a_stored_report_is_sent_with_the_same_bytes_and_headers_as_by_the_view(
    client, monkeypatch
):
    assessment = store_assessment(TYPICAL)
    first = client.get(report_url(assessment.token))  # renders it, through the view
    monkeypatch.setattr(report_views, "report_pdf_for_token", lambda **kwargs: 1 / 0)
    again = client.get(report_url(assessment.token))
    assert (first.status_code, again.status_code) == (200, 200)
    assert again.content == first.content
    assert headers(again) == headers(first)
    assert "Expires" in again.headers and "Expires" in first.headers
    assert {"no-store", "private"} <= {p.strip() for p in again["Cache-Control"].split(",")}
    assert again["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("frame_option", ["DENY", "SAMEORIGIN"])
def test_the_headers_of_a_stored_report_follow_the_settings_of_the_moment(
    client, rendered, frame_option
):
    with override_settings(X_FRAME_OPTIONS=frame_option):
        response = client.get(report_url(rendered.token))
    assert response["X-Frame-Options"] == frame_option


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_stored_report_is_sent_under_either_language_prefix(
    client, rendered, view_must_not_run, language
):
    response = client.get(report_url(rendered.token, language))
    assert response.status_code == 200
    assert response.content == bytes(rendered.pdf)


def test_a_head_request_for_a_stored_report_is_answered_without_the_view(
    client, rendered, view_must_not_run
):
    response = client.head(report_url(rendered.token))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_a_report_not_rendered_yet_goes_to_the_view_which_renders_it(client):
    assessment = store_assessment(OTHER)
    response = client.get(report_url(assessment.token))
    assessment.refresh_from_db()
    assert response.status_code == 200
    assert bytes(assessment.pdf) == response.content


def test_an_expired_stored_report_is_a_404(client, rendered):
    Assessment.objects.filter(pk=rendered.pk).update(expires_at=timezone.now() - dt.timedelta(1))
    assert client.get(report_url(rendered.token)).status_code == 404


def test_a_deleted_assessment_is_a_404_at_once(client, rendered):
    url = report_url(rendered.token)
    assert client.get(url).status_code == 200
    rendered.delete()
    assert client.get(url).status_code == 404


def test_a_token_one_character_off_a_stored_report_is_a_404(client, rendered):
    token = rendered.token[:-1] + ("A" if rendered.token[-1] != "A" else "B")
    assert client.get(report_url(token)).status_code == 404


def test_a_token_differing_only_in_case_is_a_404(client, rendered):
    assert client.get(report_url(rendered.token.swapcase())).status_code == 404


def test_a_post_to_a_stored_report_is_refused_by_the_view(client, rendered):
    assert client.post(report_url(rendered.token)).status_code == 405


def test_a_query_string_sends_the_request_through_the_whole_stack(client, rendered, monkeypatch):
    seen = []
    monkeypatch.setattr(
        report_views, "report_pdf_for_token", lambda **kwargs: seen.append(kwargs) or b"%PDF-x"
    )
    assert client.get(report_url(rendered.token) + "?x=1").status_code == 200
    assert seen == [{"token": rendered.token}]


@override_settings(PRCHECK_RATE_LIMITS={"api": "3/60", "pdf": "2/60"})
def test_downloads_of_a_stored_report_are_not_counted_but_renders_and_misses_are(
    client, monkeypatch
):
    # Mid-window on a pinned clock: the limits count in fixed one-minute windows.
    monkeypatch.setattr("assessments.web.middleware.time", SimpleNamespace(time=lambda: 1.8e9 + 30))
    url = report_url(store_assessment(TYPICAL).token)
    statuses = [client.get(url).status_code for _ in range(6)]  # a render, then five stored
    missed = client.get(report_url("x" * 43)).status_code
    refused = client.get(report_url("y" * 43)).status_code
    assert statuses == [200] * 6
    assert (missed, refused) == (404, 429)
    assert client.get(url).status_code == 200  # the stored report still downloads
