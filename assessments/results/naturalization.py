"""View-model of the naturalization (帰化) card: plain data, worded at render time.

Reshapes the ``naturalization`` object of a stored result for the result page and the
report. A result stored before naturalization existed has none: the card is then left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from assessments.eligibility.naturalization_choices import NATURALIZATION_IDS
from assessments.results.requirements import (
    Requirement,
    requirements_in_order,
    source_urls,
    stored_date,
)

#: Human names of the naturalization requirement ids.
NATURALIZATION_NAMES = {
    "residence": _("Residence in Japan"),
    "absences": _("Continuous residence (time abroad)"),
    "age": _("Age and capacity"),
    "conduct": _("Good conduct, taxes and pension"),
    "livelihood": _("Livelihood"),
    "nationality": _("Giving up your current nationality"),
    "constitution": _("Respect for the Constitution"),
    "japanese": _("Japanese ability"),
}
#: Each simplified route as "as …" completes it, with its article (``NaturalizationPath``).
ROUTE_NAMES = {
    "spouse": _("the spouse of a Japanese national (Nationality Act Art. 7)"),
    "spouse_marriage": _("the spouse of a Japanese national (Nationality Act Art. 7)"),
    "child": _("the child of a Japanese national living in Japan (Nationality Act Art. 8(i))"),
    "former_japanese_child": _(
        "the child of a former Japanese national (Nationality Act Art. 6(i))"
    ),
    "born_in_japan": _("someone born in Japan (Nationality Act Art. 6(ii))"),
    "born_in_japan_parent": _(
        "someone born in Japan whose father or mother was also born in Japan (Nationality Act Art. 6(ii))"
    ),
    "adoptee": _(
        "someone adopted by a Japanese national while a minor (Nationality Act Art. 8(ii))"
    ),
    "former_japanese": _("a former Japanese national (Nationality Act Art. 8(iii))"),
    "stateless_born": _(
        "someone born in Japan and stateless since birth (Nationality Act Art. 8(iv))"
    ),
}
#: Wording, not a rule: from this day permanent residence can be revoked for deliberate
#: non-payment of taxes and social insurance (入管法 22条の4第1項8号, 令和6年改正).
PR_REVOCATION_FROM = dt.date(2027, 4, 1)


@dataclass(frozen=True)
class NaturalizationPage:
    overall: str
    earliest_date: dt.date | None
    requirements: tuple[Requirement, ...]
    pr_revocation_from: dt.date = PR_REVOCATION_FROM


def naturalization_page(*, result: dict) -> NaturalizationPage | None:
    """Return the card's model from a stored result, or None if it has no naturalization part."""
    data = result.get("naturalization") if isinstance(result, dict) else None
    if not isinstance(data, dict):
        return None
    return NaturalizationPage(
        overall=str(data.get("overall", "")),
        earliest_date=stored_date(data.get("earliest_date")),
        requirements=requirements_in_order(
            data.get("requirements"), NATURALIZATION_IDS, urls=source_urls(result)
        ),
    )
