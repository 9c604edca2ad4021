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

from .checks import DESKTOP, SCREENSHOTS

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
#: Playwright's default wait (ms): generous for a 2-core machine shared with other work.
TIMEOUT_MS = 15_000

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        item.add_marker(pytest.mark.e2e)


def pytest_sessionstart(session):
    SCREENSHOTS.mkdir(exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    (SCREENSHOTS / "axe-minor.txt").unlink(missing_ok=True)


# --- pytest-playwright configuration ---------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": DESKTOP, "accept_downloads": True}


@pytest.fixture
def context(context):
    context.set_default_timeout(TIMEOUT_MS)
    return context


# --- the application ------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def default_thresholds(transactional_db):
    """Put the seed thresholds back: the live server's database is flushed after every test."""
    from assessments.models import Threshold
    from assessments.thresholds import load_default_thresholds

    load_default_thresholds(Threshold)


@dataclass
class Site:
    """The live server's address, and page-level checks shared by every test."""

    base: str

    def url(self, path: str) -> str:
        return self.base.rstrip("/") + "/" + path.lstrip("/")


@pytest.fixture
def site(live_server) -> Site:
    return Site(base=live_server.url)


@pytest.fixture
def new_page(browser):
    """Open pages in fresh contexts (a new visitor each), with a given viewport or JS setting.

    Every context is closed at the end of the test.
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
    for context in contexts:
        context.close()
