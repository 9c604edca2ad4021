"""The travel step: many trips pasted or uploaded at once, previewed, then added.

All at once when every line reads; otherwise the trips that read may be added alone, the
other lines staying in the box to be corrected. Continue with lines in the box says so.
"""

from __future__ import annotations

import csv
import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from assessments.questionnaire.models import SavedProgress
from assessments.questionnaire.runs import PASTED_TRIPS, run_session_key
from assessments.questionnaire.trip_import import LINE_MESSAGES, MAX_PASTE_CHARS
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import WizardDriver, step_data

PASTED = "2024/8/1-2024/8/20\n2024年9月1日～2024年9月10日\n1 Oct 2024 – 5 Oct 2024\n"
ONE_TYPED = {"has_trips": True, "trips": [{"departure": "2023-08-01", "return_date": "2023-08-20"}]}


def at_travel(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **p.RESIDENCE)


def post_travel(driver, fields, **extra):
    data = step_data("travel", fields)
    data.update(extra)
    driver.response = driver.client.post(driver.url("travel"), data)
    return driver.response


def test_preview_shows_each_line_with_its_days_and_adds_nothing_yet(driver):
    at_travel(driver)
    response = post_travel(
        driver, {"has_trips": True}, trips_paste=PASTED, wizard_preview_trips="1"
    )
    assert response.status_code == 200
    preview = response.context["trip_preview"]
    assert [row["days"] for row in preview["rows"]] == [18, 8, 3]
    assert preview["ok"] and preview["count"] == 3
    html = response.content.decode()
    assert "1 Aug 2024" in html and "Add these 3 trips and continue" in html
    assert "2024-08-01" not in html.split("trip-preview")[1], (
        "dates in the page's language, not ISO"
    )
    assert driver.stored("travel").get("travel-trips-0-departure") is None


def test_adding_appends_the_trips_after_those_already_typed_and_continues(driver):
    at_travel(driver)
    response = post_travel(driver, ONE_TYPED, trips_paste=PASTED, wizard_import_trips="1")
    assert response.status_code == 302 and driver.next_step == "household"
    stored = driver.stored("travel")
    assert stored["travel-trips-TOTAL_FORMS"] == ["4"]
    assert stored["travel-trips-0-departure"] == ["2023-08-01"]
    assert stored["travel-trips-3-return_date"] == ["2024-10-05"]
    form = driver.get("travel").context["form"]
    assert form.is_bound and form.is_valid()
    assert len(form.cleaned_data["trips"]) == 4


def test_added_trips_that_overlap_one_already_listed_are_shown_with_the_error(driver):
    at_travel(driver)
    typed = {"has_trips": True, "trips": [{"departure": "2024-08-10", "return_date": "2024-08-12"}]}
    response = post_travel(driver, typed, trips_paste=PASTED, wizard_import_trips="1")
    assert response.status_code == 200
    assert response.context["error_summary"]
    assert driver.stored("travel")["travel-trips-TOTAL_FORMS"] == ["4"], "kept, to be corrected"


def test_continue_with_something_pasted_previews_instead_of_losing_it(driver):
    at_travel(driver)
    response = post_travel(driver, {"has_trips": True}, trips_paste=PASTED)
    assert response.status_code == 200
    assert response.context["trip_preview"]["count"] == 3
    assert response.context["trips_paste"] == PASTED


def test_one_bad_line_adds_nothing_and_names_the_line(driver):
    at_travel(driver)
    pasted = PASTED + "2024/2/30 2024/3/3\n"
    response = post_travel(driver, ONE_TYPED, trips_paste=pasted, wizard_import_trips="1")
    assert response.status_code == 200
    preview = response.context["trip_preview"]
    assert [row["number"] for row in preview["rows"] if row["error"]] == [4]
    assert "2024/2/30" in preview["rows"][3]["error"]
    assert response.context["error_summary"] == [("id_trips_paste", preview["error"])]
    assert driver.stored("travel")["travel-trips-TOTAL_FORMS"] == ["1"], "nothing half-imported"
    assert 'id="id_trips_paste"' in response.content.decode()


