"""Word HSP profile errors (a code plus params) in the active language.

The profile shares most codes with the PR answers (``assessments.web.messages``); the few that
are the profile's own, or read differently for it, are worded here first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from assessments.web.messages import error_message, errors_to_json, errors_to_lines, shown_params

MESSAGES = {
    "after_as_of": _("This date is after the day of the calculation (%(limit)s)."),
    "requires_graduate_degree": _(
        "Degrees in several fields count only with a master's, professional or doctoral "
        "degree: choose that as your highest degree."
    ),
    "unknown_field": _("This is not one of the profile fields prcheck knows."),
    "no_table": _("prcheck has no points table in force on %(date)s: choose a later date."),
}
NUMBER_MESSAGE = _("Enter a number.")


class _Params(dict):
    """Fill a placeholder whose param is missing with an empty string, never a KeyError."""

    def __missing__(self, key):
        return ""


def hsp_error_message(
    code: str, params: Mapping[str, Any] | None = None, *, written_dates: bool = False
) -> str:
    """Return the message for one profile error, in the active language.

    ``written_dates`` as for ``error_message``: pages and the API's ``message`` write dates
    in the active language, the command line keeps ISO.
    """
    params = params or {}
    if code in MESSAGES:
        return str(MESSAGES[code]) % _Params(shown_params(params, written_dates=written_dates))
    if code == "invalid_type" and params.get("expected") == "number":
        return str(NUMBER_MESSAGE)
    return error_message(code, params, written_dates=written_dates)


def hsp_errors_to_json(errors: Mapping[str, list[tuple[str, dict]]]) -> dict:
    """Return ``{"field": [{"code", "params", "message"}]}`` for ``HspProfileInvalid.errors``."""
    return errors_to_json(errors, word=hsp_error_message)


def hsp_errors_to_lines(errors: Mapping[str, list[tuple[str, dict]]]) -> list[str]:
    """Return one ``"field: message"`` line per error, for the command line."""
    return errors_to_lines(errors, word=hsp_error_message, whole="(profile)")
