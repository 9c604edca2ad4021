"""Lists on their own pages: late payments, notifications, sentences, traffic violations.

Each list is a page of its own right after the page whose answer asks for it, never a block
shown or hidden by JavaScript. For each: given the parent's answer, it is asked or not; an
empty list is refused with its own message next to the first row; the cross-checks with the
taxes page are shown on the list; the contract is the one the combined pages gave; the
summary shows each list under its page; Back, Change, "add another" and remove keep answers;
a list made unnecessary is ignored but kept.
"""

import datetime as dt

import pytest

from assessments.results.models import Assessment
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import WizardDriver

D = dt.date
TAXES_LATE = p.WITH_LISTS["taxes"]
CONDUCT_RECORDS = p.WITH_LISTS["conduct"]
PAID_LATE = p.WITH_LISTS["payments"]["payments"][0]
UNPAID = {"kind": "resident_tax", "due_date": D(2025, 6, 30), "paid_date": ""}
#: Something is still unpaid: one payment paid late, one not paid.
WITH_UNPAID = p.with_(
    p.WITH_LISTS, taxes={"taxes_paid": False}, payments={"payments": [PAID_LATE, UNPAID]}
)


def finish(driver) -> Assessment:
    response = driver.answer("summary")
    assert response.status_code == 302, response.context and response.context["error_summary"]
    return Assessment.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])


# Routing ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("taxes", "next_step"),
    [
        pytest.param({}, "conduct", id="all paid on time, nothing missed: no list"),
        pytest.param({"paid_on_time": False}, "payments", id="paid late: the payments"),
        pytest.param(
            {"taxes_paid": False, "paid_on_time": False}, "payments", id="unpaid: the payments"
        ),
        pytest.param(
            {"has_missed_notifications": True}, "notifications", id="a notification missed"
        ),
    ],
)
def test_the_taxes_page_leads_to_the_list_its_answers_ask_for(driver, taxes, next_step):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("taxes", **{**p.TAXES, **taxes})
    assert driver.next_step == next_step


def test_the_payments_page_leads_to_the_notifications_when_those_are_asked_too(driver):
    driver.answer_all(p.WITH_LISTS)
    driver.answer("payments", **p.WITH_LISTS["payments"])
    assert driver.next_step == "notifications"
    driver.answer("notifications", **p.WITH_LISTS["notifications"])
    assert driver.next_step == "conduct"


@pytest.mark.parametrize(
    ("conduct", "next_step"),
    [
        pytest.param({}, "summary", id="no records: no list"),
        pytest.param({"has_criminal_records": True}, "sentences", id="a sentence: the sentences"),
        pytest.param(
            {"has_traffic_violations": True}, "traffic_violations", id="a violation: the list"
        ),
        pytest.param(CONDUCT_RECORDS, "sentences", id="both: the sentences first"),
    ],
)
def test_the_conduct_page_leads_to_the_list_its_answers_ask_for(driver, conduct, next_step):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("conduct", **{**p.CONDUCT, **conduct})
    assert driver.next_step == next_step


def test_every_list_page_follows_its_parent_page(driver):
    order = driver.answer_all(p.WITH_LISTS)
    assert order[order.index("taxes") :] == [
        "taxes",
        "payments",
        "notifications",
        "conduct",
        "sentences",
        "traffic_violations",
    ]


# One thing at a time ----------------------------------------------------------------------------


def test_the_taxes_and_conduct_pages_ask_no_rows_and_a_list_page_hides_nothing(driver):
    driver.answer_all(p.WITH_LISTS)
    for step in ("taxes", "conduct"):
        response = driver.get(step)
        assert not response.context["form"].formsets
        assert "data-shown-when" not in response.content.decode()
    html = driver.get("payments").content.decode()
    assert "data-shown-when" not in html
    assert "Fill these in only if" not in html
    assert "<h1>Late or unpaid payments</h1>" in html
    assert "Which payments were late, or are still unpaid?" in html


