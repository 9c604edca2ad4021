"""The one place where result codes, enumerations and ids become words (Japanese and English).

Every label the result page, the PDF, the comparison and the what-if page show is declared
here, code and text together, as Django's ``password_validation`` declares a validator's code
with its help text: an entry is a lazy translation, so one table serves both languages and
the bilingual report renders it twice. Adding a code is one entry in one table below (and,
for a finding code, its sentence in ``assessments/findings/<code>.html``, which
``finding_template_name`` finds). ``tests/results/test_wording_module.py`` checks that every
id, enumeration value and timeline code the engine can return has its entry.

Japanese runs inside English text (a source citation, 行政書士, 理由書) are marked with
``lang="ja"`` by ``japanese_run``, so that a screen reader reads them with a Japanese voice.
"""

from __future__ import annotations

import re

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from assessments.eligibility.choices import (
    BusinessStandards,
    CriminalRecordKind,
    Employment,
    Guarantor,
    HspWhen,
    ImmigrationBureau,
    KeepPrVerdict,
    Overall,
    PaymentKind,
    ReentryPermit,
    RequirementStatus,
    ResidenceStatus,
    Route,
    TrafficViolationKind,
)
from assessments.eligibility.naturalization_choices import JapaneseLevel
from assessments.eligibility.rules.codes import FINDING_CODES
from assessments.thresholds.choices import ThresholdKind
from assessments.web.formats import is_japanese

#: The permanent residence requirements of the result contract (``requirements[].id``).
REQUIREMENT = {
    "status_eligible": _("Current status of residence"),
    "residence_period": _("Residence period"),
    "continuity": pgettext_lazy("permanent residence", "Continuous residence (time abroad)"),
    "period_of_stay": _("Longest period of stay"),
    "livelihood": _("Independent livelihood (income)"),
    "taxes": _("Taxes paid on time"),
    "social_insurance": _("Pension and health insurance"),
    "notifications": _("Immigration notifications"),
    "conduct": _("Good conduct"),
    "guarantor": _("Guarantor"),
    "landing_standards": _("Standards of your current status"),
    "public_health": _("Public health"),
}

#: The naturalization conditions (``naturalization.requirements[].id``).
NATURALIZATION_REQUIREMENT = {
    "residence": _("Residence in Japan"),
    "absences": pgettext_lazy("naturalization", "Continuous residence (time abroad)"),
    "age": _("Age and capacity"),
    "conduct": _("Good conduct, taxes and pension"),
    "livelihood": _("Livelihood"),
    "nationality": _("Giving up your current nationality"),
    "constitution": _("Respect for the Constitution"),
    "japanese": _("Japanese ability"),
}

#: The keep-PR check's requirements (``requirements[].id`` of route ``keep_pr``).
KEEP_PR_REQUIREMENT = {
    "reentry": _("Trips abroad and re-entry permits"),
    "residence_card": _("Residence card renewal"),
    "public_dues": _("Taxes and social insurance since the grant"),
    "notifications": _("Immigration notifications since the grant"),
}

