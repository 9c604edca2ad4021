"""``manage.py assess`` with a permanent resident's answers: the same engine as the API."""

import pytest

from tests.commands import command_error, command_json, write_json

pytestmark = pytest.mark.django_db

KEEP = {
    "application_date": "2027-06-01",
    "status": "permanent_resident",
    "status_grant_date": "2020-05-01",
}


def test_a_permanent_resident_with_nothing_to_report_is_told_the_next_card_renewal(tmp_path):
    result = command_json("assess", write_json(tmp_path, KEEP, "keep.json"))
    assert result["route"] == "keep_pr"
    assert result["keep_pr"]["verdict"] == "no_known_risk"
    assert result["keep_pr"]["card"] == {
        "expiry": "2034-05-01",
        "renewal_opens": "2034-03-01",
        "estimated": True,
    }


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "before the departure (2027-01-10)"), ("ja", "出国日（2027-01-10）より前")],
)
def test_a_permit_expiring_before_the_departure_exits_2_naming_the_field(tmp_path, lang, words):
    trip = {
        "departure": "2027-01-10",
        "return": "2027-02-01",
        "reentry_permit": "permit",
        "reentry_permit_expiry": "2027-01-01",
    }
    path = write_json(tmp_path, {**KEEP, "trips": [trip]}, "bad.json")
    message = str(command_error("assess", path, "--lang", lang))
    assert "trips[0].reentry_permit_expiry" in message
    assert words in message
