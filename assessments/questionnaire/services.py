"""Services of the wizard: store a completed check, and save or restore a run in progress.

Views call these instead of the ORM (HackSoft style: ``<entity>_<action>``, keyword-only).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from assessments.eligibility.answers import Answers, answers_to_dict
from assessments.eligibility.rules.base import Result
from assessments.questionnaire.models import SavedProgress
from assessments.results.models import Assessment, default_expiry


@transaction.atomic
def assessment_store(*, answers: Answers, result: Result, language: str) -> Assessment:
    """Store a completed check under a fresh unguessable token, with the thresholds it used."""
    assessment = Assessment.objects.create(
        language=language,
        application_date=answers.application_date,
        route=result.route,
        overall=result.overall,
        score=result.best.score,
        answers=answers_to_dict(answers),
        result=result.to_json(),
    )
    assessment.thresholds_used.set(result.threshold_ids)
    return assessment


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


def progress_delete(*, token: str) -> None:
    """Forget a saved run (the check it belonged to is complete)."""
    SavedProgress.objects.filter(token=token).delete()
