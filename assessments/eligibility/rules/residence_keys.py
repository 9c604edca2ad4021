"""Which threshold gives each route's residence period (shared by several rules)."""

from assessments.eligibility.choices import Route

RESIDENCE_YEARS_KEYS = {
    Route.GENERAL: "residence.general.min_years",
    Route.SPOUSE: "residence.spouse.in_japan_min_years",
    Route.CHILD: "residence.child.in_japan_min_years",
    Route.LONG_TERM_RESIDENT: "residence.long_term_resident.min_years",
    Route.REFUGEE: "residence.refugee.min_years",
    Route.CONTRIBUTION: "residence.contribution.min_years",
    Route.HSP_70: "residence.hsp_70.min_years",
    Route.HSP_80: "residence.hsp_80.min_years",
    Route.J_SKIP: "residence.j_skip.min_years",
}


def residence_years_key(route: str) -> str:
    """Return the threshold key of the residence period the route requires."""
    return RESIDENCE_YEARS_KEYS[Route(route)]
