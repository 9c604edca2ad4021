"""Fixtures for every test of the project."""

import pytest

from assessments.results import trial
from assessments.thresholds import selectors


@pytest.fixture(autouse=True)
def forget_remembered_thresholds():
    """Start each test without the thresholds a process remembers between requests.

    The memo is keyed by a stamp of the table (row count, highest id, latest times). In
    production versions are only added, so the stamp changes with the table; a test's rolled
    back rows under a frozen clock can leave the same stamp over other rows.
    """
    selectors.forget_stored_versions()
    trial.forget_before_outcomes()
