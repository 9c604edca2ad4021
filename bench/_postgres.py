"""Restart the throwaway PostgreSQL server that ``.ci/postgres`` runs a benchmark against.

``.ci/postgres`` says how in ``PRCHECK_PG_CTL`` (its ``pg_ctl -D <data directory>``, run as the
server's owner); ``pg_ctl restart`` starts the server again with the options it was started with.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time


def restart_database() -> float:
    """Restart the server (fast shutdown: open connections are cut); return the seconds it took."""
    command = os.environ.get("PRCHECK_PG_CTL")
    if not command:
        raise SystemExit(
            "restarting the database needs PRCHECK_PG_CTL: run under bash .ci/postgres"
        )
    started = time.perf_counter()
    subprocess.run(
        [*shlex.split(command), "-m", "fast", "-w", "restart"],
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=120,
    )
    return time.perf_counter() - started
