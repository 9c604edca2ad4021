"""The documents to gather for a permanent residence application, tailored to the answers.

Source: the Immigration Services Agency's document lists for a permanent residence
application (https://www.moj.go.jp/isa/applications/procedures/16-4.html), as collected by
practitioners, and the Highly Skilled Professional lists (point-calculation sheets now and one
or three years before, the point-calculation result notice, pension and health-insurance
records of the applicant and spouse). Every line carries the source it comes from.

How many years of tax, pension and health-insurance records are asked for depends on the
route; those counts are the dated ``lookback.*`` thresholds that travel with the result, so
the checklist says the same number of years as the findings. A count whose threshold is not
of the ``official`` kind is labelled as not confirmed by an official list.

The answers tailor the list: proof of occupation follows ``employment`` (no certificate of
employment for someone not employed), evidence of a contribution to Japan is listed only when
one is claimed, and the point-calculation result notice only for a holder of HSP status (it is
issued with that status). Without answers (an older result) the list is the route's own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# Pension and health-insurance records cover the same years (one count per route).
TAX_YEARS_KEY = "lookback.tax_years.{route}"
INSURANCE_YEARS_KEY = "lookback.social_insurance_years.{route}"

HSP_ROUTES = ("hsp_70", "hsp_80")
EMPLOYED = frozenset({"regular", "contract", "dispatch", "part_time"})


@dataclass(frozen=True)
class Source:
    """Where a line of the checklist comes from (a title as published, and its address)."""

    title: str
    url: str


#: The ISA's own document lists (16-4), which practitioners quote line by line.
ISA_LIST = Source(
    "出入国在留管理庁「永住許可申請」提出書類",
    "https://www.moj.go.jp/isa/applications/procedures/16-4.html",
)
#: The Highly Skilled Professional lists (80 and 70 points), as published by a visa office.
HSP_LIST = Source(
    "永住許可申請（高度専門職ポイント 80点・70点）提出書類",
    "https://permanent.visa.aichi.jp/documents-koudo",
)


@dataclass(frozen=True)
class DocumentItem:
    """One line of the checklist; ``label`` is worded when read, in the active language.

    ``caveat`` (lazy text or None) says what is uncertain about the line; ``source`` is the
    list the line comes from.
    """

    key: str
    text: Any
    source: Source
    params: Mapping[str, Any] = field(default_factory=dict)
    optional: bool = False
    caveat: Any = None

    @property
    def label(self) -> str:
        return self.text % dict(self.params) if self.params else str(self.text)


UNCONFIRMED_YEARS = _(
    "This number of years is not confirmed in an official list: check it with the immigration "
    "bureau."
)


@dataclass(frozen=True)
class Count:
    """A look-back count from the result's thresholds; ``official`` is False for other kinds."""

    years: int | None
    official: bool = True


def _count(thresholds: Mapping, key: str) -> Count:
    entry = thresholds.get(key)
    if not isinstance(entry, Mapping):
        return Count(None)
    value = entry.get("value")
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < math.inf:
        return Count(int(value), official=entry.get("kind", "official") == "official")
    return Count(None)


def _counted(key, with_years, without_years, count: Count, source: Source) -> DocumentItem:
    if count.years is None:
        return DocumentItem(key, without_years, source)
    caveat = None if count.official else UNCONFIRMED_YEARS
    return DocumentItem(key, with_years, source, {"years": count.years}, caveat=caveat)


def _common_first() -> list[DocumentItem]:
    return [
        DocumentItem(
            "application_form",
            _("Application form for permission for permanent residence"),
            ISA_LIST,
        ),
        DocumentItem(
            "photo", _("One photo, 4 cm high and 3 cm wide (not needed under 16)"), ISA_LIST
        ),
        DocumentItem(
            "statement_of_reasons",
            _(
                "Statement of reasons (理由書) for seeking permanent residence, with a Japanese "
                "translation if you write it in another language"
            ),
            ISA_LIST,
        ),
        DocumentItem(
            "juminhyo",
            _(
                "Certificate of residence (住民票) listing everyone in your household, without My Number"
            ),
            ISA_LIST,
        ),
    ]


#: Proof of occupation by ``employment`` (the ISA lists: employee, officer, self-employed,
#: or the person who supports the applicant).
OCCUPATION = {
    "employed": (
        "occupation_employee",
        _("Certificate of employment (在職証明書) from your employer"),
    ),
    "self_employed": (
        "occupation_self_employed",
        _(
            "A copy of your final tax return (確定申告書控え) and, if your business needs one, "
            "a copy of its business licence (営業許可書)"
        ),
    ),
    "executive": (
        "occupation_executive",
        _(
            "The company's certificate of registered matters (履歴事項全部証明書), and a copy of "
            "your final tax return (確定申告書控え) if you file one"
        ),
    ),
    "none": (
        "occupation_supporter",
        _(
            "Proof of the occupation of the person who supports you (for example your "
            "spouse's certificate of employment, or their tax return if self-employed)"
        ),
    ),
    None: (
        "occupation",
        _(
            "Proof of your work: a certificate of employment (在職証明書), or if self-employed a "
            "copy of your tax return (確定申告書) and business licence"
        ),
    ),
}


