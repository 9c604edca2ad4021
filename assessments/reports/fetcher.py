"""The report's URL fetcher for WeasyPrint: our own static files from disk, and nothing else.

A module of its own because it imports WeasyPrint, which ``report.report_render_pdf``
imports only when a PDF is rendered.
"""

from __future__ import annotations

import mimetypes

from weasyprint.urls import URLFetcher, URLFetcherResponse

from assessments.reports.pdf import static_name, static_path


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
