"""Faster, kinder questions in a real browser (issue 16): many trips, money as typed, errors.

The measures of the issue, counted here:
- the ALT walk (an English teacher, 11 trips) takes at most 10 page loads with JavaScript and
  11 without (``MAX_PAGE_LOADS``, ``NO_SCRIPT_PREVIEW_LOADS``) and 26 fields touched;
- every new page is checked at 390 px wide (no sideways scroll, no serious axe violation), in
  Japanese and English;
- bad input: the error summary links to the field, and the message names the question.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from assessments.results.models import Assessment
from tests.e2e.applicant import (
    CONTINUE,
    SAVE_FOR_LATER,
    current_step,
    press,
    result_token,
    show_page_button,
    show_question,
    years_ago,
)
from tests.e2e.checks import LOCALES, PHONE, check_page, screenshot

#: Issue 16 asks for at most 10 page loads. The one-thing-at-a-time split of its item 3 gave the
#: period of stay and the household pages of their own; the HSP routes question is asked on the
#: residence page and the guarantor on the conduct page (each with what it belongs to), and with
#: JavaScript the trips preview shows in place: the ALT walk with JavaScript takes 10 loads.
MAX_PAGE_LOADS = 10
#: Without JavaScript the trips preview is a form post answered by a page of its own (the script
#: shows it in place), so the walk without JavaScript may take exactly this one load more.
NO_SCRIPT_PREVIEW_LOADS = 1
#: Issue 21 asks for fewer fields than its 27: with no dependants, where they live is not asked.
MAX_FIELDS_TOUCHED = 26
ADD_ROW = "button[name='wizard_add_row'][value='trips']"
PREVIEW = "button[name='wizard_preview_trips']"
IMPORT = "button[name='wizard_import_trips']"


def pasted_trips(count: int = 11, *, every_days: int = 100) -> str:
    """``count`` trips of 9 days, one per line, in the mixed forms a person has them.

    The first leaves five years ago, each next one ``every_days`` later (oldest first).
    """
    lines = []
    for n in range(count):
        start = years_ago(5, days=-every_days * n)
        end = years_ago(5, days=-every_days * n - 9)
        y, m, d = (int(part) for part in start.split("-"))
        if n % 3 == 0:
            lines.append(f"{y}/{m}/{d}-{end.replace('-', '/')}")
        elif n % 3 == 1:
            lines.append(f"{y}年{m}月{d}日～{end[:4]}年{int(end[5:7])}月{int(end[8:])}日")
        else:
            lines.append(f"{start}\t{end}")
    return "\n".join(lines)


class Walk:
    """An applicant's hands: every field touched, every page loaded and every "Next question"
    (or "Previous question") pressed on a phone is counted."""

    def __init__(self, page):
        self.page, self.fields, self.loads, self.questions = page, 0, 0, 0
        page.on("load", lambda _page: self._loaded())

    def _loaded(self):
        self.loads += 1

    def _show(self, locator):
        self.questions += show_question(self.page, locator)
        return locator

    def fill(self, name: str, value: str):
        self._show(self.page.locator(f"[name='{name}']")).first.fill(value)
        self.fields += 1

    def choose(self, name: str, value: str):
        self._show(self.page.locator(f"[name='{name}'][value='{value}']")).check()
        self.fields += 1

    def tick(self, name: str):
        self._show(self.page.locator(f"[name='{name}']")).check()
        self.fields += 1

    def press(self, selector: str):
        self.questions += show_page_button(self.page, self.page.locator(selector).first)
        press(self.page, selector)


def walk_to_travel(walk: Walk) -> None:
    """The ALT's status, period of stay, and residence with the HSP routes: one thing at a time.

    Since the steps split (issue 16 item 3), the status page asks only the status and the
    period of stay has a page of its own; whether to check the HSP routes is asked on the
    residence page, after the contribution (both decide how many years are needed).
    """
    page = walk.page
    assert current_step(page) == "status"
    walk.choose("status-status", "work")
    walk.press(CONTINUE)
    assert current_step(page) == "stay", page.locator(".error-summary").all_inner_texts()
    walk.choose("stay-period_of_stay", "3")
    walk.fill("stay-status_expiry_date", years_ago(-2))
    walk.choose("stay-meets_landing_standards", "yes")
    walk.press(CONTINUE)
    assert current_step(page) == "residence", page.locator(".error-summary").all_inner_texts()
    walk.fill("residence-residence_start_date", years_ago(12))
    walk.fill("residence-qualifying_status_start_date", years_ago(12))
    walk.choose("residence-contribution_to_japan", "no")
    walk.choose("residence-hsp_route", "no")
    walk.press(CONTINUE)
    assert current_step(page) == "travel", page.locator(".error-summary").all_inner_texts()


def answer_household(walk: Walk, *, assets: str | None = "¥1,500,000") -> None:
    """The household page (asked before the income, so the income page can show the floor)."""
    assert current_step(walk.page) == "household", walk.page.locator(
        ".error-summary"
    ).all_inner_texts()
    walk.fill("household-dependents", "0")  # no dependants: where they live is left empty
    if assets is not None:
        walk.fill("household-assets", assets)
    walk.choose("household-public_assistance", "no")
    walk.press(CONTINUE)


def alt_walk(
    walk: Walk, *, lang: str, on_page=None, java_script: bool = True, trips: str | None = None
) -> None:
    """An English teacher (ALT) on a work visa for 8 years, 11 trips, the same pay each year."""
    trips = trips or pasted_trips()
    page = walk.page
    on_page = on_page or (lambda label: None)
    walk_to_travel(walk)
    walk.choose("travel-has_trips", "yes")
    walk.fill("trips_paste", trips)
    if java_script:  # previewed in place, without a page load (trip-preview.js)
        page.locator(PREVIEW).click()
        expect(page.locator(".trip-preview")).to_be_visible()
    else:
        walk.press(PREVIEW)
    assert page.locator(".trip-preview tbody tr").count() == len(trips.splitlines())
    assert page.locator(".trip-preview .error-message").count() == 0
    on_page(f"faster-{lang}-trip-preview")
    walk.press(IMPORT)
    answer_household(walk)
    assert current_step(page) == "income", page.locator(".error-summary").all_inner_texts()
    walk.choose("income-employment", "regular")
    first_year = page.locator("input[name^='income-applicant_']").first
    walk.fill(first_year.get_attribute("name"), "420万")
    walk.tick("income-same_income")
    walk.press(CONTINUE)
    assert current_step(page) == "taxes", page.locator(".error-summary").all_inner_texts()
    for name in ("taxes_paid", "paid_on_time", "pension_enrolled", "health_insurance_enrolled"):
        walk.choose(f"taxes-{name}", "yes")
    walk.choose("taxes-has_missed_notifications", "no")
    walk.press(CONTINUE)
    for name in ("has_criminal_records", "has_traffic_violations", "unauthorized_work"):
        walk.choose(f"conduct-{name}", "no")
    walk.choose("conduct-public_health_risk", "no")
    walk.choose("conduct-guarantor", "japanese")  # the guarantor vouches for the conduct
    walk.press(CONTINUE)
    assert current_step(page) == "summary"
    on_page(f"faster-{lang}-summary")
    walk.press(CONTINUE)
    assert result_token(page), page.url


@pytest.mark.parametrize(
    ("lang", "java_script"), [("en", True), ("ja", False)], ids=["en-js", "ja-no-js"]
)
def test_the_alt_walk_with_eleven_trips_takes_few_pages_and_fields(
    new_page, site, lang, java_script
):
    page = new_page(viewport=PHONE, locale=LOCALES[lang], java_script_enabled=java_script)
    walk = Walk(page)  # before the first page, so that it is counted too
    page.goto(site.url(f"/{lang}/check/"))

    def on_page(label):
        if java_script:
            check_page(page, lang=lang, label=label)
        else:  # axe runs as a script: the pages are checked in the other walk and tests
            screenshot(page, label)

    alt_walk(walk, lang=lang, on_page=on_page, java_script=java_script)

    print(
        f"ALT walk ({lang}, JS {java_script}): {walk.loads} page loads, {walk.fields} fields, "
        f"{walk.questions} next/previous question presses"
    )
    allowed = MAX_PAGE_LOADS + (0 if java_script else NO_SCRIPT_PREVIEW_LOADS)
    assert walk.loads <= allowed, f"{walk.loads} page loads"
    assert walk.fields <= MAX_FIELDS_TOUCHED, f"{walk.fields} fields touched"
    answers = Assessment.objects.get(token=result_token(page)).answers
    assert len(answers["trips"]) == 11
    assert {year["applicant"] for year in answers["income"]} == {4_200_000}
    assert answers["assets"] == 1_500_000


def test_thirty_trips_and_a_tax_certificate_finish_in_one_sitting_on_a_phone(new_page, site):
    """The issue's "done when": a frequent traveller, in Japanese, on a phone."""
    page = new_page(viewport=PHONE, locale=LOCALES["ja"])
    walk = Walk(page)
    page.goto(site.url("/ja/check/"))
    thirty = pasted_trips(30, every_days=50)  # about seven trips a year, 63 days abroad

    alt_walk(
        walk,
        lang="ja",
        trips=thirty,
        on_page=lambda label: check_page(page, lang="ja", label=label.replace("faster", "thirty")),
    )

    assert walk.loads <= MAX_PAGE_LOADS, f"{walk.loads} page loads"
    assert walk.fields <= MAX_FIELDS_TOUCHED, f"{walk.fields} fields touched"
    assert len(Assessment.objects.get(token=result_token(page)).answers["trips"]) == 30


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_bad_line_is_named_and_nothing_is_added(new_page, site, lang):
    page = new_page(viewport=PHONE, locale=LOCALES[lang])
    page.goto(site.url(f"/{lang}/check/"))
    walk = Walk(page)
    walk_to_travel(walk)
    walk.choose("travel-has_trips", "yes")
    walk.fill("trips_paste", "2024/8/1-2024/8/20\n1/8/2024 20/8/2024\n")
    page.locator(PREVIEW).click()  # previewed in place, without a page load (trip-preview.js)
    expect(page.locator(".error-summary")).to_be_visible()
    assert current_step(page) == "travel"
    assert page.locator(".trip-preview .error-message").count() == 1
    link = page.locator(".error-summary a").first
    assert link.get_attribute("href") == "#id_trips_paste"
    check_page(page, lang=lang, label=f"faster-{lang}-trip-preview-error")
    assert page.locator("[name='travel-trips-0-departure']").input_value() == ""


