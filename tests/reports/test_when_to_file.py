"""The report's "When to file" section (issue 24): the same sentences as the page, Japanese then
English, and the draft only ever "if adopted"."""

from __future__ import annotations

import re

import pytest

from assessments.reports.pdf import report_render_html
from assessments.thresholds.snapshot import thresholds_from_defaults
from tests.reports.support import APPLICATION_DATE, GENERATED_AT, OTHER, REFERENCE, evaluate
from tests.results.test_when_to_file import SPOUSE


def _html(answers: dict) -> str:
    result = evaluate(answers, thresholds=thresholds_from_defaults(on=APPLICATION_DATE))
    html = report_render_html(
        result=result, answers=answers, reference=REFERENCE, generated_at=GENERATED_AT
    )
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def spouse_text() -> str:
    return _html(SPOUSE)


@pytest.mark.parametrize(
    "text",
    [
        "申請の時期",
        "When to file",
        "2027年3月31日までに申請する場合：ご回答の内容では、現行の基準で「申請できる可能性が高い」です。",
        "File by 31 March 2027: “Likely eligible” under the rules in force, on the answers given.",
        "2027年4月1日以降の申請（改定案が採用された場合）：",
        "From 1 April 2027 (draft, if adopted), for applications filed from that day:",
        "2028年1月10日まで「注意が必要です」となる見込みです",
        "if the draft is adopted, it would be “At risk” until 10 January 2028.",
        "確定した基準ではありません",
        "it is not law",
    ],
)
def test_the_section_is_there_in_both_languages(spouse_text, text):
    assert text in spouse_text


def test_the_section_comes_japanese_first(spouse_text):
    assert spouse_text.index("申請の時期") < spouse_text.index("When to file")


def test_an_applicant_no_change_touches_has_no_section():
    text = _html(OTHER)
    assert "When to file" not in text
    assert "申請の時期" not in text
