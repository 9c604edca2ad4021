"""Write thresholds: load the reviewable defaults (data migrations), approve a new version."""

from __future__ import annotations

from assessments.thresholds.snapshot import default_threshold_values

APPROVE_PERMISSION = "assessments.approve_threshold"


class ApprovalRefused(Exception):
    """Why a user may not approve a version: ``message`` says it in the active language."""

    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


def threshold_approve(*, threshold, user) -> None:
    """Approve ``threshold`` (awaiting approval) as ``user``: it applies from its date.

    Four-eyes review (``PRCHECK_THRESHOLD_REVIEW``): the approver needs the
    ``approve_threshold`` permission and must not be the administrator who added the version.
    Raise ``ApprovalRefused`` otherwise.
    """
    from django.utils import timezone

    check_can_approve(threshold=threshold, user=user)
    threshold.awaiting_approval = False
    threshold.approved_by = user
    threshold.approved_at = timezone.now()
    threshold.save(update_fields=["awaiting_approval", "approved_by", "approved_at"])


def check_can_approve(*, threshold, user) -> None:
    """Raise ``ApprovalRefused`` unless ``user`` may approve ``threshold`` now."""
    from django.utils.translation import gettext_lazy as _

    if not threshold.awaiting_approval:
        raise ApprovalRefused(_("This version does not await approval."))
    if not user.has_perm(APPROVE_PERMISSION):
        raise ApprovalRefused(_("You do not have the permission to approve versions."))
    if threshold.created_by_id is not None and threshold.created_by_id == user.pk:
        raise ApprovalRefused(_("You added this version: another administrator must approve it."))


def load_default_thresholds(threshold_model) -> int:
    """Add the seed file's versions that the database lacks; return how many were added.

    Used by data migrations (pass ``apps.get_model("assessments", "Threshold")``). Existing
    (key, valid_from) rows are left alone: what an admin entered is never overwritten.
    """
    existing = set(threshold_model.objects.values_list("key", "valid_from"))
    new_rows = []
    for version in default_threshold_values():
        if (version.key, version.valid_from) in existing:
            continue
        value = version.value
        new_rows.append(
            threshold_model(
                key=version.key,
                unit=version.unit,
                value=value if version.unit not in ("date", "table") else None,
                date_value=value if version.unit == "date" else None,
                table_value=value if version.unit == "table" else None,
                valid_from=version.valid_from,
                kind=version.kind,
                source_title=version.source_title,
                source_url=version.source_url,
                other_sources=version.other_sources,
                note=version.note,
            )
        )
    threshold_model.objects.bulk_create(new_rows)
    return len(new_rows)
