"""Keep personal values out of the logs.

Answers to prcheck include incomes, birth dates, dates of convictions and the tokens that open a
result. None of them may reach a log file, a log shipper or an error e-mail. Django and gunicorn
log request paths ("Not Found: /en/result/<token>/"), and Django attaches the whole request
(with its POST body) to error records; exception messages can quote an input value.

``RedactPersonalData`` rewrites each record in place before any handler formats it: tokens,
IP addresses, ISO dates and long numbers in the message and traceback are replaced by
placeholders, and the request object is dropped. ``configure_logging`` (Django's ``LOGGING_CONFIG``) applies the
project's ``LOGGING`` and then puts the filter first on every handler that exists at that time,
including handlers that gunicorn set up before it loaded Django, so no handler can be forgotten.
"""

from __future__ import annotations

import ipaddress
import logging
import logging.config
import re
import traceback

#: Runs of URL-safe characters this long are tokens (ours are 43 characters) or session keys.
TOKEN_MIN_CHARS = 32
#: Shorter runs are still treated as tokens when they mix letters and digits.
SHORT_TOKEN_MIN_CHARS = 16
#: Numbers with this many digits or more are amounts of money, not counts or status codes.
AMOUNT_MIN_DIGITS = 5

TOKEN_PLACEHOLDER = "[token]"
DATE_PLACEHOLDER = "[date]"
NUMBER_PLACEHOLDER = "[number]"
ADDRESS_PLACEHOLDER = "[address]"

_TOKEN = re.compile(
    rf"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{{{SHORT_TOKEN_MIN_CHARS},}}(?![A-Za-z0-9_-])"
)
_DATE = re.compile(r"(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)")
_AMOUNT = re.compile(r"(?<![\d.])\d(?:[\d,_]*\d)?(?![\d.])")
_QUERY = re.compile(r"\?[^\s\"']+")
#: What could be an IPv4 or IPv6 address; ``ipaddress`` decides (a time "15:50:00" is not one).
_ADDRESS = re.compile(r"(?<![\w:.])[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*(?![\w:.])")


def _redact_token(match: re.Match) -> str:
    text = match.group()
    if len(text) >= TOKEN_MIN_CHARS:
        return TOKEN_PLACEHOLDER
    has_digit = any(c.isdigit() for c in text)
    has_letter = any(c.isalpha() for c in text)
    return TOKEN_PLACEHOLDER if has_digit and has_letter else text


def _redact_address(match: re.Match) -> str:
    """Replace an address, keeping what follows it: "1.2.3.4:", "1.2.3.4:5678", "::1."."""
    text = match.group()
    port = text.rfind(":") if "." in text else -1
    for end in (len(text), len(text.rstrip(":.")), port):
        if end > 0 and _is_address(text[:end]):
            return ADDRESS_PLACEHOLDER + text[end:]
    return text


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _redact_amount(match: re.Match) -> str:
    digits = sum(c.isdigit() for c in match.group())
    return NUMBER_PLACEHOLDER if digits >= AMOUNT_MIN_DIGITS else match.group()


def redact(text: str) -> str:
    """Return ``text`` with tokens, query strings, addresses, dates and amounts replaced."""
    text = _ADDRESS.sub(_redact_address, text)
    text = _TOKEN.sub(_redact_token, text)
    text = _QUERY.sub("?[query]", text)
    text = _DATE.sub(DATE_PLACEHOLDER, text)
    return _AMOUNT.sub(_redact_amount, text)


class RedactPersonalData(logging.Filter):
    """Rewrite a log record so that no personal value survives; never drop the record itself."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "prcheck_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a malformed call must not leak its arguments either
            message = str(record.msg)
        record.msg, record.args = redact(message), ()
        if record.exc_info:
            record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip())
            # Error e-mails render the frames' local variables from exc_info: keep the text only.
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        # Django attaches the request (headers, cookies, POST body) for error reports.
        if hasattr(record, "request"):
            del record.request
        record.prcheck_redacted = True
        return True


def install_on_all_handlers() -> None:
    """Put one ``RedactPersonalData`` first on every handler of every logger known now."""
    loggers = [logging.getLogger()]
    loggers += [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    for logger in loggers:
        for handler in logger.handlers:
            if not any(isinstance(f, RedactPersonalData) for f in handler.filters):
                handler.filters.insert(0, RedactPersonalData())


def configure_logging(config: dict) -> None:
    """Apply ``config`` (Django's ``LOGGING``), then guard every handler with the filter."""
    logging.config.dictConfig(config)
    install_on_all_handlers()
