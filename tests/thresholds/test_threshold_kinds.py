"""The kind of source of each default threshold, and the migration that corrects loaded rows.

The look-back counts are the ones the documents checklist prints: a count no official list
states must not be marked official (the checklist labels it as not confirmed).
"""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import User

from assessments.thresholds.models import Threshold
from assessments.thresholds.snapshot import default_threshold_values

correction = importlib.import_module("assessments.migrations.0006_documents_threshold_kinds")

# (key, kind of every default version): what the sources say about each look-back count.
LOOKBACK_KINDS = [
    ("lookback.tax_years.general", "official"),  # ISA list, 5 years since 2019-07-01
    ("lookback.social_insurance_years.general", "official"),
    ("lookback.tax_years.spouse", "official"),
    ("lookback.social_insurance_years.spouse", "official"),
    ("lookback.tax_years.child", "practice"),  # one practitioner groups spouse and child
    ("lookback.social_insurance_years.child", "official"),
    ("lookback.tax_years.long_term_resident", "official"),
    ("lookback.social_insurance_years.long_term_resident", "official"),
    ("lookback.tax_years.hsp_80", "official"),
    ("lookback.social_insurance_years.hsp_80", "official"),
    ("lookback.tax_years.hsp_70", "official"),
    ("lookback.social_insurance_years.hsp_70", "practice"),  # practitioners and open code
    ("lookback.tax_years.j_skip", "practice"),  # assumed the same as HSP 80
    ("lookback.social_insurance_years.j_skip", "practice"),
    ("lookback.notifications_years", "practice"),
]


@pytest.mark.parametrize(("key", "kind"), LOOKBACK_KINDS)
def test_each_look_back_count_has_the_kind_its_sources_support(key, kind):
    versions = [v for v in default_threshold_values() if v.key == key]
    assert versions
    assert {v.kind for v in versions} == {kind}


def test_every_practice_or_draft_version_says_where_it_comes_from():
    for version in default_threshold_values():
        assert version.source_url.startswith("https://"), version.key
        if version.kind != "official":
            assert version.source_title, version.key


def _loaded_row(key: str, value: int, changes: dict) -> Threshold:
    Threshold.objects.filter(key=key).delete()
    fields = {
        "key": key,
        "unit": "years",
        "value": value,
        "valid_from": dt.date(2006, 3, 31),
        **correction.LOADED,
        **changes,
    }
    return Threshold.objects.create(**fields)


# (sentence, changes to the row as 0002 loaded it, kind expected after the migration)
MIGRATION_CASES = [
    ("a row as the defaults loaded it is corrected", {}, "practice"),
    ("a row an admin re-cited is left alone", {"source_title": "行政書士の一覧"}, "official"),
    ("a row an admin gave another value is left alone", {"value": 3}, "official"),
    ("a row with an author is left alone", {"created_by": "admin"}, "official"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "kind"),
    [case[1:] for case in MIGRATION_CASES],
    ids=[case[0] for case in MIGRATION_CASES],
)
def test_the_migration_corrects_only_the_rows_the_defaults_loaded(changes, kind):
    if changes.get("created_by"):
        changes["created_by"] = User.objects.create_user("admin", "a@example.org", "pw")
    row = _loaded_row("lookback.social_insurance_years.j_skip", 1, changes)
    correction.correct(django_apps, None)
    row.refresh_from_db()
    assert row.kind == kind
    if kind == "practice":
        assert "unverified" in row.note


@pytest.mark.django_db
def test_the_migration_can_be_reversed():
    row = _loaded_row("lookback.social_insurance_years.hsp_70", 2, {})
    correction.correct(django_apps, None)
    row.refresh_from_db()
    assert (row.kind, row.source_url) == (
        "practice",
        "https://permanent.visa.aichi.jp/documents-koudo",
    )
    correction.restore(django_apps, None)
    row.refresh_from_db()
    assert (row.kind, row.source_title) == ("official", correction.LOADED["source_title"])
