"""Services of the wizard: save or restore a run in progress ("continue later").

Views call these instead of the ORM (HackSoft style: ``<entity>_<action>``, keyword-only).
"""

from __future__ import annotations

from django.utils import timezone

from assessments.questionnaire.models import SavedProgress
from assessments.results.models import Assessment, default_expiry


def progress_save(*, token: str | None, step: str, data: dict, language: str) -> SavedProgress:
    """Create or update the saved copy of a run; each save restarts the retention period."""
    progress = progress_get(token=token) if token else None
    if progress is None:
        return SavedProgress.objects.create(step=step, data=data, language=language)
    progress.step, progress.data, progress.language = step, data, language
    progress.expires_at = default_expiry()
    progress.save(update_fields=["step", "data", "language", "expires_at", "updated_at"])
    return progress


def progress_get(*, token: str) -> SavedProgress | None:
    """Return the saved run for ``token`` unless it is unknown or expired."""
    return SavedProgress.objects.filter(token=token, expires_at__gt=timezone.now()).first()


def progress_finish(*, token: str, assessment: Assessment) -> None:
    """Point a saved run at the result it became, dropping its answers (they are in the result).

    The resume link then opens the result for as long as the result is kept.
    """
    SavedProgress.objects.filter(token=token).update(
        data={}, step="", assessment=assessment, expires_at=assessment.expires_at
    )
