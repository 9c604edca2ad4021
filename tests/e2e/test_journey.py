"""The ways people really move through the check: back, change, switch language, resume, no JS.

Each journey ends on a real result produced by the engine, and checks that what was answered
earlier survived the detour.
"""

import io
import re
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from assessments.results.models import Assessment
from tests.e2e.applicant import (
    BACK,
    CONTINUE,
    GENERAL,
    SAVE_FOR_LATER,
    SPOUSE,
    current_step,
    fill_step,
    press,
    result_token,
    walk,
    with_steps,
    years_ago,
)
from tests.e2e.checks import PHONE, assert_lang, check_page, screenshot


def _value(page, name):
    return page.locator(f"[name='{name}']").first.input_value()


def _checked(page, name):
    return page.locator(f"[name='{name}']:checked").first.get_attribute("value")


def switch_language(page, lang):
    with page.expect_navigation(url=re.compile(f"/{lang}/")):
        page.locator(f"button.language-switch__button[value='{lang}']").click()


def _route(page):
    token = result_token(page)
    assert token, f"expected the result page, got {page.url}"
    return Assessment.objects.get(token=token).result["route"]


def test_back_keeps_answers_and_change_from_the_summary_returns_through_new_questions(
    new_page, site
):
    """Back shows earlier answers; changing the status to a spouse one asks the marriage date on
    the way back to the summary (the income years and the optional household income were already
    asked); the result uses the spouse route."""
    page = new_page()
    page.goto(site.url("/en/check/"))
    walk(page, GENERAL, stop_at="household")

    press(page, BACK)
    assert current_step(page) == "travel"
    assert _checked(page, "travel-has_trips") == "yes"
    press(page, BACK)
    assert current_step(page) == "residence"
    assert _value(page, "residence-residence_start_date") == years_ago(12)
    press(page, CONTINUE)
    press(page, CONTINUE)
    assert current_step(page) == "household"
    walk(page, GENERAL, stop_at="summary")
    screenshot(page, "journey-en-summary-before-change")

    with page.expect_navigation():
        page.locator("a[href*='/status/?return=summary']").first.click()
    assert current_step(page) == "status"
    fill_step(page, "status", {"status": "spouse_of_japanese"})
    press(page, CONTINUE)
    assert current_step(page) == "marriage", "a new question must be asked on the way back"
    assert "return=summary" in page.url
    fill_step(page, "marriage", {"marriage_date": years_ago(13)})
    press(page, CONTINUE)
    assert current_step(page) == "summary", "household income is asked on every route already"
    expect(page.locator("#summary-marriage")).to_be_visible()
    check_page(page, lang="en", label="journey-en-summary-after-change")

    press(page, CONTINUE)
    assert _route(page) == "spouse"


def test_switching_language_mid_flow_keeps_the_step_and_the_answers(new_page, site):
    page = new_page()
    page.goto(site.url("/en/check/"))
    walk(page, GENERAL, stop_at="travel")
    run = page.url.split("/check/")[1].split("/")[0]

    fill_step(page, "travel", {"has_trips": "no"})
    expect(page.locator("#travel-trips-rows")).to_be_hidden()  # JS hides rows not asked for
    switch_language(page, "ja")  # with JS: the step is posted, so what was typed is kept
    assert f"/ja/check/{run}/travel/" in page.url
    assert _checked(page, "travel-has_trips") == "no"
    fill_step(page, "travel", {"has_trips": "yes"})
    expect(page.locator("#travel-trips-rows")).to_be_visible()
    check_page(page, lang="ja", label="journey-ja-after-switch-travel")
    press(page, BACK)
    assert _value(page, "residence-residence_start_date") == years_ago(12)
    press(page, CONTINUE)

    walk(page, GENERAL)
    assert _route(page) == "general"
    assert_lang(page, "ja")
    assert page.url.startswith(site.url("/ja/result/"))


def test_the_resume_link_restores_the_answers_in_a_fresh_browser(new_page, site):
    page = new_page(viewport=PHONE)
    page.goto(site.url("/en/check/"))
    walk(page, SPOUSE, stop_at="income")
    fill_step(page, "income", {"employment": "contract"})
    press(page, SAVE_FOR_LATER)
    check_page(page, lang="en", label="journey-en-saved")
    resume_url = page.locator(".resume-link a").get_attribute("href")
    assert resume_url.startswith(site.url("/en/check/resume/"))

    other = new_page()  # another browser (a desktop): no cookies, no session
    other.goto(resume_url)
    assert current_step(other) == "income"
    assert _checked(other, "income-employment") == "contract", "the unsent step is kept too"
    press(other, BACK)
    assert current_step(other) == "household"
    assert _value(other, "household-dependents") == "0"
    press(other, CONTINUE)
    walk(other, SPOUSE)
    assert _route(other) == "spouse"
    result_url = other.url
    other.goto(resume_url)
    assert other.url == result_url, "a finished check's resume link opens its result"


