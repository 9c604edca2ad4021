"""The error summary at the top lists each error with the very words shown by its field.

GOV.UK's error summary: each entry is the field's message and links to the field. Messages
name their question, so no label is repeated before them; a row's message names its row
("Trip 2: …"), since several rows ask the same questions. Errors of a form as a whole link
to its first field.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re

import pytest

from assessments.questionnaire.forms import StatusForm
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import WizardDriver

D = dt.date
ERROR_PARAGRAPH = re.compile(r'<p class="error-message"[^>]*>(.*?)</p>', re.S)
TAG = re.compile(r"<[^>]+>")


def messages_by_the_fields(response) -> list[str]:
    """Return the error messages shown in the form (not the summary), in page order."""
    form_html = response.content.decode().split("<form", 1)[1]
    texts = [html_lib.unescape(TAG.sub("", m)).strip() for m in ERROR_PARAGRAPH.findall(form_html)]
    hidden = ("Error:", "エラー：", "エラー:")
    return [next((t[len(h) :].strip() for h in hidden if t.startswith(h)), t) for t in texts]


def summary_messages(response) -> list[str]:
    return [str(message) for _anchor, message in response.context["error_summary"]]


def assert_summary_repeats_the_fields(response) -> None:
    summary = summary_messages(response)
    assert summary, "the step shows errors"
    assert summary == messages_by_the_fields(response)
    html = response.content.decode()
    for anchor, _message in response.context["error_summary"]:
        assert f'id="{anchor}"' in html, anchor


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_summary_of_an_empty_status_step_repeats_each_question_message(client, db, language):
    driver = WizardDriver(client, language=language)
    response = driver.answer("status")
    assert_summary_repeats_the_fields(response)
    form = response.context["form"]
    assert summary_messages(response) == [
        form.errors["application_date"][0],
        form.errors["status"][0],
    ]


def test_the_summary_says_select_your_status_without_the_question_before_it(client, db):
    response = WizardDriver(client).answer("status")
    assert "Select your current status of residence" in summary_messages(response)


def test_a_row_error_names_its_row_by_the_field_and_in_the_summary(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **p.RESIDENCE)
    trips = [
        {"departure": D(2023, 8, 1), "return_date": D(2023, 8, 20)},
        {"departure": D(2024, 8, 1), "return_date": ""},
    ]
    response = driver.answer("travel", has_trips=True, trips=trips)
    assert_summary_repeats_the_fields(response)
    assert response.context["error_summary"] == [
        (
            "id_travel-trips-1-return_date",
            "Trip 2: enter the date you came back (on or after 1 August 2024, the day you left)",
        )
    ]


def test_a_row_error_from_the_answers_check_names_its_row_in_japanese(client, db):
    driver = WizardDriver(client, language="ja")
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **p.RESIDENCE)
    trips = [
        {"departure": D(2023, 8, 1), "return_date": D(2023, 8, 20)},
        {"departure": D(2023, 8, 10), "return_date": D(2023, 8, 30)},
    ]
    response = driver.answer("travel", has_trips=True, trips=trips)
    assert_summary_repeats_the_fields(response)
    messages = summary_messages(response)
    assert messages and all(m.startswith("【渡航 ") for m in messages), messages


def test_the_summary_of_the_household_step_repeats_each_message(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **p.RESIDENCE)
    driver.answer("travel", has_trips=False)
    response = driver.answer("household", assets="lots", dependents="")
    assert_summary_repeats_the_fields(response)
    assert len(summary_messages(response)) >= 2


def test_an_error_of_the_whole_step_links_to_its_first_field():
    form = StatusForm(data={}, prefix="status", today=D(2026, 12, 1))
    form.is_valid()
    form.add_error(None, "prcheck cannot check this application.")
    anchor, message = form.error_summary()[0]
    assert message == "prcheck cannot check this application."
    assert anchor == "id_status-application_date"


def test_a_count_typed_in_words_is_named_by_its_question_in_the_summary(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **p.RESIDENCE)
    driver.answer("travel", has_trips=False)
    response = driver.answer("household", **{**p.INCOME, "dependents": "two"})
    assert_summary_repeats_the_fields(response)
    assert response.context["error_summary"] == [
        ("id_household-dependents", "Enter how many dependants you claim for tax, or 0")
    ]


@pytest.mark.parametrize(
    ("language", "residence", "qualifying"),
    [
        (
            "en",
            "Enter the date your current continuous residence began (on or before 1 December "
            "2026, the application date)",
            "Enter the date you began living in Japan with a work or residence status (on or "
            "before 1 December 2026, the application date)",
        ),
        (
            "ja",
            "現在の継続した在留が始まった日を入力してください（申請予定日である2026年12月1日以前の日付）",
            None,
        ),
    ],
)
def test_two_dates_after_the_application_date_each_name_their_question(
    client, db, language, residence, qualifying
):
    driver = WizardDriver(client, language=language)
    driver.answer_pages("status", **p.STATUS)
    response = driver.answer(
        "residence",
        **{
            **p.RESIDENCE,
            "residence_start_date": D(2030, 1, 1),
            "qualifying_status_start_date": D(2030, 2, 1),
        },
    )
    summary = summary_messages(response)
    assert summary[0] == residence
    assert qualifying is None or summary[1] == qualifying
    assert len(set(summary)) == len(summary), "no two entries read the same"
    assert_summary_repeats_the_fields(response)