def test_a_csv_file_with_a_japanese_header_in_shift_jis_is_read(driver):
    at_travel(driver)
    content = "出国日,帰国日\n2024/8/1,2024/8/20\n2024/9/1,2024/9/10\n".encode("cp932")
    upload = SimpleUploadedFile("trips.csv", content, content_type="text/csv")
    response = post_travel(driver, {"has_trips": True}, trips_csv=upload, wizard_preview_trips="1")
    assert response.context["trip_preview"]["count"] == 2
    assert response.context["trips_paste"] == "2024-08-01 2024-08-20\n2024-09-01 2024-09-10"


def test_a_csv_file_with_a_bad_row_names_its_line_number(driver):
    at_travel(driver)
    content = b"departure,return\n2024-08-01,2024-08-20\n2024-09-01,\n"
    upload = SimpleUploadedFile("trips.csv", content, content_type="text/csv")
    response = post_travel(driver, {"has_trips": True}, trips_csv=upload, wizard_import_trips="1")
    assert response.status_code == 200
    rows = response.context["trip_preview"]["rows"]
    assert [(row["number"], bool(row["error"])) for row in rows] == [(2, False), (3, True)]
    assert response.context["trips_paste"] == "2024-08-01 2024-08-20\n2024-09-01", (
        "the file's rows go into the box: the trip to add, the bad row to correct"
    )
    assert driver.stored("travel").get("travel-trips-0-departure") is None, "nothing added yet"


def test_a_file_that_is_not_text_is_refused_with_a_message_not_an_error_page(driver):
    at_travel(driver)
    upload = SimpleUploadedFile("photo.csv", b"\x89PNG\r\n\x1a\n\xff\xfe\x00\x81", "text/csv")
    response = post_travel(driver, {"has_trips": True}, trips_csv=upload, wizard_preview_trips="1")
    assert response.status_code == 200
    assert response.context["trip_preview"]["error"]


def test_back_or_save_with_something_pasted_is_not_a_preview(driver):
    at_travel(driver)
    response = post_travel(
        driver, {"has_trips": True}, trips_paste=PASTED, wizard_goto_step="residence"
    )
    assert driver.next_step == "residence"
    assert response.status_code == 302


def test_the_japanese_page_words_the_preview_in_japanese(client, db):
    from tests.questionnaire.driver import WizardDriver

    driver = WizardDriver(client, language="ja")
    at_travel(driver)
    response = post_travel(
        driver,
        {"has_trips": True},
        trips_paste="2024/8/1 2024/8/20\nfoo\n",
        wizard_preview_trips="1",
    )
    rows = response.context["trip_preview"]["rows"]
    assert rows[0]["departure"] == "2024/8/1", "briefly, so that a column of dates fits a phone"
    assert rows[1]["error"] and not rows[1]["error"].startswith("Write")


# What is pasted is kept with the run until the trips are added --------------------------------


def box_text(response) -> str:
    """Return the text the page shows in the trips box."""
    page = response.content.decode()
    start = page.index(">", page.index('<textarea id="id_trips_paste"')) + 1
    return html.unescape(page[start : page.index("</textarea>", start)])


def kept_paste(driver) -> str | None:
    return driver.client.session[run_session_key(driver.run)]["extra_data"].get(PASTED_TRIPS)


def test_back_keeps_the_pasted_trips_and_the_step_shows_them_again(driver):
    at_travel(driver)
    post_travel(driver, {"has_trips": True}, trips_paste=PASTED, wizard_goto_step="residence")
    assert driver.next_step == "residence"
    assert PASTED not in driver.response["Location"], "nothing pasted in the URL"
    driver.answer("residence", **p.RESIDENCE)
    assert box_text(driver.get("travel")) == PASTED


def test_a_preview_keeps_the_pasted_trips_for_when_the_applicant_comes_back(driver):
    at_travel(driver)
    post_travel(driver, {"has_trips": True}, trips_paste=PASTED, wizard_preview_trips="1")
    driver.get("residence")
    assert box_text(driver.get("travel")) == PASTED


def test_continue_later_keeps_the_pasted_trips_for_the_resume_link(driver):
    at_travel(driver)
    post_travel(driver, {"has_trips": True}, trips_paste=PASTED, wizard_save="1")
    progress = SavedProgress.objects.get()
    assert progress.data["extra_data"][PASTED_TRIPS] == PASTED
    resumed = WizardDriver(Client(), start=f"/en/check/resume/{progress.token}/")
    assert resumed.next_step == "travel"
    assert box_text(resumed.get("travel")) == PASTED