def test_add_another_trip_adds_a_row_without_a_page_load_when_javascript_is_on(new_page, site):
    page = new_page(viewport=PHONE)
    page.goto(site.url("/en/check/"))
    walk = Walk(page)
    walk_to_travel(walk)
    walk.choose("travel-has_trips", "yes")
    walk.fill("travel-trips-0-departure", years_ago(3))
    walk.fill("travel-trips-0-return_date", years_ago(3, days=-10))
    loads = walk.loads
    page.locator(ADD_ROW).click()
    assert page.locator("[name='travel-trips-1-departure']").count() == 1
    assert walk.loads == loads, "no page load"
    assert page.evaluate("document.activeElement.name") == "travel-trips-1-departure"
    assert page.locator("#travel-trips-1-row legend").inner_text() == "Trip 2"
    walk.fill("travel-trips-1-departure", years_ago(2))
    walk.fill("travel-trips-1-return_date", years_ago(2, days=-10))
    walk.press(CONTINUE)
    assert current_step(page) == "household", page.locator(".error-summary").all_inner_texts()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_money_is_read_back_and_errors_name_the_question(new_page, site, lang):
    page = new_page(viewport=PHONE, locale=LOCALES[lang])
    page.goto(site.url(f"/{lang}/check/"))
    walk = Walk(page)
    # The assets are asked on the household page since the steps split (issue 16 item 3), so
    # a bad amount is refused there, before the income page.
    walk_until_household(walk)
    answer_household(walk, assets="lots")
    assert current_step(page) == "household"
    summary = page.locator(".error-summary")
    hrefs = summary.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "#id_household-assets" in hrefs
    for href in hrefs:
        assert page.locator(href).count() == 1
    assert ("預貯金などの資産額" if lang == "ja" else "your savings and other assets") in (
        summary.inner_text()
    )
    check_page(page, lang=lang, label=f"faster-{lang}-household-errors")
    walk.fill("household-assets", "")
    walk.press(CONTINUE)
    assert current_step(page) == "income", page.locator(".error-summary").all_inner_texts()
    first_year = page.locator("input[name^='income-applicant_']").first
    walk.fill(first_year.get_attribute("name"), "３００万")
    walk.press(CONTINUE)
    assert current_step(page) == "income"
    echo = page.locator(".money-echo").first.inner_text()
    assert echo == ("= 3,000,000円" if lang == "ja" else "= ¥3,000,000")
    summary = page.locator(".error-summary")
    hrefs = summary.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "#id_income-employment_0" in hrefs
    for href in hrefs:
        assert page.locator(href).count() == 1
    text = summary.inner_text()
    assert (
        "主な仕事に当てはまるもの" if lang == "ja" else "Select what describes your main job"
    ) in text
    check_page(page, lang=lang, label=f"faster-{lang}-income-errors")


