"""Read the local set-up's ``.env`` file, so that commands run by hand work as they do under make.

``make setup`` and ``make run`` write ``.env`` (git-ignored) with ``DJANGO_DEBUG=1`` on a
development checkout, and remove it when run with ``DJANGO_DEBUG=0`` (a server). Production
stays strict: a server has no such file, and a variable set in the real environment always
wins over the file. The format is the common subset: ``NAME=value`` lines, ``#`` comments,
optional surrounding quotes; nothing is expanded.
"""

from __future__ import annotations

import os
from pathlib import Path


def read_env_file(path: Path) -> dict[str, str]:
    """Return the ``NAME=value`` pairs of ``path`` ({} when there is no such file)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return {}
    values = {}
    for line in lines:
        name, sep, value = line.strip().removeprefix("export ").partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name or name.startswith("#"):
            continue
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[name] = value
    return values


def load_env_file(path: Path, environ=os.environ) -> None:
    """Set each variable of ``path`` that the real environment does not already set."""
    for name, value in read_env_file(path).items():
        environ.setdefault(name, value)
