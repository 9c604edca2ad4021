"""Downloads of a report already rendered, answered before most of Django's middleware.

A report is rendered once and kept on its assessment; every later download sends the same
bytes. Such a download should cost about what a static file costs, and WhiteNoise answers
those from the second middleware. Through the whole stack a stored report cost four times
a static file under load (``bench/load.py``): URL resolution, eight middleware and an ORM
query whose building alone took as long as WhiteNoise's whole answer.

``StoredReportMiddleware`` sits right after WhiteNoise. For a GET or HEAD of
``/<lang>/result/<token>/report.pdf`` whose report is already stored, it reads the ``pdf``
column with one small statement and answers with every header the full stack gives the same
download (``report_headers`` below; a test compares the two). Anything else — a report not
rendered yet, an unknown or expired token, another method — goes down the stack to
``report_views.report`` as before, so refusals, 404s and renders have one implementation.

The PDF rate limit counts what goes down the stack: renders (the costly part) and misses
(someone guessing tokens). A download of a report already rendered is not counted, as a
static file is not: it costs less than any wizard page, and counting it cost a database
write, as much as the rest of the download.

Django checks a reused database connection with ``SELECT 1`` before a request's first query
(``CONN_HEALTH_CHECKS``). On PostgreSQL that round trip took as long as reading the report
itself (130 µs of 260, measured), so here the read is the check: it runs first, and only if it
fails on a reused connection is the connection tested, closed if dead, and the read tried
once more on a new one — what the health check would have done, paid for only on failure.
"""

from __future__ import annotations

import functools
import re

from django.conf import settings
from django.core.signals import setting_changed
from django.db import Error, connection
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.csp import CSP, build_policy
from django.utils.http import http_date

from assessments.reports.pdf import report_reference
from assessments.results.models import Assessment
from assessments.web.middleware import ROBOTS_HEADER, SAFE_METHODS, TOKEN_SHAPE

#: Stands for the token while the report's URL is reversed into a pattern.
TOKEN_PLACEHOLDER = "TOKENPLACEHOLDER"


def report_response(*, pdf: bytes, token: str) -> HttpResponse:
    """Return the download of a report: a named attachment, never cached nor indexed."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="prcheck-report-{report_reference(token=token)}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@functools.cache
def report_path_pattern() -> re.Pattern:
    """Return a pattern for the report's path in every language, with the token as a group.

    Built by reversing the URL itself, so the URLconf stays the one place the path is written.
    """
    paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            path = reverse("assessments:report", kwargs={"token": TOKEN_PLACEHOLDER})
        paths.append(re.escape(path).replace(TOKEN_PLACEHOLDER, f"({TOKEN_SHAPE.pattern})"))
    return re.compile("|".join(f"(?:{path})" for path in paths))


def stored_report_pdf(*, token: str) -> bytes | None:
    """Return the stored report of the unexpired assessment with ``token``, or None.

    One parameterised statement rather than a queryset: building the ORM query cost ten
    times as long as running it, on the one path meant to be as cheap as a static file.
    """
    sql = _stored_report_sql(connection.vendor)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    row = _fetch_one_checked_on_failure(sql, [token, now])
    return bytes(row[0]) if row else None


def _fetch_one_checked_on_failure(sql: str, params: list):
    """Run ``sql`` without the connection health check first; check only if it fails.

    A read is safe to run twice. If the connection was reused and due a health check, and the
    read fails on a connection that is no longer usable (the database restarted, or dropped an
    idle connection), the connection is closed and the read runs once more on a new one. Any
    other failure is raised as it would have been.
    """
    check_due = (
        connection.connection is not None
        and connection.health_check_enabled
        and not connection.health_check_done
        and not connection.in_atomic_block
    )
    if not check_due:
        return _fetch_one(sql, params)
    connection.health_check_done = True  # a read that succeeds is the check
    try:
        return _fetch_one(sql, params)
    except Error:
        if connection.is_usable():
            raise
    connection.close()
    return _fetch_one(sql, params)


@functools.cache
def _stored_report_sql(vendor: str) -> str:
    """Return the statement for ``vendor``'s quoting: written once, not on every download."""
    quote = connection.ops.quote_name
    table = quote(Assessment._meta.db_table)
    pdf, token, expires_at = (
        quote(Assessment._meta.get_field(name).column) for name in ("pdf", "token", "expires_at")
    )
    return (
        f"SELECT {pdf} FROM {table} WHERE {token} = %s AND {expires_at} > %s AND {pdf} IS NOT NULL"
    )


def _fetch_one(sql: str, params: list):
    """Run ``sql``; on PostgreSQL, have the row sent in binary.

    PostgreSQL sends a ``bytea`` as hex text unless asked for binary: twice the bytes, and a
    decode on our side (0.9 ms against 0.3 ms for a typical report, measured).
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            import psycopg  # only installed where PostgreSQL is used

            # wrap_database_errors: psycopg's errors raised as Django's.
            with (
                connection.wrap_database_errors,
                psycopg.Cursor(cursor.cursor.connection) as binary,
            ):
                binary.execute(sql, params, binary=True)
                return binary.fetchone()
        cursor.execute(sql, params)
        return cursor.fetchone()


def report_headers(response: HttpResponse, *, language: str) -> HttpResponse:
    """Add what the middleware after this one adds to the same download through the stack.

    ``CommonMiddleware`` (length), ``LocaleMiddleware`` (language), ``XFrameOptionsMiddleware``,
    Django's CSP middleware and ``PersonalPageMiddleware`` (never cached, never indexed). A
    test compares the two answers header by header. Only the length, the language and the
    expiry date differ between downloads; the rest is worked out once (``_shared_headers``).
    """
    for header, value in _shared_headers().items():
        response.headers[header] = value
    response.headers["Content-Length"] = str(len(response.content))
    response.headers["Content-Language"] = language
    response.headers["Expires"] = http_date()
    return response


@functools.cache
def _shared_headers() -> dict[str, str]:
    """Return the headers every stored download has, built by the functions the stack uses.

    Worked out once per process rather than per download, where they were most of the cost
    of building the response (45 µs against 15 µs, measured). Forgotten when a test changes
    the settings they come from.
    """
    response = report_response(pdf=b"", token="")
    response.headers["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    for header, config in (
        (CSP.HEADER_ENFORCE, settings.SECURE_CSP),
        (CSP.HEADER_REPORT_ONLY, settings.SECURE_CSP_REPORT_ONLY),
    ):
        if config:
            response.headers[str(header)] = build_policy(config)
    add_never_cache_headers(response)
    response.headers["X-Robots-Tag"] = ROBOTS_HEADER
    per_download = {"Content-Disposition", "Content-Length", "Expires"}
    return {k: v for k, v in response.headers.items() if k not in per_download}


@receiver(setting_changed)
def _forget_shared_headers(**kwargs) -> None:
    _shared_headers.cache_clear()


class StoredReportMiddleware:
    """Answer the download of an already-rendered report without the rest of the stack."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in SAFE_METHODS or request.GET:
            return self.get_response(request)
        match = report_path_pattern().fullmatch(request.path)
        if match is None:
            return self.get_response(request)
        token = next(group for group in match.groups() if group)
        pdf = stored_report_pdf(token=token)
        if pdf is None:
            return self.get_response(request)  # rendered now, or 404, by the view: counted
        language = translation.get_language_from_path(request.path_info)
        return report_headers(report_response(pdf=pdf, token=token), language=language)
