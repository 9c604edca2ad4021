"""The thresholds snapshot: the values in force on one day, as the pure rules read them.

The registry of keys and their units, and the default values, come from the reviewable seed
file ``data/thresholds.yaml``. Admins add new versions in the Django admin; the database is
the source of truth at run time. Rules never read the database: they receive a frozen
``Thresholds`` snapshot, which also travels with the result so that a report can say which
values (and sources) it used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
#: The kind of a proposed version (``choices.ThresholdKind.DRAFT``; no Django import here).
DRAFT = "draft"


class MissingThreshold(LookupError):
    """A key the rules need has no version in force on the date asked for."""


@dataclass(frozen=True)
class KeySpec:
    """One registered key: its unit, what it means, and whether it may be empty.

    ``no_limit`` says that an empty value (``None``) means something for this key: "no such
    limit or rule from this date" (no single-trip maximum, a route not yet open, an item that
    scores no points). The rules read ``None`` that way for these keys only; for every other
    key (an income floor, a number of years) an empty value is refused when it is saved.
    """

    key: str
    unit: str
    description: str
    no_limit: bool = False


@dataclass(frozen=True)
class ThresholdValue:
    """One version of one threshold, as the rules and the report see it."""

    key: str
    value: Any
    unit: str
    valid_from: dt.date
    kind: str
    source_title: str
    source_url: str
    other_sources: str = ""
    note: str = ""
    pk: int | None = None

    def to_json(self) -> dict:
        value = self.value
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = float(value)
        return {
            "value": value,
            "unit": self.unit,
            "valid_from": self.valid_from.isoformat(),
            "kind": self.kind,
            "source_title": self.source_title,
            "source_url": self.source_url,
        }


@dataclass(frozen=True)
class Thresholds:
    """The values in force on ``as_of``: ``t["residence.general.min_years"]``.

    ``timeline`` holds every known version (past and future), so that a rule can ask what
    will be in force on a later day (``t.at(day)``) without touching the database: "when
    does this clear by itself" must use the values in force on *that* day.

    A version of kind ``draft`` is never in force: ``t[key]`` is the latest official or
    practice version, whatever the date of a draft (even one dated in the past, since a draft
    is only proposed). The draft that would apply on ``as_of`` if it were adopted is
    ``t.draft(key)``; ``t.with_drafts()`` is the same day as if every draft were adopted, so a
    rule can say what a draft would need (as a risk, never as the verdict).
    """

    as_of: dt.date
    entries: Mapping[str, ThresholdValue] = field(default_factory=dict)
    timeline: tuple[ThresholdValue, ...] = ()
    #: Per key, the draft that would replace the value in force on ``as_of`` if adopted.
    drafts: Mapping[str, ThresholdValue] = field(default_factory=dict)
    #: True for the "as if every draft were adopted" view (``with_drafts``).
    drafts_as_law: bool = False

    def __getitem__(self, key: str):
        try:
            return self.entries[key].value
        except KeyError:
            raise MissingThreshold(key) from None

    def entry(self, key: str) -> ThresholdValue:
        try:
            return self.entries[key]
        except KeyError:
            raise MissingThreshold(key) from None

    def kind(self, key: str) -> str:
        return self.entry(key).kind

    def draft(self, key: str) -> ThresholdValue | None:
        """Return the pending draft of ``key`` on ``as_of`` (not in force), or None."""
        return self.drafts.get(key)

    def with_drafts(self) -> Thresholds:
        """Return the values of ``as_of`` as if every draft were adopted (what a draft needs)."""
        return self._as_if_adopted

    @cached_property
    def _as_if_adopted(self) -> Thresholds:
        if self.drafts_as_law or not any(is_draft(version) for version in self.timeline):
            return self
        return resolve(self.timeline, on=self.as_of, drafts_as_law=True)

    def to_json(self) -> dict:
        values = {key: entry.to_json() for key, entry in sorted(self.entries.items())}
        # A pending draft is listed beside the value in force (never instead of it), so the
        # report can cite it as a draft.
        values.update(
            {f"{key}.draft": entry.to_json() for key, entry in sorted(self.drafts.items())}
        )
        return values

    def at(self, day: dt.date) -> Thresholds:
        """Return the values in force on ``day``, from the same timeline."""
        if day == self.as_of:
            return self
        return resolve(self.timeline, on=day, drafts_as_law=self.drafts_as_law)

    def changes_after(self, day: dt.date) -> list[dt.date]:
        """Return the sorted ``valid_from`` dates later than ``day`` (drafts only if adopted)."""
        return sorted(
            {
                version.valid_from
                for version in self.timeline
                if version.valid_from > day and (self.drafts_as_law or not is_draft(version))
            }
        )

    def replace(self, **values) -> Thresholds:
        """Return a copy with some values replaced on every date (for tests and what-ifs)."""
        timeline = tuple(
            ThresholdValue(**{**version.__dict__, "value": values[version.key]})
            if version.key in values
            else version
            for version in self.timeline
        )
        return resolve(timeline, on=self.as_of, drafts_as_law=self.drafts_as_law)


def is_draft(version: ThresholdValue) -> bool:
    """Return whether ``version`` is a draft: proposed, never in force until re-entered."""
    return version.kind == DRAFT


@cache
def _defaults_document() -> dict:
    """Merge every seed file in ``data/`` (thresholds.yaml, plus e.g. the HSP points table)."""
    import yaml  # here, not at the top: a process that never reads the seed files (every
    # manage.py command but migrate) does not pay for importing PyYAML at start-up.

    # libyaml's safe loader reads the same documents about 8x faster than the pure-Python one
    # (some 400 ms of CPU for the four seed files, paid by every process that resolves them).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document: dict = {}
    for path in sorted(DATA_DIR.glob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            part = yaml.load(handle, Loader=loader) or {}  # noqa: S506 (a safe loader)
        clash = set(document) & set(part)
        if clash:
            raise ValueError(f"{path.name} repeats keys: {', '.join(sorted(clash))}")
        document.update(part)
    return document


@cache
def threshold_keys() -> Mapping[str, KeySpec]:
    """Return the registry of known keys (from the seed file), each with its unit."""
    return MappingProxyType(
        {
            key: KeySpec(
                key=key,
                unit=spec["unit"],
                description=spec["description"],
                no_limit=bool(spec.get("no_limit", False)),
            )
            for key, spec in _defaults_document().items()
        }
    )


class _LazyKeys(Mapping):
    """``THRESHOLD_KEYS`` reads the seed file on first use, not at import time."""

    def __getitem__(self, key):
        return threshold_keys()[key]

    def __iter__(self):
        return iter(threshold_keys())

    def __len__(self):
        return len(threshold_keys())


THRESHOLD_KEYS: Mapping[str, KeySpec] = _LazyKeys()


def _parse_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _typed(unit: str, raw):
    if raw is None or unit in ("table",):
        return raw
    if unit == "date":
        return _parse_date(raw)
    number = Decimal(str(raw))
    return int(number) if number == number.to_integral_value() else number


def default_threshold_values() -> list[ThresholdValue]:
    """Return every version in the seed file."""
    versions = []
    for key, spec in _defaults_document().items():
        unit = spec["unit"]
        for item in spec["values"]:
            raw = item.get("date_value", item.get("table_value", item.get("value")))
            versions.append(
                ThresholdValue(
                    key=key,
                    value=_typed(unit, raw),
                    unit=unit,
                    valid_from=_parse_date(item["valid_from"]),
                    kind=item["kind"],
                    source_title=item["source_title"],
                    source_url=item["source_url"],
                    other_sources=item.get("other_sources", ""),
                    note=item.get("note", ""),
                )
            )
    return versions


def resolve(
    versions: Iterable[ThresholdValue], *, on: dt.date, drafts_as_law: bool = False
) -> Thresholds:
    """Pick, for each registered key, the latest version in force with ``valid_from <= on``.

    Drafts are not in force: each key resolves to its latest official or practice version,
    and the latest draft newer than it (``valid_from <= on``) is kept apart as the pending
    draft (``Thresholds.draft``). With ``drafts_as_law`` every draft counts as adopted (on a
    tie of dates the version that is not a draft wins): the view a rule compares with to say
    what a draft would need.

    A key with no version in force yet (e.g. the J-Skip route before 2023-04-21, or a key
    that only drafts define) resolves to ``None``, carrying its first version's source and
    date, and rules treat ``None`` as "no such rule in force". Raise ``MissingThreshold`` if a
    registered key has no version at all: the rules must never run on a partial set of values.
    """
    versions = tuple(versions)
    law: dict[str, ThresholdValue] = {}
    latest_draft: dict[str, ThresholdValue] = {}
    first: dict[str, ThresholdValue] = {}
    for version in versions:
        if version.key not in first or version.valid_from < first[version.key].valid_from:
            first[version.key] = version
        if version.valid_from > on:
            continue
        chosen = latest_draft if is_draft(version) else law
        current = chosen.get(version.key)
        if current is None or version.valid_from > current.valid_from:
            chosen[version.key] = version
    drafts = {
        key: draft
        for key, draft in latest_draft.items()
        if key not in law or draft.valid_from > law[key].valid_from
    }
    latest = {**law, **drafts} if drafts_as_law else dict(law)
    for key, version in first.items():
        if key not in latest:
            latest[key] = ThresholdValue(**{**version.__dict__, "value": None, "pk": None})
    missing = sorted(set(threshold_keys()) - set(latest))
    if missing:
        raise MissingThreshold(f"No value stored for: {', '.join(missing)}")
    return Thresholds(
        as_of=on,
        entries=MappingProxyType(latest),
        timeline=versions,
        drafts=MappingProxyType(drafts),
        drafts_as_law=drafts_as_law,
    )


def thresholds_from_defaults(*, on: dt.date) -> Thresholds:
    """Resolve the seed file's values (no database): for tests and documentation."""
    return resolve(default_threshold_values(), on=on)
