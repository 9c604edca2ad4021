"""Template filters and tags that word prcheck's data in the active language.

Money, dates and periods are written the way each language writes them (¥3,000,000 /
300万円; 1 December 2026 / 2026年12月1日), and untranslated codes (statuses, routes,
finding codes) become labels. Every filter reads the language when it runs, so the same
template renders in Japanese and English inside ``{% language %}`` blocks (the PDF report),
and every filter returns bad input unchanged rather than raising: a page must never 500
on an odd stored value.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_DOWN, ROUND_UP, Decimal, InvalidOperation

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext_lazy

from assessments.results import wording
from assessments.results.view import Finding
from assessments.web.formats import is_japanese as _is_japanese
from assessments.web.formats import longdate

register = template.Library()

MAN = 10_000  # 万: Japanese groups large numbers by ten thousands.
OKU = MAN * MAN  # 億
MONTHS_PER_YEAR = 12


def _grouped(number: int) -> str:
    return f"{number:,}"


def _as_int(value) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(Decimal(str(value)).to_integral_value())
    except (InvalidOperation, ValueError, TypeError, OverflowError):
        return None


def _yen_japanese(amount: int) -> str:
    """Write ``amount`` with 億 and 万 as Japanese forms do: 1万2,000円, 345万円."""
    if amount == 0:
        return "0円"
    sign = "-" if amount < 0 else ""
    rest = abs(amount)
    parts = []
    for unit, suffix in ((OKU, "億"), (MAN, "万")):
        if rest >= unit:
            parts.append(f"{_grouped(rest // unit)}{suffix}")
            rest %= unit
    if rest:
        parts.append(_grouped(rest))
    return f"{sign}{''.join(parts)}円"


@register.filter
def yen(value):
    """Write an amount of yen: ¥3,000,000 in English, 300万円 in Japanese."""
    amount = _as_int(value)
    if amount is None:
        return value
    if _is_japanese():
        return _yen_japanese(amount)
    return f"-¥{_grouped(-amount)}" if amount < 0 else f"¥{_grouped(amount)}"


register.filter("longdate", longdate)


def _number(value) -> str | None:
    """Write a number without trailing zeros, cut (not rounded) to two decimals.

    Cutting keeps 9.997 years from showing as "10 years" next to a 10-year requirement.
    """
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    if isinstance(value, bool) or not number.is_finite():
        return None
    try:
        number = number.quantize(Decimal("0.01"), rounding=ROUND_DOWN).normalize()
    except InvalidOperation:  # too many digits for the context: not a real period or count
        return None
    if number == number.to_integral_value():
        return number_format(int(number), force_grouping=True)
    return number_format(number, decimal_pos=-number.as_tuple().exponent, force_grouping=True)


#: Units of measure; ``count`` picks the plural form, ``n`` is the number as written.
UNITS = {
    "year": ngettext_lazy("%(n)s year", "%(n)s years", "count"),
    "month": ngettext_lazy("%(n)s month", "%(n)s months", "count"),
    "day": ngettext_lazy("%(n)s day", "%(n)s days", "count"),
    "point": ngettext_lazy("%(n)s point", "%(n)s points", "count"),
}


def _measured(value, unit: str):
    text = _number(value)
    if text is None:
        return value
    # Only exactly one is singular (1 year, but 0.5 and 1.5 years); plural rules want integers.
    count = 1 if Decimal(str(value)) == 1 else 2
    return UNITS[unit] % {"count": count, "n": text}


@register.filter
def years(value):
    """Write a period in years: 9.5 years / 9.5年."""
    return _measured(value, "year")


@register.filter
def months(value):
    """Write a period in months: 7 months / 7か月."""
    return _measured(value, "month")


@register.filter
def days(value):
    """Write a number of days: 120 days / 120日."""
    return _measured(value, "day")


@register.filter
def points(value):
    """Write HSP points: 75 points / 75点."""
    return _measured(value, "point")


@register.filter
def period(value):
    """Write a period of stay given in years: under a year in months (0.25 -> 3 months)."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return value
    if isinstance(value, bool) or not number.is_finite():
        return value
    if 0 < number < 1:
        return months(number * MONTHS_PER_YEAR)
    return years(value)