def test_switching_language_keeps_the_pasted_trips(driver):
    at_travel(driver)
    post_travel(driver, {"has_trips": True}, trips_paste=PASTED, wizard_language="ja")
    assert driver.response["Location"] == driver.url("travel", language="ja")
    driver.language = "ja"
    assert box_text(driver.get("travel")) == PASTED


def test_adding_the_trips_drops_the_pasted_text(driver):
    at_travel(driver)
    post_travel(driver, {"has_trips": True}, trips_paste=PASTED, wizard_preview_trips="1")
    assert kept_paste(driver) == PASTED
    post_travel(driver, {"has_trips": True}, trips_paste=PASTED, wizard_import_trips="1")
    assert driver.next_step == "household"
    assert kept_paste(driver) is None
    assert box_text(driver.get("travel")) == ""


def test_a_bad_line_keeps_the_pasted_text_to_be_corrected(driver):
    at_travel(driver)
    pasted = PASTED + "2024/2/30 2024/3/3\n"
    post_travel(driver, {"has_trips": True}, trips_paste=pasted, wizard_import_trips="1")
    assert kept_paste(driver) == pasted


def test_emptying_the_box_and_continuing_drops_the_pasted_text(driver):
    at_travel(driver)
    post_travel(driver, {"has_trips": True}, trips_paste=PASTED, wizard_goto_step="residence")
    assert kept_paste(driver) == PASTED
    post_travel(driver, ONE_TYPED, trips_paste="")
    assert driver.next_step == "household"
    assert kept_paste(driver) is None


