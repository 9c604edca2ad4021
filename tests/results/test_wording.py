"""Wording that must stay true (issue 12 items 7, 8 and 10): one test per sentence it guards."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from assessments.eligibility.answers import answers_from_dict, answers_to_dict
from assessments.eligibility.choices import Overall
from assessments.questionnaire.forms import IncomeForm
from assessments.web.messages import error_message
from tests.reports.support import TYPICAL
from tests.results.conftest import hand_result

CSS = Path(settings.BASE_DIR) / "static" / "css" / "prcheck.css"


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load i18n prcheck %}" + source).render(Context(context)).strip()


#: Findings that make each verdict (the contract's definition of ``overall``).
VERDICT_FINDINGS = {
    "likely_eligible": {},
    "eligible_with_risks": {"public_health": {"status": "at_risk", "code": "public_health.risk"}},
    "not_yet_eligible": {"residence_period": {"status": "not_met", "clears_on": "2027-06-01"}},
    "not_eligible": {"guarantor": {"status": "not_met", "code": "guarantor.missing"}},
}


# Item 8: the score bar takes the verdict's colour -------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("overall", [o.value for o in Overall])
def test_the_score_bar_is_coloured_by_the_verdict_not_by_its_own_value(client, result_url, overall):
    # The page derives the verdict from the findings: give each verdict findings that make it.
    html = client.get(
        result_url(hand_result(overall=overall, score=95, overrides=VERDICT_FINDINGS[overall]))
    ).content.decode()
    assert f'class="score__bar score__bar--{overall}"' in html
    assert "<meter" not in html, "a meter colours itself green at a high value"


def test_every_verdict_has_a_bar_colour_and_not_eligible_is_the_error_red():
    css = CSS.read_text(encoding="utf-8")
    for overall in Overall:
        assert f".score__bar--{overall.value} {{" in css, overall
    rule = css.split(".score__bar--not_eligible {", 1)[1].split("}", 1)[0]
    assert "var(--error)" in rule


# Item 7: blank is "not answered" -------------------------------------------------------------


def test_blank_savings_are_null_in_the_contract_json_and_zero_stays_zero():
    today = dt.date(2026, 12, 1)
    person = {key: value for key, value in TYPICAL.items() if key != "assets"}
    blank = answers_from_dict(person, today=today)
    assert answers_to_dict(blank)["assets"] is None
    zero = answers_from_dict({**person, "assets": 0}, today=today)
    assert answers_to_dict(zero)["assets"] == 0


@pytest.mark.parametrize(("language", "said"), [("en", "Not answered"), ("ja", "未回答")])
def test_a_blank_answer_on_the_summary_is_not_answered(language, said):
    answer = {"kind": "empty", "value": None}
    html = render('{% include "assessments/wizard/_value.html" %}', language, answer=answer)
    assert html == said


# Item 10: no machine-sounding zero sentences -------------------------------------------------


@pytest.mark.parametrize(
    ("language", "said"), [("en", "You reported no trips abroad"), ("ja", "出国はありません")]
)
def test_no_trips_is_said_in_words_not_as_zero_trips_of_zero_days(language, said):
    finding = {
        "code": "continuity.ok",
        "params": {
            "trips": 0,
            "reported": 0,
            "longest_days": 0,
            "max_year_days": 0,
            "window_start": "2016-12-01",
        },
    }
    text = render("{% finding_text f %}", language, f=finding)
    assert said in text
    assert not re.search(r"(?<!\d)0(回|日| trips| days)", text), text


def test_trips_before_the_window_are_counted_with_the_window_start():
    finding = {
        "code": "continuity.ok",
        "params": {
            "trips": 10,
            "reported": 11,
            "longest_days": 20,
            "max_year_days": 31,
            "window_start": "2016-12-01",
        },
    }
    assert (
        "You reported 11 trips abroad; 10 trips in the period checked (from 1 December 2016)"
        in render("{% finding_text f %}", "en", f=finding)
    )
    assert (
        "出国は11回で、そのうち確認の対象となる期間（2016年12月1日以降）の出国は10回です"
        in render("{% finding_text f %}", "ja", f=finding)
    )


# Item 10: "before the rules" says what is true ---------------------------------------------


def test_before_the_rules_names_the_first_issue_and_the_last_revision():
    with translation.override("en"):
        en = error_message("before_rules", {"earliest": "2006-03-31"})
    with translation.override("ja"):
        ja = error_message("before_rules", {"earliest": "2006-03-31"})
    assert "2006-03-31" in en and "first issued" in en and "24 February 2026" in en
    assert "current guideline began" not in en
    assert "初めて公表" in ja and "2026年2月24日" in ja


# Item 10: a negative count is not an amount -------------------------------------------------


def test_a_negative_number_error_does_not_call_a_count_an_amount():
    with translation.override("en"):
        assert "amount" not in error_message("negative")
    with translation.override("ja"):
        assert "金額" not in error_message("negative")


# Item 10: the income question names the gross line of the tax certificate --------------------


def test_the_income_question_asks_for_the_gross_line_not_net_income():
    with translation.override("ja"):
        field = IncomeForm(income_years=(2025,), household=True).fields["applicant_2025"]
        label, help_text = str(field.label), str(field.help_text)
        household = str(
            IncomeForm(income_years=(2025,), household=True).fields["household_2025"].label
        )
    assert "所得" not in label and "所得" not in household
    assert "給与収入" in help_text and "総収入額" in help_text
    assert "控除後の「所得」" in help_text, "net income is named only as what not to copy"


# Item 10: English pages cite the English title -------------------------------------------------


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            "Guidelines for Permission for Permanent Residence (revised 24 February 2026) 1(3)イ",
        ),
        ("ja", "永住許可に関するガイドライン（令和8年2月24日改訂） 1(3)イ"),
    ],
)
def test_a_source_shows_its_english_title_on_english_pages(language, said):
    reference = "永住許可に関するガイドライン（令和8年2月24日改訂） 1(3)イ"
    assert render('{{ r|label:"source" }}', language, r=reference) == said


def test_a_source_without_an_english_title_is_shown_as_it_is():
    reference = "行政書士の目安: 年収300万円以上（statusjapan.com）"
    assert render('{{ r|label:"source" }}', "en", r=reference) == reference


# Item 8: a failing requirement says the gap in the person's numbers ---------------------------


@pytest.mark.parametrize(
    ("years", "required", "language", "said"),
    [
        (9.5, 10, "en", "That is 0.5 years short."),
        (9.5, 10, "ja", "あと0.5年足りません。"),
        (9.997, 10, "en", "That is 0.01 years short."),
        (9, 10, "en", "That is 1 year short."),
    ],
)
def test_a_residence_period_too_short_says_by_how_much(years, required, language, said):
    finding = {
        "code": "residence_period.too_short",
        "params": {"route": "general", "years": years, "required": required, "start": "2017-06-01"},
    }
    assert said in render("{% finding_text f %}", language, f=finding)


def test_no_gap_sentence_when_the_numbers_show_no_gap():
    finding = {
        "code": "residence_period.too_short",
        "params": {"route": "general", "years": 10, "required": 10, "start": "2016-12-01"},
    }
    assert "short" not in render("{% finding_text f %}", "en", f=finding).split("needs at least")[1]


@pytest.mark.parametrize(
    ("count", "said"), [(5, "That is 2 violations more"), (4, "That is 1 violation more")]
)
def test_repeated_traffic_violations_say_how_many_over_the_tolerance(count, said):
    finding = {
        "code": "conduct.traffic_repeated",
        "params": {"count": count, "tolerance": 3, "window_years": 5},
    }
    assert said in render("{% finding_text f %}", "en", f=finding)


def test_trips_all_before_the_window_are_not_counted_as_zero_trips():
    finding = {
        "code": "continuity.ok",
        "params": {
            "trips": 0,
            "reported": 2,
            "longest_days": 0,
            "max_year_days": 0,
            "window_start": "2016-12-01",
        },
    }
    text = render("{% finding_text f %}", "en", f=finding)
    assert (
        "You reported 2 trips abroad, all before the period checked (from 1 December 2016)" in text
    )
    assert "0 trips" not in text and "0回" not in render("{% finding_text f %}", "ja", f=finding)


def test_repeated_traffic_violations_name_the_noun_once():
    finding = {
        "code": "conduct.traffic_repeated",
        "params": {"count": 5, "tolerance": 3, "window_years": 5},
    }
    text = render("{% finding_text f %}", "en", f=finding)
    assert "In the last 5 years you had 5 minor traffic violations." in text
    assert "violations minor" not in text
