"""On a phone, one question at a time where a page mixes unrelated questions (issue 21 item 5).

The pages declared with ``separate_questions`` in ``flow.PAGES`` (the household: dependants,
savings, public assistance) show, on a 390 px phone with JavaScript, one question at a time:
"Question 2 of 4", "Next question" that moves the focus to the next question's legend or label,
"Previous question", and the page's own Continue with the last question; Enter in a field means
"Next question" until then. No page is loaded for it. A page with errors shows every question
with its error summary; a wide screen, or no JavaScript, shows the page whole, as before.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assessments.questionnaire import flow
from tests.e2e.applicant import (
    BACK,
    CONTINUE,
    GENERAL,
    NEXT_QUESTION,
    PREVIOUS_QUESTION,
    current_step,
    press,
    walk,
)
from tests.e2e.checks import DESKTOP, LOCALES, PHONE, check_page, screenshot
from tests.e2e.test_faster_questions import Walk, walk_until_household

WORDS = {
    "ja": {"progress": "質問 {} / {}", "next": "次の質問へ", "previous": "前の質問に戻る"},
    "en": {
        "progress": "Question {} of {}",
        "next": "Next question",
        "previous": "Previous question",
    },
}
PROGRESS = "#wizard-form [data-question-progress]"
QUESTIONS = "#wizard-form [data-question]"


def at_household(new_page, site, lang: str, *, viewport=PHONE, java_script=True) -> Walk:
    page = new_page(viewport=viewport, locale=LOCALES[lang], java_script_enabled=java_script)
    walk = Walk(page)
    page.goto(site.url(f"/{lang}/check/"))
    walk_until_household(walk)
    return walk


def shown_questions(page) -> list[str]:
    """Return the names of the fields the page shows."""
    return page.locator("#household-form").evaluate(
        """form => [...form.querySelectorAll('input')]
            .filter(input => input.checkVisibility())
            .map(input => input.name)
            .filter((name, i, all) => all.indexOf(name) === i)"""
    )


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const question = el.closest('[data-question]');
            return {tag: el.tagName, text: el.textContent.trim(),
                    inShownQuestion: !!question && !question.hidden};
        }"""
    )


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_household_page_asks_one_question_at_a_time_on_a_phone(new_page, site, lang):
    walk = at_household(new_page, site, lang)
    page, words = walk.page, WORDS[lang]
    loads = walk.loads
    total = 3  # the dependants (how many, and of those abroad: asked together), assets, help
    expect(page.locator(QUESTIONS)).to_have_count(total)
    expect(page.locator(PROGRESS)).to_have_text(words["progress"].format(1, total))
    assert shown_questions(page) == ["household-dependents", "household-dependents_abroad"]
    expect(page.locator(CONTINUE)).to_be_hidden()
    expect(page.locator(NEXT_QUESTION)).to_have_text(words["next"])
    expect(page.locator(BACK)).to_be_visible()  # to the page before, from the first question
    expect(page.locator(PREVIOUS_QUESTION)).to_be_hidden()
    check_page(page, lang=lang, label=f"one-question-{lang}-household-1")

    page.locator("[name='household-dependents']").fill("1")
    page.locator("[name='household-dependents_abroad']").fill("0")
    page.locator("[name='household-dependents_abroad']").press("Enter")  # the next question
    expect(page.locator(PROGRESS)).to_have_text(words["progress"].format(2, total))
    assert shown_questions(page) == ["household-assets"]
    now = focused(page)
    assert now["tag"] == "LABEL" and now["inShownQuestion"], now
    expect(page.locator(BACK)).to_be_hidden()
    expect(page.locator(PREVIOUS_QUESTION)).to_have_text(words["previous"])
    check_page(page, lang=lang, label=f"one-question-{lang}-household-2")

    page.locator(PREVIOUS_QUESTION).click()
    expect(page.locator(PROGRESS)).to_have_text(words["progress"].format(1, total))
    expect(page.locator("[name='household-dependents']")).to_have_value("1")
    assert focused(page)["inShownQuestion"]

    for number in range(2, total + 1):
        page.locator(NEXT_QUESTION).click()
        expect(page.locator(PROGRESS)).to_have_text(words["progress"].format(number, total))
    assert shown_questions(page) == ["household-public_assistance"]
    legend = page.locator("#household-form [data-question]:not([hidden]) legend").inner_text()
    assert focused(page) == {"tag": "LEGEND", "text": legend, "inShownQuestion": True}
    expect(page.locator(CONTINUE)).to_be_visible()
    expect(page.locator(NEXT_QUESTION)).to_be_hidden()
    check_page(page, lang=lang, label=f"one-question-{lang}-household-last")
    assert walk.loads == loads, "no page load between the questions"

    page.locator("[name='household-public_assistance'][value='no']").check()
    press(page, CONTINUE)
    assert current_step(page) == "income", page.locator(".error-summary").all_inner_texts()
    assert walk.loads == loads + 1, "the page's questions are sent in one form"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_page_with_errors_shows_every_question_with_its_summary(new_page, site, lang):
    walk = at_household(new_page, site, lang)
    page = walk.page
    walk.fill("household-assets", "lots")
    press(page, CONTINUE)  # the questions before are left empty
    assert current_step(page) == "household"
    expect(page.locator(".error-summary")).to_be_visible()
    assert len(shown_questions(page)) == 4
    expect(page.locator(PROGRESS)).to_be_hidden()
    expect(page.locator(NEXT_QUESTION)).to_be_hidden()
    expect(page.locator(CONTINUE)).to_be_visible()
    for href in page.locator(".error-summary a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    ):
        expect(page.locator(href)).to_be_visible()
    check_page(page, lang=lang, label=f"one-question-{lang}-household-errors")


def test_a_link_to_a_question_opens_the_page_at_it(new_page, site):
    walk = at_household(new_page, site, "en")
    page = walk.page
    page.goto(page.url.split("#")[0] + "#id_household-assets")
    page.reload()
    expect(page.locator(PROGRESS)).to_have_text("Question 2 of 3")
    assert shown_questions(page) == ["household-assets"]


@pytest.mark.parametrize(
    ("viewport", "java_script"), [(DESKTOP, True), (PHONE, False)], ids=["wide", "no-script"]
)
def test_a_wide_screen_or_no_script_shows_the_whole_page(new_page, site, viewport, java_script):
    walk = at_household(new_page, site, "ja", viewport=viewport, java_script=java_script)
    page = walk.page
    assert len(shown_questions(page)) == 4
    expect(page.locator(PROGRESS)).to_be_hidden()
    expect(page.locator(NEXT_QUESTION)).to_be_hidden()
    expect(page.locator(PREVIOUS_QUESTION)).to_be_hidden()
    expect(page.locator(CONTINUE)).to_be_visible()
    if java_script:
        page.set_viewport_size(PHONE)  # turned to a phone's width: one at a time from here
        expect(page.locator(PROGRESS)).to_have_text("質問 1 / 3")
        page.set_viewport_size(DESKTOP)
        assert len(shown_questions(page)) == 4
    else:
        screenshot(page, "one-question-ja-household-no-script")


def test_a_page_of_related_questions_is_shown_whole(new_page, site):
    walk = at_household(new_page, site, "en")
    page = walk.page
    walk.fill("household-dependents", "0")
    walk.fill("household-dependents_abroad", "0")
    walk.choose("household-public_assistance", "no")
    walk.press(CONTINUE)
    assert current_step(page) == "income"
    expect(page.locator(QUESTIONS)).to_have_count(0)
    expect(page.locator(PROGRESS)).to_have_count(0)
    expect(page.locator(CONTINUE)).to_be_visible()


def test_back_from_the_summary_save_shows_with_every_question(new_page, site):
    page = new_page(viewport=PHONE, locale=LOCALES["ja"])
    page.goto(site.url("/ja/check/"))
    walk(page, GENERAL, stop_at="summary")
    press(page, "a[href*='/household/?return=summary#']")
    expect(page.locator(PROGRESS)).to_have_text("質問 1 / 3")
    save = page.locator(CONTINUE)
    expect(save).to_be_visible()  # "Save and go back to your answers", from the first question
    expect(page.locator(NEXT_QUESTION)).to_have_class("button-secondary")
    check_page(page, lang="ja", label="one-question-ja-household-change")
    page.locator("[name='household-dependents']").fill("2")
    with page.expect_navigation():
        page.locator("[name='household-dependents']").press("Enter")  # Enter: save, go back
    assert current_step(page) == "summary"
    assert "2" in page.locator("#answer-household-dependents").inner_text()


def test_every_page_of_separate_questions_on_the_way_is_checked_on_a_phone(new_page, site):
    page = new_page(viewport=PHONE, locale=LOCALES["ja"])
    page.goto(site.url("/ja/check/"))
    marked = {step.name for step in flow.PAGES if step.separate_questions}
    seen = []

    def on_step(page, step):
        if step in marked:
            seen.append(step)
            expect(page.locator(PROGRESS)).to_have_text(re.compile(r"^質問 1 / [2-9]$"))
            check_page(page, lang="ja", label=f"one-question-ja-{step}")

    walk(page, GENERAL, on_step=on_step, stop_at="summary")
    assert set(seen) == marked - {"naturalization"}, seen
