"""thresholds_at(): the version in force on each side of every change, from the database."""

import datetime as dt

import pytest

from assessments.thresholds.models import Threshold
from assessments.thresholds.selectors import thresholds_at
from assessments.thresholds.snapshot import MissingThreshold

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


# (sentence, key, date of the change, value the day before, value from that day)
CHANGES = [
    (
        "the shortest period of stay that counts rises from 3 to 5 years on 2027-04-01",
        "period_of_stay.min_years",
        dt.date(2027, 4, 1),
        3,
        5,
    ),
    (
        "the general route's tax look-back grows from 3 to 5 years on 2019-07-01",
        "lookback.tax_years.general",
        dt.date(2019, 7, 1),
        3,
        5,
    ),
]


@pytest.mark.parametrize(
    ("key", "changes_on", "before", "after"),
    [case[1:] for case in CHANGES],
    ids=[case[0] for case in CHANGES],
)
def test_the_old_value_holds_the_day_before_a_change_and_the_new_one_from_that_day(
    key, changes_on, before, after
):
    assert thresholds_at(on=changes_on - DAY)[key] == before
    on_the_day = thresholds_at(on=changes_on)
    assert on_the_day[key] == after
    assert on_the_day.entry(key).valid_from == changes_on
    assert thresholds_at(on=changes_on + DAY)[key] == after


def test_the_snapshot_records_its_date_and_each_value_with_its_source():
    snapshot = thresholds_at(on=dt.date(2026, 12, 1))
    assert snapshot.as_of == dt.date(2026, 12, 1)
    entry = snapshot.to_json()["residence.general.min_years"]
    assert entry["value"] == 10
    assert entry["unit"] == "years"
    assert entry["source_url"].startswith("https://")


def test_a_version_added_later_wins_from_its_date_only():
    Threshold.objects.create(
        key="livelihood.min_income",
        unit="yen",
        value=3_200_000,
        valid_from=dt.date(2027, 1, 1),
        kind="practice",
        source_title="test",
        source_url="https://example.org/",
    )
    assert thresholds_at(on=dt.date(2026, 12, 31))["livelihood.min_income"] == 3_000_000
    assert thresholds_at(on=dt.date(2027, 1, 1))["livelihood.min_income"] == 3_200_000


def test_today_is_the_default_date(time_machine):
    time_machine.move_to(dt.datetime(2027, 4, 1, 9, tzinfo=dt.UTC))
    assert thresholds_at().as_of == dt.date(2027, 4, 1)
    assert thresholds_at()["period_of_stay.min_years"] == 5


def test_a_key_with_no_version_at_all_raises_and_names_the_key():
    Threshold.objects.filter(key="livelihood.min_income").delete()
    with pytest.raises(MissingThreshold, match="livelihood.min_income"):
        thresholds_at(on=dt.date(2026, 12, 1))


def test_a_key_is_none_before_its_first_version_and_still_cites_its_source():
    """A rule that did not exist yet (e.g. J-Skip before 2023-04-21) is "not in force"."""
    first = Threshold.objects.filter(key="residence.j_skip.min_years").earliest("valid_from")
    before = thresholds_at(on=first.valid_from - DAY)
    assert before["residence.j_skip.min_years"] is None
    assert before.entry("residence.j_skip.min_years").source_url == first.source_url
    assert thresholds_at(on=first.valid_from)["residence.j_skip.min_years"] == first.typed_value()


def test_a_key_with_an_empty_value_is_present_and_none():
    snapshot = thresholds_at(on=dt.date(2026, 12, 1))
    assert snapshot["absence.single_trip_max_months"] is None
    assert snapshot.to_json()["absence.single_trip_max_months"]["value"] is None
    # From 2027-04-01 the draft's six months are pending beside it, never in force.
    assert thresholds_at(on=dt.date(2027, 4, 1))["absence.single_trip_max_months"] is None


KEY = "residence.spouse.marriage_min_years"


@pytest.mark.parametrize("day", [dt.date(2027, 3, 31), dt.date(2027, 4, 1), dt.date(2027, 4, 2)])
def test_a_draft_is_never_in_force_on_either_side_of_its_date(day):
    """Issue 22, item 4: the 2026-08 draft's five years of marriage are pending, not law."""
    snapshot = thresholds_at(on=day)
    assert snapshot[KEY] == 3
    assert snapshot.kind(KEY) == "official"
    pending = snapshot.draft(KEY)
    if day < dt.date(2027, 4, 1):
        assert pending is None
        assert snapshot.with_drafts()[KEY] == 3
    else:
        assert (pending.value, pending.kind, pending.valid_from) == (
            5,
            "draft",
            dt.date(2027, 4, 1),
        )
        assert snapshot.with_drafts()[KEY] == 5
        assert snapshot.to_json()[f"{KEY}.draft"]["kind"] == "draft"


