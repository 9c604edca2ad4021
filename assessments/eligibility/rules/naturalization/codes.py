"""Every naturalization finding code, with the params it carries (see ``rules/codes.py``).

Codes are stable names (template names and msgids): never rename one. Each is worded in
``assessments/findings/<code>.html``. Dates in params are ISO strings in the result JSON.
"""

NATURALIZATION_CODES: dict[str, tuple[str, ...]] = {
    # residence — Nationality Act Arts. 5(1)(i), 6, 7, 8; practice (working years, 2026 policy).
    # ``path``: a ``NaturalizationPath``; absent from ``exempt`` in results stored before Art. 6.
    "naturalization.residence.met": ("path", "years", "required", "work_years", "required_work"),
    "naturalization.residence.too_short": (
        "path",
        "years",
        "required",
        "work_years",
        "required_work",
        "start",
    ),
    "naturalization.residence.no_work_status": ("status", "years"),
    "naturalization.residence.policy_ten_years": ("years", "required", "policy_date"),
    "naturalization.residence.spouse_too_short": ("years", "required", "marriage_date", "path"),
    "naturalization.residence.marriage_date_missing": ("years", "required", "path"),
    "naturalization.residence.exempt": ("path",),
    # absences — "引き続き": long trips and heavy years (practice), over the period of the route
    # the residence finding is judged on (``path``); a route with no period has nothing to reset.
    "naturalization.absences.ok": (
        "trips",
        "longest_days",
        "max_year_days",
        "window_years",
        "path",
    ),
    "naturalization.absences.too_long": (
        "long_trips",
        "heavy_years",
        "limit_months",
        "year_limit",
        "window_years",
        "path",
    ),
    "naturalization.absences.exempt": ("path",),
    # age — Art. 5(1)(ii); exempt under Arts. 7 and 8 (``path``: the route that waives it).
    "naturalization.age.ok": ("age", "required"),
    "naturalization.age.too_young": ("age", "required"),
    "naturalization.age.birth_date_missing": ("required",),
    "naturalization.age.exempt": ("path",),
    # conduct — Art. 5(1)(iii): sentences, traffic, taxes and contributions (with family).
    "naturalization.conduct.ok": (),
    "naturalization.conduct.sentence": ("kind", "completed_on", "wait_years"),
    "naturalization.conduct.traffic": (
        "count",
        "tolerance",
        "window_years",
        "recent_count",
        "recent_tolerance",
        "recent_window_years",
    ),
    "naturalization.conduct.traffic_caution": ("count", "tolerance", "window_years"),
    "naturalization.conduct.unpaid": ("count", "kinds"),
    "naturalization.conduct.late": ("count", "kinds", "latest_due", "lookback_years"),
    # A late pension or health-insurance payment older than the year but within two (a risk).
    "naturalization.conduct.late_earlier": (
        "count",
        "kinds",
        "latest_due",
        "lookback_years",
        "caution_years",
    ),
    "naturalization.conduct.not_enrolled": ("pension", "health_insurance"),
    "naturalization.conduct.family_arrears": (),
    # livelihood — Art. 5(1)(iv); exempt under Art. 8 (``path``: the route that waives it).
    # required: the figure for the household (household_size: the applicant and the dependants).
    "naturalization.livelihood.ok": ("income", "required", "household_size"),
    "naturalization.livelihood.income_below": (
        "income",
        "required",
        "household_size",
        "required_household",
    ),
    "naturalization.livelihood.household_below": (
        "income",
        "required",
        "household_size",
        "required_single",
        "per_person",
    ),
    "naturalization.livelihood.income_missing": ("required", "household_size"),
    "naturalization.livelihood.public_assistance": (),
    "naturalization.livelihood.job_changed": ("date", "wait_years"),
    "naturalization.livelihood.exempt": ("path",),
    # nationality — Art. 5(1)(v).
    "naturalization.nationality.ok": (),
    "naturalization.nationality.stateless": (),
    "naturalization.nationality.not_renounceable": (),
    "naturalization.nationality.renounceable_missing": (),
    # constitution — Art. 5(1)(vi).
    "naturalization.constitution.ok": (),
    # japanese — practice (interview and hand-written statement).
    "naturalization.japanese.ok": ("level",),
    "naturalization.japanese.borderline": ("level",),
    "naturalization.japanese.too_low": ("level",),
    "naturalization.japanese.level_missing": (),
}
