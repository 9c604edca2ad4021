"""Join the dated points table and the pure calculator: the only HSP code that reads the DB.

``hsp_thresholds_at`` resolves only the ``hsp.*`` keys: the calculator needs nothing else,
and it runs for past days too (the points one and three years ago, with the table in force
on those days), where a row added later must simply be absent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from types import MappingProxyType

from assessments.hsp.points import hsp_points
from assessments.hsp.profile import HspProfile
from assessments.hsp.result import HspPointsResult
from assessments.thresholds.selectors import stored_versions
from assessments.thresholds.snapshot import (
    MissingThreshold,
    Thresholds,
    ThresholdValue,
    default_threshold_values,
)

PREFIX = "hsp."
#: Without a pass mark in force there is no total to give (the table starts 2017-04-26).
PASS_MARK_KEY = "hsp.points_70"


class HspTableNotInForce(MissingThreshold):
    """No points table was in force on the day asked for: the input's date is too early."""

    def __init__(self, on: dt.date):
        self.on = on
        super().__init__(f"No HSP points table in force on {on.isoformat()}")

    @property
    def errors(self) -> dict[str, list[tuple[str, dict]]]:
        return {"as_of": [("no_table", {"date": self.on.isoformat()})]}


def hsp_thresholds_from(versions: Iterable[ThresholdValue], *, on: dt.date) -> Thresholds:
    """Pick, for each ``hsp.*`` key, the latest version with ``valid_from <= on``.

    A key with no version in force is left out: reading it raises ``MissingThreshold`` (so
    ``hsp_points`` refuses a day before the pass mark was set, 2017-04-26).
    """
    latest: dict[str, ThresholdValue] = {}
    for version in versions:
        if not version.key.startswith(PREFIX) or version.valid_from > on:
            continue
        current = latest.get(version.key)
        if current is None or version.valid_from > current.valid_from:
            latest[version.key] = version
    return Thresholds(as_of=on, entries=MappingProxyType(latest))


def hsp_thresholds_from_defaults(*, on: dt.date) -> Thresholds:
    """Resolve the seed files' HSP table (no database): for tests and documentation."""
    return hsp_thresholds_from(default_threshold_values(), on=on)


def hsp_thresholds_at(*, on: dt.date) -> Thresholds:
    """Return the HSP table in force on ``on``, read from the database (admin edits count).

    The stored versions come from the one selector every caller uses (``stored_versions``,
    behind ``thresholds_at``); only the pick differs: a key not yet in force is left out.
    """
    return hsp_thresholds_from(stored_versions(), on=on)


def _pass_mark_exists(thresholds: Thresholds | None) -> bool:
    """Return whether a pass mark exists on some day (else the database is not loaded)."""
    if thresholds is not None:
        return True
    return any(version.key == PASS_MARK_KEY for version in stored_versions())


def hsp_points_at(
    profile: HspProfile, *, on: dt.date, thresholds: Thresholds | None = None
) -> HspPointsResult:
    """Return the points of ``profile`` answered as of ``on`` (age and table on that day).

    For the PR routes: the same profile (or one answered for that day) scored now, one year
    ago and three years ago. ``thresholds`` replaces the database table (tests, what-ifs).
    Raise ``HspTableNotInForce`` if no table was in force on ``on`` (a bad date), and
    ``MissingThreshold`` if the database lacks a row the table needs (a server fault).
    """
    table = thresholds if thresholds is not None else hsp_thresholds_at(on=on)
    if PASS_MARK_KEY not in table.entries and _pass_mark_exists(thresholds):
        raise HspTableNotInForce(on)
    return hsp_points(replace(profile, as_of=on), table)