def test_a_list_page_starts_with_one_empty_row(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("conduct", **{**p.CONDUCT, "has_criminal_records": True})
    formset = driver.get("sentences").context["form"].formsets["criminal_records"]
    assert len(formset.forms) == 1 and not formset.is_bound


# At least one row -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "rows", "message"),
    [
        ("payments", "payments", "Enter at least one payment that was late or is unpaid."),
        ("notifications", "notifications", "Enter at least one notification that was late"),
        ("sentences", "criminal_records", "Enter at least one sentence."),
        ("traffic_violations", "traffic_violations", "Enter at least one traffic violation."),
    ],
)
def test_an_empty_list_is_refused_with_its_own_message_on_the_first_row(
    driver, step, rows, message
):
    driver.answer_all(p.WITH_LISTS)
    response = driver.answer(step, **{rows: [{}]})
    assert response.status_code == 200
    first_row = driver.form.formsets[rows].forms[0]
    errors = [str(e) for field_errors in first_row.errors.values() for e in field_errors]
    # About the whole list, so not led by the first row's name ("Payment 1: enter …").
    assert len(errors) == 1 and errors[0].startswith(message)
    (anchor, summary), *_others = response.context["error_summary"]
    assert anchor.startswith(f"id_{step}-{rows}-0-") and summary.startswith(message)
    assert 'aria-invalid="true"' in response.content.decode()


def test_an_empty_list_is_refused_in_japanese_too(client, db):
    from tests.questionnaire.driver import WizardDriver

    driver = WizardDriver(client, language="ja")
    driver.answer_all(p.WITH_LISTS)
    response = driver.answer("traffic_violations", traffic_violations=[{}])
    assert response.status_code == 200
    _anchor, summary = response.context["error_summary"][0]
    assert "交通違反" in summary and "Enter" not in summary


# Cross-checks with the taxes page ---------------------------------------------------------------


def test_an_unpaid_payment_when_all_is_said_paid_is_refused_on_its_paid_date(driver):
    driver.answer_all(p.WITH_LISTS)
    response = driver.answer("payments", payments=[PAID_LATE, UNPAID])
    assert response.status_code == 200
    forms_ = driver.form.formsets["payments"].forms
    assert not forms_[0].errors
    assert forms_[1].errors["paid_date"] == [
        "Payment 2: you said everything is paid, so enter the day this was paid, or change "
        "your answer on the previous page."
    ]


def test_every_payment_paid_when_something_is_said_unpaid_is_refused_on_the_list(driver):
    driver.answer_all(WITH_UNPAID)
    response = driver.answer("payments", **p.WITH_LISTS["payments"])
    assert response.status_code == 200
    assert driver.form.non_field_errors() == [
        "You said not everything is paid: leave the paid date empty for what is still unpaid, "
        "or change your answer on the previous page."
    ]
    assert response.context["error_summary"][0][0] == "id_payments-payments-0-kind_0", (
        "its first row"
    )
    assert driver.answer("payments", payments=[PAID_LATE, UNPAID]).status_code == 302