#: Each simplified route of naturalization as "as …" completes it, with its article.
NATURALIZATION_ROUTE = {
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

#: Kinds of sentence a naturalization conduct finding names (a serious traffic offence too).
SENTENCE_KIND = {
    **{str(kind.value): kind.label for kind in CriminalRecordKind},
    "serious_traffic": _("Fine for a serious traffic offence"),
}

#: Yes/no answers.
YES_NO = {True: _("Yes"), False: _("No")}

#: English titles of the Japanese sources findings cite, longest prefix first. A source is
#: cited by its Japanese title (the stored threshold row); English pages show the official
#: English title where one exists, followed by the rest of the citation (the section).
SOURCE_TITLES_EN = (
    (
        "永住許可に関するガイドライン（令和8年2月24日改訂）",
        _("Guidelines for Permission for Permanent Residence (revised 24 February 2026)"),
    ),
    (
        "永住許可に関するガイドライン（平成18年3月31日）",
        _("Guidelines for Permission for Permanent Residence (31 March 2006)"),
    ),
    (
        "永住許可に関するガイドライン改定案",
        _("Draft revision of the Guidelines for Permission for Permanent Residence"),
    ),
    ("永住許可に関するガイドライン", _("Guidelines for Permission for Permanent Residence")),
    ("入管法", _("Immigration Control and Refugee Recognition Act")),
    (
        "出入国在留管理庁「永住許可申請」提出書類",
        _("Immigration Services Agency, documents for an application for permanent residence"),
    ),
    (
        "出入国在留管理庁 永住許可申請 提出書類",
        _("Immigration Services Agency, documents for an application for permanent residence"),
    ),
)


def _choices(enumeration) -> dict:
    return {str(member.value): member.label for member in enumeration}


#: Every table, by the name templates pass to the ``label`` filter.
TABLES: dict[str, dict] = {
    "requirement": REQUIREMENT,
    "naturalization_requirement": NATURALIZATION_REQUIREMENT,
    "naturalization_route": NATURALIZATION_ROUTE,
    "keep_pr_requirement": KEEP_PR_REQUIREMENT,
    "sentence_kind": SENTENCE_KIND,
    "yes_no": YES_NO,
    "CriminalRecordKind": _choices(CriminalRecordKind),
    "BusinessStandards": _choices(BusinessStandards),
    "Employment": _choices(Employment),
    "Guarantor": _choices(Guarantor),
    "HspWhen": _choices(HspWhen),
    "ImmigrationBureau": _choices(ImmigrationBureau),
    "JapaneseLevel": _choices(JapaneseLevel),
    "Overall": _choices(Overall),
    "PaymentKind": _choices(PaymentKind),
    "RequirementStatus": _choices(RequirementStatus),
    "ResidenceStatus": _choices(ResidenceStatus),
    "Route": _choices(Route),
    "ThresholdKind": _choices(ThresholdKind),
    "TrafficViolationKind": _choices(TrafficViolationKind),
    "ReentryPermit": _choices(ReentryPermit),
    "KeepPrVerdict": _choices(KeepPrVerdict),
}


def label(value, table: str):
    """Word ``value`` from the table named ``table`` (a list item by item).

    A value the table does not know (an older or newer result) is returned unchanged, so a
    page never fails on a stored value; an unknown table is a programming error and raises.
    """
    entries = TABLES[table]
    if isinstance(value, list | tuple):
        return [label(item, table) for item in value]
    try:
        found = entries.get(value)
    except TypeError:  # an unhashable stored value
        return value
    return value if found is None else found


def source_title(value: str) -> str:
    """Cite a source: on English pages its English title where one exists, then the section."""
    if is_japanese():
        return value
    for japanese, english in SOURCE_TITLES_EN:
        if value.startswith(japanese):
            return f"{english}{value[len(japanese) :]}"
    return value


def finding_template_name(code: str) -> str | None:
    """Return the template that words a finding ``code``, or None for a code not catalogued.

    Only catalogued codes are looked up, so a stored value can never pick another template.
    """
    if code in FINDING_CODES:
        return f"assessments/findings/{code}.html"
    return None


# --- Japanese runs on English pages -------------------------------------------------------

#: A run of Japanese script (kana, kanji, full-width punctuation and digits inside it).
_JAPANESE = re.compile(
    r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]"
    r"(?:[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e0-9０-９\-・ ]*"
    r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e0-9０-９])?"
)
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")
#: Elements whose text cannot take a ``<span>`` (or must stay as typed).
SKIPPED = frozenset({"svg", "script", "style", "textarea", "title", "option"})


def japanese_run(text) -> SafeString:
    """Escape ``text`` and, on a page not in Japanese, wrap each Japanese run in ``lang="ja"``."""
    escaped = format_html("{}", text)
    if is_japanese():
        return escaped
    return mark_japanese(escaped)


def mark_japanese(html: str) -> SafeString:
    """Mark every Japanese run in already-safe ``html`` with ``lang="ja"`` (tags left alone).

    Used on English pages and English blocks of the report: the markup stays as it is, only
    text between tags gains spans. The text of an element already marked ``lang="ja"`` is left
    as it is, and so is the text of elements that cannot hold a span (``SKIPPED``).
    """
    parts = _TAG.split(str(html))
    out = []
    skipping: str | None = None  # the name of the element whose text is left alone
    depth = 0  # elements of that name open inside it
    for part in parts:
        if part.startswith("<"):
            name = _TAG_NAME.match(part)
            name = name.group(1).lower() if name else ""
            if skipping is None:
                if not part.endswith("/>") and (name in SKIPPED or 'lang="ja"' in part):
                    skipping, depth = name, 1
            elif name == skipping:
                depth += -1 if part.startswith("</") else (0 if part.endswith("/>") else 1)
                if depth == 0:
                    skipping = None
            out.append(part)
        elif skipping is not None or not part:
            out.append(part)
        else:
            out.append(_JAPANESE.sub(lambda m: f'<span lang="ja">{m.group(0)}</span>', part))
    return mark_safe("".join(out))  # noqa: S308 — spans added around already-escaped text
