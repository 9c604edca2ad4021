"""The preview of a threshold version: what would change if it applied.

Built on the threshold trial (``results.trial``): the built-in personas, before and after the
version, plus the stored assessments re-evaluated on their own application dates with and
without it. Only counts and the personas are shown to every admin; which stored assessments
change (their ids, never their answers) only to staff who may view raw answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessments.eligibility.answers import AnswersInvalid, answers_from_dict
from assessments.results.models import Assessment
from assessments.results.trial import (
    Outcome,
    PersonaTrial,
    outcome_on,
    threshold_trial,
    with_candidate,
)
from assessments.thresholds.selectors import stored_versions
from assessments.thresholds.snapshot import ThresholdValue

#: Stored assessments re-evaluated at most (the most recent first): a preview stays quick.
PREVIEW_MAX_ASSESSMENTS = 500


@dataclass(frozen=True)
class AssessmentChange:
    assessment_id: int
    before: Outcome | None
    after: Outcome | None


@dataclass(frozen=True)
class Preview:
    personas_tried: int
    persona_changes: tuple[PersonaTrial, ...]
    assessments_tried: int
    assessment_changes: tuple[AssessmentChange, ...]
    capped: bool

    def _count(self, field: str) -> int:
        return sum(
            1
            for change in self.assessment_changes
            if getattr(change.before, field, None) != getattr(change.after, field, None)
        )

    @property
    def verdict_changes(self) -> int:
        return self._count("overall")

    @property
    def route_changes(self) -> int:
        return self._count("route")

    @property
    def date_changes(self) -> int:
        return self._count("earliest_date")


def threshold_preview(*, candidate: ThresholdValue, versions=None, assessments=None) -> Preview:
    """Return what ``candidate`` would change, against ``versions`` (the stored ones).

    ``assessments`` defaults to the most recent stored ones (``PREVIEW_MAX_ASSESSMENTS``).
    """
    before = tuple(stored_versions() if versions is None else versions)
    after = with_candidate(before, candidate)
    trials = threshold_trial(candidate=candidate, versions=before)
    changed = tuple(trial for trial in trials if trial.changed)
    if assessments is None:
        assessments = Assessment.objects.only("pk", "answers", "application_date").order_by(
            "-created_at"
        )[: PREVIEW_MAX_ASSESSMENTS + 1]
    assessments = list(assessments)
    capped = len(assessments) > PREVIEW_MAX_ASSESSMENTS
    assessments = assessments[:PREVIEW_MAX_ASSESSMENTS]
    changes = []
    for assessment in assessments:
        day = assessment.application_date
        try:
            answers = answers_from_dict(assessment.answers, today=day)
        except AnswersInvalid:
            continue
        was, _error = outcome_on(answers, before, day)
        becomes, _error = outcome_on(answers, after, day)
        if was != becomes:
            changes.append(AssessmentChange(assessment.pk, was, becomes))
    return Preview(
        personas_tried=len({trial.persona for trial in trials}),
        persona_changes=changed,
        assessments_tried=len(assessments),
        assessment_changes=tuple(changes),
        capped=capped,
    )


def version_preview(version: ThresholdValue, versions=None) -> Preview:
    """The preview of a stored version: the stored versions without it, then with it."""
    stored = tuple(stored_versions() if versions is None else versions)
    others = tuple(v for v in stored if (v.key, v.valid_from) != (version.key, version.valid_from))
    return threshold_preview(candidate=version, versions=others)
