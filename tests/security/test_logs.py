"""No personal value reaches the logs: the redaction filter guards every handler.

The end-to-end test runs an applicant's whole journey through the test client with every logger
at DEBUG, provokes the log lines that quote paths and bodies (a 400, a 404 with a token in the
path, a development-server access line, an exception quoting a value), and scans both what
pytest captured and what the configured console handler wrote.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse

from assessments.questionnaire.models import SavedProgress
from assessments.web.log_filters import RedactPersonalData, install_on_all_handlers, redact
from tests.questionnaire.driver import WizardDriver
from tests.questionnaire.profiles import FIVE_YEARS, GENERAL, income, with_
from tests.security.conftest import APPLICANT, personal_values, store_assessment

TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Not Found: /en/result/{TOKEN}/", "Not Found: /en/result/[token]/"),
        (f'"GET /ja/result/{TOKEN}/report.pdf HTTP/1.1" 200 51234', None),
        ("session 4f8b2c9d0e1a7b3c5d6e7f8091a2b3c4 saved", "session [token] saved"),
        ("born 1983-07-19, entered 2013/05/23", "born [date], entered [date]"),
        ("income 4312345 and 4,312,345 yen", "income [number] and [number] yen"),
        ("GET /api/assess?income=4312345&x=1 HTTP/1.1", "GET /api/assess?[query] HTTP/1.1"),
        ("Bad Request: /api/assess", "Bad Request: /api/assess"),
        ('"POST /en/check/income/ HTTP/1.1" 302 0', '"POST /en/check/income/ HTTP/1.1" 302 0'),
        ("in 2025 after 3 trips of 12 days", "in 2025 after 3 trips of 12 days"),
        ("ContentSecurityPolicyMiddleware failed", "ContentSecurityPolicyMiddleware failed"),
        ('203.0.113.9 - - "GET / HTTP/1.1" 200', '[address] - - "GET / HTTP/1.1" 200'),
        ("from 2001:db8::1 and ::ffff:192.0.2.1.", "from [address] and [address]."),
        ("ip=203.0.113.9: peer 203.0.113.9:4431", "ip=[address]: peer [address]:4431"),
        ("at [07/Dec/2026:15:50:00 +0000] v3.12.1", "at [07/Dec/2026:15:50:00 +0000] v3.12.1"),
    ],
)
def test_redaction_hides_tokens_dates_amounts_and_query_strings_but_keeps_the_rest(text, expected):
    redacted = redact(text)
    if expected is not None:
        assert redacted == expected
    assert TOKEN not in redacted
    assert "51234" not in redacted


def make_record(msg, *args, **extra) -> logging.LogRecord:
    record = logging.getLogger("django.request").makeRecord(
        "django.request", logging.WARNING, __file__, 1, msg, args, None, extra=extra
    )
    return record


def test_the_filter_drops_the_request_and_keeps_the_record():
    record = make_record("Bad Request: %s", f"/en/result/{TOKEN}/", request=object())
    assert RedactPersonalData().filter(record) is True
    assert record.getMessage() == "Bad Request: /en/result/[token]/"
    assert not hasattr(record, "request")


def test_the_filter_redacts_tracebacks_and_drops_the_frames_that_error_mails_would_render():
    try:
        raise ValueError("income 4312345 on 1983-07-19")
    except ValueError:
        record = logging.getLogger("x").makeRecord(
            "x", logging.ERROR, __file__, 1, "failed", (), __import__("sys").exc_info()
        )
    RedactPersonalData().filter(record)
    assert record.exc_info is None
    assert "ValueError: income [number] on [date]" in record.exc_text
    assert "4312345" not in logging.Formatter().format(record)


def test_a_malformed_log_call_does_not_leak_its_arguments():
    record = make_record("income %d %d", "4312345")
    RedactPersonalData().filter(record)
    assert "4312345" not in record.getMessage()


def all_handlers() -> list[logging.Handler]:
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    return [handler for logger in loggers for handler in logger.handlers]


def test_every_configured_handler_is_guarded_by_the_filter_first():
    # pytest's own capture handlers are test machinery; libraries add NullHandlers, which
    # write nothing anywhere.
    handlers = [
        h
        for h in all_handlers()
        if type(h).__module__.split(".")[0] != "_pytest" and not isinstance(h, logging.NullHandler)
    ]
    assert handlers, "logging is not configured"
    for handler in handlers:
        assert handler.filters, handler
        assert isinstance(handler.filters[0], RedactPersonalData), handler


def test_handlers_added_later_are_guarded_by_install_on_all_handlers():
    logger = logging.getLogger("prcheck.test.late")
    handler = logging.StreamHandler(io.StringIO())
    logger.addHandler(handler)
    try:
        install_on_all_handlers()
        install_on_all_handlers()
        assert [type(f) for f in handler.filters] == [RedactPersonalData]
    finally:
        logger.removeHandler(handler)


@pytest.fixture
def console_output():
    """Capture what the configured console handler (the production one) writes."""
    handler = next(
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.StreamHandler) and not type(h).__module__.startswith("_pytest")
    )
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


#: The wizard answers of one applicant, with values distinctive enough to be searched for.
D = dt.date
WIZARD_APPLICANT = with_(
    GENERAL,
    status={"status_expiry_date": D(2029, 3, 17)},
    residence={
        "residence_start_date": D(2013, 5, 23),
        "qualifying_status_start_date": D(2014, 2, 11),
    },
    travel={"trips": [{"departure": D(2024, 8, 3), "return_date": D(2024, 8, 21)}]},
    income={**income(FIVE_YEARS, amount=4_312_345), "assets": 7_654_321},
)


def run_the_wizard(client) -> list[str]:
    """Complete the wizard, with a "continue later" on the way; return the tokens it made."""
    driver = WizardDriver(client)
    driver.answer("status", **WIZARD_APPLICANT["status"])
    driver.press("residence", "wizard_save", **WIZARD_APPLICANT["residence"])
    resume_token = SavedProgress.objects.get().token
    assert client.get(reverse("assessments:check_resume", args=[resume_token])).status_code == 302
    assert client.get(f"/en/check/resume/{resume_token[:-1]}/").status_code == 404
    driver.answer_all(WIZARD_APPLICANT)
    response = driver.answer("summary")
    assert response.status_code == 302
    return [resume_token, response["Location"].rstrip("/").rsplit("/", 1)[-1]]


def walk_the_journey(client) -> list[str]:
    """Run one applicant through every page; return the tokens it produced."""
    tokens = run_the_wizard(client)
    body = json.dumps(APPLICANT)
    assert client.post("/api/assess", body, content_type="application/json").status_code == 200
    bad = APPLICANT | {"residence_start_date": "2031-02-29", "assets": -7654321}
    bad_body = json.dumps(bad)
    assert client.post("/api/assess", bad_body, content_type="application/json").status_code == 400
    tokens.append(store_assessment().token)
    for token in tokens[1:]:
        for name in ("assessments:result", "assessments:report"):
            url = reverse(name, args=[token])
            assert client.get(url).status_code == 200
            assert client.get(url.replace(token, token[:-1])).status_code == 404
        assert client.post(reverse("assessments:delete", args=[token])).status_code == 200
    assert client.get(f"/en/result/{tokens[-1]}/no-such-page/").status_code == 404
    # What `runserver` logs for each request, and an error quoting an input value.
    logging.getLogger("django.server").info(
        '"%s" %s %s', f"GET /en/result/{tokens[-1]}/?income=4312345 HTTP/1.1", "200", "51234"
    )
    try:
        raise ValueError(f"bad date {APPLICANT['birth_date']} for income {4312345}")
    except ValueError:
        logging.getLogger("assessments").exception("Could not assess %s", APPLICANT["assets"])
    return tokens


@pytest.mark.django_db
def test_a_whole_check_leaves_no_personal_value_or_token_in_any_log(client, caplog, console_output):
    caplog.set_level(logging.DEBUG)
    for name in ("django", "django.request", "django.server", "assessments"):
        caplog.set_level(logging.DEBUG, logger=name)

    with time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        tokens = walk_the_journey(client)

    values = [*personal_values(APPLICANT), *personal_values(WIZARD_APPLICANT), *tokens]
    # The application date is the day of the run, so it is also every log line's timestamp.
    values = [value for value in values if value != APPLICANT["application_date"]]
    assert len(tokens) == 3
    for text in (caplog.text, console_output.getvalue()):
        assert "Bad Request: /api/assess" in text
        assert "Not Found: /en/result/[token]/" in text
        assert "Not Found: /en/check/resume/[token]/" in text
        assert "Could not assess [number]" in text
        assert [value for value in values if value in text] == []


GUNICORN_LOGS = """
import datetime, runpy, sys
from gunicorn.config import Config
from gunicorn.glogging import Logger

