"""``POST /api/hsp-points``: an HSP profile in, the points and breakdown out (JSON).

Errors are JSON too, ``{"errors": {"field": [{"code", "params", "message"}]}}``, with messages
in the request's language, exactly as ``POST /api/assess``: the same guards (POST, JSON, size
limit), no cookies, nothing stored, nothing from the body logged.
"""

from __future__ import annotations

import logging

from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from ..api.views import error_response, json_post_only, json_response, parse_json
from ..thresholds import MissingThreshold
from .messages import hsp_errors_to_json
from .profile import HspProfileInvalid, profile_from_dict
from .services import HspTableNotInForce, hsp_points_at

logger = logging.getLogger(__name__)


@csrf_exempt
@json_post_only
def hsp_points(request, body: bytes):
    """Score the profile in the body and return the result JSON (400 with field errors)."""
    try:
        data = parse_json(body)
    except ValueError:
        return error_response(400, "invalid_json")
    try:
        profile = profile_from_dict(data, today=timezone.localdate())
        result = hsp_points_at(profile, on=profile.as_of)
    except (HspProfileInvalid, HspTableNotInForce) as exc:
        return json_response({"errors": hsp_errors_to_json(exc.errors)}, status=400)
    except MissingThreshold as exc:
        # The database lacks a row (migrations not run): the server's fault, not the input's.
        logger.error("Cannot compute HSP points: %s", exc)
        return error_response(503, "thresholds_unavailable")
    return json_response(result.to_json())
