"""Read thresholds from the database: the one resolver, ``thresholds_at(*, on)``.

Every caller (the PR check, the HSP calculator, the command line, the API) resolves thresholds
here, so a version an admin adds applies everywhere from its ``valid_from``.
"""

from __future__ import annotations

import datetime as dt

from assessments.thresholds.snapshot import THRESHOLD_KEYS, Thresholds, ThresholdValue, resolve


def thresholds_at(*, on: dt.date | None = None) -> Thresholds:
    """Return the values in force on ``on`` (today if omitted), read from the database."""
    from django.utils import timezone

    return resolve(stored_versions(), on=on or timezone.localdate())


#: The last timeline this process read, under the stamp of the table it was read from.
_stored_memo: tuple[tuple, tuple[ThresholdValue, ...]] | None = None


def stored_versions() -> tuple[ThresholdValue, ...]:
    """Return every stored version that applies, read again only when the table has changed.

    A version awaiting a second administrator's approval (``PRCHECK_THRESHOLD_REVIEW``) does
    not apply yet, so it is left out. Versions are append-only (the admin adds them and never
    edits one; approving sets a time), so the row count, the highest id, the latest creation
    and approval times and the number awaiting approval identify what the table holds. One aggregate
    query replaces reading some 140 rows on every wizard page that needs a threshold (a third
    of the summary page's time), and a version added in the admin reaches every process on
    its next request.
    """
    global _stored_memo
    from assessments.thresholds.models import Threshold

    stamp = stored_stamp()
    memo = _stored_memo
    if memo is not None and memo[0] == stamp:
        return memo[1]
    rows = Threshold.objects.filter(awaiting_approval=False).order_by(
        "key", "valid_from"
    )  # the whole timeline: a few hundred rows
    versions = tuple(threshold_value_from_row(row) for row in rows if applies(row))
    _stored_memo = (stamp, versions)
    return versions


def stored_stamp() -> tuple:
    """Return what identifies the stored versions: it changes whenever one is added or approved.

    One aggregate query (versions are append-only: see ``stored_versions``).
    """
    from django.db.models import Count, Max, Q

    from assessments.thresholds.models import Threshold

    return tuple(
        Threshold.objects.aggregate(
            rows=Count("pk"),
            last=Max("pk"),
            created=Max("created_at"),
            approved=Max("approved_at"),
            awaiting=Count("pk", filter=Q(awaiting_approval=True)),
        ).values()
    )


def forget_stored_versions() -> None:
    """Forget the timeline this process remembers: the next ``stored_versions()`` reads it.

    For the test suite, whose rolled-back rows under a frozen clock can leave the table with
    the stamp of other rows (in production versions are only added, so the stamp changes).
    """
    global _stored_memo
    _stored_memo = None


def applies(row) -> bool:
    """Whether a stored row can apply: not an empty value for a key that always has one.

    The admin refuses such a row (``Threshold.clean``); one saved before that check existed
    is left out, so that the version before it still applies and no check breaks on it.
    """
    spec = THRESHOLD_KEYS.get(row.key)
    numeric = row.unit not in ("date", "table")
    return not (numeric and row.value is None and spec is not None and not spec.no_limit)


def threshold_value_from_row(row) -> ThresholdValue:
    """Return the rules' view of one stored ``Threshold`` row."""
    return ThresholdValue(
        key=row.key,
        value=row.typed_value(),
        unit=row.unit,
        valid_from=row.valid_from,
        kind=row.kind,
        source_title=row.source_title,
        source_url=row.source_url,
        other_sources=row.other_sources,
        note=row.note,
        pk=row.pk,
    )
