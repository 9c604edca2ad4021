"""The report's URL fetcher: our static files from disk, and nothing else."""

import threading
import urllib.request

import pytest
from django.contrib.staticfiles import finders

from assessments.reports.fetcher import StaticFilesURLFetcher, report_renderer
from assessments.reports.pdf import BASE_URL, report_render_pdf

STYLESHEET = BASE_URL + "static/css/report.css"


def test_a_static_file_is_served_from_disk_with_its_type():
    response = StaticFilesURLFetcher().fetch(STYLESHEET)
    with open(finders.find("css/report.css"), "rb") as handle:
        assert response.read() == handle.read()
    assert response.content_type == "text/css"


REFUSED = [
    ("a file path", "file:///etc/passwd"),
    ("a file path inside the project", "file:///work/main/prcheck/settings.py"),
    ("another host", "https://example.com/static/css/report.css"),
    ("plain http on our host name", "http://report.prcheck.invalid/static/css/report.css"),
    ("a local network address", "http://127.0.0.1:8000/static/css/report.css"),
    ("a data URL", "data:text/css,body{color:red}"),
    ("a path outside STATIC_URL", BASE_URL + "admin/"),
    ("a climb out of the static folders", BASE_URL + "static/../prcheck/settings.py"),
    ("an encoded climb", BASE_URL + "static/%2e%2e/%2e%2e/etc/passwd"),
    ("an absolute path after the prefix", BASE_URL + "static//etc/passwd"),
    ("a static file that does not exist", BASE_URL + "static/css/missing.css"),
    ("a query string", STYLESHEET + "?v=1"),
]


@pytest.mark.parametrize("url", [url for _, url in REFUSED], ids=[name for name, _ in REFUSED])
def test_everything_else_is_refused(url):
    with pytest.raises(ValueError):
        StaticFilesURLFetcher().fetch(url)


def test_rendering_html_that_points_elsewhere_never_opens_a_connection(monkeypatch):
    opened = []

    def record(self, request, *args, **kwargs):
        opened.append(request)
        raise AssertionError("the report must not open URLs")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", record)
    html = (
        '<link rel="stylesheet" href="https://example.com/x.css">'
        '<link rel="stylesheet" href="file:///etc/passwd">'
        '<img src="http://127.0.0.1:9/logo.png"><p>本文 text</p>'
    )
    assert report_render_pdf(html=html).startswith(b"%PDF")
    assert opened == []


def test_a_render_builds_no_fetcher_and_no_ssl_context_once_its_thread_has_rendered(
    monkeypatch,
):
    report_render_pdf(html="<p>一度目 first</p>")
    built = []
    monkeypatch.setattr(
        urllib.request.HTTPSHandler, "__init__", lambda self, *a, **k: built.append(1)
    )
    assert report_render_pdf(html="<p>二度目 second</p>").startswith(b"%PDF")
    assert built == [], "urllib's HTTPS handler (and its SSL context) was built again"


def test_the_fetcher_fonts_and_stylesheet_are_kept_per_thread():
    mine = report_renderer()
    other = []
    thread = threading.Thread(target=lambda: other.append(report_renderer()))
    thread.start()
    thread.join()
    assert report_renderer() is mine
    assert other[0] is not mine, "a FontConfiguration must not be shared between threads"
    assert other[0].font_config is not mine.font_config
