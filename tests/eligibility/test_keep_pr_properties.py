"""The keep-PR check never makes a blank worse than a favourable answer (a blank is no known risk)."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.eligibility.answers import answers_from_dict
from assessments.eligibility.choices import KeepPrVerdict
from assessments.eligibility.rules import evaluate
from assessments.eligibility.rules.dates import add_years
from assessments.thresholds.snapshot import thresholds_from_defaults

ON = dt.date(2028, 6, 1)
GRANT = dt.date(2019, 4, 1)
THRESHOLDS = thresholds_from_defaults(on=ON)
RANK = {verdict: index for index, verdict in enumerate(KeepPrVerdict.values)}


def _verdict(trip: dict | None, card_expiry: dt.date | None) -> str:
    data = {
        "application_date": ON.isoformat(),
        "status": "permanent_resident",
        "status_grant_date": GRANT.isoformat(),
        "trips": [trip] if trip else [],
        "residence_card_expiry": card_expiry.isoformat() if card_expiry else None,
    }
    result = evaluate(answers_from_dict(data, today=ON), THRESHOLDS)
    return result.keep_pr["verdict"]


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    departure=st.dates(GRANT, dt.date(2029, 1, 1)),
    days=st.integers(0, 2600),
    card_expiry=st.dates(dt.date(2028, 9, 1), dt.date(2035, 12, 31)),
)
def test_a_blank_permit_or_card_expiry_is_never_worse_than_a_favourable_answer(
    departure, days, card_expiry
):
    back = departure + dt.timedelta(days=days)
    trip = {"departure": departure.isoformat(), "return": back.isoformat()}
    if back > ON:
        trip["planned"] = True
    # Favourable: a full re-entry permit of the longest validity, or a special one; a card
    # whose renewal window is still ahead.
    longest = add_years(departure, THRESHOLDS["keep_pr.reentry_permit_max_years"])
    answered = [
        {**trip, "reentry_permit": "permit", "reentry_permit_expiry": longest.isoformat()},
        {**trip, "reentry_permit": "special"},
    ]
    blank = _verdict(trip, None)
    for favourable in answered:
        assert RANK[blank] <= RANK[_verdict(favourable, card_expiry)], (favourable, blank)
    assert RANK[blank] <= RANK[_verdict(trip, card_expiry)]


trips = st.lists(
    st.builds(
        lambda departure, days, permit, expiry_days: {
            "departure": departure.isoformat(),
            "return": (departure + dt.timedelta(days=days)).isoformat(),
            **({"reentry_permit": permit} if permit else {}),
            **(
                {"reentry_permit_expiry": (departure + dt.timedelta(days=expiry_days)).isoformat()}
                if permit == "permit" and expiry_days is not None
                else {}
            ),
        },
        st.dates(dt.date(2013, 1, 1), dt.date(2030, 1, 1)),
        st.integers(0, 2600),
        st.sampled_from([None, "special", "permit", "none"]),
        st.one_of(st.none(), st.integers(0, 2200)),
    ),
    max_size=3,
)


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    on=st.dates(dt.date(2012, 7, 9), dt.date(2031, 12, 31)),
    grant_back=st.integers(0, 8000),
    trips=trips,
    card_days=st.one_of(st.none(), st.integers(0, 4000)),
    unpaid=st.booleans(),
    missed=st.booleans(),
)
def test_every_keep_pr_check_gets_its_four_findings_with_catalogued_codes(
    on, grant_back, trips, card_days, unpaid, missed
):
    from assessments.eligibility.answers import AnswersInvalid
    from assessments.eligibility.rules.codes import FINDING_CODES
    from assessments.eligibility.rules.keep_pr import KEEP_PR_IDS

    grant = on - dt.timedelta(days=grant_back)
    # A trip not over on the day of the check is one under way or to come (planned).
    trips = [{**trip, "planned": trip["return"] > on.isoformat()} for trip in trips]
    data = {
        "application_date": on.isoformat(),
        "status": "permanent_resident",
        "status_grant_date": grant.isoformat(),
        "trips": trips,
        "residence_card_expiry": (grant + dt.timedelta(days=card_days)).isoformat()
        if card_days is not None
        else None,
        "payments": [{"kind": "pension", "due_date": grant.isoformat(), "paid_date": None}]
        if unpaid
        else [],
        "missed_notifications": [on.isoformat()] if missed else [],
    }
    try:
        answers = answers_from_dict(data, today=on)
    except AnswersInvalid:
        return  # overlapping or future trips: the contract refuses them, tested elsewhere
    result = evaluate(answers, THRESHOLDS.at(on)).to_json()
    assert result["route"] == "keep_pr"
    assert [f["id"] for f in result["requirements"]] == list(KEEP_PR_IDS)
    for finding in result["requirements"]:
        assert finding["code"] in FINDING_CODES, finding["code"]
        assert set(finding["params"]) <= set(FINDING_CODES[finding["code"]]), finding["code"]
    assert result["keep_pr"]["verdict"] in RANK
