"""JSON API: ``POST /api/assess`` takes answers (`prcheck.answers/1`), returns the result.

Errors are JSON too, ``{"errors": {"field.path": [{"code", "params", "message"}]}}``, with
messages in the request's language (``Accept-Language``). The API keeps nothing: no
cookies, no session, no stored assessment, and nothing from the body is logged. The checks
every JSON endpoint shares (method, media type, size, JSON, text, errors) are in ``endpoint``.
"""

from __future__ import annotations

import logging

from django.utils import timezone

from ..answers import AnswersInvalid, answers_from_dict
from ..messages import errors_to_json
from ..services import assessment_evaluate
from ..thresholds import MissingThreshold
from .endpoint import error_response, json_endpoint, json_response

logger = logging.getLogger(__name__)


@json_endpoint
def assess(request, data):
    """Assess the answers in the body and return the result JSON (400 with field errors)."""
    try:
        answers = answers_from_dict(data, today=timezone.localdate())
    except AnswersInvalid as exc:
        return json_response({"errors": errors_to_json(exc.errors)}, status=400)
    try:
        result = assessment_evaluate(answers=answers)
    except MissingThreshold as exc:
        # The database lacks a key (migrations not run): the server's fault, not the input's.
        logger.error("Cannot assess: %s", exc)
        return error_response(503, "thresholds_unavailable")
    return json_response(result.to_json())
