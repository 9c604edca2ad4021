"""Settings for prcheck, read from the environment (twelve-factor).

Environment variables:
- DJANGO_DEBUG: "1" for development (``make run`` sets it); off by default.
- DJANGO_SECRET_KEY: required when debug is off.
- DJANGO_ALLOWED_HOSTS: comma-separated host names.
- DATABASE_URL: e.g. postgres://user:pass@host:5432/prcheck; default: SQLite file db.sqlite3.

A local checkout's git-ignored ``.env`` (written by ``make setup``) supplies variables that the
environment does not set; see ``prcheck/local_env.py``.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from prcheck.local_env import load_env_file

BASE_DIR = Path(__file__).resolve().parent.parent
LOCAL_ENV_FILE = BASE_DIR / ".env"
load_env_file(LOCAL_ENV_FILE)


def env_bool(name: str, *, default: bool) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, *, default: str = "") -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(for local development run `make setup` once: it writes DJANGO_DEBUG=1 to .env)."
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default="127.0.0.1,localhost" if DEBUG else "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "formtools",
    "axes",
    "assessments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "assessments.web.middleware.PersonalPageMiddleware",
    "assessments.web.middleware.RateLimitMiddleware",
    "assessments.web.middleware.InputShapeMiddleware",
    # Last, as django-axes asks: it answers a locked-out admin login with our lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "prcheck.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "prcheck.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-axes checks for a lockout before any password is tried (it must come first).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Sessions live in the database so any number of stateless app processes can serve any applicant.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Internationalisation: every page lives under /ja/… or /en/….
LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The API accepts small JSON documents only.
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024

# prcheck's own settings.
PRCHECK_RETENTION_DAYS = int(os.environ.get("PRCHECK_RETENTION_DAYS", "30"))
# A session (which holds the wizard's answers) lasts exactly as long as a stored result: both
# follow PRCHECK_RETENTION_DAYS, so no answer outlives what the README promises.
SESSION_COOKIE_AGE = PRCHECK_RETENTION_DAYS * 24 * 60 * 60
PRCHECK_API_MAX_BYTES = int(os.environ.get("PRCHECK_API_MAX_BYTES", str(64 * 1024)))
# Four-eyes review of thresholds: with PRCHECK_THRESHOLD_REVIEW=1 a new version added in the
# admin applies only once a second administrator (with the approve_threshold permission)
# approves it; off (the default), it applies from its date as soon as it is saved.
PRCHECK_THRESHOLD_REVIEW = os.environ.get("PRCHECK_THRESHOLD_REVIEW", "0") == "1"

# --- Security (issue 7). Production is HTTPS only; `make run` (debug) stays plain HTTP. ---
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = int(
    os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000")
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
# Behind a TLS-terminating proxy, e.g. DJANGO_SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO=https
# (set it only if the proxy always overwrites that header).
if _proxy_ssl_header := os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER", ""):
    _header, _, _value = _proxy_ssl_header.partition("=")
    SECURE_PROXY_SSL_HEADER = (_header.strip(), _value.strip() or "https")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content Security Policy (Django's own): our files only; no inline script or style anywhere.
PRCHECK_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Enforced in production (and in tests, see settings_test); report-only under `make run`, where
# Django's own debug pages use inline styles and scripts.
SECURE_CSP = {} if DEBUG else PRCHECK_CSP
SECURE_CSP_REPORT_ONLY = PRCHECK_CSP if DEBUG else {}


def cache_from_url(url: str) -> dict:
    """Read a cache URL: db://TABLE, redis://HOST:PORT/DB, memcached://HOST:PORT, locmem://."""
    scheme, _, rest = url.partition("://")
    if scheme == "db":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": rest}
    if scheme in {"redis", "rediss"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "memcached":
        return {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache", "LOCATION": rest}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": rest}
    raise ImproperlyConfigured(
        f"A cache URL starts with db://, redis://, memcached:// or locmem://: {url!r}"
    )


# Caches every app process shares: a table in the database by default (created by
# `manage.py createcachetable`, which `make setup` runs), Redis or Memcached at scale.
CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", "db://prcheck_cache"))}

# --- PDF reports and rate limits (issues 13 and 14) ---
# Reports render through Django's tasks framework. PRCHECK_TASKS_BACKEND=db: a queue in the
# database (django-tasks-db) that `manage.py db_worker` processes work off, each report
# enqueued when its result is stored. "immediate" (the default: `make run`, tests): no second
# process; a report renders in the request that first downloads it.
PRCHECK_TASKS_BACKEND = os.environ.get("PRCHECK_TASKS_BACKEND", "immediate")
_TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "db": "django_tasks_db.DatabaseBackend",
}
if PRCHECK_TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"PRCHECK_TASKS_BACKEND is immediate or db: {PRCHECK_TASKS_BACKEND!r}"
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[PRCHECK_TASKS_BACKEND]}}
if PRCHECK_TASKS_BACKEND == "db":
    # Installed only where its queue is used: importing it monkeypatches Django for type
    # checkers (django_stubs_ext) in every process, `manage.py assess` included.
    INSTALLED_APPS.insert(INSTALLED_APPS.index("assessments"), "django_tasks_db")
