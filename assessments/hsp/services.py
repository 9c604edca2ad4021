"""Join the dated points table and the pure calculator: the only HSP code that reads the DB.

``hsp_thresholds_at`` resolves only the ``hsp.*`` keys. The PR engine's ``thresholds_at``
insists that *every* key be in force, and some PR keys start in 2026; the points one or three
years ago must still be computable with the table in force on those days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from types import MappingProxyType

from ..thresholds import MissingThreshold, Thresholds, ThresholdValue, default_threshold_values
from .points import hsp_points
from .profile import HspProfile
from .result import HspPointsResult

PREFIX = "hsp."
#: The keys without which no points can be computed (checked up front for a clear error).
REQUIRED_KEYS = ("hsp.points_70", "hsp.points_80")


def hsp_thresholds_from(versions: Iterable[ThresholdValue], *, on: dt.date) -> Thresholds:
    """Pick, for each ``hsp.*`` key, the latest version with ``valid_from <= on``.

    Raise ``MissingThreshold`` when the pass marks are not in force on ``on``.
    """
    latest: dict[str, ThresholdValue] = {}
    for version in versions:
        if not version.key.startswith(PREFIX) or version.valid_from > on:
            continue
        current = latest.get(version.key)
        if current is None or version.valid_from > current.valid_from:
            latest[version.key] = version
    missing = [key for key in REQUIRED_KEYS if key not in latest]
    if missing:
        raise MissingThreshold(f"No value in force on {on.isoformat()} for: {', '.join(missing)}")
    return Thresholds(as_of=on, entries=MappingProxyType(latest))


def hsp_thresholds_from_defaults(*, on: dt.date) -> Thresholds:
    """Resolve the seed files' HSP table (no database): for tests and documentation."""
    return hsp_thresholds_from(default_threshold_values(), on=on)


def hsp_thresholds_at(*, on: dt.date) -> Thresholds:
    """Return the HSP table in force on ``on``, read from the database (admin edits count)."""
    from ..models import Threshold

    rows = Threshold.objects.filter(key__startswith=PREFIX, valid_from__lte=on)
    return hsp_thresholds_from(
        (
            ThresholdValue(
                key=row.key,
                value=row.typed_value(),
                unit=row.unit,
                valid_from=row.valid_from,
                kind=row.kind,
                source_title=row.source_title,
                source_url=row.source_url,
                pk=row.pk,
            )
            for row in rows
        ),
        on=on,
    )


def hsp_points_at(
    profile: HspProfile, *, on: dt.date, thresholds: Thresholds | None = None
) -> HspPointsResult:
    """Return the points of ``profile`` answered as of ``on`` (age and table on that day).

    For the PR routes: the same profile (or one answered for that day) scored now, one year
    ago and three years ago. ``thresholds`` replaces the database table (tests, what-ifs).
    Raise ``MissingThreshold`` if no table was in force on ``on``.
    """
    table = thresholds if thresholds is not None else hsp_thresholds_at(on=on)
    return hsp_points(replace(profile, as_of=on), table)
