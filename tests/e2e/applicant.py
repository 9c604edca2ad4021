"""An applicant in the browser: profiles of answers, and a driver that walks the wizard.

Fields are found by their names (``<step>-<field>``, formtools' step prefix), which do not
change with the language, so one profile drives the Japanese and the English wizard alike.
The driver reads the current step from the URL (``/<lang>/check/<run>/<step>/``) and answers
whatever step the wizard shows, so a test can assert which steps a route asks, in order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone
from playwright.sync_api import Page, expect

STEP_URL = re.compile(r"/(?P<lang>ja|en)/check/(?P<run>[0-9a-f]+)/(?P<step>[a-z_]+)/")
RESULT_URL = re.compile(r"/(?P<lang>ja|en)/result/(?P<token>[^/]+)/$")
CONTINUE = "#wizard-form [data-page-continue]"
BACK = "#wizard-form button[name='wizard_goto_step']"
SAVE_FOR_LATER = "#wizard-form button[name='wizard_save']"
#: Yen written the way people type it: the form accepts commas.
INCOME = "4,800,000"


def years_ago(years: int, *, days: int = 0) -> str:
    """Return an ISO date ``years`` (and ``days``) before today (after it, if negative).

    Profiles are written relative to today, so they stay valid as time passes.
    """
    today = timezone.localdate()  # the server's day (Asia/Tokyo), not the test machine's
    try:
        day = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        day = today.replace(year=today.year - years, day=28)
    return (day - dt.timedelta(days=days)).isoformat()


@dataclass(frozen=True)
class Profile:
    """Answers by step: field name -> value; ``"applicant_*"`` fills every year shown."""

    name: str
    route: str
    steps: dict[str, dict[str, str | list[dict[str, str]]]]
    #: The wizard steps this profile must see, in order.
    expected_steps: tuple[str, ...] = field(default=())
    #: The verdict the engine must give these answers.
    overall: str = "likely_eligible"


#: Which page asks each answer of the status questions and of the income questions.
PAGES = {
    "stay": ("period_of_stay", "status_expiry_date", "meets_landing_standards"),
    "household": ("dependents", "dependents_abroad", "assets", "public_assistance"),
    "hsp_typed": (
        "hsp_points_now",
        "hsp_points_one_year_ago",
        "hsp_points_three_years_ago",
        "jskip_eligible",
    ),
}


def _pages(first: str, answers: dict) -> dict:
    """Split the answers of one group of questions into the pages that ask them."""
    pages = {page: {k: answers[k] for k in keys if k in answers} for page, keys in PAGES.items()}
    asked_later = {key for keys in PAGES.values() for key in keys}
    pages = {page: fields for page, fields in pages.items() if fields}
    return {first: {k: v for k, v in answers.items() if k not in asked_later}, **pages}


def _common(status: dict, **extra) -> dict:
    return {
        **_pages("status", status),
        **_pages(
            "income",
            {
                "employment": "regular",
                "applicant_*": INCOME,
                "household_*": "6,000,000",
                "dependents": "0",
                "dependents_abroad": "0",
                "assets": "1,000,000",
                "public_assistance": "no",
            },
        ),
        "travel": {
            "has_trips": "yes",
            "trips": [{"departure": years_ago(2, days=20), "return_date": years_ago(2, days=6)}],
        },
        "taxes": {
            "taxes_paid": "yes",
            "paid_on_time": "yes",
            "pension_enrolled": "yes",
            "health_insurance_enrolled": "yes",
            "has_missed_notifications": "no",
        },
        "conduct": {
            "has_criminal_records": "no",
            "has_traffic_violations": "no",
            "unauthorized_work": "no",
            "public_health_risk": "no",
            "guarantor": "japanese",
        },
        "summary": {},
        **extra,
    }


GENERAL = Profile(
    name="general",
    route="general",
    steps=_common(
        {
            "status": "work",
            "period_of_stay": "3",
            "status_expiry_date": years_ago(-2),
            "meets_landing_standards": "yes",
        },
        residence={
            "residence_start_date": years_ago(12),
            "qualifying_status_start_date": years_ago(11),
            "contribution_to_japan": "no",
            "hsp_route": "no",
        },
    ),
    expected_steps=(
        "status",
        "stay",
        "residence",
        "travel",
        "household",
        "income",
        "taxes",
        "conduct",
        "summary",
    ),
)

SPOUSE = Profile(
    name="spouse",
    route="spouse",
    steps=_common(
        {
            "status": "spouse_of_japanese",
            "period_of_stay": "3",
            "status_expiry_date": years_ago(-1),
            "meets_landing_standards": "yes",
        },
        residence={
            "residence_start_date": years_ago(5),
            "qualifying_status_start_date": years_ago(5),
            "contribution_to_japan": "no",
            "hsp_route": "no",
        },
        marriage={"marriage_date": years_ago(6)},
    ),
    expected_steps=(
        "status",
        "stay",
        "residence",
        "marriage",
        "travel",
        "household",
        "income",
        "taxes",
        "conduct",
        "summary",
    ),
)

HSP = Profile(
    name="hsp",
    route="hsp_80",
    steps=_common(
        {
            "status": "hsp",
            "period_of_stay": "5",
            "meets_landing_standards": "yes",
        },
        residence={
            "residence_start_date": years_ago(3),
            "qualifying_status_start_date": years_ago(3),
            "contribution_to_japan": "no",
        },
        grant={"status_grant_date": years_ago(2)},
        **_pages(
            "hsp",
            {
                "hsp_points_now": "85",
                "hsp_points_one_year_ago": "85",
                "hsp_points_three_years_ago": "",
                "hsp_points_maintained": "yes",
                "jskip_eligible": "no",
            },
        ),
    ),
    expected_steps=(
        "status",
        "stay",
        "residence",
        "grant",
        "hsp",
        "hsp_typed",
        "travel",
        "household",
        "income",
        "taxes",
        "conduct",
        "summary",
    ),
)


def with_steps(profile: Profile, **changes: dict) -> Profile:
    """Return ``profile`` with some steps' answers replaced or added to."""
    steps = {**profile.steps}
    for step, answers in changes.items():
        steps[step] = {**steps.get(step, {}), **answers}
    return dataclasses.replace(profile, steps=steps)