def walk_until_household(walk: Walk) -> None:
    walk_to_travel(walk)
    walk.choose("travel-has_trips", "no")
    walk.press(CONTINUE)
    assert current_step(walk.page) == "household"


def alt_walk_until_income(walk: Walk) -> None:
    walk_until_household(walk)
    answer_household(walk, assets=None)
    assert current_step(walk.page) == "income", walk.page.locator(
        ".error-summary"
    ).all_inner_texts()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_resume_link_copy_and_delete_confirmation_pages(new_page, site, lang):
    page = new_page(viewport=PHONE, locale=LOCALES[lang])
    page.goto(site.url(f"/{lang}/check/"))
    walk = Walk(page)
    alt_walk_until_income(walk)
    walk.press(SAVE_FOR_LATER)
    check_page(page, lang=lang, label=f"faster-{lang}-saved")
    resume_url = page.locator(".resume-link a").get_attribute("href")
    page.goto(resume_url)
    assert current_step(page) == "income"
    walk.choose("income-employment", "regular")
    first_year = page.locator("input[name^='income-applicant_']").first
    walk.fill(first_year.get_attribute("name"), "420万")
    walk.tick("income-same_income")
    walk.press(CONTINUE)
    for name in ("taxes_paid", "paid_on_time", "pension_enrolled", "health_insurance_enrolled"):
        walk.choose(f"taxes-{name}", "yes")
    walk.choose("taxes-has_missed_notifications", "no")
    walk.press(CONTINUE)
    for name in ("has_criminal_records", "has_traffic_violations", "unauthorized_work"):
        walk.choose(f"conduct-{name}", "no")
    walk.choose("conduct-public_health_risk", "no")
    walk.choose("conduct-guarantor", "japanese")
    walk.press(CONTINUE)
    walk.press(CONTINUE)
    result_url = page.url
    assert result_token(page)
    page.goto(resume_url)
    assert page.url == result_url, "the finished check's resume link opens the result"
    walk.press("a.button--warning")
    check_page(page, lang=lang, label=f"faster-{lang}-delete-confirm")
    assert Assessment.objects.count() == 1, "opening the confirmation deletes nothing"
    walk.press("form.delete-form button[type='submit']")
    assert Assessment.objects.count() == 0
    assert page.goto(resume_url).status == 404
