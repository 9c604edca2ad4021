"""gunicorn's settings for prcheck: ``gunicorn -c deploy/gunicorn.conf.py prcheck.wsgi``.

Run from the checkout (``WorkingDirectory`` in ``prcheck-web.service``), with the same
environment as every other prcheck process. gunicorn logs on its own, before and beside
Django: its access log writes the client's address and the path (with a result's token),
its error log can quote a request line. ``logconfig_dict`` sends both through
``RedactPersonalData``, the filter that guards Django's own logging
(``assessments/web/log_filters.py``), so no gunicorn line holds an address, a token, a date
or an amount either.
"""

import os

#: Web workers: about two per core, unless ``WEB_CONCURRENCY`` (gunicorn's own variable) says.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * len(os.sched_getaffinity(0)))

_REDACTED = ["redact_personal_data"]

logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_personal_data": {"()": "assessments.web.log_filters.RedactPersonalData"}},
    "formatters": {
        "generic": {
            "format": "%(asctime)s [%(process)d] [%(levelname)s] %(message)s",
            "datefmt": "[%Y-%m-%d %H:%M:%S %z]",
        },
        "access": {"format": "%(message)s"},
    },
    "handlers": {
        "error_console": {
            "class": "logging.StreamHandler",
            "formatter": "generic",
            "filters": _REDACTED,
            "stream": "ext://sys.stderr",
        },
        "access_console": {
            "class": "logging.StreamHandler",
            "formatter": "access",
            "filters": _REDACTED,
            "stream": "ext://sys.stdout",
        },
    },
    "root": {"level": "INFO", "handlers": ["error_console"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["access_console"], "propagate": False},
    },
}