@register.filter
def shortfall(required, have):
    """Return how far ``have`` is below ``required`` (0 if not below), rounded up to 0.01.

    Rounded up, so a person 0.003 years short is told 0.01 years, never "0 years short".
    """
    try:
        gap = Decimal(str(required)) - Decimal(str(have))
    except (InvalidOperation, ValueError, TypeError):
        return ""
    if isinstance(required, bool) or isinstance(have, bool) or not gap.is_finite():
        return ""
    try:
        return max(gap, Decimal(0)).quantize(Decimal("0.01"), rounding=ROUND_UP).normalize()
    except InvalidOperation:  # too many digits for the context: not a real period or count
        return ""


#: Counted nouns for ``count_of``: each picks its plural form from the number.
COUNTED = {
    "trip": ngettext_lazy("%(n)s trip", "%(n)s trips", "n"),
    "payment": ngettext_lazy("%(n)s payment", "%(n)s payments", "n"),
    "notification": ngettext_lazy("%(n)s notification", "%(n)s notifications", "n"),
    "violation": ngettext_lazy("%(n)s violation", "%(n)s violations", "n"),
    "minor_violation": ngettext_lazy(
        "%(n)s minor traffic violation", "%(n)s minor traffic violations", "n"
    ),
    "dependant": ngettext_lazy("%(n)s dependant", "%(n)s dependants", "n"),
}


@register.filter
def count_of(value, noun):
    """Write a count with its noun: ``{{ 3|count_of:"trip" }}`` -> 3 trips / 3回."""
    count = _as_int(value)
    if count is None or noun not in COUNTED:
        return value
    return COUNTED[noun] % {"n": count}


@register.filter
def calendar_year(value):
    """Write a calendar year: 2025 / 2025年."""
    year = _as_int(value)
    if year is None:
        return value
    return f"{year}年" if _is_japanese() else str(year)