def test_unpaid_but_on_time_is_still_refused_on_the_taxes_page(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("taxes", **{**p.TAXES, "taxes_paid": False, "paid_on_time": True})
    assert driver.response.status_code == 200
    assert driver.form.errors["paid_on_time"] == ["A payment that is still unpaid is not on time."]


def test_changing_the_taxes_answer_from_the_summary_asks_the_payments_again(driver):
    driver.answer_all(WITH_UNPAID)
    driver.answer("taxes", returning=True, **{**TAXES_LATE, "taxes_paid": True})
    assert driver.next_step == "payments", "the list no longer agrees with the new answer"
    response = driver.get("payments", returning=True)
    assert response.context["form"].formsets["payments"].forms[0]["kind"].value() == "pension"


# The contract -----------------------------------------------------------------------------------


def test_the_lists_reach_the_answers_as_before(driver):
    driver.answer_all(p.WITH_LISTS)
    answers = finish(driver).answers
    assert answers["payments"] == [
        {"kind": "pension", "due_date": "2024-05-31", "paid_date": "2024-07-10"},
        {"kind": "resident_tax", "due_date": "2025-06-30", "paid_date": "2025-08-01"},
    ]
    assert answers["missed_notifications"] == ["2023-04-14"]
    assert answers["criminal_records"] == [{"kind": "fine", "completed_on": "2019-03-01"}]
    assert answers["traffic_violations"] == [{"date": "2025-03-01", "kind": "minor"}]
    assert answers["guarantor"] == "japanese"


def test_a_contract_error_in_a_list_is_shown_on_the_list_page(driver):
    driver.answer_all(p.WITH_LISTS)
    future = [{"kind": "fine", "completed_on": D(2027, 1, 1)}]
    response = driver.answer("sentences", criminal_records=future)
    assert response.status_code == 200
    assert driver.form.formsets["criminal_records"].forms[0].errors["completed_on"]


# Check your answers, Back and Change --------------------------------------------------------------


def test_the_summary_shows_each_list_under_its_page_with_a_change_link(driver):
    driver.answer_all(p.WITH_LISTS)
    response = driver.get("summary")
    sections = {s.step: s for s in response.context["sections"]}
    html = response.content.decode()
    for step, rows in (
        ("payments", "payments"),
        ("notifications", "notifications"),
        ("sentences", "criminal_records"),
        ("traffic_violations", "traffic_violations"),
    ):
        section = sections[step]
        assert section.complete
        (answer,) = section.answers
        assert answer.kind == "rows" and answer.value
        assert f'{section.change_url}#{step}-{rows}-rows"' in html
    assert [a.label for a in sections["conduct"].answers][-1] == (
        "Who will be your guarantor (身元保証人)?"
    )
    assert "Late or unpaid payments" in html and "1 July 2024" not in html
    assert "10 July 2024" in html, "the dates are written out"


@pytest.mark.parametrize(
    ("language", "unpaid", "own_only"),
    [("en", "Not paid yet", "Only your own income"), ("ja", "未納", "ご本人の収入のみ")],
)
def test_the_summary_says_what_an_answer_left_empty_as_the_hint_asks_means(
    client, db, language, unpaid, own_only
):
    """An unpaid payment has no payment date, and a household with no other income no figure."""
    driver = WizardDriver(client, language=language)
    driver.answer_all(WITH_UNPAID)
    html = driver.get("summary").content.decode()
    assert unpaid in html and own_only in html
    assert ("Not answered" if language == "en" else "未回答") not in html


def test_a_list_made_unnecessary_is_ignored_but_kept_and_comes_back_with_its_question(driver):
    driver.answer_all(p.WITH_LISTS)
    driver.answer("conduct", returning=True, **p.CONDUCT)
    assert driver.next_step == "summary"
    steps = [s.step for s in driver.get("summary").context["sections"]]
    assert "sentences" not in steps and "traffic_violations" not in steps
    assert driver.stored("sentences") is not None, "the skipped list is kept"
    driver.answer("conduct", returning=True, **CONDUCT_RECORDS)
    assert driver.next_step == "summary", "the kept lists answer the question again"
    answers = finish(driver).answers
    assert answers["criminal_records"] == [{"kind": "fine", "completed_on": "2019-03-01"}]


def test_a_list_made_unnecessary_adds_nothing_to_the_answers(driver):
    driver.answer_all(p.WITH_LISTS)
    driver.answer("taxes", returning=True, **p.TAXES)
    assert driver.next_step == "summary"
    answers = finish(driver).answers
    assert answers["payments"] == [] and answers["missed_notifications"] == []


def test_a_list_a_change_makes_necessary_is_asked_on_the_way_back_to_the_summary(driver):
    driver.answer_all(p.GENERAL)
    driver.answer("conduct", returning=True, **{**p.CONDUCT, "has_traffic_violations": True})
    assert driver.next_step == "traffic_violations"
    assert driver.response["Location"].endswith("?return=summary")
    driver.answer("traffic_violations", returning=True, **p.WITH_LISTS["traffic_violations"])
    assert driver.next_step == "summary"


def test_back_from_a_list_keeps_what_was_typed(driver):
    driver.answer_all(p.WITH_LISTS)
    partial = [{"kind": "national_tax", "due_date": "", "paid_date": ""}]
    driver.press("payments", "wizard_goto_step", "taxes", payments=partial)
    assert driver.next_step == "taxes"
    row = driver.get("payments").context["form"].formsets["payments"].forms[0]
    assert row["kind"].value() == "national_tax"
    assert not driver.response.context["error_summary"], "a draft is shown without errors"


# Add another and remove, without JavaScript ----------------------------------------------------


def test_add_another_and_remove_work_on_a_list_page_without_javascript(driver):
    driver.answer_all(p.WITH_LISTS)
    rows = p.WITH_LISTS["traffic_violations"]["traffic_violations"]
    driver.press(
        "traffic_violations", "wizard_add_row", "traffic_violations", traffic_violations=rows
    )
    formset = driver.get("traffic_violations").context["form"].formsets["traffic_violations"]
    assert len(formset.forms) == 2
    assert formset.forms[0]["date"].value() == "2025-03-01"
    two = [*rows, {"date": D(2024, 2, 1), "kind": "serious"}]
    driver.press(
        "traffic_violations", "wizard_remove_row", "traffic_violations:0", traffic_violations=two
    )
    formset = driver.get("traffic_violations").context["form"].formsets["traffic_violations"]
    assert [form["date"].value() for form in formset.forms] == ["2024-02-01"]