def test_the_kept_text_is_cut_to_the_longest_paste_read(driver):
    at_travel(driver)
    long_paste = "2024/8/1-2024/8/20\n" * (MAX_PASTE_CHARS // 10)
    post_travel(driver, {"has_trips": True}, trips_paste=long_paste, wizard_save="1")
    assert kept_paste(driver) == long_paste[:MAX_PASTE_CHARS]


def test_a_csv_files_trips_are_kept_as_the_box_shows_them(driver):
    at_travel(driver)
    upload = SimpleUploadedFile("trips.csv", b"departure,return\n2024-08-01,2024-08-20\n")
    post_travel(driver, {"has_trips": True}, trips_csv=upload, wizard_preview_trips="1")
    assert kept_paste(driver) == "2024-08-01 2024-08-20"


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_csv_cell_too_long_for_the_reader_is_a_message_on_its_line_not_an_error_page(
    client, db, language
):
    driver = WizardDriver(client, language=language)
    at_travel(driver)
    huge = "x" * (csv.field_size_limit() + 1)
    content = f"departure,return\n{huge},2024/8/20\n2024/9/1,2024/9/10\n".encode()
    upload = SimpleUploadedFile("trips.csv", content, content_type="text/csv")
    response = post_travel(driver, {"has_trips": True}, trips_csv=upload, wizard_preview_trips="1")
    assert response.status_code == 200
    rows = response.context["trip_preview"]["rows"]
    assert [(row["number"], bool(row["error"])) for row in rows] == [(2, True), (3, False)]
    with translation.override(language):
        expected = str(LINE_MESSAGES["unreadable_line"])
    assert rows[0]["error"] == expected
    assert language == "en" or not expected.startswith("This"), "worded in Japanese"
    assert html.escape(expected) in response.content.decode()
    assert huge not in response.content.decode()


# Continue with lines not added; adding the trips that read (issue 21 item 6) ----------------


def thirty_lines_two_bad() -> tuple[str, list[str]]:
    """30 pasted lines, the 10th and the 20th wrong; return the text and the two bad lines."""
    lines = [
        f"2020/{1 + n % 12}/{1 + 3 * (n // 12)}-2020/{1 + n % 12}/{2 + 3 * (n // 12)}"
        for n in range(30)
    ]
    lines[9], lines[19] = "2021/2/30 2021/3/3", "8/1/2022 8/20/2022"
    return "\n".join(lines), [lines[9], lines[19]]


def error_beside_the_box(response) -> str:
    page = response.content.decode()
    start = page.index('id="id_trips_paste_error"')
    paragraph = page[page.index("</span>", start) + len("</span>") : page.index("</p>", start)]
    return html.unescape(paragraph).strip()


def test_continue_with_trips_pasted_but_not_added_says_so_beside_the_box_and_above(driver):
    at_travel(driver)
    response = post_travel(driver, {"has_trips": True}, trips_paste=PASTED)
    assert response.status_code == 200
    message = "3 pasted trips are not added yet: add them with the button below, or empty the box"
    summary = response.context["error_summary"]
    assert len(summary) == 1 and summary[0][0] == "id_trips_paste"
    assert summary[0][1].startswith(message)
    assert error_beside_the_box(response) == summary[0][1], "word for word the same"
    assert "Add these 3 trips and continue" in response.content.decode()
    assert driver.stored("travel").get("travel-trips-0-departure") is None, "nothing added"


def test_continue_with_trips_not_added_says_so_in_japanese(client, db):
    driver = WizardDriver(client, language="ja")
    at_travel(driver)
    response = post_travel(driver, {"has_trips": True}, trips_paste=PASTED)
    [(_anchor, message)] = response.context["error_summary"]
    assert message.startswith("貼り付けた渡航歴3件がまだ追加されていません。")
    assert error_beside_the_box(response) == message


def test_continue_with_some_lines_wrong_offers_to_add_the_others_and_lists_those_skipped(driver):
    at_travel(driver)
    text, bad = thirty_lines_two_bad()
    response = post_travel(driver, {"has_trips": True}, trips_paste=text)
    [(_anchor, message)] = response.context["error_summary"]
    assert message.startswith("30 pasted trips are not added yet: add the 28 that read")
    preview = response.context["trip_preview"]
    assert [row["number"] for row in preview["skipped"]] == [10, 20]
    page = html.unescape(response.content.decode())
    assert "Add the 28 trips that read" in page
    assert f"Line 10 ({bad[0]}): “2021/2/30” is not a real date." in page
    assert f"Line 20 ({bad[1]}): Write the year first" in page
    assert 'name="wizard_import_trips"' not in page, "not all of them: no 'add all'"


def test_adding_the_trips_that_read_keeps_the_bad_lines_in_the_box_to_correct(driver):
    at_travel(driver)
    text, bad = thirty_lines_two_bad()
    response = post_travel(driver, ONE_TYPED, trips_paste=text, wizard_import_read_trips="1")
    assert response.status_code == 200, "the step is not answered while lines are left"
    stored = driver.stored("travel")
    assert stored["travel-trips-TOTAL_FORMS"] == ["29"], "the typed trip and the 28 read"
    assert stored["travel-trips-0-departure"] == ["2023-08-01"]
    assert box_text(response) == "\n".join(bad)
    assert kept_paste(driver) == "\n".join(bad)
    page = html.unescape(response.content.decode())
    assert "28 trips were added to your trips above." in page
    [(_anchor, message)] = response.context["error_summary"]
    assert message.startswith("Correct the 2 pasted lines left in the box")
    assert [row["error"] != "" for row in response.context["trip_preview"]["rows"]] == [True] * 2
    # Corrected, the two lines are added to the 29 trips the page shows, and the step answered.
    data = {**step_data("travel", {}), **stored}
    data.update(trips_paste="2021/2/20 2021/3/3\n2022/8/1 2022/8/20", wizard_import_trips="1")
    driver.response = driver.client.post(driver.url("travel"), data)
    assert driver.next_step == "household"
    assert driver.stored("travel")["travel-trips-TOTAL_FORMS"] == ["31"]


def test_adding_the_trips_that_read_in_japanese_says_so(client, db):
    driver = WizardDriver(client, language="ja")
    at_travel(driver)
    text, _bad = thirty_lines_two_bad()
    response = post_travel(
        driver, {"has_trips": True}, trips_paste=text, wizard_import_read_trips="1"
    )
    page = html.unescape(response.content.decode())
    assert "28件の渡航歴を上の一覧に追加しました。" in page
    [(_anchor, message)] = response.context["error_summary"]
    assert error_beside_the_box(response) == message and "2行" in message


def test_continue_with_no_trips_answered_ignores_what_the_hidden_box_holds(driver):
    at_travel(driver)
    response = post_travel(driver, {"has_trips": False}, trips_paste=PASTED)
    assert response.status_code == 302 and driver.next_step == "household"
    assert kept_paste(driver) is None


def test_a_preview_shows_the_trips_typed_one_by_one_still_in_their_rows(driver):
    at_travel(driver)
    response = post_travel(driver, ONE_TYPED, trips_paste=PASTED, wizard_preview_trips="1")
    assert 'value="2023-08-01"' in response.content.decode()