def _occupation(employment: Any) -> DocumentItem:
    kind = "employed" if employment in EMPLOYED else employment
    key, text = OCCUPATION.get(kind, OCCUPATION[None])
    return DocumentItem(key, text, ISA_LIST)


SUPPORTER_RECORDS = DocumentItem(
    "supporter_records",
    _(
        "The resident tax certificates (for the same years as yours) and proof of assets of the "
        "person who supports you"
    ),
    ISA_LIST,
)


def _tax_records(count: Count) -> list[DocumentItem]:
    return [
        _counted(
            "resident_tax",
            ngettext_lazy(
                "Resident tax certificates of taxation (or of non-taxation) and of payment "
                "(住民税の課税・納税証明書) "
                "for the most recent %(years)s year, and proof that you paid on time if the tax "
                "was not deducted from your salary (bank statements or receipts)",
                "Resident tax certificates of taxation (or of non-taxation) and of payment "
                "(住民税の課税・納税証明書) "
                "for the most recent %(years)s years, and proof that you paid on time if the tax "
                "was not deducted from your salary (bank statements or receipts)",
                "years",
            ),
            _(
                "Resident tax certificates of taxation (or of non-taxation) and of payment "
                "(住民税の課税・納税証明書), "
                "and proof that you paid on time if the tax was not deducted from your salary"
            ),
            count,
            ISA_LIST,
        ),
        DocumentItem(
            "national_tax",
            _(
                "National tax payment certificate, form 3 (納税証明書（その3）): withholding and "
                "self-assessed income tax, consumption tax, inheritance tax and gift tax"
            ),
            ISA_LIST,
        ),
    ]


def _insurance_records(count: Count) -> list[DocumentItem]:
    return [
        _counted(
            "pension",
            ngettext_lazy(
                "Pension record for the most recent %(years)s year: the monthly record "
                "(各月の年金記録) from ねんきんネット or your ねんきん定期便, and receipts for any "
                "months you paid national pension yourself",
                "Pension record for the most recent %(years)s years: the monthly record "
                "(各月の年金記録) from ねんきんネット or your ねんきん定期便, and receipts for any "
                "months you paid national pension yourself",
                "years",
            ),
            _(
                "Pension record: the monthly record (各月の年金記録) from ねんきんネット or your "
                "ねんきん定期便, and receipts for any months you paid national pension yourself"
            ),
            count,
            ISA_LIST,
        ),
        _counted(
            "health_insurance",
            ngettext_lazy(
                "Health insurance for the most recent %(years)s year: a copy of your insurance "
                "eligibility certificate or the My Number portal screen (資格情報), and receipts if "
                "you pay national health insurance yourself",
                "Health insurance for the most recent %(years)s years: a copy of your insurance "
                "eligibility certificate or the My Number portal screen (資格情報), and receipts if "
                "you pay national health insurance yourself",
                "years",
            ),
            _(
                "Health insurance: a copy of your insurance eligibility certificate or the My "
                "Number portal screen (資格情報), and receipts if you pay national health "
                "insurance yourself"
            ),
            count,
            ISA_LIST,
        ),
    ]


def _hsp_insurance_records(count: Count) -> list[DocumentItem]:
    """Return the HSP lists' pension and health-insurance lines: applicant *and* spouse."""
    return [
        _counted(
            "pension",
            ngettext_lazy(
                "Pension records of you and, if you are married, your spouse for the most "
                "recent %(years)s year: the monthly record (各月の年金記録) from ねんきんネット or "
                "ねんきん定期便, and receipts for any months of national pension paid yourselves",
                "Pension records of you and, if you are married, your spouse for the most "
                "recent %(years)s years: the monthly record (各月の年金記録) from ねんきんネット or "
                "ねんきん定期便, and receipts for any months of national pension paid yourselves",
                "years",
            ),
            _(
                "Pension records of you and, if you are married, your spouse: the monthly "
                "record (各月の年金記録) from ねんきんネット or ねんきん定期便, and receipts for any "
                "months of national pension paid yourselves"
            ),
            count,
            HSP_LIST,
        ),
        _counted(
            "health_insurance",
            ngettext_lazy(
                "Health insurance of you and, if you are married, your spouse for the most "
                "recent %(years)s year: a copy of the insurance eligibility certificate or the "
                "My Number portal screen (資格情報), and receipts for national health insurance "
                "paid yourselves",
                "Health insurance of you and, if you are married, your spouse for the most "
                "recent %(years)s years: a copy of the insurance eligibility certificate or the "
                "My Number portal screen (資格情報), and receipts for national health insurance "
                "paid yourselves",
                "years",
            ),
            _(
                "Health insurance of you and, if you are married, your spouse: a copy of the "
                "insurance eligibility certificate or the My Number portal screen (資格情報), and "
                "receipts for national health insurance paid yourselves"
            ),
            count,
            HSP_LIST,
        ),
    ]


