"""A permanent resident's own check (issue 25): from the start page, through the wizard's
own pages (grant, trips, taxes, payments), to the keep-PR result."""

import datetime as dt
import re

from assessments.results.models import Assessment
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import RUN_IN_URL, WizardDriver, step_data

D = dt.date

#: What an application asks and a permanent resident's check does not.
APPLICATION_ONLY = {
    "stay",
    "residence",
    "marriage",
    "household",
    "income",
    "conduct",
    "sentences",
    "traffic_violations",
    "naturalization",
    "naturalization_birth",
    "hsp",
    "hsp_typed",
    "hsp_now",
    "hsp_year_ago",
    "hsp_three_years_ago",
    "hsp_points",
}


def keep_pr_driver(client) -> WizardDriver:
    """Follow the start page's link for permanent residents."""
    start = client.get("/en/")
    link = re.search(r'href="(/en/check/\?for=keep_pr)"', start.content.decode())
    assert link, "the start page links to the keep-PR check"
    return WizardDriver(client, start=link[1])


def test_a_permanent_resident_goes_from_the_start_page_to_the_keep_pr_verdict(client, db):
    driver = keep_pr_driver(client)
    assert driver.next_step == "grant"
    page = driver.get("grant").content.decode()
    assert "When were you granted permanent residence?" in page
    order = []
    steps = {
        "grant": {"status_grant_date": D(2020, 5, 1)},
        "card": {"residence_card_expiry": D(2027, 5, 1)},
        "travel": {
            "has_trips": True,
            "trips": [
                {
                    "departure": D(2024, 3, 1),
                    "return_date": D(2024, 3, 20),
                    "reentry_permit": "special",
                },
                {
                    "departure": D(2025, 1, 10),
                    "return_date": D(2026, 6, 1),
                    "reentry_permit": "permit",
                    "reentry_permit_expiry": D(2027, 1, 9),
                },
            ],
        },
        "taxes": {**p.TAXES, "taxes_paid": False, "paid_on_time": False},
        "payments": {
            "payments": [{"kind": "pension", "due_date": D(2025, 5, 31), "paid_date": None}]
        },
    }
    step = "grant"
    while step != "summary":
        order.append(step)
        response = driver.answer(step, **steps[step])
        assert response.status_code == 302, (step, response.context["error_summary"])
        step = driver.next_step
    assert order == ["grant", "card", "travel", "taxes", "payments"]
    summary = driver.get("summary").content.decode()
    assert "When were you granted permanent residence?" in summary
    assert "Date of the check" in summary and "When do you plan to apply?" not in summary
    assert "When does your residence card expire?" in summary
    response = driver.answer("summary")
    token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    assessment = Assessment.objects.get(token=token)
    assert assessment.answers["status"] == "permanent_resident"
    assert assessment.answers["residence_card_expiry"] == "2027-05-01"
    assert [t.get("reentry_permit") for t in assessment.answers["trips"]] == ["special", "permit"]
    assert assessment.answers["trips"][1]["reentry_permit_expiry"] == "2027-01-09"
    assert assessment.result["route"] == "keep_pr"
    # A pension payment still unpaid: act now, before non-payment can end permanent residence.
    assert assessment.result["keep_pr"]["verdict"] == "act_now"
    page = client.get(response["Location"], follow=True)
    assert page.status_code == 200
    dues = next(r for r in assessment.result["requirements"] if r["id"] == "public_dues")
    assert dues["code"] == "keep_pr.dues.unpaid"
    reentry = next(r for r in assessment.result["requirements"] if r["id"] == "reentry")
    assert (reentry["status"], reentry["code"]) == ("met", "keep_pr.reentry.ok")


