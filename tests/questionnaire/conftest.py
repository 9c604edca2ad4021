import datetime as dt

import pytest
import time_machine

from tests.questionnaire.driver import WizardDriver

#: Every wizard test runs on this day unless it says otherwise.
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def pinned_today():
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        yield TODAY


@pytest.fixture
def driver(client, db):
    return WizardDriver(client)