@register.filter
def listing(values):
    """Join already-worded items: "a, b and c" / "a、b、c"."""
    if isinstance(values, str) or not hasattr(values, "__iter__"):
        return values
    items = [str(item) for item in values]
    if _is_japanese() or len(items) < 2:
        return "、".join(items)
    return gettext("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


@register.filter
def as_list(value):
    """Return ``value`` if it is a list, else an empty list (safe to loop over)."""
    return value if isinstance(value, list | tuple) else []


@register.filter
def year_list(values):
    """Write calendar years, oldest first: "2021, 2022 and 2023" / "2021年、2022年、2023年"."""
    if isinstance(values, str) or not hasattr(values, "__iter__"):
        return values
    values = list(values)
    if all(isinstance(value, int) for value in values):
        values.sort()
    return listing([calendar_year(value) for value in values])


@register.filter
def label(value, table):
    """Word a stored code, id or enumeration value: ``{{ page.route|label:"Route" }}``.

    A thin call into ``results.wording`` (the one place labels are declared); ``table`` names
    one of its tables, or ``source`` for a cited source's title.
    """
    if table == "source":
        return wording.source_title(value) if isinstance(value, str) else value
    return wording.label(value, table)


class JapaneseRunsNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        return html if _is_japanese() else wording.mark_japanese(mark_safe(html))


@register.tag
def japanese_runs(parser, token):
    """``{% japanese_runs %}…{% endjapanese_runs %}``: on a page not in Japanese, mark every
    Japanese run of the enclosed HTML ``lang="ja"`` (citations, 行政書士, 特例期間), so that a
    screen reader reads it with a Japanese voice."""
    nodelist = parser.parse(("endjapanese_runs",))
    parser.delete_first_token()
    return JapaneseRunsNode(nodelist)


@register.filter
def lang_ja(value):
    """Escape ``value`` and mark its Japanese runs ``lang="ja"`` on a page not in Japanese."""
    return wording.japanese_run(value)


@register.filter
def names(findings):
    """Name findings (``view.Finding``) in plain words, joined for the active language."""
    return listing([finding.name for finding in findings])


@register.filter
def trip_span(trip):
    """Write one trip abroad: 3 January 2024 – 20 May 2024 (137 days)."""
    if not isinstance(trip, dict):
        return trip
    span = gettext("%(departure)s to %(return)s") % {
        "departure": longdate(trip.get("departure", "")),
        "return": longdate(trip.get("return", "")),
    }
    if trip.get("days") is None:
        return span
    return gettext("%(span)s (%(days)s)") % {"span": span, "days": days(trip["days"])}


@register.filter
def year_days(entry):
    """Write one calendar year's days abroad: 2024: 130 days abroad / 2024年：国外130日."""
    if not isinstance(entry, dict):
        return calendar_year(entry)
    return gettext("%(year)s: %(days)s abroad") % {
        "year": calendar_year(entry.get("year", "")),
        "days": days(entry.get("days", "")),
    }


def _finding_html(finding, part: str) -> str:
    if isinstance(
        finding, Mapping
    ):  # a finding's ``remaining`` or ``draft``: code, params, clears_on
        finding = Finding.from_json(finding)
    if not isinstance(finding, Finding):
        return ""
    if finding.template is None:
        if part != "text":
            return ""
        return gettext("prcheck has no explanation for this finding yet.")
    rendered = render_to_string(
        finding.template, {"p": finding.params, "finding": finding, "part": part}
    )
    # A pending draft's finding beside the one in force (engine-fixes): params.draft.
    draft = finding.params.get("draft")
    if part == "text" and isinstance(draft, Mapping):
        rendered = rendered.strip() + render_to_string(
            "assessments/finding_draft_note.html",
            {"draft": draft, "draft_text": mark_safe(_finding_html(draft, "text"))},
        )
    return rendered.strip()


def _render_finding(finding, part: str) -> str:
    html = _finding_html(finding, part)
    # English pages mark the Japanese runs (citations, 行政書士, 理由書) for screen readers.
    return mark_safe(html) if _is_japanese() else wording.mark_japanese(mark_safe(html))


@register.simple_tag
def finding_text(finding):
    """Render what was found for ``finding`` (a result requirement dict), with its numbers.

    The wording lives in ``assessments/findings/<code>.html`` and is rendered in the active
    language, so the PDF can call this inside ``{% language "ja" %}`` and ``{% language "en" %}``.
    A code the catalogue does not know renders a neutral sentence instead of failing.
    """
    return _render_finding(finding, "text")


@register.simple_tag
def finding_remedy(finding):
    """Render what to do about ``finding`` (empty when there is nothing to do)."""
    return _render_finding(finding, "remedy")


def _swap_prefix(path: str, current: str, other: str) -> str:
    prefix = f"/{current}/"
    if path.startswith(prefix):
        return f"/{other}/{path[len(prefix) :]}"
    return f"/{other}/"


@register.simple_tag(takes_context=True)
def language_links(context):
    """Return, for each other language, the same page in that language.

    The URL is resolved and reversed in the other language (Django's ``translate_url``), so
    a wizard step or a result token is kept. A page that does not resolve (a 404) keeps its
    path under the other prefix. Returns an empty list when there is no request (500 page).
    """
    request = context.get("request")
    if request is None:
        return []
    current = translation.get_language() or settings.LANGUAGE_CODE
    full_path = request.get_full_path()
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        url = translate_url(full_path, code)
        if url == full_path:
            url = _swap_prefix(full_path, current, code)
        info = translation.get_language_info(code)
        links.append({"code": code, "name": info["name_local"], "url": url})
    return links
