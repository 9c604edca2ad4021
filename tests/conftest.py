"""Fixtures for every test of the project."""

import pytest
from django.utils import translation
from hypothesis import HealthCheck, settings

from assessments.results import trial
from assessments.thresholds import selectors

#: Hypothesis times its examples by the wall clock; this suite runs on a small shared machine,
#: two workers at once (pytest-xdist), where a busy moment is no bug. No deadline, no "too slow"
#: health check; every other health check stays. A test's own ``@settings`` overrides these.
settings.register_profile("prcheck", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("prcheck")


@pytest.fixture(autouse=True)
def forget_remembered_thresholds():
    """Start each test without the thresholds a process remembers between requests.

    The memo is keyed by a stamp of the table (row count, highest id, latest times). In
    production versions are only added, so the stamp changes with the table; a test's rolled
    back rows under a frozen clock can leave the same stamp over other rows.
    """
    selectors.forget_stored_versions()
    trial.forget_before_outcomes()


@pytest.fixture(autouse=True)
def default_language():
    """Start each test in the site's default language: a request or ``activate()`` of an earlier
    test leaves its language active in the thread (two workers run tests in other orders)."""
    translation.deactivate()