def test_a_fourteen_month_trip_on_a_special_re_entry_permit_ends_permanent_residence(client, db):
    driver = keep_pr_driver(client)
    driver.answer("grant", status_grant_date=D(2020, 5, 1))
    driver.answer("card", residence_card_expiry=None)
    trip = {"departure": D(2024, 1, 5), "return_date": D(2025, 3, 5), "reentry_permit": "special"}
    assert driver.answer("travel", has_trips=True, trips=[trip]).status_code == 302
    driver.answer("taxes", **p.TAXES)
    response = driver.answer("summary")
    assessment = Assessment.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert assessment.result["keep_pr"]["verdict"] == "lost"
    reentry = next(r for r in assessment.result["requirements"] if r["id"] == "reentry")
    assert (reentry["status"], reentry["code"]) == ("not_met", "keep_pr.reentry.lapsed")


def test_a_permit_expiry_without_a_re_entry_permit_is_refused_beside_the_field(client, db):
    driver = keep_pr_driver(client)
    driver.answer("grant", status_grant_date=D(2020, 5, 1))
    driver.answer("card", residence_card_expiry=None)
    trip = {
        "departure": D(2024, 1, 5),
        "return_date": D(2024, 2, 5),
        "reentry_permit": "special",
        "reentry_permit_expiry": D(2025, 1, 5),
    }
    response = driver.answer("travel", has_trips=True, trips=[trip])
    assert response.status_code == 200
    row = response.context["form"].formsets["trips"].forms[0]
    assert row.errors["reentry_permit_expiry"]
    assert response.context["error_summary"]


def test_an_applicants_trips_do_not_ask_the_re_entry_permit(driver):
    driver.answer_all(p.GENERAL)
    row = driver.get("travel").context["form"].formsets["trips"].forms[0]
    assert "reentry_permit" not in row.fields and "reentry_permit_expiry" not in row.fields


def test_a_permanent_resident_is_not_asked_what_only_an_application_needs(client, db):
    driver = keep_pr_driver(client)
    for step, fields in (
        ("grant", {"status_grant_date": D(2020, 5, 1)}),
        ("card", {"residence_card_expiry": None}),
        ("travel", {"has_trips": False}),
        ("taxes", p.TAXES),
    ):
        assert driver.answer(step, **fields).status_code == 302
    assert driver.next_step == "summary"
    sections = {s.step for s in driver.get("summary").context["sections"]}
    assert sections == {"status", "grant", "card", "travel", "taxes"}
    for step in APPLICATION_ONLY:
        # A page the route does not ask sends back to where the run stands.
        assert driver.get(step).status_code == 302
    response = driver.answer("summary")
    assessment = Assessment.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert assessment.result["keep_pr"]["verdict"] == "no_known_risk"
    assert assessment.result["keep_pr"]["card"]["estimated"] is True


def test_the_grant_date_is_asked_of_a_permanent_resident_in_japanese_too(client, db):
    driver = WizardDriver(client, language="ja", start="/ja/check/?for=keep_pr")
    response = driver.answer("grant", status_grant_date="")
    assert response.status_code == 200
    messages = [message for _anchor, message in response.context["error_summary"]]
    assert messages == ["永住許可を受けた日を入力してください"], messages


def test_an_applicant_starting_the_check_is_asked_the_status_first(client, db):
    response = client.get("/en/check/")
    assert RUN_IN_URL.search(response["Location"])["step"] == "status"
    driver = WizardDriver(client)
    order = driver.answer_all(p.GENERAL)
    assert order[:3] == ["status", "stay", "residence"]
    assert "card" not in order and "conduct" in order


def test_the_permit_questions_and_their_errors_are_in_japanese(client, db):
    driver = WizardDriver(client, language="ja", start="/ja/check/?for=keep_pr")
    driver.answer("grant", status_grant_date=D(2020, 5, 1))
    driver.answer("card", residence_card_expiry=None)
    trip = {
        "departure": D(2024, 1, 5),
        "return_date": D(2024, 2, 5),
        "reentry_permit": "none",
        "reentry_permit_expiry": D(2025, 1, 5),
    }
    response = driver.answer("travel", has_trips=True, trips=[trip])
    assert response.status_code == 200
    html = response.content.decode()
    assert "出国時の再入国許可" in html and "永住許可を受けた後に出国したことがありますか？" in html
    messages = [message for _anchor, message in response.context["error_summary"]]
    assert any("有効期限は、再入国許可（通常）の場合にのみ" in m for m in messages), messages