#: The general route with something on every list page: late pension contributions, a late
#: notification, a fine long ago and a blue ticket (each list a page of its own).
WITH_LISTS = dataclasses.replace(
    with_steps(
        GENERAL,
        taxes={"paid_on_time": "no", "has_missed_notifications": "yes"},
        payments={
            "payments": [
                {
                    "kind": "pension",
                    "due_date": years_ago(3),
                    "paid_date": years_ago(3, days=-20),
                }
            ]
        },
        notifications={"notifications": [{"due_date": years_ago(4)}]},
        conduct={"has_criminal_records": "yes", "has_traffic_violations": "yes"},
        sentences={"criminal_records": [{"kind": "fine", "completed_on": years_ago(8)}]},
        traffic_violations={"traffic_violations": [{"date": years_ago(1), "kind": "minor"}]},
    ),
    name="with-lists",
    expected_steps=(
        *GENERAL.expected_steps[: GENERAL.expected_steps.index("conduct")],
        "payments",
        "notifications",
        "conduct",
        "sentences",
        "traffic_violations",
        "summary",
    ),
)
#: The pages that each ask one list, after the page whose answer asks for it.
LIST_PAGES = {
    "payments": "payments",
    "notifications": "notifications",
    "sentences": "criminal_records",
    "traffic_violations": "traffic_violations",
}


def _hsp_profile(*, experience: str = "7") -> dict:
    """An HSP profile (technical work) as asked on the wizard's calculation steps: 80+ points."""
    return {
        "category": "technical",
        "birth_date": years_ago(32),
        "education": "master",
        "experience_years": experience,
        "annual_salary": "8,000,000",
        "bonuses": "jlpt_n1",
    }


#: The HSP route with today's points calculated in the wizard (the status, held for two years,
#: vouches for the points a year before).
HSP_CALCULATED = Profile(
    name="hsp-calculated",
    route="hsp_80",
    steps={
        **HSP.steps,
        "hsp": {"hsp_points_now_source": "calculate", "hsp_points_maintained": "yes"},
        "hsp_typed": {"jskip_eligible": "no"},
        "hsp_now": _hsp_profile(),
        "hsp_points": {},
    },
    expected_steps=(
        "status",
        "stay",
        "residence",
        "grant",
        "hsp",
        "hsp_typed",
        "hsp_now",
        "hsp_points",
        "travel",
        "household",
        "income",
        "taxes",
        "conduct",
        "summary",
    ),
)


