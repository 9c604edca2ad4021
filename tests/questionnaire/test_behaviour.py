"""What formtools gets wrong by default, and this wizard gets right."""

import datetime as dt

import pytest
import time_machine
from django.test import Client

from assessments.eligibility.answers import AnswersInvalid
from assessments.questionnaire.models import SavedProgress
from assessments.results.models import Assessment
from assessments.thresholds.snapshot import MissingThreshold
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import WizardDriver, step_data

D = dt.date
PARTIAL_TRIP = {"has_trips": True, "trips": [{"departure": D(2024, 2, 1), "return_date": ""}]}


def finish(driver) -> Assessment:
    response = driver.answer("summary")
    assert response.status_code == 302, response.context and response.context["error_summary"]
    return Assessment.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])


# Back (formtools #284) -------------------------------------------------------------------


def test_back_keeps_what_was_typed_on_the_current_step_even_if_invalid(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **p.RESIDENCE)
    driver.press("travel", "wizard_goto_step", "residence", **PARTIAL_TRIP)
    assert driver.next_step == "residence"
    form = driver.get("travel").context["form"]
    assert not form.is_bound, "a draft is shown as typed, without error messages"
    assert form.initial["has_trips"] == "yes"
    assert form.formsets["trips"].initial == [{"departure": "2024-02-01", "return_date": ""}]
    assert 'value="2024-02-01"' in driver.response.content.decode()
    assert not driver.response.context["error_summary"]


def test_back_goes_to_the_previous_step_of_this_route(driver):
    driver.answer_pages("status", **{**p.STATUS, "status": "spouse_of_japanese"})
    driver.answer("residence", **p.RESIDENCE)
    driver.answer("marriage", marriage_date=D(2020, 1, 1))
    assert driver.get("travel").context["prev_step"] == "marriage"


