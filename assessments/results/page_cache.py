"""The result page's heavy parts, rendered once and kept in Django's cache.

A stored result never changes, so its page is a function of the result, the language, the
day (the timeline marks today; "clears in …" counts from it) and the code that words it
(templates, translations, wording and presentation modules) and of the stored thresholds.
``result.html`` wraps the parts that depend on nothing else in Django's ``{% cache %}`` tag,
keyed by ``page_key``; the parts that depend on the request (the CSRF-protected forms of
what-if and "delete the earlier result", the notice after a deletion) render every time.

The cached HTML is as personal as the stored answers: its keys are hashes (Django's
``make_template_fragment_key``), it never outlives the result (``page_timeout``), and
deleting a result deletes its fragments too (``page_cache_delete``).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.utils import timezone

from assessments.thresholds.selectors import stored_stamp

#: The ``{% cache %}`` fragments of ``result.html``, top to bottom (the empty what-if form too).
FRAGMENTS = ("result_top", "result_middle", "what_if_fields", "result_bottom")
ROOT = Path(__file__).resolve().parents[2]
#: What words a result page: a deploy that changes any of these renders every page anew.
WORDING_FILES = ("assessments/**/*.py", "assessments/**/*.html", "templates/**/*.html")
WORDING_FILES += ("locale/**/*.po",)


@functools.cache
def code_version() -> str:
    """Return a hash of the files that word a result page, read once per process."""
    digest = hashlib.sha256()
    for pattern in WORDING_FILES:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def page_key(*, token: str, language: str, on=None) -> str:
    """Return what the cached fragments of one result page vary on, as one string.

    Django hashes it into the cache key, so the token is never stored in clear.
    """
    day = (on or timezone.localdate()).isoformat()
    stamp = ",".join(str(part) for part in stored_stamp())
    return f"{token}|{language}|{day}|{code_version()}|{stamp}"


def page_timeout(*, expires_at) -> int:
    """Return how long a fragment may be kept: until the result expires or the day ends.

    The key holds the day, so a fragment is of no use after it; ending it then also means a
    deletion has only today's keys to delete.
    """
    now = timezone.localtime()
    midnight = timezone.make_aware(
        dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
    )
    seconds = min((expires_at - now).total_seconds(), (midnight - now).total_seconds())
    return max(1, int(seconds))


def page_cache_delete(*, token: str) -> None:
    """Delete the cached fragments of the result behind ``token``, in every language."""
    keys = [
        make_template_fragment_key(fragment, [page_key(token=token, language=code)])
        for fragment in FRAGMENTS
        for code, _name in settings.LANGUAGES
    ]
    cache.delete_many(keys)
