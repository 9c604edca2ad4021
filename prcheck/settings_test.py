"""Settings for the test suite: the real settings, plus only what a test run needs.

- a throwaway secret key (settings refuse to start without one when debug is off);
- plain static storage (tests do not run collectstatic, so there is no manifest);
- a fast password hasher;
- plain HTTP (the test client and the live server speak no TLS; tests/security checks the
  production flags with `check --deploy` in a subprocess);
- django-tasks-db installed (its worker is tested), whichever task backend is chosen;
- no hold of a download for a report being rendered (no worker runs),
- an in-process cache, and generous rate limits (tests/security overrides them to test them);
- the Content Security Policy enforced even when DJANGO_DEBUG=1 (as `make test` sets it), so
  that the browser tests fail on inline code.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")

from prcheck.settings import *  # noqa: E402, F403
from prcheck.settings import INSTALLED_APPS, PRCHECK_CSP, STORAGES  # noqa: E402

# The report worker's queue (django-tasks-db) is tested whatever PRCHECK_TASKS_BACKEND says.
if "django_tasks_db" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS]
    INSTALLED_APPS.insert(INSTALLED_APPS.index("assessments"), "django_tasks_db")

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PRCHECK_RATE_LIMITS = {"api": "100000/60", "pdf": "100000/60"}
# A download waits for no worker (tests run none); tests of the hold set it.
PRCHECK_REPORT_HOLD_SECONDS = 0
SECURE_CSP, SECURE_CSP_REPORT_ONLY = PRCHECK_CSP, {}
