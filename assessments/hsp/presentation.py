"""Word an HSP points result (codes plus params) for the page, in the active language.

Nothing here scores: it turns the breakdown, the items not scored and the suggestions into
rows of text. Call it while the page's language is active.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from assessments.hsp.choices import Bonus, Category, Education, Position
from assessments.hsp.result import HspPointsResult, Line, NotScored, Suggestion
from assessments.templatetags.prcheck import longdate, yen

ITEM_LABELS = {
    "education": gettext_lazy("Highest degree"),
    "multiple_degrees": gettext_lazy("Degrees in several fields"),
    "experience": gettext_lazy("Professional experience"),
    "salary": gettext_lazy("Annual salary"),
    "age": gettext_lazy("Age"),
    "research": gettext_lazy("Research achievements"),
    "national_licenses": gettext_lazy("Japanese national qualifications"),
    "position": gettext_lazy("Position in the company"),
    "investment_100m": gettext_lazy("Investment of 100 million yen or more"),
    **{bonus.value: bonus.label for bonus in Bonus},
}


@dataclass(frozen=True)
class Row:
    label: str
    detail: str
    points: int


@dataclass(frozen=True)
class SuggestionRow:
    text: str
    gain: int
    closes_70: bool
    closes_80: bool


def item_label(item: str) -> str:
    return str(ITEM_LABELS.get(item, item))


def _years(value) -> str:
    value = int(value) if float(value).is_integer() else value
    return ngettext("%(years)s year", "%(years)s years", value) % {"years": value}


def line_detail(line: Line) -> str:
    """Return what scored, e.g. "Master's or other professional degree", "5 years"."""
    p = line.params
    if line.item == "education":
        return str(Education(p["degree"]).label)
    if line.item == "experience":
        return _years(p["years"])
    if line.item == "salary":
        return yen(p["annual_salary"])
    if line.item == "age":
        return _("%(age)s years old") % {"age": p["age"]}
    if line.item in ("research", "national_licenses"):
        return ngettext("%(count)s kind", "%(count)s kinds", p["count"]) % {"count": p["count"]}
    if line.item == "position":
        return str(Position(p["position"]).label)
    return ""


def not_scored_text(item: NotScored) -> str:
    """Return why a claimed item scores nothing."""
    p, label = item.params, item_label(item.item)
    if item.reason == "not_in_category":
        return _("%(item)s: not on the table for this activity.") % {"item": label}
    if item.reason == "requires":
        return _("%(item)s: counts only together with “%(other)s”.") % {
            "item": label,
            "other": item_label(p["other"]),
        }
    if item.reason == "excluded_by":
        return _("%(item)s: does not count together with “%(other)s”.") % {
            "item": label,
            "other": item_label(p["other"]),
        }
    if item.reason == "age_band":
        return _(
            "%(item)s: the band from %(band)s is only for applicants under %(limit)s "
            "(you are %(age)s)."
        ) % {"item": label, "band": yen(p["band"]), "limit": p["below_age"], "age": p["age"]}
    return _("%(item)s: not on the table in force on that day.") % {"item": label}


def suggestion_text(s: Suggestion) -> str:
    """Return the change that would add the points, as an instruction."""
    p = s.params
    if s.item == "education":
        return _("A higher degree: %(degree)s") % {"degree": Education(p["degree"]).label}
    if s.item == "multiple_degrees":
        return _("Another graduate degree in a different field")
    if s.item == "experience":
        return _("Reach %(years)s of experience") % {"years": _years(p["years"])}
    if s.item == "salary":
        return _("An expected annual salary of %(amount)s or more") % {
            "amount": yen(p["annual_salary"])
        }
    if s.item == "research":
        return ngettext(
            "%(count)s kind of research achievement",
            "%(count)s kinds of research achievement",
            p["count"],
        ) % {"count": p["count"]}
    if s.item == "national_licenses":
        return ngettext(
            "%(count)s Japanese national qualification related to the work",
            "%(count)s Japanese national qualifications related to the work",
            p["count"],
        ) % {"count": p["count"]}
    if s.item == "position":
        return _("Position: %(position)s") % {"position": Position(p["position"]).label}
    return item_label(s.item)


def result_page(result: HspPointsResult) -> dict:
    """Return the template context for a result: rows of text, numbers and flags."""
    change = result.next_change
    return {
        "category_label": Category(result.category).label,
        "rows": [Row(item_label(x.item), line_detail(x), x.points) for x in result.breakdown],
        "not_scored": [not_scored_text(item) for item in result.not_scored],
        "suggestions": [
            SuggestionRow(
                suggestion_text(s),
                s.gain,
                result.closes(s, result.pass_mark),
                result.closes(s, result.fast_track_mark),
            )
            for s in result.suggestions
        ],
        "next_change": change
        and {
            "date": longdate(change.on),
            "age": change.age,
            "points": change.points,
        },
        "minimum_salary": result.minimum_salary and yen(result.minimum_salary),
        "as_of": longdate(result.as_of),
        "j_skip": result.j_skip,
        "j_skip_salary": result.j_skip.min_annual_salary and yen(result.j_skip.min_annual_salary),
    }
