"""JSON API: ``POST /api/assess`` takes answers (`prcheck.answers/1`), returns the result.

Errors are JSON too, ``{"errors": {"field.path": [{"code", "params", "message"}]}}``, with
messages in the request's language (``Accept-Language``). The API keeps nothing: no
cookies, no session, no stored assessment, and nothing from the body is logged.
"""

from __future__ import annotations

import json
import logging
from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.csrf import csrf_exempt

from ..answers import AnswersInvalid, answers_from_dict
from ..messages import errors_to_json
from ..services import assessment_evaluate
from ..thresholds import MissingThreshold

JSON_CONTENT_TYPES = ("application/json",)

logger = logging.getLogger(__name__)


def json_response(data: dict, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    patch_vary_headers(response, ["Accept-Language"])
    return response


def error_response(status: int, code: str, path: str = "", **params) -> JsonResponse:
    """Return ``{"errors": {path: [error]}}`` for an error about the request as a whole."""
    return json_response({"errors": errors_to_json({path: [(code, params)]})}, status=status)


def json_post_only(view):
    """Refuse anything but a POST of JSON within the size limit, before the view reads it."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            response = error_response(405, "method_not_allowed")
            response["Allow"] = "POST"
            return response
        if request.content_type not in JSON_CONTENT_TYPES:
            return error_response(415, "unsupported_media_type")
        limit = settings.PRCHECK_API_MAX_BYTES
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > limit:
            return error_response(413, "request_too_large", maximum=limit)
        body = request.read(limit + 1)
        if len(body) > limit:
            return error_response(413, "request_too_large", maximum=limit)
        return view(request, body, *args, **kwargs)

    return wrapper


def parse_json(body: bytes):
    """Return the parsed body; raise ``ValueError`` for anything that is not JSON text."""
    try:
        return json.loads(body.decode("utf-8"))
    except RecursionError:  # deeply nested arrays
        raise ValueError("too deeply nested") from None


@csrf_exempt
@json_post_only
def assess(request, body: bytes):
    """Assess the answers in the body and return the result JSON (400 with field errors)."""
    try:
        data = parse_json(body)
    except ValueError:
        return error_response(400, "invalid_json")
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