def test_a_draft_is_validated_again_when_continued(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.press("travel", "wizard_goto_step", "status", **PARTIAL_TRIP)
    response = driver.answer("travel", **PARTIAL_TRIP)
    assert response.status_code == 200
    assert "trips" in driver.form.formsets and driver.form.formsets["trips"].errors[0]


# Check your answers ------------------------------------------------------------------------


def test_summary_lists_every_step_of_the_route_with_a_change_link(driver):
    driver.answer_all(p.SPOUSE)
    response = driver.get("summary")
    sections = response.context["sections"]
    assert [s.step for s in sections] == [
        "status",
        "stay",
        "residence",
        "marriage",
        "travel",
        "household",
        "income",
        "taxes",
        "conduct",
    ]
    assert all(s.complete and s.answers for s in sections)
    html = response.content.decode()
    for section in sections:
        assert section.change_url.endswith("?return=summary")
        assert section.change_url in html


def test_a_change_from_the_summary_returns_to_the_summary(driver):
    driver.answer_all(p.GENERAL)
    driver.answer("conduct", **{**p.CONDUCT, "guarantor": "permanent_resident"}, returning=True)
    assert driver.next_step == "summary"
    driver.answer("residence", **{**p.RESIDENCE, "contribution_to_japan": True}, returning=True)
    assert driver.next_step == "summary"


def test_a_change_that_adds_questions_asks_them_on_the_way_back_to_the_summary(driver):
    driver.answer_all(p.GENERAL)
    driver.answer_pages("status", **p.SPOUSE["status"], returning=True)
    assert driver.next_step == "marriage"
    assert driver.response["Location"].endswith("?return=summary")
    driver.answer("marriage", **p.SPOUSE["marriage"], returning=True)
    # The spouse route's three income years were answered for the general route's five, and
    # household income is optional on every route: nothing else is needed.
    assert driver.next_step == "summary"
    assert finish(driver).route == "spouse"


def test_a_summary_with_a_missing_step_sends_the_applicant_to_it(driver):
    for group in ("status", "income"):
        driver.answer_pages(group, **p.GENERAL[group])
    for step in ("residence", "taxes", "conduct"):
        driver.answer(step, **p.GENERAL[step])
    sections = {s.step: s for s in driver.get("summary").context["sections"]}
    assert not sections["travel"].complete
    driver.answer("summary")
    assert driver.next_step == "travel"
    assert not Assessment.objects.exists()


# Route changes --------------------------------------------------------------------------------


def test_a_route_change_hides_steps_that_no_longer_apply_and_keeps_their_answers(driver):
    driver.answer_all(p.SPOUSE)
    driver.answer_pages("status", **{**p.SPOUSE["status"], "status": "work"})
    assert "marriage" not in [s.step for s in driver.get("summary").context["sections"]]
    assert driver.get("marriage").status_code == 302
    assert driver.stored("marriage") is not None, "the hidden step's answers are kept"
    driver.answer_pages("status", **p.SPOUSE["status"])
    sections = {s.step: s for s in driver.get("summary").context["sections"]}
    assert sections["marriage"].complete, "and come back with the route"
    assert sections["income"].complete
    assert finish(driver).answers["marriage_date"] == "2020-06-01"


def test_a_skipped_step_is_never_read(driver):
    driver.answer_all(p.J_SKIP)
    driver.answer_pages("status", **{**p.J_SKIP["status"], "status": "work"})
    driver.answer("residence", **{**p.RESIDENCE, "hsp_route": False})
    driver.answer_pages("income", **p.INCOME)
    assessment = finish(driver)
    assert assessment.answers["hsp_points"] is None
    assert assessment.answers["jskip_eligible"] is False
    assert assessment.answers["status_grant_date"] is None
    assert assessment.route == "general"


def test_a_condition_does_not_read_a_step_that_is_not_asked(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **{**p.RESIDENCE, "hsp_route": True})
    driver.answer_pages("hsp", **{**p.J_SKIP["hsp"], "hsp_points_three_years_ago": ""})
    driver.answer_pages("status", **{**p.STATUS, "status": "spouse_of_japanese"})
    fields = driver.get("income").context["form"].fields
    assert "applicant_2021" not in fields, "the J-Skip answer of the hidden HSP step is not used"


# Repeating rows without JavaScript ----------------------------------------------------------


def test_add_another_row_shows_the_step_again_with_one_more_row_and_no_errors(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.press("travel", "wizard_add_row", "trips", **PARTIAL_TRIP)
    assert driver.next_step == "travel"
    assert driver.response["Location"].endswith("#travel-trips-1-row")
    response = driver.get("travel")
    assert len(response.context["form"].formsets["trips"].forms) == 2
    assert not response.context["error_summary"]
    assert 'id="travel-trips-1-row"' in response.content.decode()


def test_remove_takes_out_that_row_and_keeps_the_others(driver):
    driver.answer_pages("status", **p.STATUS)
    trips = [
        {"departure": D(2021, 1, 1), "return_date": D(2021, 1, 10)},
        {"departure": D(2022, 1, 1), "return_date": D(2022, 1, 10)},
        {"departure": D(2023, 1, 1), "return_date": D(2023, 1, 10)},
    ]
    driver.press("travel", "wizard_remove_row", "trips:1", has_trips=True, trips=trips)
    rows = driver.get("travel").context["form"].formsets["trips"].initial
    assert [row["departure"] for row in rows] == ["2021-01-01", "2023-01-01"]


def test_blank_rows_are_ignored_and_no_trips_ignores_the_rows(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("travel", has_trips=True, trips=[*p.TRAVEL["trips"], {}, {}])
    assert driver.next_step == "household"
    driver.answer("travel", has_trips=False, trips=[{"departure": "nonsense"}])
    assert driver.next_step == "household"
    form = driver.get("travel").context["form"]
    assert form.is_valid() and form.cleaned_data["trips"] == []


def test_the_travel_step_shows_days_abroad_per_year_and_the_longest_trip(driver):
    driver.answer_pages("status", **p.STATUS)
    trips = [
        {"departure": D(2023, 12, 20), "return_date": D(2024, 1, 10)},
        {"departure": D(2024, 5, 1), "return_date": D(2024, 5, 4)},
    ]
    driver.answer("travel", has_trips=True, trips=trips)
    totals = driver.get("travel").context["trip_totals"]
    assert totals.per_year == ((2024, 11), (2023, 11))
    assert totals.longest_days == 20


# Two tabs, language switch ----------------------------------------------------------------------


def test_two_runs_in_one_session_do_not_overwrite_each_other(client, db):
    first, second = WizardDriver(client), WizardDriver(client)
    assert first.run != second.run
    first.answer_all(p.GENERAL)
    second.answer_pages("status", **p.SPOUSE["status"])
    assert first.stored("status")["status-status"] == ["work"]
    assert second.stored("status")["status-status"] == ["spouse_of_japanese"]
    assert finish(first).route == "general"
    assert second.stored("status") is not None, "finishing one run leaves the other"
    assert first.stored("status") is None, "a finished run is cleared"


def test_a_session_keeps_a_bounded_number_of_runs(client, db):
    from assessments.questionnaire.runs import MAX_RUNS_PER_SESSION

    drivers = [WizardDriver(client) for _ in range(MAX_RUNS_PER_SESSION + 1)]
    for driver in drivers:
        driver.answer_pages("status", **p.STATUS)
    assert drivers[0].stored("status") is None
    assert all(d.stored("status") for d in drivers[1:])


def test_switching_language_mid_run_keeps_the_step_and_every_answer(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **p.RESIDENCE)
    page = driver.get("travel").content.decode()
    japanese_url = driver.url("travel", language="ja")
    assert f'value="{japanese_url}"' in page, "the language switch points to the same step"
    response = driver.client.post("/i18n/setlang/", {"language": "ja", "next": japanese_url})
    assert response["Location"] == japanese_url
    driver.language = "ja"
    assert driver.get("residence").context["form"].is_valid()
    driver.answer_all(p.GENERAL)
    assessment = finish(driver)
    assert assessment.language == "ja"
    assert driver.response["Location"].startswith("/ja/result/")


# Continue later ---------------------------------------------------------------------------------


def test_continue_later_gives_a_link_that_restores_the_run_in_another_browser(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.press("residence", "wizard_save", **p.RESIDENCE)
    saved_page = driver.client.get(driver.response["Location"])
    assert saved_page.status_code == 200
    progress = SavedProgress.objects.get()
    assert len(progress.token) >= 43, "at least 256 bits, URL-safe"
    assert progress.token in saved_page.content.decode()
    assert "2014-04-01" not in str(saved_page.content), "no answer on the page or in the URL"

    other = Client()
    response = other.get(f"/en/check/resume/{progress.token}/")
    resumed = WizardDriver.__new__(WizardDriver)
    resumed.client, resumed.language, resumed.response = other, "en", response
    resumed.run = (
        driver.RUN_IN_URL.search(response["Location"])["run"]
        if hasattr(driver, "RUN_IN_URL")
        else None
    )
    assert resumed.next_step == "residence"
    from tests.questionnaire.driver import RUN_IN_URL

    resumed.run = RUN_IN_URL.search(response["Location"])["run"]
    assert resumed.stored("status") == driver.stored("status")
    assert resumed.get("residence").context["form"].initial["residence_start_date"] == "2014-04-01"
    resumed.answer_all(p.GENERAL)
    assessment = finish(resumed)
    progress.refresh_from_db()
    assert progress.data == {}, "completing the check forgets the saved answers"
    assert progress.assessment.expires_at == progress.expires_at
    again = Client().get(f"/en/check/resume/{progress.token}/")
    assert again.status_code == 302
    assert again["Location"] == f"/en/result/{assessment.token}/", "the same link opens the result"


def test_saving_again_updates_the_same_link(driver):
    driver.press("status", "wizard_save", **p.STATUS)
    driver.press("residence", "wizard_save", **p.RESIDENCE)
    assert SavedProgress.objects.count() == 1
    assert SavedProgress.objects.get().step == "residence"


@pytest.mark.parametrize("when", ["unknown", "expired"])
def test_an_unknown_or_expired_resume_link_is_not_found(driver, when):
    driver.press("status", "wizard_save", **p.STATUS)
    token = SavedProgress.objects.get().token if when == "expired" else "x" * 43
    with time_machine.travel(dt.datetime(2027, 6, 1, tzinfo=dt.UTC)):
        assert driver.client.get(f"/en/check/resume/{token}/").status_code == 404


# Completion ----------------------------------------------------------------------------------


def test_finishing_later_than_the_application_date_goes_back_to_that_question(driver):
    driver.answer_all(p.GENERAL)
    with time_machine.travel(dt.datetime(2026, 12, 3, 10, tzinfo=dt.UTC), tick=False):
        driver.answer("summary")
        assert driver.next_step == "status"
        assert "application_date" in driver.get("status").context["form"].errors
    assert not Assessment.objects.exists()


def test_answers_the_contract_refuses_are_shown_on_their_step_never_a_500(driver, monkeypatch):
    driver.answer_all(p.GENERAL)

    def refuse(data, *, today):
        raise AnswersInvalid({"trips[0].return": [("return_before_departure", {})]})

    monkeypatch.setattr("assessments.questionnaire.completion.answers_from_dict", refuse)
    driver.answer("summary")
    assert driver.next_step == "travel"
    response = driver.get("travel")
    assert response.context["form"].formsets["trips"].forms[0].errors["return_date"]
    assert response.context["error_summary"]
    assert driver.stored("status"), "the run is kept to be corrected"


def test_an_application_date_without_rules_in_force_is_explained_never_a_500(driver, monkeypatch):
    driver.answer_all(p.GENERAL)

    def missing(*, on=None):
        raise MissingThreshold("none")

    monkeypatch.setattr("assessments.questionnaire.completion.thresholds_at", missing)
    monkeypatch.setattr("assessments.questionnaire.views.thresholds_at", missing)
    driver.answer("summary")
    assert driver.next_step == "income", "the years to ask cannot be known"
    response = driver.get("income")
    assert response.status_code == 200
    assert response.context["error_summary"]
    assert not Assessment.objects.exists()


def test_the_done_url_has_no_side_effect(driver):
    driver.answer_all(p.GENERAL)
    response = driver.client.get(driver.url("done"))
    assert response.status_code == 302
    assert not Assessment.objects.exists()


def test_a_post_without_the_management_form_is_a_bad_request(driver):
    response = driver.client.post(driver.url("status"), {"status-status": "work"})
    assert response.status_code == 400


def test_a_post_for_another_step_than_the_page_is_redirected(driver):
    data = step_data("travel", p.TRAVEL)
    response = driver.client.post(driver.url("status"), data)
    assert response.status_code == 302
    assert driver.stored("travel") is None


def test_rows_that_were_not_posted_are_no_rows_not_a_broken_form(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("travel", has_trips=False)
    assert driver.next_step == "household"
    response = driver.get("travel")
    assert not response.context["error_summary"]
    assert not response.context["form"].formsets["trips"].is_bound
    assert "TOTAL_FORMS" not in str(
        response.context["form"].formsets["trips"].management_form.errors
    )
    driver.answer("travel", has_trips=True)
    assert driver.response.status_code == 200
    assert "has_trips" in driver.form.errors


def test_the_script_driven_language_switch_keeps_what_was_typed_on_the_step(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.press("travel", "wizard_language", "ja", **PARTIAL_TRIP)
    assert driver.response["Location"] == driver.url("travel", language="ja")
    driver.language = "ja"
    assert driver.get("travel").context["form"].initial["has_trips"] == "yes"
    driver.press("travel", "wizard_language", "xx", **PARTIAL_TRIP)
    assert driver.response["Location"] == driver.url("travel", language="ja")


def test_each_change_link_points_at_its_question(driver):
    driver.answer_all(p.GENERAL)
    response = driver.get("summary")
    html = response.content.decode()
    assert driver.url("travel", returning=True) + "#travel-trips-rows" in html
    assert driver.url("status", returning=True) + "#id_status-status_0" in html
    assert driver.url("status", returning=True) + "#id_status-application_date" in html


def test_rules_missing_at_the_very_end_send_the_applicant_to_the_application_date(
    driver, monkeypatch
):
    driver.answer_all(p.GENERAL)

    def missing(*, on=None):
        raise MissingThreshold("none")

    monkeypatch.setattr("assessments.questionnaire.completion.thresholds_at", missing)
    driver.answer("summary")
    assert driver.next_step == "status"
    assert driver.get("status").context["form"].errors["application_date"]
    assert not Assessment.objects.exists()


# Household income (livelihood judged per household) ---------------------------------------


def test_a_general_route_applicant_under_the_floor_is_carried_by_the_household_income_entered(
    driver,
):
    driver.answer_all(
        {
            **p.GENERAL,
            "income": {**p.GENERAL["income"], **p.income(p.FIVE_YEARS, 2_500_000, 4_000_000)},
        }
    )
    assessment = finish(driver)
    assert {row["household"] for row in assessment.answers["income"]} == {4_000_000}
    livelihood = next(r for r in assessment.result["requirements"] if r["id"] == "livelihood")
    assert livelihood["code"] == "livelihood.household_income"
    assert livelihood["params"]["income_of"] == "household"


def test_household_income_left_blank_is_not_sent_and_own_income_decides(driver):
    driver.answer_all(
        {**p.GENERAL, "income": {**p.GENERAL["income"], **p.income(p.FIVE_YEARS, 2_500_000)}}
    )
    assessment = finish(driver)
    assert all("household" not in row for row in assessment.answers["income"])
    livelihood = next(r for r in assessment.result["requirements"] if r["id"] == "livelihood")
    assert livelihood["code"] == "livelihood.income_below"
    assert livelihood["params"]["household_income"] is None
