"""Word validation errors (a code plus params) in the active language.

``answers.py`` reports errors as untranslated codes with params, keyed by field path, so
that one validation serves the CLI, the API and the wizard. This module is the edge where
they become sentences: the CLI activates the language asked for, the API the request's
language, the wizard the page's language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from assessments.web.formats import longdate

#: Each code's wording; ``%(name)s`` placeholders are filled from the error's params.
MESSAGES = {
    "required": _("This answer is required."),
    "invalid_date": _("Enter a real date in the form YYYY-MM-DD (for example 2024-04-01)."),
    "date_out_of_range": _("Enter a date from %(earliest)s to %(latest)s."),
    "before_birth": _("This date is before the date of birth (%(birth_date)s)."),
    "expiry_before_grant": _(
        "The period of stay cannot end before the status was granted (%(grant_date)s)."
    ),
    "before_residence_start": _(
        "This date is before your continuous residence began (%(residence_start_date)s): "
        "residence on this status counts only from then."
    ),
    "invalid_choice": _("“%(value)s” is not one of the allowed choices."),
    "negative": _("Enter zero or a larger number."),
    "too_large": _("Enter a value no larger than %(maximum)s."),
    "after_application_date": _("This date is after the application date (%(limit)s)."),
    "before_rules": _(
        "prcheck judges applications from %(earliest)s, the day the permanent residence "
        "guideline was first issued (it was last revised on 24 February 2026)."
    ),
    "not_after_application_date": _(
        "This date must be after the application date (%(limit)s): list only changes to come."
    ),
    "return_before_departure": _("The return date is before the departure date."),
    "overlapping_trip": _("This trip overlaps another trip: list each trip once."),
    "year_out_of_range": _("Enter a year from 1900 to %(last)s (a year before the application)."),
    "duplicate_year": _("The year %(year)s is listed more than once."),
    "paid_on_time": _(
        "This payment was made by its due date: list only payments that were late or are unpaid."
    ),
    "too_many_items": _("List at most %(maximum)s items."),
    "unknown_field": _("This is not one of the answers prcheck knows (prcheck.answers/1)."),
    "household_below_applicant": _(
        "The household income (%(household)s yen) is lower than your own income (%(applicant)s "
        "yen). The household figure includes your own income: enter the total, or leave it empty "
        "if nobody else in your household has an income."
    ),
    "more_than_dependents": _("More dependants abroad than dependants in total (%(dependents)s)."),
    "card_expiry_before_grant": _(
        "The residence card cannot expire before permanent residence was granted (%(grant_date)s)."
    ),
    "permit_expiry_without_permit": _(
        "Give an expiry only for a re-entry permit (再入国許可): a special re-entry permit lasts a "
        "fixed time from the departure."
    ),
    "before_keep_pr_rules": _(
        "prcheck checks the keeping of permanent residence from %(earliest)s, when the residence "
        "card and the special re-entry permit began."
    ),
    "permit_expiry_before_departure": _(
        "The re-entry permit cannot expire before the departure (%(departure)s)."
    ),
    # Errors about the request or the file as a whole, not one answer.
    "no_thresholds": _(
        "prcheck has no rules in force on %(date)s: choose a later application date."
    ),
    "invalid_json": _("The input is not valid JSON."),
    "request_too_large": _("The request is too large (at most %(maximum)s bytes)."),
    "unsupported_media_type": _("Send the answers as JSON (Content-Type: application/json)."),
    "method_not_allowed": _("Use POST to send the answers."),
    "thresholds_unavailable": _(
        "prcheck cannot assess right now: its thresholds are incomplete. Please try again later."
    ),
}

#: ``invalid_type`` is worded by the type that was expected.
INVALID_TYPE_MESSAGES = {
    "date": _("Enter a date in the form YYYY-MM-DD."),
    "boolean": _("Enter true or false."),
    "integer": _("Enter a whole number."),
    "list": _("Enter a list."),
    "object": _("Enter an object ({…})."),
}

FALLBACK_MESSAGE = _("This answer is not valid.")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Params(dict):
    """Fill a placeholder whose param is missing with an empty string, never a KeyError."""

    def __missing__(self, key):
        return ""


def _display(value: Any, *, written_dates: bool) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return f"{value:,}"
    is_date = isinstance(value, dt.date) or (isinstance(value, str) and ISO_DATE.fullmatch(value))
    if written_dates and is_date:
        return longdate(value)
    return value


def shown_params(params: Mapping[str, Any], *, written_dates: bool = False) -> dict:
    """Return an error's params as a sentence shows them.

    Large numbers have their digits grouped (10000000000 -> 10,000,000,000). With
    ``written_dates`` (messages people read: pages and the APIs' ``message``), dates are
    written in the active language (2026年11月29日 / 29 November 2026), not ISO; the
    command line keeps ISO, and the APIs keep ISO in ``params``.
    """
    return {key: _display(value, written_dates=written_dates) for key, value in params.items()}


def error_message(
    code: str, params: Mapping[str, Any] | None = None, *, written_dates: bool = False
) -> str:
    """Return the message for one error ``code`` with its ``params``, in the active language.

    Unknown codes get a generic message rather than an exception: a new code added to the
    validation must never turn a bad answer into a server error.
    """
    params = params or {}
    if code == "invalid_type":
        template = INVALID_TYPE_MESSAGES.get(params.get("expected"), FALLBACK_MESSAGE)
    else:
        template = MESSAGES.get(code, FALLBACK_MESSAGE)
    return str(template) % _Params(shown_params(params, written_dates=written_dates))


def errors_to_json(
    errors: Mapping[str, list[tuple[str, dict]]], *, word: Callable[..., str] = error_message
) -> dict:
    """Return ``{"field.path": [{"code", "params", "message"}]}`` for ``AnswersInvalid.errors``.

    ``params`` keep ISO dates for programs; ``message`` writes them as the pages do. ``word``
    words one error (the HSP calculator passes its own, which falls back on this module's).
    """
    return {
        path: [
            {
                "code": code,
                "params": dict(params),
                "message": word(code, params, written_dates=True),
            }
            for code, params in path_errors
        ]
        for path, path_errors in sorted(errors.items())
    }


def errors_to_lines(
    errors: Mapping[str, list[tuple[str, dict]]],
    *,
    word: Callable[..., str] = error_message,
    whole: str = "(answers)",
) -> list[str]:
    """Return one ``"field.path: message"`` line per error, for the command line.

    ``whole`` names the input in a line about it as a whole (no field path).
    """
    return [
        f"{path or whole}: {word(code, params)}"
        for path, path_errors in sorted(errors.items())
        for code, params in path_errors
    ]
