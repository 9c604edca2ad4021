"""Settings for the test suite: the real settings, plus only what a test run needs.

- a throwaway secret key (settings refuse to start without one when debug is off);
- plain static storage (tests do not run collectstatic, so there is no manifest);
- a fast password hasher;
- plain HTTP (the test client and the live server speak no TLS; tests/security checks the
  production flags with `check --deploy` in a subprocess);
- an in-process cache with generous rate limits (tests/security overrides them to test them);
- the Content Security Policy enforced even when DJANGO_DEBUG=1 (as `make test` sets it), so
  that the browser tests fail on inline code.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")

from prcheck.settings import *  # noqa: E402, F403
from prcheck.settings import PRCHECK_CSP, STORAGES  # noqa: E402

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
    for alias in ("default", "rate_limits")
}
PRCHECK_RATE_LIMITS = {"api": "100000/60", "pdf": "100000/60"}
SECURE_CSP, SECURE_CSP_REPORT_ONLY = PRCHECK_CSP, {}
