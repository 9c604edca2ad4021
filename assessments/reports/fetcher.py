"""The report's URL fetcher for WeasyPrint: our own static files from disk, and nothing else.

A module of its own because it imports WeasyPrint, which ``report.report_render_pdf``
imports only when a PDF is rendered.

What every render would otherwise build again is kept: the fetcher (WeasyPrint's constructor
sets up urllib's handlers, HTTPS with a fresh SSL context that loads the system's certificates,
for a fetcher that never opens a URL), the font configuration and the parsed stylesheet. They
are kept per thread: a worker process renders on one thread, so it builds them once; a
``FontConfiguration`` (a Pango font map) must not be shared between threads.
"""

from __future__ import annotations

import mimetypes
import threading
from dataclasses import dataclass

from weasyprint import CSS
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from assessments.reports.pdf import STYLESHEET, static_name, static_path, static_report_url

_per_thread = threading.local()


class StaticFilesURLFetcher(URLFetcher):
    """Serve our static files from disk and refuse every other URL.

    Only ``BASE_URL`` + ``STATIC_URL`` paths are answered, through the staticfiles finders
    (or the collected files in production, where ``{% static %}`` adds a hash to the name).
    Anything else — another host, ``file:``, ``data:``, a path outside the static
    directories — raises, and WeasyPrint leaves that resource out.
    """

    def __init__(self):
        # WeasyPrint's own constructor; its handlers are never used, as ``fetch`` opens no URL.
        super().__init__(allowed_protocols=("https",), allow_redirects=False)

    def fetch(self, url, headers=None):
        name = static_name(url)
        path = static_path(name) if name else None
        if path is None:
            raise ValueError("the report may only load prcheck's own static files")
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        with open(path, "rb") as handle:
            body = handle.read()
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


@dataclass(frozen=True)
class ReportRenderer:
    """What every render of a report uses: fetcher, fonts and the parsed stylesheet."""

    url_fetcher: StaticFilesURLFetcher
    font_config: FontConfiguration
    stylesheet: CSS


def report_renderer() -> ReportRenderer:
    """Return this thread's renderer, built on its first render."""
    renderer = getattr(_per_thread, "renderer", None)
    if renderer is None:
        fetcher, fonts = StaticFilesURLFetcher(), FontConfiguration()
        stylesheet = CSS(url=static_report_url(STYLESHEET), url_fetcher=fetcher, font_config=fonts)
        renderer = _per_thread.renderer = ReportRenderer(fetcher, fonts, stylesheet)
    return renderer
