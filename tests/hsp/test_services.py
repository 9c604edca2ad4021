"""hsp_points_at() and the table in the database: loaded by migration 0003, dated, editable."""

import datetime as dt
from dataclasses import replace
from types import MappingProxyType

import pytest

from assessments.hsp.services import hsp_points_at, hsp_thresholds_at
from assessments.thresholds.models import Threshold
from assessments.thresholds.selectors import thresholds_at
from assessments.thresholds.snapshot import MissingThreshold, Thresholds
from tests.hsp.conftest import born_aged, make_profile, table

pytestmark = pytest.mark.django_db
NOW = dt.date(2026, 12, 1)


def test_the_migration_loads_every_hsp_key_as_in_the_seed_files():
    from_db = hsp_thresholds_at(on=NOW)
    from_seed = table(NOW)
    assert set(from_db.entries) == set(from_seed.entries)
    assert all(from_db[key] == from_seed[key] for key in from_seed.entries)


def test_the_pr_engines_thresholds_still_resolve_with_the_hsp_keys_added():
    assert thresholds_at(on=NOW)["hsp.technical.salary"][0]["points"] == 40


def test_the_same_profile_is_scored_now_one_year_ago_and_three_years_ago():
    # 30 on 2026-12-01: 29 a year ago (age 15, ¥4.5M band 10), 27 three years ago.
    profile = make_profile(annual_salary=4_500_000, birth_date=born_aged(30), education="master")
    now = hsp_points_at(profile, on=NOW)
    year_ago = hsp_points_at(profile, on=dt.date(2025, 12, 1))
    three_ago = hsp_points_at(profile, on=dt.date(2023, 12, 1))
    assert (now.age, now.points) == (30, 30)
    assert (year_ago.age, year_ago.points) == (29, 45)
    assert (three_ago.age, three_ago.points, three_ago.as_of) == (27, 45, dt.date(2023, 12, 1))


def test_an_admins_new_version_applies_from_its_date_only():
    row = Threshold.objects.filter(key="hsp.bonus.jlpt_n1").latest("valid_from")
    row.pk, row.valid_from, row.value = None, dt.date(2027, 1, 1), 20
    row.save()
    profile = make_profile(bonuses=("jlpt_n1",))
    assert hsp_points_at(profile, on=dt.date(2026, 12, 31)).points == 15
    assert hsp_points_at(profile, on=dt.date(2027, 1, 1)).points == 20


def test_no_total_before_the_pass_mark_existed():
    with pytest.raises(MissingThreshold):
        hsp_points_at(make_profile(), on=dt.date(2017, 4, 25))


def test_a_given_table_replaces_the_database():
    base = table(NOW)
    entries = dict(base.entries)
    entries["hsp.bonus.jlpt_n1"] = replace(entries["hsp.bonus.jlpt_n1"], value=99)
    custom = Thresholds(as_of=NOW, entries=MappingProxyType(entries))
    result = hsp_points_at(make_profile(bonuses=("jlpt_n1",)), on=NOW, thresholds=custom)
    assert result.points == 99
