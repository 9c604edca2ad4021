"""One applicant, three renderings: the summary, the result page and the PDF agree.

The applicant walks the real wizard (so the summary is the one they saw), the engine decides,
and the report is rendered to a real PDF and read back with pypdf. Every count and every blank
the three show must be the same: a trip or a late payment the engine sets aside is still named,
with the window it falls outside, and a question left blank is "not answered" everywhere,
never 0, ¥0 or "none".
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.db import transaction
from django.test import Client
from django.utils import translation

from assessments.reports.pdf import report_pdf
from assessments.results.models import Assessment
from assessments.thresholds import selectors
from tests.questionnaire.driver import WizardDriver
from tests.questionnaire.profiles import GENERAL, with_
from tests.reports.support import pdf_text, squeeze

pytestmark = pytest.mark.django_db

D = dt.date

#: Three trips, the oldest returning before the general route's 10-year window (from
#: 1 December 2016); a pension payment late before the 2-year window; a tax payment late
#: inside the 5-year window; savings left blank.
TRIPS = [
    {"departure": D(2015, 8, 1), "return_date": D(2015, 8, 20)},
    {"departure": D(2019, 3, 2), "return_date": D(2019, 3, 12)},
    {"departure": D(2023, 8, 1), "return_date": D(2023, 8, 20)},
]
PAYMENTS = [
    {"kind": "pension", "due_date": D(2023, 5, 31), "paid_date": D(2023, 7, 10)},
    {"kind": "resident_tax", "due_date": D(2025, 5, 31), "paid_date": D(2025, 6, 30)},
]
STEPS = with_(
    GENERAL,
    residence={
        "residence_start_date": D(2012, 4, 1),
        "qualifying_status_start_date": D(2014, 4, 1),
    },
    travel={"has_trips": True, "trips": TRIPS},
    income={"assets": None},
    taxes={"taxes_paid": True, "paid_on_time": False},
    payments={"payments": PAYMENTS},
)


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    """Return the summary, the result page and the PDF text (English, and the PDF in both).

    Rendered once for the module (a PDF takes seconds), in a transaction rolled back at once,
    so that each test still starts from the empty database.
    """
    selectors.forget_stored_versions()
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC), tick=False),
    ):
        client = Client()
        driver = WizardDriver(client)
        driver.answer_all(STEPS)
        summary = driver.get("summary").content.decode()
        response = driver.answer("summary")
        assert response.status_code == 302
        result = client.get(response["Location"]).content.decode()
        assessment = Assessment.objects.get()
        with translation.override("en"):
            pdf = report_pdf(result=assessment.result, answers=assessment.answers, reference="T-1")
        transaction.set_rollback(True)
    selectors.forget_stored_versions()
    return {"summary": text_of(summary), "result": text_of(result), "pdf": squeeze(pdf_text(pdf))}


def text_of(html: str) -> str:
    """Return the visible text of ``main``, tags dropped and white space squeezed out."""
    main = html.split("<main", 1)[-1].split("</main>", 1)[0]
    return squeeze(re.sub(r"<[^>]+>", " ", main))


def english(day: dt.date) -> str:
    return squeeze(f"{day.day} {day:%B} {day.year}")


def test_every_trip_shows_on_the_summary_and_the_pdf_answers(pages):
    for day in [trip["departure"] for trip in TRIPS]:
        for name in ("summary", "pdf"):
            assert english(day) in pages[name], (name, day)


def test_every_late_payment_shows_on_all_three(pages):
    for day in [payment["due_date"] for payment in PAYMENTS]:
        for name, text in pages.items():
            assert english(day) in text, (name, day)


def test_the_trip_count_and_its_window_agree_on_the_result_and_the_pdf(pages):
    said = squeeze(
        "You reported 3 trips abroad; 2 trips in the period checked (from 1 December 2016)"
    )
    assert said in pages["result"] and said in pages["pdf"]
    assert pages["summary"].count("DeparturefromJapan") == len(TRIPS), "the summary lists each trip"


def test_a_late_payment_before_the_window_is_named_with_the_window_not_denied(pages):
    named = squeeze("Pension contributions: due 31 May 2023, paid late on 10 July 2023")
    window = squeeze("before the window the office checks (from 1 December 2024)")
    for name in ("result", "pdf"):
        assert named in pages[name] and window in pages[name], name
        assert squeeze("reported no late or unpaid contributions") not in pages[name], name


def test_the_late_tax_inside_the_window_is_counted_once_on_the_result_and_the_pdf(pages):
    said = squeeze(
        "In the last 5 years you paid 1 payment of tax late, the latest due on 31 May 2025"
    )
    assert said in pages["result"] and said in pages["pdf"]


def test_blank_savings_are_not_answered_everywhere_never_zero(pages):
    assert "Notanswered" in pages["summary"]
    assert squeeze("Savings and other assets") in pages["pdf"]
    assert "Notanswered" in pages["pdf"] and "未回答" in pages["pdf"]
    for name, text in pages.items():
        assert "¥0" not in text and re.search(r"(?<![\d,万])0円", text) is None, name


def test_no_machine_sounding_zeros_in_the_pdf_answers(pages):
    assert squeeze("0 (of whom 0 abroad)") not in pages["pdf"]
    assert squeeze("Dependants なし None") in pages["pdf"]
