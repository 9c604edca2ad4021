"""``/<lang>/result/<token>/report.pdf``: the stored assessment's report, rendered once."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from assessments.reports import pdf as report_module
from assessments.reports.pdf import report_reference
from assessments.results.models import Assessment
from assessments.thresholds.models import Threshold
from tests.reports.support import OTHER, TYPICAL, pdf_text, squeeze, store_assessment

pytestmark = pytest.mark.django_db


def report_url(token: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse("assessments:report", kwargs={"token": token})


@pytest.fixture
def typical():
    return store_assessment(TYPICAL)


def test_the_report_downloads_as_a_named_private_unindexed_pdf(client, typical):
    response = client.get(report_url(typical.token))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reference = report_reference(token=typical.token)
    assert response["Content-Disposition"] == (
        f'attachment; filename="prcheck-report-{reference}.pdf"'
    )
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    assert "noindex" in response["X-Robots-Tag"]
    assert response.content.startswith(b"%PDF")


def test_the_reference_is_short_and_does_not_give_the_token_away(typical):
    reference = report_reference(token=typical.token)
    assert len(reference) < 12
    assert reference.replace("-", "").lower() not in typical.token.lower()


def test_the_pdf_is_rendered_once_then_served_from_the_assessment(client, typical, monkeypatch):
    first = client.get(report_url(typical.token)).content
    typical.refresh_from_db()
    assert bytes(typical.pdf) == first

    def fail(**kwargs):
        raise AssertionError("a stored report must not be rendered again")

    monkeypatch.setattr(report_module, "report_render_pdf", fail)
    assert client.get(report_url(typical.token, "ja")).content == first


def test_the_same_stored_assessment_renders_to_the_same_content(typical):
    first = report_module.assessment_report_pdf(assessment=typical)
    Assessment.objects.filter(pk=typical.pk).update(pdf=None)
    again = report_module.assessment_report_pdf(assessment=Assessment.objects.get(pk=typical.pk))
    assert first == again  # same process: byte for byte
    assert pdf_text(first) == pdf_text(again)


def test_a_threshold_added_later_does_not_change_an_old_report(client, typical):
    before = squeeze(pdf_text(report_module.assessment_report_pdf(assessment=typical)))
    assert "¥3,800,000" in before  # 3,000,000 floor + 800,000 for the dependant
    Threshold.objects.create(
        key="livelihood.min_income",
        unit="yen",
        value=2_000_000,
        valid_from=dt.date(2026, 1, 1),
        kind="official",
        source_title="A later revision",
        source_url="https://www.moj.go.jp/isa/",
    )
    # Neither the stored bytes nor a fresh rendering of the stored result may move.
    after_download = squeeze(pdf_text(client.get(report_url(typical.token)).content))
    Assessment.objects.filter(pk=typical.pk).update(pdf=None, report_queued_at=None)
    rerendered = squeeze(pdf_text(client.get(report_url(typical.token)).content))
    for text in (after_download, rerendered):
        assert "¥3,800,000" in text
        assert "¥2,800,000" in text  # the applicant's low year, still below the old floor
        assert "Alaterrevision" not in text


def test_another_applicants_token_gives_their_report_never_this_one(client, typical):
    other = store_assessment(OTHER)
    text = squeeze(pdf_text(client.get(report_url(other.token)).content))
    assert report_reference(token=other.token) in text
    assert report_reference(token=typical.token) not in text
    assert "¥5,432,100" in text
    assert "¥2,800,000" not in text


TOKENS_THAT_FIND_NOTHING = [
    ("an unknown token", lambda a: "x" * 43),
    (
        "the token with one character changed",
        lambda a: a.token[:-1] + ("A" if a.token[-1] != "A" else "B"),
    ),
    ("the report reference instead of the token", lambda a: report_reference(token=a.token)),
    ("the primary key", lambda a: str(a.pk)),
    ("a very long token", lambda a: a.token * 20),
]


@pytest.mark.parametrize(
    "make_token",
    [make for _, make in TOKENS_THAT_FIND_NOTHING],
    ids=[name for name, _ in TOKENS_THAT_FIND_NOTHING],
)
def test_a_token_that_is_not_exactly_the_applicants_is_a_404(client, typical, make_token):
    assert client.get(report_url(make_token(typical))).status_code == 404


def test_an_expired_assessment_is_a_404_even_with_its_pdf_stored(client, typical):
    report_module.assessment_report_pdf(assessment=typical)
    Assessment.objects.filter(pk=typical.pk).update(expires_at=timezone.now() - dt.timedelta(1))
    assert client.get(report_url(typical.token)).status_code == 404


def test_only_reads_are_allowed(client, typical):
    assert client.post(report_url(typical.token)).status_code == 405
