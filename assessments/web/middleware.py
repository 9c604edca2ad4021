"""Security middleware: keep personal pages private and rate-limit the costly endpoints.

Both work on URL names (``request.resolver_match``) so that a new view is covered without anyone
having to remember a decorator:

- ``PersonalPageMiddleware`` treats every response as personal unless it answers a GET or HEAD
  without a query string for a URL name listed in ``PRCHECK_PUBLIC_URL_NAMES`` (default deny: a wizard step, a result,
  a PDF or an API answer can never be cached by a proxy or indexed by a search engine).
- ``RateLimitMiddleware`` counts API requests per client in fixed windows
  (``rate_counters``: a table in the database by default, so every process behind a load
  balancer shares the counts; Redis or Memcached via ``RATE_LIMIT_CACHE_URL``). The PDF
  download counts per client only the requests for a report that does not exist
  (``rate_limited``, called by the view): a result renders once whoever asks, and
  re-downloads are free.
- ``InputShapeMiddleware`` answers 404 for any ``token`` URL argument that no token could be,
  and 400 for NUL characters in form data, before a view hands them to the database.
"""

from __future__ import annotations

import ipaddress
import math
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import BadRequest, ImproperlyConfigured
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext

from assessments.web.rate_counters import rate_count

ROBOTS_HEADER = "noindex, nofollow, noarchive"
SAFE_METHODS = frozenset({"GET", "HEAD"})
CACHE_KEY_PREFIX = "prcheck:rate"
#: What a token can look like: URL-safe base64 (``secrets.token_urlsafe``), within the column.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{16,64}")


def is_personal(request: HttpRequest) -> bool:
    """Return False only for a plain read of a page listed as public; all else is personal."""
    match = request.resolver_match
    if match is None or request.method not in SAFE_METHODS or request.GET:
        return True
    return match.view_name not in settings.PRCHECK_PUBLIC_URL_NAMES


class PersonalPageMiddleware:
    """Mark personal responses ``Cache-Control: no-store`` and ``X-Robots-Tag: noindex``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_personal(request):
            add_never_cache_headers(response)
            response.headers["X-Robots-Tag"] = ROBOTS_HEADER
        return response


def _holds_nul(data) -> bool:
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in data.lists())


class InputShapeMiddleware:
    """Refuse input that no honest request carries and that PostgreSQL cannot store.

    A ``token`` URL argument that no token could be is 404 (before any query: PostgreSQL
    rejects a NUL byte with an error, not a miss); a NUL character in the query string or form
    data is 400 (text and JSON columns cannot hold it, and the wizard keeps drafts as typed).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        token = view_kwargs.get("token")
        if token is not None and not TOKEN_SHAPE.fullmatch(str(token)):
            raise Http404
        if _holds_nul(request.GET) or (request.method == "POST" and _holds_nul(request.POST)):
            raise BadRequest("NUL character in the request data")
        return None


@dataclass(frozen=True)
class Limit:
    """At most ``requests`` requests in each window of ``seconds`` seconds."""

    requests: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Limit | None:
        """Read "REQUESTS/SECONDS" (e.g. "60/60"); "" or "0" turns the limit off."""
        text = (text or "").strip()
        if text in {"", "0"}:
            return None
        try:
            requests, seconds = (int(part) for part in text.split("/"))
        except ValueError:
            requests = seconds = 0
        if requests <= 0 or seconds <= 0:
            raise ImproperlyConfigured(f"A rate limit reads REQUESTS/SECONDS, e.g. 60/60: {text!r}")
        return cls(requests, seconds)


def rate_limit_scope(request: HttpRequest) -> str | None:
    """Return the scope the middleware limits ``request`` under: every API endpoint.

    The PDF's own limit is applied by its view, which alone knows whether the report exists.
    """
    match = request.resolver_match
    if match is not None and "api" in match.namespaces:
        return "api"
    return None


def client_address(request: HttpRequest) -> str:
    """Return the client's IP, trusting only as many X-Forwarded-For hops as there are proxies.

    The one place that says who the client is: the rate limits and django-axes
    (``AXES_CLIENT_IP_CALLABLE``) both ask it. A forwarded hop that is not an IP address
    (``X-Forwarded-For: not-an-ip``, which a client can send through a proxy that appends)
    is not used: the peer's address is, so no such text reaches a query or a log.
    """
    proxies = settings.PRCHECK_TRUSTED_PROXY_COUNT
    if proxies > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if len(hops) >= proxies and (forwarded := _ip_address(hops[-proxies])):
            return forwarded
    return _ip_address(request.META.get("REMOTE_ADDR", "")) or ""


def _ip_address(text: str) -> str | None:
    """Return ``text`` as a normalised IP address, or None if it is not one."""
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


def retry_after_seconds(request: HttpRequest, scope: str, limit: Limit) -> int:
    """Count this request; return 0 if it is allowed, else the seconds until the next window."""
    now = time.time()
    window = int(now // limit.seconds)
    # An IP address is personal data: the counter (a database row by default) keeps a hash.
    client = salted_hmac(
        "prcheck.rate-limit", client_address(request), algorithm="sha256"
    ).hexdigest()[:32]
    key = f"{CACHE_KEY_PREFIX}:{scope}:{client}:{window}"
    count = rate_count(key=key, seconds=limit.seconds + 1)
    if count <= limit.requests:
        return 0
    return max(1, math.ceil((window + 1) * limit.seconds - now))


def too_many_requests(request: HttpRequest, scope: str, retry_after: int) -> HttpResponse:
    """Answer 429 in the user's language: JSON for the API, a page otherwise."""
    message = gettext("Too many requests. Please wait %(seconds)s seconds, then try again.") % {
        "seconds": retry_after
    }
    if scope == "api":
        # The API's own error shape: {"errors": {field path ("" = the request): [error]}}.
        error = {"code": "rate_limited", "params": {"seconds": retry_after}, "message": message}
        body = {"errors": {"": [error]}, "retry_after": retry_after}
        response = JsonResponse(body, status=429, json_dumps_params={"ensure_ascii": False})
    else:
        context = {"message": message, "retry_after": retry_after}
        response = render(request, "assessments/too_many_requests.html", context, status=429)
    response.headers["Retry-After"] = str(retry_after)
    return response


def rate_limited(request: HttpRequest, scope: str) -> HttpResponse | None:
    """Count ``request`` under ``scope``; return the 429 answer if the client is over its limit."""
    limit = Limit.parse(settings.PRCHECK_RATE_LIMITS.get(scope, ""))
    if limit is None:
        return None
    retry_after = retry_after_seconds(request, scope, limit)
    return too_many_requests(request, scope, retry_after) if retry_after else None


class RateLimitMiddleware:
    """Answer 429 with Retry-After once a client exceeds its scope's ``PRCHECK_RATE_LIMITS``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        scope = rate_limit_scope(request)
        return rate_limited(request, scope) if scope else None