cfg = Config()
cfg.set("logconfig_dict", runpy.run_path("deploy/gunicorn.conf.py")["logconfig_dict"])
log = Logger(cfg)
token, address = sys.argv[1], sys.argv[2]
log.error("Invalid request from ip=%s: /en/result/%s/", address, token)

class Response:
    status, sent, headers = "200 OK", 51234, []

environ = {
    "REMOTE_ADDR": address, "REQUEST_METHOD": "GET", "SERVER_PROTOCOL": "HTTP/1.1",
    "RAW_URI": f"/en/result/{token}/report.pdf", "HTTP_REFERER": f"/en/result/{token}/",
}
log.access(Response(), {}, environ, datetime.timedelta(seconds=1))
"""


def test_gunicorns_access_and_error_logs_pass_the_same_filter_as_djangos():
    """``deploy/gunicorn.conf.py``'s ``logconfig_dict``, applied by gunicorn's own logger."""
    root = Path(__file__).resolve().parents[2]
    address = "203.0.113.9"
    run = subprocess.run(
        [sys.executable, "-c", GUNICORN_LOGS, TOKEN, address],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "Invalid request from ip=[address]" in run.stderr
    assert "[address] - - [" in run.stdout and "/en/result/[token]/report.pdf" in run.stdout
    for output in (run.stdout, run.stderr):
        assert TOKEN not in output and address not in output and "51234" not in output
