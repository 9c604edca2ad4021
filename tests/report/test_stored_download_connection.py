"""A stored report is read without Django's health-check round trip, and survives a dropped
connection as if the check had been made.

These tests need autocommit (no test transaction around them): a connection is only health
checked, and only replaced, outside a transaction.
"""

import pytest
from django.db import ProgrammingError, connection

from assessments.reports import downloads as report_downloads
from assessments.reports.downloads import stored_report_pdf
from tests.report.support import TYPICAL, store_assessment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PDF = b"%PDF-1.7 stored report"


@pytest.fixture
def stored():
    assessment = store_assessment(TYPICAL)
    assessment.pdf = PDF
    assessment.save(update_fields=["pdf"])
    return assessment


@pytest.fixture
def check_due():
    """A reused connection at the start of a request, as ``close_old_connections`` leaves it."""
    assert connection.health_check_enabled, "settings.DATABASES sets CONN_HEALTH_CHECKS"
    connection.ensure_connection()
    connection.health_check_done = False


@pytest.fixture
def usability_checks(monkeypatch):
    """Record every health check, answering as the real one does."""
    checks = []
    real = connection.is_usable

    def is_usable():
        checks.append(real())
        return checks[-1]

    monkeypatch.setattr(connection, "is_usable", is_usable)
    return checks


def fail_first_read(monkeypatch, error: Exception) -> list:
    reads = []
    real = report_downloads._fetch_one

    def fetch_one(sql, params):
        reads.append(sql)
        if len(reads) == 1:
            raise error
        return real(sql, params)

    monkeypatch.setattr(report_downloads, "_fetch_one", fetch_one)
    return reads


def test_a_stored_report_is_read_with_no_health_check_round_trip_first(
    stored, check_due, usability_checks
):
    assert stored_report_pdf(token=stored.token) == PDF
    assert usability_checks == []
    assert connection.health_check_done  # the read was the check: no SELECT 1 after it


def test_a_read_failing_on_a_dead_connection_is_tried_again_on_a_new_one(
    stored, check_due, monkeypatch
):
    reads = fail_first_read(monkeypatch, ProgrammingError("server closed the connection"))
    monkeypatch.setattr(connection, "is_usable", lambda: False)
    closed = []
    real_close = connection.close
    monkeypatch.setattr(connection, "close", lambda: closed.append(1) or real_close())
    assert stored_report_pdf(token=stored.token) == PDF
    assert len(reads) == 2 and closed == [1]


def test_a_read_failing_on_a_usable_connection_raises_as_before(
    stored, check_due, usability_checks, monkeypatch
):
    reads = fail_first_read(monkeypatch, ProgrammingError("a real error"))
    with pytest.raises(ProgrammingError, match="a real error"):
        stored_report_pdf(token=stored.token)
    assert len(reads) == 1 and usability_checks == [True]


def test_a_connection_already_checked_in_this_request_is_not_retried(
    stored, check_due, usability_checks, monkeypatch
):
    connection.health_check_done = True  # as after a new connection, or an earlier statement
    reads = fail_first_read(monkeypatch, ProgrammingError("a real error"))
    with pytest.raises(ProgrammingError):
        stored_report_pdf(token=stored.token)
    assert len(reads) == 1 and usability_checks == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a server that can drop a connection")
def test_a_connection_the_database_dropped_is_replaced_and_the_report_still_sent(
    stored, check_due, usability_checks
):
    backend = connection.connection.info.backend_pid
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [backend])
    finally:
        other.close()
    assert stored_report_pdf(token=stored.token) == PDF
    assert usability_checks == [False]
    assert connection.connection.info.backend_pid != backend


def test_every_byte_value_of_a_stored_report_comes_back_unchanged(stored):
    every_byte = bytes(range(256)) * 512  # 128 KB, the size of a typical report
    stored.pdf = every_byte
    stored.save(update_fields=["pdf"])
    assert stored_report_pdf(token=stored.token) == every_byte