def test_a_complete_check_works_without_javascript_and_the_pdf_downloads(new_page, site):
    """No JS: every row stays visible, "add another trip" is a real form post. The result's
    PDF is a real download of a real bilingual PDF."""
    profile = with_steps(
        GENERAL,
        travel={
            "trips": [
                {"departure": years_ago(3, days=40), "return_date": years_ago(3, days=30)},
                {"departure": years_ago(2, days=20), "return_date": years_ago(2, days=6)},
            ]
        },
    )
    page = new_page(java_script_enabled=False, locale="ja-JP")
    page.goto(site.url("/ja/check/"))
    steps = walk(page, profile, stop_at="conduct")
    switch_language(page, "en")  # without JS: Django's set_language, back to the same step
    assert current_step(page) == "conduct"
    steps += walk(page, profile)
    assert tuple(steps) == GENERAL.expected_steps
    assert _route(page) == "general"
    assert_lang(page, "en")
    token = result_token(page)
    answers = Assessment.objects.get(token=token).answers
    assert len(answers["trips"]) == 2
    screenshot(page, "nojs-ja-result")

    with page.expect_download() as info:
        page.locator(f"a[href$='/result/{token}/report.pdf']").click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF")
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(content)).pages)
    assert "永住" in text and "ermanent" in text, "the report is bilingual"


def test_the_hsp_calculator_hands_its_points_to_the_check_and_the_income_page_shows_the_floor(
    new_page, site
):
    """Count the points on the calculator, use them in the check: the calculator lists the day
    kept and leads on to the check, whose HSP step shows them filled in (from the session; the
    URLs carry only the run and the step). On the income page the
    floor for the household described is shown before any result, with its source."""
    page = new_page(viewport=PHONE)
    page.goto(site.url("/en/hsp/"))
    for name, value in {
        "category": "technical",
        "birth_date": years_ago(32),
        "education": "master",
        "experience_years": "7",
        "annual_salary": "8,000,000",
        "position": "none",
    }.items():
        locator = page.locator(f"[name='{name}']")
        if locator.first.get_attribute("type") == "radio":
            page.locator(f"[name='{name}'][value='{value}']").check()
        elif locator.first.evaluate("e => e.tagName") == "SELECT":
            locator.first.select_option(value)
        else:
            locator.first.fill(value)
    press(page, "button.button[type='submit']")
    points = int(page.locator("#result .hsp-total__number").inner_text())
    press(page, "button[formaction$='/hsp/use/']")
    kept = page.locator("#kept")
    expect(kept).to_contain_text(f"as your points on the application date: {points} points")
    check_page(page, lang="en", label="handover-en-kept")
    press(page, "#kept a.button")
    assert current_step(page) == "status"
    assert re.search(r"/en/check/[0-9a-f]{16}/status/$", page.url), "nothing else in the URL"

    profile = with_steps(GENERAL, residence={"hsp_route": "yes"}, household={"dependents": "2"})
    walk(page, profile, stop_at="residence")
    assert _checked(page, "residence-hsp_route") == "yes", "prefilled from the handover"
    walk(page, profile, stop_at="hsp")
    expect(page.locator(".notice").first).to_contain_text("Filled in from the points calculator")
    check_page(page, lang="en", label="handover-en-hsp")
    fill_step(page, "hsp", {"hsp_points_maintained": "yes"})
    press(page, CONTINUE)
    assert current_step(page) == "hsp_typed"
    assert _value(page, "hsp_typed-hsp_points_now") == str(points)
    # The calculator checked J-Skip on the application date (not met): it is not asked again.
    assert page.locator("[name='hsp_typed-jskip_eligible']").count() == 0
    press(page, CONTINUE)
    walk(page, profile, stop_at="income")
    floor = page.locator("section[aria-labelledby='income-floor-title']")
    expect(floor).to_contain_text("With 2 dependants: ¥4,600,000 a year")
    expect(floor.locator("a")).to_have_attribute("href", re.compile("statusjapan"))
    check_page(page, lang="en", label="income-floor-en")
