"""The "preparing your report" page in a real browser, with a worker still rendering.

No ``<meta refresh>``: with JavaScript, a script asks in the background and says in a status
region that the report is ready, with its download link; without, a plain "check again" link
downloads it. Both languages; axe on every state of the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from assessments.results.models import Assessment
from tests.e2e.checks import check_page, screenshot
from tests.reports.support import TYPICAL, store_assessment

#: A task queue with no worker: the test plays the worker by storing the report itself.
QUEUE = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
PDF = b"%PDF-1.7 rendered by the worker"
READY = {"ja": "レポートの準備ができました。", "en": "Your report is ready."}


@pytest.fixture
def waiting(settings):
    settings.TASKS = QUEUE
    settings.PRCHECK_REPORT_HOLD_SECONDS = 0
    return store_assessment(TYPICAL)


def report_path(assessment, lang: str) -> str:
    with translation.override(lang):
        return reverse("assessments:report", kwargs={"token": assessment.token})


def worker_stores_the_report(assessment) -> None:
    Assessment.objects.filter(pk=assessment.pk).update(pdf=PDF)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_with_javascript_the_page_announces_the_ready_report_and_offers_it(
    new_page, site, waiting, lang
):
    page = new_page()
    page.goto(site.url(report_path(waiting, lang)))
    assert page.locator("meta[http-equiv]").count() == 0
    status = page.locator("[role=status]")
    download = page.locator("[data-report-download]")
    assert download.is_hidden()
    check_page(page, lang=lang, label=f"report-waiting-{lang}")

    worker_stores_the_report(waiting)
    status.filter(has_text=READY[lang]).wait_for()
    assert download.is_visible()
    assert page.locator("[data-report-check-again]").is_hidden()
    check_page(page, lang=lang, label=f"report-ready-{lang}")
    with page.expect_download() as info:
        download.click()
    assert Path(info.value.path()).read_bytes() == PDF


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_without_javascript_check_again_downloads_the_report_once_ready(
    new_page, site, waiting, lang
):
    page = new_page(java_script_enabled=False)
    page.goto(site.url(report_path(waiting, lang)))
    check_again = page.locator("[data-report-check-again] a")
    assert check_again.is_visible()
    assert page.locator("[role=status]").inner_text() == ""
    screenshot(page, f"report-waiting-nojs-{lang}")

    check_again.click()  # not ready yet: the same page again
    page.wait_for_load_state()
    assert check_again.is_visible()

    worker_stores_the_report(waiting)
    with page.expect_download() as info:
        check_again.click()
    assert Path(info.value.path()).read_bytes() == PDF