def _common_last() -> list[DocumentItem]:
    return [
        DocumentItem(
            "assets",
            _("Proof of assets: a copy of your bank passbook, a real-estate register extract"),
            ISA_LIST,
        ),
        DocumentItem(
            "guarantee",
            _(
                "Letter of guarantee (身元保証書) signed by a Japanese national, permanent resident "
                "or special permanent resident, with a copy of their ID such as a driving licence"
            ),
            ISA_LIST,
        ),
        DocumentItem("acknowledgement", _("Letter of acknowledgement (了解書)"), ISA_LIST),
        DocumentItem("passport", _("Passport and residence card, shown at the counter"), ISA_LIST),
    ]


HSP_SHEETS = {
    "hsp_70": _(
        "HSP point-calculation sheets as of the application date and as of three years "
        "before, with evidence for each point"
    ),
    "hsp_80": _(
        "HSP point-calculation sheets as of the application date and as of one year before, "
        "with evidence for each point"
    ),
}
HSP_NOTICE = _(
    "A copy of the point-calculation result notice (ポイント計算結果通知書) you received with "
    "your Highly Skilled Professional status"
)


def _hsp(route: str, status: Any) -> list[DocumentItem]:
    """Return the sheets, and the result notice for a holder of HSP status (or unknown status).

    The notice is issued when HSP status is granted on points; someone on another status who
    uses the routes by point calculation has none to copy.
    """
    items = [DocumentItem("hsp_points_sheets", HSP_SHEETS[route], HSP_LIST)]
    if status in (None, "hsp"):
        items.append(DocumentItem("hsp_result_notice", HSP_NOTICE, HSP_LIST))
    return items


ROUTE_SPECIFIC = {
    "spouse": DocumentItem(
        "family_register_spouse",
        _(
            "Your Japanese spouse's family register (戸籍謄本), or, if your spouse is a "
            "permanent or special permanent resident, your marriage certificate"
        ),
        ISA_LIST,
    ),
    "child": DocumentItem(
        "family_register_parent",
        _(
            "Your Japanese parent's family register (戸籍謄本), or, if your parent is a "
            "permanent or special permanent resident, your birth certificate"
        ),
        ISA_LIST,
    ),
    "j_skip": DocumentItem(
        "jskip_evidence",
        _(
            "Evidence that you met the Special Highly Skilled Professional (J-Skip) "
            "criteria now and one year ago: degree or career, and annual income"
        ),
        ISA_LIST,
    ),
}

CONTRIBUTION = DocumentItem(
    "contribution",
    _(
        "Evidence of your contribution to Japan: awards, letters of thanks, letters of "
        "recommendation from your organisation"
    ),
    ISA_LIST,
)


def _route_specific(route: str, status: Any) -> list[DocumentItem]:
    if route in HSP_ROUTES:
        return _hsp(route, status)
    return [ROUTE_SPECIFIC[route]] if route in ROUTE_SPECIFIC else []


def documents_for_route(
    *, route: str, thresholds: Mapping, answers: Mapping | None = None
) -> tuple[DocumentItem, ...]:
    """Return the checklist for ``route``, tailored to the stored ``answers`` when given.

    ``thresholds`` is the result's snapshot (key → dict). Where it lacks a look-back count,
    the line is worded without a number rather than with a guess. ``answers`` is the stored
    answers dict of the contract; keys it lacks leave the route's general wording.
    """
    answers = answers if isinstance(answers, Mapping) else {}
    tax = _count(thresholds, TAX_YEARS_KEY.format(route=route))
    insurance = _count(thresholds, INSURANCE_YEARS_KEY.format(route=route))
    insurance_records = (
        _hsp_insurance_records(insurance) if route in HSP_ROUTES else _insurance_records(insurance)
    )
    claimed = route == "contribution" or answers.get("contribution_to_japan") is True
    return tuple(
        _common_first()
        + [_occupation(answers.get("employment"))]
        + _route_specific(route, answers.get("status"))
        + _tax_records(tax)
        + insurance_records
        + _common_last()
        + ([SUPPORTER_RECORDS] if answers.get("employment") == "none" else [])
        + ([replace(CONTRIBUTION, optional=route != "contribution")] if claimed else [])
    )
