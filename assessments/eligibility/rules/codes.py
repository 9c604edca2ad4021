"""Every finding code a rule can return, with the params it carries.

Codes are stable, greppable names (they are also template names and msgids): never rename
one. Templates word each code in both languages (``assessments/findings/<code>.html``); a
test checks that every code here has wording and that rules return only codes listed here.
Dates in params are ISO strings in the result JSON; money is whole yen. ``remaining`` (only when
present) is the lesser risk that still stands on the finding's ``clears_on``: ``{code, params,
clears_on}`` of the same requirement, worded by that code's own template. ``draft`` (only when
present, on residence_period and continuity findings) is what a pending draft would need beyond
the rules in force: ``{code, params, clears_on}``, worded by that code's template (a draft is
never the verdict; see ``base.with_draft``). ``draft_from``: the day the draft would apply.
"""

from assessments.eligibility.rules.keep_pr.codes import KEEP_PR_CODES
from assessments.eligibility.rules.naturalization.codes import NATURALIZATION_CODES

FINDING_CODES: dict[str, tuple[str, ...]] = {
    # status_eligible — R1: PR is a change of status; some statuses are not accepted in practice.
    "status_eligible.ok": ("status",),
    "status_eligible.status_not_accepted": ("status",),
    "status_eligible.status_unusual": ("status",),
    "status_eligible.status_expired": ("status", "expiry"),
    # A status answered before the day it was created (育成就労: from 2027-04-01).
    "status_eligible.status_not_yet_created": ("status", "created_on"),
    # residence_period — guideline 1(3)ア and 2(1)–(8), per route.
    "residence_period.met": ("route", "years", "required"),
    # required_on_clear: the years asked on clears_on (a rule change may ask more than today).
    "residence_period.too_short": ("route", "years", "required", "start", "required_on_clear"),
    "residence_period.qualifying_too_short": ("years", "required", "start", "required_on_clear"),
    "residence_period.no_qualifying_status": ("status",),
    "residence_period.marriage_too_short": (
        "years",
        "required",
        "marriage_date",
        "required_on_clear",
    ),
    "residence_period.marriage_date_missing": (),
    "residence_period.grant_date_missing": ("route",),
    "residence_period.hsp_points_low": ("when", "points", "required"),
    "residence_period.hsp_points_missing": ("when", "required"),
    "residence_period.hsp_points_not_maintained": ("required",),
    "residence_period.route_not_open": ("route", "opens_on"),
    # What the pending draft would need where the rules in force are met (at_risk, basis draft).
    "residence_period.draft_too_short": (
        "route",
        "years",
        "required",
        "start",
        "required_on_clear",
        "draft_from",
    ),
    "residence_period.draft_marriage_too_short": (
        "years",
        "required",
        "marriage_date",
        "required_on_clear",
        "draft_from",
    ),
    # The draft would no longer count the current status (育成就労) toward the work years.
    "residence_period.draft_no_qualifying_status": ("status", "draft_from"),
    # continuity — "引き続き": long trips and heavy years abroad (rules of thumb), draft limits.
    "continuity.ok": ("trips", "longest_days", "max_year_days", "reported", "window_start"),
    "continuity.long_trips": (
        "long_trips",
        "heavy_years",
        "trip_limit",
        "year_limit",
        "trips",
        "reported",
        "window_start",
    ),
    # The pending draft's limits: a risk naming the draft, never a failure.
    "continuity.draft_single_trip": (
        "departure",
        "return",
        "months",
        "limit_months",
        "remaining",
        "draft_from",
    ),
    "continuity.draft_cumulative": (
        "months",
        "limit_months",
        "window_years",
        "remaining",
        "draft_from",
    ),
    # period_of_stay — guideline 1(3)ウ and note 1 (3 years counts until 2027-03-31).
    "period_of_stay.ok": ("years", "required"),
    "period_of_stay.unlimited": (),
    "period_of_stay.too_short": ("years", "required"),
    # What a pending draft of a status's own longest period would need (at_risk, basis draft).
    "period_of_stay.draft_too_short": ("years", "required", "draft_from"),
    "period_of_stay.three_year_grace": ("transition_date", "expiry"),
    "period_of_stay.three_year_ended": ("transition_date", "required"),
    "period_of_stay.missing_expiry": ("transition_date", "missing"),
    # livelihood — Art. 22(2)(ii) / guideline 1(2); amounts are practitioners' rules of thumb.
    "livelihood.ok": ("required", "lowest", "years", "dependents", "income_of"),
    "livelihood.household_income": (
        "income_of",
        "years",
        "lowest_applicant",
        "lowest_household",
        "required",
        "required_household",
        "dependents",
    ),
    "livelihood.income_below": (
        "year",
        "income",
        "required",
        "shortfall",
        "dependents",
        "years_below",
        "household_income",
        "required_household",
        "household_shortfall",
        "raise_year",
        "raise_certifiable_on",
        "last_year_below",
        "last_below_leaves_on",
    ),
    "livelihood.income_missing": ("missing_years", "missing"),
    "livelihood.income_not_yet_certifiable": ("years", "first_year", "certifiable_from"),
    "livelihood.public_assistance": (),
    "livelihood.no_employment": ("assets",),
    "livelihood.exempt": (),
    "livelihood.exempt_household_low": ("year", "income", "required", "dependents"),
    "livelihood.exempt_public_assistance": (),
    # taxes — guideline 1(3)イ and its note: late payment is negative in principle.
    "taxes.ok": ("lookback_years", "window_start", "set_aside"),
    "taxes.late": ("count", "latest_due", "lookback_years", "window_start", "set_aside"),
    "taxes.unpaid": ("count", "kinds"),
    # social_insurance — pension and health insurance, guideline 1(3)イ.
    "social_insurance.ok": ("lookback_years", "window_start", "set_aside"),
    "social_insurance.not_enrolled": ("pension", "health_insurance"),
    "social_insurance.late": (
        "count",
        "latest_due",
        "lookback_years",
        "window_start",
        "set_aside",
    ),
    "social_insurance.unpaid": ("count", "kinds"),
    # notifications — immigration notifications (address, employer, spouse), guideline 1(3)イ.
    "notifications.ok": ("window_start", "set_aside"),
    "notifications.missed": ("count", "latest", "lookback_years"),
    # conduct — Art. 22(2)(i), guideline 1(1) and 1(3)イ.
    "conduct.ok": (),
    "conduct.exempt": (),
    "conduct.imprisonment": ("completed_on", "wait_years", "remaining"),
    "conduct.suspended_sentence": ("completed_on", "wait_years", "remaining"),
    "conduct.fine": ("completed_on", "wait_years", "remaining"),
    "conduct.serious_traffic": ("date", "wait_years", "remaining"),
    "conduct.traffic_repeated": ("count", "tolerance", "window_years"),
    "conduct.unauthorized_work": (),
    # guarantor — a required document (身元保証書); must be Japanese, PR or special PR.
    "guarantor.ok": ("guarantor",),
    "guarantor.not_eligible": ("guarantor",),
    "guarantor.missing": (),
    # landing_standards — guideline 1(3)エ.
    "landing_standards.ok": (),
    "landing_standards.not_met": (),
    # The Business Manager standards in force since 2025-10-16 (gate question), worded with them.
    "landing_standards.business_standards_met": ("since", "renewal_grace_until", "capital"),
    "landing_standards.business_standards_not_met": ("since", "renewal_grace_until", "capital"),
    "landing_standards.business_standards_unsure": ("since", "renewal_grace_until", "capital"),
    # public_health — guideline 1(3)オ.
    "public_health.ok": (),
    "public_health.risk": (),
}
#: Findings of these requirements may name a pending draft beside the rules in force.
for _code in FINDING_CODES:
    if _code.startswith(("residence_period.", "continuity.")):
        FINDING_CODES[_code] += ("draft",)
#: The naturalization (帰化) findings are worded and checked the same way.
FINDING_CODES.update(NATURALIZATION_CODES)
#: The keep-PR check's findings (a permanent resident's own check) too.
FINDING_CODES.update(KEEP_PR_CODES)
