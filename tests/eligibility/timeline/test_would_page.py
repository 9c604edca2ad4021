"""What would move the earliest date, worded on the result page and in the PDF, in both
languages: one applicant with every dateless finding that an action clears on the general
route (a student on public assistance, not enrolled, whose status has ended, with no
guarantor, whose activity is outside the landing standards), and one whose period of stay is
too short."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.template.loader import render_to_string
from django.utils import translation

from assessments.eligibility.rules.timeline.actions import ACTION_CODES
from assessments.reports.pdf import report_render_html, report_render_pdf
from tests.reports.support import GENERATED_AT, REFERENCE, pdf_text, squeeze
from tests.results.conftest import BASE_ANSWERS, engine_result, store

pytestmark = pytest.mark.django_db

STUCK = {
    "status": "student",
    "status_expiry_date": "2026-11-01",
    "public_assistance": True,
    "pension_enrolled": False,
    "health_insurance_enrolled": False,
    "guarantor": "none",
    "meets_landing_standards": False,
}
SHORT_STAY = {"period_of_stay_years": 1, "status_expiry_date": "2027-03-31"}

SENTENCES = {
    "en": [
        "Permanent residence is not granted from your current status. Once you have changed to a"
        " status of residence that fits what you do (for example a working status when you take up"
        " a job), your status no longer stands in the way on 1 December 2026.",
        "The 5 years on a working or family-based status count from the change to one: changed on"
        " 1 December 2026, the residence period is met on 1 December 2031.",
        "Once you no longer receive public assistance, and your own income is at least ¥3,000,000"
        " in every year from 2027 to 2031, the livelihood requirement is met once 2031 can be"
        " certified, on 1 June 2032.",
        "If you enrol in the public pension and in public health insurance now and pay every"
        " contribution on time, the 2 years of payment records checked are complete on"
        " 1 December 2028.",
        "Once a Japanese national, a permanent resident or a special permanent resident has signed"
        " your letter of guarantee, the guarantor requirement is met on 1 December 2026.",
        "This is judged on your activity when you apply: once your activity fits your status of"
        " residence again (or you have changed to the status that fits it), it no longer stands in"
        " the way on 1 December 2026.",
        "Then, with everything else as it is, your earliest date would be 1 June 2032.",
    ],
    "ja": [
        "活動内容に合った在留資格（就職される場合の就労資格など）への変更許可を受けていれば、"
        "2026年12月1日の申請で在留資格の点は支障となりません。",
        "2026年12月1日に変更した場合、2031年12月1日に在留期間（居住年数）の要件を満たします。",
        "生活保護の受給を終え、2027年から2031年までの各年にご本人の年収が300万円以上あれば、"
        "2031年分の課税証明書が発行される2032年6月1日に独立生計の要件を満たします。",
        "今すぐ公的年金と公的医療保険に加入し、以後の保険料を納期限までに納付すれば、"
        "審査の対象となる直近2年の納付記録が2028年12月1日にそろいます。",
        "身元保証書へ署名してもらえれば、2026年12月1日の申請で身元保証人の要件を満たします。",
        "この要件は申請時の活動内容で判断されます。",
        "最短の申請可能日は2032年6月1日となります。",
    ],
}
RENEWAL = {
    "en": "A longer period of stay comes only with a renewal: your current period ends on"
    " 31 March 2027, and the renewal can be filed from 31 December 2026. If the renewal grants"
    " 5 years, you hold the longest period of stay, and this requirement is met, from"
    " 1 April 2027.",
    "ja": "現在の在留期間は2027年3月31日に満了し、更新許可申請は2026年12月31日から行えます。 "
    "更新で5年の在留期間が許可されれば、2027年4月1日から最長の在留期間をもって在留していること"
    "となり、この要件を満たします。",
}


def _page(client, result: dict, language: str) -> str:
    response = client.get(f"/{language}/result/{store(result).token}/")
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_result_page_says_what_would_clear_each_requirement_time_does_not(client, language):
    page = _page(client, engine_result(**STUCK), language)
    for sentence in SENTENCES[language]:
        assert sentence in page


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_result_page_says_a_short_period_of_stay_waits_for_the_renewal(client, language):
    assert RENEWAL[language] in _page(client, engine_result(**SHORT_STAY), language)


def test_the_pdf_says_what_would_clear_each_requirement_in_both_languages():
    html = report_render_html(
        result=engine_result(**STUCK),
        answers={**BASE_ANSWERS, **STUCK},
        reference=REFERENCE,
        generated_at=GENERATED_AT,
    )
    text = squeeze(pdf_text(report_render_pdf(html=html)))
    for sentence in SENTENCES["en"] + SENTENCES["ja"]:
        assert squeeze(sentence) in text, sentence


#: Params for every action code, the way the result JSON stores them.
SAMPLE_PARAMS = {
    "status_eligible.renew_first": {"expiry": "2026-11-30", "filing_opens": "2026-08-30"},
    "status_eligible.change_status": {"status": "student"},
    "residence_period.change_status": {
        "status": "student",
        "changed_on": "2026-12-01",
        "required": 5,
    },
    "period_of_stay.at_renewal": {
        "expiry": "2027-01-15",
        "filing_opens": None,
        "renewed_from": "2027-01-16",
        "required": 3,
    },
    "livelihood.raise_income": {"required": 3_000_000, "from_year": 2026, "to_year": 2028},
    "livelihood.stop_assistance": {"required": 3_000_000, "from_year": 2027, "to_year": 2031},
    "taxes.settle_now": {"count": 1, "latest_due": "2026-03-01", "lookback_years": 5},
    "social_insurance.settle_now": {"count": 2, "latest_due": "2026-03-01", "lookback_years": 2},
    "social_insurance.enrol_now": {
        "pension": True,
        "health_insurance": False,
        "unpaid": 1,
        "lookback_years": 1,
    },
    "guarantor.find_one": {"guarantor": "other"},
    "landing_standards.conform": {},
    "landing_standards.meet_business_standards": {"since": "2025-10-16"},
}


@pytest.mark.parametrize("code", sorted(ACTION_CODES))
def test_every_action_is_worded_in_english_and_in_japanese_with_its_date(code):
    item = {"code": code, "params": SAMPLE_PARAMS[code], "clears_on": "2031-06-01"}
    with translation.override("en"):
        english = render_to_string("assessments/timeline/_would.html", {"item": item}).strip()
    with translation.override("ja"):
        japanese = render_to_string("assessments/timeline/_would.html", {"item": item}).strip()
    assert "1 June 2031" in english and "2031年6月1日" in japanese
    assert not re.search(r"[A-Za-z]{3,}", japanese), japanese


@pytest.mark.parametrize("opens", ["2028-05-01", None])
def test_a_plan_dated_after_the_status_ends_says_it_also_needs_a_renewal_with_the_longest_period(
    opens,
):
    cond = {
        "code": "period_of_stay.renew_longest",
        "params": {"expiry": "2028-08-01", "filing_opens": opens, "required": 5},
    }
    with translation.override("en"):
        english = render_to_string("assessments/timeline/_also.html", {"cond": cond}).strip()
    with translation.override("ja"):
        japanese = render_to_string("assessments/timeline/_also.html", {"cond": cond}).strip()
    assert "1 August 2028" in english and "5 years" in english
    assert "2028年8月1日" in japanese and "5年" in japanese
    assert ("1 May 2028" in english) is (opens is not None)
    assert not re.search(r"[A-Za-z]{3,}", japanese), japanese


#: The ALT of issue 22 on the day the walk found the plan: short of ¥3,800,000 (one dependant)
#: in December 2026, the status ending in August 2028.
ALT = {
    "application_date": "2026-12-07",
    "residence_start_date": "2016-03-01",
    "dependents": 1,
    "status_expiry_date": "2028-08-01",
    "income": [{"year": year, "applicant": 2_950_000} for year in range(2016, 2026)],
}
ALT_PLAN = {
    "en": [
        "With an income of at least ¥3,800,000 in every year from 2027 to 2031, the income"
        " requirement is met once 2031 can be certified, on 1 June 2032.",
        "Your period of stay ends on 1 August 2028, before that date, so that date also needs a"
        " renewal, filed from 1 May 2028 and before 1 August 2028, granted with 5 years",
        "Income raised in 2027 is certifiable from 1 June 2028",
    ],
    "ja": [
        "2027年から2031年まで毎年の年収が380万円以上であれば",
        "2028年5月1日から2028年8月1日までに在留期間更新許可申請を行い",
        "2027年に収入を増やした場合",
    ],
}


@pytest.mark.parametrize("language", ["en", "ja"])
def test_in_december_the_plan_starts_next_year_and_names_the_renewal_its_date_needs(
    client, language
):
    with time_machine.travel(dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC), tick=False):
        page = _page(client, engine_result(**{**BASE_ANSWERS, **ALT}), language)
    for sentence in ALT_PLAN[language]:
        assert sentence in page
    assert "every year from 2026" not in page and "2026年から" not in page
