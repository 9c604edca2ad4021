"""Real-browser harness: Debian's Chromium driven by Playwright against pytest-django's live server.

Run in its own process (``make test-e2e``) with ``DJANGO_ALLOW_ASYNC_UNSAFE=true``: Playwright's
sync API keeps an event loop running in the main thread, and Django refuses database work from
a thread with a running loop unless told that this is deliberate.

- One Chromium for the whole session (pytest-playwright's session ``browser``), a fresh
  context per test (cheap, and each test starts with no cookies, like a new visitor).
- Browsers cannot be downloaded here: Debian's ``/usr/bin/chromium`` is launched instead, with
  the flags that keep it from calling home on this offline machine.
- ``live_server`` uses a transactional database that is flushed after each test, which also
  wipes the thresholds that data migrations loaded: every test reloads the seed values.
- axe-core is read from the git-ignored ``tests/e2e/node_modules`` (``make setup`` installs a
  pinned version) and evaluated through the DevTools protocol, so the pages keep their strict
  Content Security Policy while they are checked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

from tests.e2e.checks import DESKTOP, SCREENSHOTS, screenshot

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
#: Playwright's wait for an element or a page (ms): generous, for a 2-core machine shared with
#: other work and a PDF rendered on demand; a passing test never waits for it.
TIMEOUT_MS = 30_000

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        item.add_marker(pytest.mark.e2e)


def pytest_sessionstart(session):
    """Keep the last screenshot of each page (a run of one file refreshes only its own)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for old in SCREENSHOTS.glob("FAILED-*.png"):
        old.unlink()
    (SCREENSHOTS / "axe-minor.txt").unlink(missing_ok=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.e2e_failed = report.failed
    return report


# --- pytest-playwright configuration ---------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


# --- the application ------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def default_thresholds(transactional_db):
    """Put the seed thresholds back: the live server's database is flushed after every test."""
    from assessments.thresholds.models import Threshold
    from assessments.thresholds.services import load_default_thresholds

    load_default_thresholds(Threshold)


@dataclass
class Site:
    """The live server's address."""

    base: str

    def url(self, path: str) -> str:
        return self.base.rstrip("/") + "/" + path.lstrip("/")


@pytest.fixture
def site(live_server) -> Site:
    return Site(base=live_server.url)


@pytest.fixture
def new_page(browser, request):
    """Open pages in fresh contexts (a new visitor each), with a given viewport or JS setting.

    Every context is closed at the end of the test; if the test failed, each of its pages is
    photographed first (``FAILED-<test>-<n>.png``) to show where it stopped.
    """
    contexts = []

    def open_page(*, viewport=None, java_script_enabled=True, **options):
        context = browser.new_context(
            viewport=viewport or DESKTOP,
            java_script_enabled=java_script_enabled,
            accept_downloads=True,
            **options,
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    if getattr(request.node, "e2e_failed", False):
        pages = [page for context in contexts for page in context.pages]
        for number, page in enumerate(pages, start=1):
            screenshot(page, f"FAILED-{request.node.name}-{number}")
    for context in contexts:
        context.close()
