"""Reports render on a thread of their own, at a lower CPU priority than requests."""

import os
import sys
import threading

import pytest
from django.test import override_settings

from assessments.reports import render_priority
from assessments.reports.pdf import report_render_pdf
from assessments.reports.render_priority import MAX_NICE, at_render_priority

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="nice values per thread")

SMALL_REPORT = '<html lang="ja"><body><p>永住許可 Permanent Residence</p></body></html>'


def this_threads_niceness() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def renderer_thread_niceness() -> int:
    return at_render_priority(this_threads_niceness)


@linux_only
@override_settings(PRCHECK_PDF_RENDER_NICENESS=10)
def test_a_report_renders_on_a_thread_ten_steps_below_the_request_thread():
    expected = min(MAX_NICE, this_threads_niceness() + 10)
    assert at_render_priority(threading.get_ident) != threading.get_ident()
    assert renderer_thread_niceness() == expected


@linux_only
def test_rendering_a_report_leaves_the_request_threads_priority_as_it_was():
    before = this_threads_niceness()
    pdf = report_render_pdf(html=SMALL_REPORT)
    assert pdf.startswith(b"%PDF")
    assert this_threads_niceness() == before


@override_settings(PRCHECK_PDF_RENDER_NICENESS=0)
def test_with_a_niceness_of_zero_the_report_renders_on_the_request_thread():
    assert at_render_priority(threading.get_ident) == threading.get_ident()


def test_an_error_in_a_render_is_raised_to_the_request():
    with pytest.raises(ZeroDivisionError):
        at_render_priority(lambda: 1 / 0)


def test_a_forked_worker_gets_a_renderer_thread_of_its_own(monkeypatch):
    parents = at_render_priority(threading.get_ident)
    monkeypatch.setattr(render_priority.os, "getpid", lambda: -1)  # as in a new process
    try:
        assert at_render_priority(threading.get_ident) not in (parents, threading.get_ident())
    finally:
        render_priority._renderers.pop(-1).shutdown()
