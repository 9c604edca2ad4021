"""JSON API: ``POST /api/assess`` takes answers (`prcheck.answers/1`), returns the result.

Errors are JSON too, ``{"errors": {"field.path": [{"code", "params", "message"}]}}``, with
messages in the request's language (``Accept-Language``). The API keeps nothing: no
cookies, no session, no stored assessment, and nothing from the body is logged. The checks
every JSON endpoint shares (method, media type, size, JSON, text, errors) are in ``endpoint``.
"""

from __future__ import annotations

import logging

from django.utils import timezone

from assessments.eligibility.answers import AnswersInvalid, answers_from_dict
from assessments.results.services import assessment_evaluate
from assessments.thresholds.snapshot import MissingThreshold
from assessments.web.json_endpoints import error_response, json_endpoint, json_response
from assessments.web.messages import errors_to_json

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
