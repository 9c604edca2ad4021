"""Selectors of results: find a stored assessment by its token, only while it has not expired."""

from __future__ import annotations

from django.utils import timezone

from assessments.results.models import Assessment


def assessment_get(*, token: str) -> Assessment | None:
    """Return the assessment behind ``token`` unless it is unknown or expired.

    Every access checks the expiry, so an expired result is unreachable before the purge.
    """
    return Assessment.objects.filter(token=token, expires_at__gt=timezone.now()).first()


def assessment_exists(*, token: str) -> bool:
    """Return whether an assessment (expired or not) is stored behind ``token``."""
    return Assessment.objects.filter(token=token).exists()
