"""Run report renders at a lower CPU priority than the requests around them.

A render is CPU-bound for most of a second; every other request (a wizard page, a stored
download, a static file) needs the CPU for a millisecond or two, and so does the database
process it waits for. With renders at the same priority, a burst of them made every other
request wait for a core: under ``bench/load.py`` (four workers and PostgreSQL on two cores) a
bare form page took 10.8 ms and a stored download 2.3 ms at p50; with renders niced by 10,
5.3–5.6 ms and 1.6–1.7 ms, while a render itself took about as long as before.

Linux keeps a nice value per thread, and an unprivileged process may raise it but never lower
it again. So each process renders on one thread of its own, niced once when it starts: the
request thread hands it the HTML and waits. One thread is enough: WeasyPrint holds the GIL,
so two renders in one process would take turns anyway.

``PRCHECK_PDF_RENDER_NICENESS`` (default 10) sets the step; 0 renders on the request thread.
Elsewhere than Linux the renderer thread keeps the process's priority.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings

MAX_NICE = 19  # the lowest priority a Linux thread can have

_renderers: dict[int, ThreadPoolExecutor] = {}
_renderers_lock = threading.Lock()


def at_render_priority[T](function: Callable[[], T]) -> T:
    """Return ``function()``, run on this process's low-priority renderer thread."""
    if settings.PRCHECK_PDF_RENDER_NICENESS <= 0:
        return function()
    return _renderer().submit(function).result()


def _renderer() -> ThreadPoolExecutor:
    """Return this process's renderer, made on first use.

    Keyed by process id: a gunicorn worker forked from a process that already had one gets a
    thread of its own (threads do not survive a fork).
    """
    pid = os.getpid()
    with _renderers_lock:
        if pid not in _renderers:
            _renderers[pid] = ThreadPoolExecutor(
                max_workers=1,
                thread_name_prefix="prcheck-render",
                initializer=_lower_this_threads_priority,
                initargs=(settings.PRCHECK_PDF_RENDER_NICENESS,),
            )
        return _renderers[pid]


def _lower_this_threads_priority(step: int) -> None:
    if sys.platform != "linux":
        return  # elsewhere the nice value belongs to the whole process: leave it
    thread = threading.get_native_id()
    try:
        current = os.getpriority(os.PRIO_PROCESS, thread)
        os.setpriority(os.PRIO_PROCESS, thread, min(MAX_NICE, current + step))
    except OSError:
        pass  # a sandbox that forbids it: render at the usual priority
