"""The project's JSON-printing management commands (``assess``, ``hsp_points``), run in-process."""

import io
import json

import pytest
from django.core.management import CommandError, call_command


def write_json(tmp_path, data, name: str) -> str:
    """Write ``data`` (a string as is, anything else as JSON) to ``tmp_path/name``; return the path."""
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def command_json(command: str, *args):
    """Run ``command`` and return what it printed, decoded as JSON."""
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return json.loads(out.getvalue())


def command_error(command: str, *args) -> CommandError:
    """Run ``command``, which must fail, and return its error."""
    with pytest.raises(CommandError) as caught:
        call_command(command, *args, stdout=io.StringIO())
    return caught.value
