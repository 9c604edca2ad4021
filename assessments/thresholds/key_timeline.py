"""One key's history as the admin's timeline page shows it: every version with the period it
covers, what applies today and since when, and what changed from the version before.

Built from the stored rows of one key (oldest first) and today's date; the page words it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assessments.thresholds.choices import ThresholdKind

#: Fields whose change between two versions the timeline names (besides the value).
COMPARED_FIELDS = ("kind", "source_title", "source_url")


@dataclass(frozen=True)
class Period:
    """One version and the days it covers (``until`` is None while no later version exists)."""

    version: object  # a Threshold row
    until: dt.date | None
    previous: object | None
    state: str  # "replaced", "in_force" or "future"
    used_by: int = 0

    @property
    def is_draft(self) -> bool:
        return self.version.kind == ThresholdKind.DRAFT

    @property
    def value_changed(self) -> bool:
        return self.previous is not None and (
            self.previous.typed_value() != self.version.typed_value()
        )

    @property
    def changed_fields(self) -> tuple[str, ...]:
        """The names of the compared fields that differ from the previous version."""
        if self.previous is None:
            return ()
        return tuple(
            name
            for name in COMPARED_FIELDS
            if getattr(self.previous, name) != getattr(self.version, name)
        )

    @property
    def no_limit(self) -> bool:
        return self.version.typed_value() is None


@dataclass(frozen=True)
class KeyTimeline:
    key: str
    periods: tuple[Period, ...]
    today: dt.date

    @property
    def first_day(self) -> dt.date | None:
        """Before this day no version exists: the rule is treated as not in force."""
        return self.periods[0].version.valid_from if self.periods else None

    @property
    def in_force(self) -> Period | None:
        return next((p for p in self.periods if p.state == "in_force"), None)

    @property
    def upcoming(self) -> tuple[Period, ...]:
        return tuple(p for p in self.periods if p.state == "future")


def key_timeline(key: str, versions, *, today: dt.date, used_by=None) -> KeyTimeline:
    """Return the timeline of ``key`` from its versions in any order.

    ``used_by`` maps a version's id to the number of stored assessments that used it.
    """
    ordered = sorted(versions, key=lambda version: version.valid_from)
    used_by = used_by or {}
    periods = []
    for index, version in enumerate(ordered):
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        if version.valid_from > today:
            state = "future"
        elif following is not None and following.valid_from <= today:
            state = "replaced"
        else:
            state = "in_force"
        periods.append(
            Period(
                version=version,
                until=following.valid_from - dt.timedelta(days=1) if following else None,
                previous=ordered[index - 1] if index else None,
                state=state,
                used_by=used_by.get(version.pk, 0),
            )
        )
    return KeyTimeline(key=key, periods=tuple(periods), today=today)
