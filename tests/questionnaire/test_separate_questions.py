"""Which pages a phone shows one question at a time: declared on the step (issue 21 item 5).

``Step.separate_questions`` marks a page whose questions are unrelated; questions.js reads the
mark from the page (and ``asked_together``, the fields that read as one question) and shows them
one at a time on a narrow screen. The browser side is in tests/e2e/test_one_question.py.
"""

import pytest

from assessments.questionnaire import flow
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import WizardDriver

MARKED = [page for page in flow.PAGES if page.separate_questions]


@pytest.mark.parametrize(
    "page", [page for page in flow.PAGES if page.asked_together], ids=lambda page: page.name
)
def test_fields_asked_together_are_fields_of_a_page_shown_one_question_at_a_time(page):
    assert page.separate_questions
    for group in page.asked_together:
        assert len(group) > 1
        assert set(group) <= set(page.form.base_fields), f"{page.name}: {group}"


def test_the_pages_of_unrelated_questions_are_marked_and_the_lists_are_not():
    assert {"status", "household", "taxes", "conduct"} <= {page.name for page in MARKED}
    for page in MARKED:
        assert not page.form.rows, f"{page.name} has rows: the script would keep them apart"
        assert page.template == "", f"{page.name} has a template of its own"


def test_a_marked_page_carries_the_mark_and_its_controls_and_an_unmarked_one_does_not(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **p.RESIDENCE)
    driver.answer("travel", **p.TRAVEL)
    page = driver.get("household").content.decode()
    assert "data-one-question-at-a-time" in page
    assert 'data-asked-together="household-dependents,household-dependents_abroad"' in page
    assert "js/questions.js" in page
    assert "data-question-next hidden>Next question<" in page
    assert "data-question-previous hidden>Previous question<" in page
    assert 'data-words="Question {number} of {total}"' in page
    travel = driver.get("travel").content.decode()
    assert "data-one-question-at-a-time" not in travel and "js/questions.js" not in travel


def test_the_controls_are_worded_in_japanese(client, db):
    driver = WizardDriver(client, language="ja")
    page = driver.get("status").content.decode()
    assert "次の質問へ" in page and "前の質問に戻る" in page
    assert 'data-words="質問 {number} / {total}"' in page
