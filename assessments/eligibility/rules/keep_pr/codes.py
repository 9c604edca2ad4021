"""Every finding code of the keep-PR check, with the params it carries (worded like the others).

``act_by`` (only when present) is the last day to act: pay, renew the card, return or extend
a permit. A finding with it makes the verdict "act now" (``KeepPrVerdict.ACT_NOW``).
``missing`` codes say what was not answered: a blank is never a known risk.
"""

KEEP_PR_CODES: dict[str, tuple[str, ...]] = {
    # reentry — 入管法 26条, 26条の2: a trip that outlasts its permit ends permanent residence.
    "keep_pr.reentry.ok": ("count", "trips"),
    "keep_pr.reentry.lapsed": ("departure", "return", "permit", "lapses_on", "trips"),
    "keep_pr.reentry.will_lapse": (
        "departure",
        "return",
        "permit",
        "lapses_on",
        "act_by",
        "max_years",
        "extension_max_years",
        "trips",
    ),
    "keep_pr.reentry.return_by": ("departure", "return", "permit", "lapses_on", "trips"),
    "keep_pr.reentry.permit_missing": ("departure", "return", "special_years", "trips"),
    "keep_pr.reentry.expiry_missing": ("departure", "return", "longest_on", "max_years", "trips"),
    # residence_card — 入管法 19条の5, 19条の11: the card, not the status, is renewed.
    "keep_pr.card.ok": ("expiry", "renewal_opens"),
    "keep_pr.card.estimated": ("expiry", "renewal_opens", "grant_date", "validity_years"),
    "keep_pr.card.renew_now": ("expiry", "renewal_opens", "act_by"),
    "keep_pr.card.expired": ("expiry", "act_by"),
    # public_dues — 入管法 22条の4第1項8号 (from 2027-04-01), draft revocation guideline.
    "keep_pr.dues.ok": ("revocation_from", "set_aside"),
    "keep_pr.dues.unpaid": ("count", "kinds", "revocation_from", "act_by"),
    "keep_pr.dues.late": ("count", "kinds", "latest_due", "revocation_from"),
    # notifications — the same ground: duties under the Immigration Act (address and others).
    "keep_pr.notifications.ok": ("revocation_from", "set_aside"),
    "keep_pr.notifications.missed": ("count", "latest", "revocation_from"),
}
