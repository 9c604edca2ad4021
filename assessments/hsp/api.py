"""``POST /api/hsp-points``: an HSP profile in, the points and breakdown out (JSON).

Errors are JSON too, ``{"errors": {"field": [{"code", "params", "message"}]}}``, with messages
in the request's language, exactly as ``POST /api/assess``: the same guards (``json_endpoint``:
POST, JSON, size limit, readable text), no cookies, nothing stored, nothing from the body logged.
"""

from __future__ import annotations

import logging

from django.utils import timezone

from assessments.hsp.messages import hsp_errors_to_json
from assessments.hsp.profile import HspProfileInvalid, profile_from_dict
from assessments.hsp.services import HspTableNotInForce, hsp_points_at
from assessments.thresholds.snapshot import MissingThreshold
from assessments.web.json_endpoints import error_response, json_endpoint, json_response

logger = logging.getLogger(__name__)


@json_endpoint
def hsp_points(request, data):
    """Score the profile in the body and return the result JSON (400 with field errors)."""
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
