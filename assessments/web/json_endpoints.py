"""The one helper for prcheck's JSON endpoints (``/api/assess``, ``/api/hsp-points``).

``json_endpoint`` wraps a view that takes the parsed JSON document and returns a response. It
checks the method (POST), the media type (JSON) and the size (``PRCHECK_API_MAX_BYTES``) before
the body is read; parses the body; refuses text that cannot be stored or sent back (a lone UTF-16
surrogate such as ``"\\ud800"``, as a key or a value) with a 400 naming the field; and answers any
unexpected exception with a JSON 500 that logs only the exception's type and where it was raised
(never its message, which may quote the input). ``api_error_handler`` makes Django's own 400,
403, 404 and 500 answers JSON under ``/api/`` too.

Every answer has the shape ``{"errors": {"field.path": [{"code", "params", "message"}]}}`` for
errors (``""`` = the request as a whole), messages in the request's language, ``Vary:
Accept-Language``; nothing is kept (no cookie, no session).
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from assessments.web.messages import error_message

JSON_CONTENT_TYPES = ("application/json",)
API_PREFIX = "/api/"

#: Errors of the endpoint itself (the answers' own codes are worded in ``assessments.web.messages``).
MESSAGES = {
    "invalid_text": _("This text contains a character that cannot be read (a lone surrogate)."),
    "bad_request": _("The request could not be read."),
    "forbidden": _("This request is not allowed."),
    "not_found": _("There is no API endpoint at this address."),
    "server_error": _(
        "prcheck could not answer because of a problem on its side. Please try again later."
    ),
}

logger = logging.getLogger(__name__)


def json_response(data: dict, *, status: int = 200) -> JsonResponse:
    """Return ``data`` as UTF-8 JSON that varies with the request's language."""
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    patch_vary_headers(response, ["Accept-Language"])
    return response


def api_message(code: str, params: dict) -> str:
    if code in MESSAGES:
        return str(MESSAGES[code]) % params
    return error_message(code, params)


def error_response(status: int, code: str, path: str = "", **params) -> JsonResponse:
    """Return ``{"errors": {path: [error]}}`` for one error, with ``status``."""
    error = {"code": code, "params": params, "message": api_message(code, params)}
    return json_response({"errors": {path: [error]}}, status=status)


def unreadable_text_path(document) -> str | None:
    """Return the path of the first key or string that is not valid Unicode text, else None.

    Walks the document without recursion: it may be as deeply nested as ``json`` accepts.
    """
    pending = [("", document)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, str) and not _is_text(value):
            return path
        if isinstance(value, list):
            pending.extend((f"{path}[{i}]", item) for i, item in enumerate(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if not _is_text(key):
                    return _child_path(path, key.encode("utf-8", "backslashreplace").decode())
                pending.append((_child_path(path, key), item))
    return None


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _child_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def read_json(request: HttpRequest):
    """Return the parsed body or an error response (method, media type, size, JSON, text)."""
    if request.method != "POST":
        response = error_response(405, "method_not_allowed")
        response["Allow"] = "POST"
        return None, response
    if request.content_type not in JSON_CONTENT_TYPES:
        return None, error_response(415, "unsupported_media_type")
    limit = settings.PRCHECK_API_MAX_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    body = b"" if declared > limit else request.read(limit + 1)
    if declared > limit or len(body) > limit:
        return None, error_response(413, "request_too_large", maximum=limit)
    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, or nested too deeply
        return None, error_response(400, "invalid_json")
    if (path := unreadable_text_path(data)) is not None:
        return None, error_response(400, "invalid_text", path)
    return data, None


def json_endpoint(view: Callable) -> Callable:
    """Wrap ``view(request, data) -> response`` as a JSON endpoint (see the module docstring)."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        data, refusal = read_json(request)
        if refusal is not None:
            return refusal
        try:
            return view(request, data, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - any failure must still answer JSON
            log_unexpected(exc, where=view.__qualname__)
            return error_response(500, "server_error")

    return wrapper


def log_unexpected(exc: BaseException, *, where: str) -> None:
    """Log an exception's type and stack, but not its message (it may quote the input)."""
    stack = "".join(traceback.format_tb(exc.__traceback__))
    logger.error("Unexpected %s in %s\n%s", type(exc).__name__, where, stack)


def api_error_handler(status: int, code: str, html_handler: Callable) -> Callable:
    """Return a Django error handler: JSON under ``/api/``, ``html_handler`` elsewhere."""

    def handler(request, exception=None):
        if request.path.startswith(API_PREFIX):
            return error_response(status, code)
        if status == 500:
            return html_handler(request)
        return html_handler(request, exception)

    return handler
