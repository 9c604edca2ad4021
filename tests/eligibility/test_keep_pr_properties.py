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
