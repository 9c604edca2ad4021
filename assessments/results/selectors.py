"""Selectors of results: find a stored assessment by its token, only while it has not expired."""

from __future__ import annotations

from django.utils import timezone

from assessments.results.models import Assessment

#: Columns not read with the row unless asked for: the report's bytes (up to ~200 KB, read by
#: the download's own selector).
DEFERRED = ("pdf",)


def assessment_get(*, token: str, deferred: tuple[str, ...] = DEFERRED) -> Assessment | None:
    """Return the assessment behind ``token`` unless it is unknown or expired.

    Every access checks the expiry, so an expired result is unreachable before the purge.
    ``deferred`` columns are read only if used (Django's ``defer``: one more query then).
    """
    live = Assessment.objects.filter(token=token, expires_at__gt=timezone.now())
    return live.defer(*deferred).first()


def assessment_exists(*, token: str) -> bool:
    """Return whether an assessment (expired or not) is stored behind ``token``."""
    return Assessment.objects.filter(token=token).exists()
