"""Accessibility beyond axe: errors announced, the keyboard alone, visible focus, the HSP page."""

import pytest
from playwright.sync_api import expect

from tests.e2e.applicant import (
    CONTINUE,
    GENERAL,
    current_step,
    press,
    result_token,
    walk,
    years_ago,
)
from tests.e2e.checks import LOCALES, PHONE, assert_accessible, check_page, screenshot

FOCUS_STYLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName.toLowerCase(), type: el.type || '', name: el.name || '',
        id: el.id || '', value: el.value || '', text: (el.innerText || '').trim().slice(0, 40),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== 'none',
    };
}"""


def assert_errors_announced(page) -> None:
    """The error summary is an alert with the focus; every invalid field says so and why."""
    summary = page.locator(".error-summary")
    expect(summary).to_have_attribute("role", "alert")
    links = summary.locator("a")
    assert links.count() > 0
    for href in [links.nth(i).get_attribute("href") for i in range(links.count())]:
        assert page.locator(href).count() == 1, f"error link {href} points at nothing"
    messages = page.locator(".error-message[id]")
    assert messages.count() > 0
    for message_id in [messages.nth(i).get_attribute("id") for i in range(messages.count())]:
        described = page.locator(f"[aria-describedby~='{message_id}']")
        assert described.count() >= 1, f"no field is described by its error #{message_id}"
        field_id = message_id.removesuffix("_error")
        states = page.evaluate(
            """(id) => [...document.querySelectorAll('input, select, textarea')]
                .filter(el => el.id === id || new RegExp('^' + id + '_[0-9]+$').test(el.id))
                .map(el => [el.id, el.getAttribute('aria-invalid')])""",
            field_id,
        )
        assert states, f"no input for the error #{message_id}"
        assert all(state == "true" for _id, state in states), f"not aria-invalid: {states}"


@pytest.mark.parametrize(("lang", "viewport"), [("ja", PHONE), ("en", None)])
def test_errors_are_announced_and_linked_to_their_fields(new_page, site, lang, viewport):
    page = new_page(viewport=viewport, locale=LOCALES[lang])
    page.goto(site.url(f"/{lang}/check/"))
    page.locator("[name='status-application_date']").fill("")
    press(page, CONTINUE)
    assert current_step(page) == "status"
    assert_errors_announced(page)
    assert page.evaluate("document.activeElement.classList.contains('error-summary')"), (
        "the error summary takes the focus, so it is read first"
    )
    assert page.title().startswith("Error" if lang == "en" else "エラー")
    check_page(page, lang=lang, label=f"errors-{lang}-status")

    page.locator("[name='status-application_date']").fill(years_ago(0))
    walk(page, GENERAL, stop_at="travel")
    page.locator("[name='travel-has_trips'][value='yes']").check()
    press(page, CONTINUE)
    assert_errors_announced(page)
    check_page(page, lang=lang, label=f"errors-{lang}-travel-rows")


def _flat(step: str, answers: dict) -> dict[str, str]:
    flat = {}
    for key, value in answers.items():
        if isinstance(value, list):
            for index, row in enumerate(value):
                flat |= {f"{step}-{key}-{index}-{n}": v for n, v in row.items()}
        else:
            flat[f"{step}-{key}"] = value
    return flat


def _type_date(page, iso: str) -> None:
    """Type a date into a focused native date input, segment by segment (en-US: mm dd yyyy)."""
    year, month, day = iso.split("-")
    page.keyboard.type(month + day + year)


def _answer_by_keyboard(page, element: dict, value: str) -> None:
    if element["type"] == "radio":
        radios = page.locator(f"[name='{element['name']}']")
        values = [radios.nth(i).get_attribute("value") for i in range(radios.count())]
        current = values.index(element["value"])
        target = values.index(value)
        page.keyboard.press("Space")  # checks the focused radio
        for _ in range(abs(target - current)):
            page.keyboard.press("ArrowDown" if target > current else "ArrowUp")
    elif element["type"] == "date":
        _type_date(page, value)
    else:
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type(value)


def _keyboard_step(page, step: str, answers: dict, focus_log: list) -> None:
    """Tab through the step, answering each field on the way, then press Enter on Continue."""
    wanted = _flat(step, answers)
    patterns = {k[:-1]: v for k, v in wanted.items() if k.endswith("_*")}
    done = set()
    for _ in range(120):
        page.keyboard.press("Tab")
        element = page.evaluate(FOCUS_STYLE)
        focus_log.append((step, element))
        name = element["name"]
        value = wanted.get(name)
        if value is None:
            value = next((v for p, v in patterns.items() if name.startswith(p)), None)
        if value is not None and name not in done:
            _answer_by_keyboard(page, element, value)
            done.add(name)
            continue
        if element["tag"] == "button" and element["type"] == "submit" and not name:
            missing = set(wanted) - done - {k for k in wanted if k.endswith("_*")}
            missing = {m for m in missing if page.locator(f"[name='{m}']:visible").count()}
            assert not missing, f"Tab never reached {missing} on {step}"
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
    raise AssertionError(f"Tab never reached the Continue button on {step}")


def test_a_whole_check_can_be_done_with_the_keyboard_alone_with_visible_focus(new_page, site):
    page = new_page(locale="en-US")
    page.goto(site.url("/en/"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    assert page.locator(".skip-link").bounding_box()["y"] >= 0, "the skip link shows on focus"
    screenshot(page, "keyboard-en-skip-link")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main", "the skip link moves the focus"
    for _ in range(30):
        if page.evaluate("document.activeElement.classList.contains('button--start')"):
            break
        page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    focus_log: list = []
    for _ in range(len(GENERAL.expected_steps) + 2):
        step = current_step(page)
        if step is None:
            break
        _keyboard_step(page, step, GENERAL.steps.get(step, {}), focus_log)
        errors = page.locator(".error-summary")
        assert errors.count() == 0, f"{step}: {errors.first.inner_text()}"
    assert result_token(page), f"the keyboard flow did not reach the result: {page.url}"

    invisible = [(step, el) for step, el in focus_log if not (el["outline"] or el["shadow"])]
    assert not invisible, "focused without a visible outline: " + "; ".join(
        f"{step}: <{el['tag']} {el['type']} {el['name'] or el['id'] or el['text']}>"
        for step, el in invisible[:10]
    )


@pytest.mark.parametrize(("lang", "viewport"), [("ja", PHONE), ("en", None)])
def test_the_hsp_calculator_passes_axe_before_and_after_counting(new_page, site, lang, viewport):
    page = new_page(viewport=viewport, locale=LOCALES[lang])
    page.goto(site.url(f"/{lang}/hsp/"))
    check_page(page, lang=lang, label=f"hsp-calculator-{lang}-empty")

    page.locator("[name='category'][value='technical']").check()
    page.locator("[name='birth_date']").fill(years_ago(32))
    page.locator("[name='education'][value='master']").check()
    page.locator("[name='experience_years']").fill("7")
    page.locator("[name='annual_salary']").fill("8,000,000")
    press(page, "#hsp-form button[type='submit']")
    expect(page.locator("#result")).to_be_visible()
    check_page(page, lang=lang, label=f"hsp-calculator-{lang}-result")

    page.locator("[name='annual_salary']").fill("not a number")
    press(page, "#hsp-form button[type='submit']")
    assert_errors_announced(page)
    assert_accessible(page, f"hsp-calculator-{lang}-errors")