def test_a_draft_dated_in_the_past_is_not_applied_either():
    """The draft's ten-year absence window is dated 2006-03-31: still only pending."""
    snapshot = thresholds_at(on=dt.date(2026, 12, 1))
    assert snapshot["absence.window_years"] is None
    assert snapshot.draft("absence.window_years").value == 10


def test_a_draft_an_admin_adopts_as_official_is_in_force_and_no_longer_pending():
    """Adopted from 2027-05-01 (a new official version): in force from then, the draft spent."""
    Threshold.objects.create(
        key=KEY,
        unit="years",
        value=5,
        valid_from=dt.date(2027, 5, 1),
        kind="official",
        source_title="adopted",
        source_url="https://example.org/",
    )
    adopted = thresholds_at(on=dt.date(2027, 5, 1))
    assert adopted[KEY] == 5
    assert adopted.entry(KEY).source_title == "adopted"
    assert adopted.draft(KEY) is None
    before = thresholds_at(on=dt.date(2027, 4, 30))
    assert before[KEY] == 3
    assert before.draft(KEY).value == 5


def test_changes_after_lists_only_days_a_version_in_force_changes():
    snapshot = thresholds_at(on=dt.date(2026, 12, 1))
    spouse_only = [v.valid_from for v in snapshot.timeline if v.key == KEY and v.kind == "draft"]
    assert dt.date(2027, 4, 1) in spouse_only
    assert dt.date(2027, 4, 1) in snapshot.changes_after(dt.date(2026, 12, 1))  # period of stay
    drafts_only = {v.valid_from for v in snapshot.timeline if v.kind == "draft"} - {
        v.valid_from for v in snapshot.timeline if v.kind != "draft"
    }
    assert not drafts_only & set(snapshot.changes_after(dt.date(2000, 1, 1)))
    assert drafts_only <= set(snapshot.with_drafts().changes_after(dt.date(2000, 1, 1)))


def test_unknown_keys_raise_missing_threshold():
    with pytest.raises(MissingThreshold):
        thresholds_at(on=dt.date(2026, 12, 1))["no.such.key"]


def add_min_income_version(value: int, valid_from: dt.date) -> Threshold:
    return Threshold.objects.create(
        key="livelihood.min_income",
        unit="yen",
        value=value,
        valid_from=valid_from,
        kind="practice",
        source_title="test",
        source_url="https://example.org/",
    )


def test_a_version_added_after_a_read_is_seen_by_the_next_read():
    assert thresholds_at(on=dt.date(2027, 1, 1))["livelihood.min_income"] == 3_000_000
    add_min_income_version(3_200_000, dt.date(2027, 1, 1))
    assert thresholds_at(on=dt.date(2027, 1, 1))["livelihood.min_income"] == 3_200_000


def test_a_version_deleted_after_a_read_is_gone_from_the_next_read():
    added = add_min_income_version(3_200_000, dt.date(2027, 1, 1))
    assert thresholds_at(on=dt.date(2027, 1, 1))["livelihood.min_income"] == 3_200_000
    added.delete()
    assert thresholds_at(on=dt.date(2027, 1, 1))["livelihood.min_income"] == 3_000_000


def test_a_version_deleted_and_another_added_is_seen_though_the_count_is_unchanged():
    first = add_min_income_version(3_200_000, dt.date(2027, 1, 1))
    assert thresholds_at(on=dt.date(2027, 1, 1))["livelihood.min_income"] == 3_200_000
    first.delete()
    add_min_income_version(3_400_000, dt.date(2027, 1, 1))
    assert thresholds_at(on=dt.date(2027, 1, 1))["livelihood.min_income"] == 3_400_000


def test_an_unchanged_table_is_not_read_again(django_assert_num_queries):
    thresholds_at(on=dt.date(2026, 12, 1))
    with django_assert_num_queries(1):  # the stamp: count, highest id, latest creation
        again = thresholds_at(on=dt.date(2027, 4, 1))
    assert again["period_of_stay.min_years"] == 5