PRCHECK_REPORT_RENDER_ON_STORE = PRCHECK_TASKS_BACKEND != "immediate"
# A result's report renders once; it is enqueued again only if none was stored this long after.
PRCHECK_REPORT_RETRY_SECONDS = int(os.environ.get("PRCHECK_REPORT_RETRY_SECONDS", "60"))
# A download of a report still being rendered waits this long for it (a web worker is held
# meanwhile) before it answers with the "preparing your report" page.
PRCHECK_REPORT_HOLD_SECONDS = float(os.environ.get("PRCHECK_REPORT_HOLD_SECONDS", "3"))
# A report worker (`manage.py report_worker`) exits after this many renders, and its service
# manager starts a fresh one: a render leaves some memory behind (about 20 MiB per 100).
PRCHECK_REPORT_WORKER_MAX_TASKS = int(os.environ.get("PRCHECK_REPORT_WORKER_MAX_TASKS", "100"))
# Rate-limit counters: rows of a table by default (one atomic UPDATE per counted request);
# in a cache with an atomic incr when RATE_LIMIT_CACHE_URL (or REDIS_URL) is set.
if _rate_limit_cache_url := os.environ.get("RATE_LIMIT_CACHE_URL") or os.environ.get("REDIS_URL"):
    CACHES["rate_limits"] = cache_from_url(_rate_limit_cache_url)
    PRCHECK_RATE_LIMIT_CACHE = "rate_limits"
else:
    PRCHECK_RATE_LIMIT_CACHE = ""
# Rate limits per client address, "REQUESTS/SECONDS" ("0" turns one off). "api": every /api/
# request. "pdf": only downloads of a report that does not exist (unknown, deleted or expired
# token) -- renders are limited per result instead, and re-downloads are free. 120 a minute is
# an abuse ceiling: an honest applicant misses only with a stale link, so a school or office of
# a hundred people behind one address stays far below it, while guessing a 256-bit token is
# hopeless at any rate.
PRCHECK_RATE_LIMITS = {
    "api": os.environ.get("PRCHECK_RATE_LIMIT_API", "60/60"),
    "pdf": os.environ.get("PRCHECK_RATE_LIMIT_PDF", "120/60"),
}
# --- end of PDF reports and rate limits ---
# How many proxies append to X-Forwarded-For in front of the app (0: use the peer address).
PRCHECK_TRUSTED_PROXY_COUNT = int(os.environ.get("PRCHECK_TRUSTED_PROXY_COUNT", "0"))
# Admin login attempts (django-axes, failures in the database so every app process shares them):
# after PRCHECK_LOGIN_FAILURE_LIMIT failures for one account, or from one client address, further
# attempts are refused for PRCHECK_LOGIN_COOLOFF_MINUTES (each new try restarts the wait).
# `manage.py axes_reset_username NAME` unlocks an account at once (README, "Editing thresholds").
AXES_FAILURE_LIMIT = int(os.environ.get("PRCHECK_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("PRCHECK_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "assessments.web.middleware.client_address"
AXES_LOCKOUT_CALLABLE = "assessments.web.admin.login_locked_out"
AXES_RESET_ON_SUCCESS = True
# Keep no log of successful logins (addresses and browsers are personal data), and log nothing
# about failures either: the attempt rows are the record, purged by purge_assessments.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# Pages that may be cached and indexed (on GET). Every other page is personal: no-store, noindex.
PRCHECK_PUBLIC_URL_NAMES = frozenset({"assessments:start", "hsp:calculator"})

# Logging: nothing personal (tokens, dates, amounts, request bodies) reaches any handler.
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO")
LOGGING_CONFIG = "assessments.web.log_filters.configure_logging"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_personal_data": {"()": "assessments.web.log_filters.RedactPersonalData"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Replace Django's default handlers (console in debug, mail_admins, django.server) by the
    # guarded console handler above.
    "loggers": {
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
        # WeasyPrint logs every rendering step of every PDF at INFO; keep its warnings only.
        "weasyprint.progress": {"handlers": [], "level": "WARNING", "propagate": True},
    },
}