def current_step(page: Page) -> str | None:
    match = STEP_URL.search(page.url)
    return match["step"] if match else None


def result_token(page: Page) -> str | None:
    match = RESULT_URL.search(page.url)
    return match["token"] if match else None


def _inputs(page: Page, name: str):
    return page.locator(f"[name='{name}']")


#: "Next question" and "Previous question" of a page shown one question at a time on a phone.
NEXT_QUESTION = "#wizard-form [data-question-next]"
PREVIOUS_QUESTION = "#wizard-form [data-question-previous]"
#: How far away (in questions) the question holding an element is from the one shown.
QUESTIONS_AWAY = """el => {
    const question = el.closest('[data-question]');
    if (!question || !question.hidden) return 0;
    const all = [...document.querySelectorAll('[data-question]')];
    return all.indexOf(question) - all.findIndex(each => !each.hidden);
}"""


def show_question(page: Page, target) -> int:
    """Show the question holding ``target`` as a person would; return the buttons pressed.

    On a phone, a page of unrelated questions shows them one at a time (questions.js):
    "Next question" (or "Previous question") until the one holding ``target`` shows. Anywhere
    else this presses nothing.
    """
    away = target.first.evaluate(QUESTIONS_AWAY)
    button = page.locator(NEXT_QUESTION if away > 0 else PREVIOUS_QUESTION)
    for _ in range(abs(away)):
        button.click()
    return abs(away)


def show_page_button(page: Page, button) -> int:
    """Show the page's own Continue (with the last question) or Back (with the first)."""
    pressed = 0
    for _ in range(50):
        if button.is_visible():
            break
        if button.get_attribute("data-page-continue") is not None:
            control = page.locator(NEXT_QUESTION)
        elif button.get_attribute("data-page-back") is not None:
            control = page.locator(PREVIOUS_QUESTION)
        else:
            break
        if not control.is_visible():
            break
        control.click()
        pressed += 1
    return pressed


def set_value(page: Page, name: str, value: str) -> None:
    """Answer one field: check the radio or checkbox with ``value``, or fill the input."""
    inputs = _inputs(page, name)
    expect(inputs.first).to_be_attached()
    show_question(page, inputs)
    if inputs.first.get_attribute("type") in ("radio", "checkbox"):
        page.locator(f"[name='{name}'][value='{value}']").check()
    else:
        inputs.first.fill(value)


def fill_step(page: Page, step: str, answers: dict) -> None:
    """Fill every answer of ``step`` that the page shows (rows only when they are visible)."""
    for key, value in answers.items():
        if key.endswith("_*"):
            column = key[:-1]
            for input_ in page.locator(f"input[name^='{step}-{column}']").all():
                input_.fill(value)
        elif isinstance(value, list):
            for index, row in enumerate(value):
                if not _inputs(page, f"{step}-{key}-{index}-{next(iter(row))}").count():
                    # "Add another" posts what is typed so far and shows one more row.
                    press(page, f"button[name='wizard_add_row'][value='{key}']")
                for name, cell in row.items():
                    set_value(page, f"{step}-{key}-{index}-{name}", cell)
        else:
            set_value(page, f"{step}-{key}", value)


def press(page: Page, selector: str) -> None:
    """Click a submit button and wait for the next page to load.

    On a page shown one question at a time, Continue shows with the last question and Back
    with the first: the questions between are stepped through first, as a person would.
    """
    button = page.locator(selector).first
    show_page_button(page, button)
    with page.expect_navigation():
        button.click()


def walk(
    page: Page,
    profile: Profile,
    *,
    on_step: Callable[[Page, str], None] | None = None,
    stop_at: str | None = None,
) -> list[str]:
    """Answer each step the wizard shows until the result (or ``stop_at``); return the steps.

    ``on_step(page, step)`` runs on each step as it is first shown (checks, screenshots).
    """
    seen: list[str] = []
    for _ in range(len(profile.expected_steps) + 3):
        step = current_step(page)
        if step is None or step == stop_at:
            return seen
        seen.append(step)
        if on_step:
            on_step(page, step)
        fill_step(page, step, profile.steps.get(step, {}))
        press(page, CONTINUE)
        errors = page.locator(".error-summary")
        assert errors.count() == 0, f"step {step} refused the answers: {errors.first.inner_text()}"
    raise AssertionError(f"the wizard did not finish: {seen}")
