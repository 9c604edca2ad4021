"""Checks run on every page the browser tests visit: language, accessibility, screenshots."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

E2E_DIR = Path(__file__).resolve().parent
SCREENSHOTS = E2E_DIR / "screenshots"
AXE_SCRIPT = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"
#: axe impacts that fail a test; "moderate" and "minor" ones are written to a report only.
BLOCKING_IMPACTS = frozenset({"serious", "critical"})
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
#: The browser's locale per page language (date inputs show 2026/12/01 or 12/01/2026).
LOCALES = {"ja": "ja-JP", "en": "en-US"}
#: Hiragana, katakana and CJK ideographs.
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot for a person to look at (tests/e2e/screenshots/, git-ignored)."""
    path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def assert_lang(page, lang: str) -> None:
    """The document's language is declared, so screen readers pronounce it right."""
    actual = page.evaluate("document.documentElement.lang")
    assert actual == lang, f"<html lang={actual!r}> on {page.url}, expected {lang!r}"


def _load_axe(page) -> None:
    if page.evaluate("typeof window.axe === 'undefined'"):
        if not AXE_SCRIPT.exists():
            pytest.fail(
                f"axe-core is missing at {AXE_SCRIPT}: run `make setup` (or `make axe-core`)"
            )
        # Evaluated through DevTools, not as an inline <script>: the page's CSP stays in force.
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8") + "\n;undefined")


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.x A and AA plus best practices) on the page; return its violations."""
    _load_axe(page)
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')),
            }));
        }"""
    )
    return result


def assert_accessible(page, label: str) -> None:
    """Fail on any serious or critical axe violation, naming each rule and element."""
    violations = axe_violations(page)
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    others = [v for v in violations if v["impact"] not in BLOCKING_IMPACTS]
    if others:
        with (SCREENSHOTS / "axe-minor.txt").open("a", encoding="utf-8") as report:
            for v in others:
                report.write(f"{label}\t{page.url}\t{v['impact']}\t{v['id']}\t{v['targets']}\n")
    assert not blocking, f"axe on {label} ({page.url}):\n" + "\n".join(
        f"  [{v['impact']}] {v['id']}: {v['help']} -> {v['targets']}" for v in blocking
    )


def assert_written_in(page, lang: str) -> None:
    """A Japanese page's heading is in Japanese: ``lang="ja"`` over English text misleads readers."""
    if lang != "ja":
        return
    heading = page.locator("h1").first.inner_text()
    assert JAPANESE.search(heading), f"untranslated heading on {page.url}: {heading!r}"


def assert_no_sideways_scroll(page) -> None:
    """Nothing is wider than the screen: on a phone, sideways scrolling hides half of a line."""
    overflow = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > width + 1)
                .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
            return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
        }"""
    )
    assert overflow["scroll"] <= overflow["width"], f"sideways scroll on {page.url}: {overflow}"


def check_page(page, *, lang: str, label: str, shot: bool = True) -> None:
    """Every page: the right ``lang``, its language, no serious axe violation, no sideways
    scrolling, and a screenshot."""
    if shot:
        screenshot(page, label)
    assert_lang(page, lang)
    assert_written_in(page, lang)
    assert_no_sideways_scroll(page)
    assert_accessible(page, label)