def test_pasted_trips_of_a_permanent_resident_leave_the_permit_not_answered(client, db):
    driver = keep_pr_driver(client)
    driver.answer("grant", status_grant_date=D(2020, 5, 1))
    driver.answer("card", residence_card_expiry=None)
    data = step_data("travel", {"has_trips": True})
    data.update(trips_paste="2024/8/1-2024/8/20\n2025/1/5-2026/3/5\n", wizard_import_trips="1")
    response = client.post(driver.url("travel"), data)
    assert response.status_code == 302
    driver.response = response
    assert driver.next_step == "taxes"
    driver.answer("taxes", **p.TAXES)
    response = driver.answer("summary")
    assessment = Assessment.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert all("reentry_permit" not in trip for trip in assessment.answers["trips"])
    # Not answered is never a known risk: a 14-month trip says what to check, as "met".
    reentry = next(r for r in assessment.result["requirements"] if r["id"] == "reentry")
    assert (reentry["status"], reentry["code"]) == ("met", "keep_pr.reentry.permit_missing")


def test_changing_a_keep_pr_answer_after_the_result_keeps_it_a_keep_pr_check(client, db):
    driver = keep_pr_driver(client)
    driver.answer("grant", status_grant_date=D(2020, 5, 1))
    driver.answer("card", residence_card_expiry=None)
    trip = {"departure": D(2024, 1, 5), "return_date": D(2024, 2, 5), "reentry_permit": "special"}
    driver.answer("travel", has_trips=True, trips=[trip])
    driver.answer("taxes", **p.TAXES)
    token = driver.answer("summary")["Location"].rstrip("/").rsplit("/", 1)[-1]
    again = WizardDriver(client, start=f"/en/check/change/{token}/")
    assert again.next_step == "summary"
    sections = {s.step: s.complete for s in again.get("summary").context["sections"]}
    assert sections == dict.fromkeys(("status", "grant", "card", "travel", "taxes"), True)
    row = again.get("travel").context["form"].formsets["trips"].forms[0]
    assert (
        row.initial.get("reentry_permit") == "special" or row["reentry_permit"].value() == "special"
    )
    assert (
        again.answer("card", residence_card_expiry=D(2027, 5, 1), returning=True).status_code == 302
    )
    response = again.answer("summary")
    later = Assessment.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert later.result["route"] == "keep_pr"
    assert later.answers["residence_card_expiry"] == "2027-05-01"
    assert later.answers["trips"][0]["reentry_permit"] == "special"


def test_choosing_permanent_residence_on_the_status_question_starts_the_same_check(driver):
    status = {"application_date": D(2026, 12, 1), "status": "permanent_resident"}
    assert driver.answer("status", **status, naturalization=True).status_code == 302
    assert driver.next_step == "grant"
    for step, fields in (
        ("grant", {"status_grant_date": D(2020, 5, 1)}),
        ("card", {"residence_card_expiry": None}),
        ("travel", {"has_trips": False}),
    ):
        assert driver.answer(step, **fields).status_code == 302
    assert driver.next_step == "taxes"
    driver.answer("taxes", **p.TAXES)
    # Naturalization was ticked, but the keep-PR check has no naturalization part.
    assert driver.next_step == "summary"


def test_a_permanent_resident_is_not_offered_naturalization_or_a_bureau_to_apply_at(client, db):
    driver = keep_pr_driver(client)
    fields = driver.get("status").context["form"].fields
    assert "naturalization" not in fields and "immigration_bureau" not in fields
    applicant = WizardDriver(client)
    fields = applicant.get("status").context["form"].fields
    assert "naturalization" in fields and "immigration_bureau" in fields
