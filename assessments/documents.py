"""The documents to gather for a permanent residence application, per route.

Source: ISA's document lists as collected by practitioners, and practitioners' HSP lists
(point-calculation sheets now and one or three years before).
How many years of tax, pension and health-insurance records are asked for depends on the
route; those counts are the dated ``lookback.*`` thresholds that travel with the result, so
the checklist says the same number of years as the findings.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# Pension and health-insurance records cover the same years (rules-reference.md §R7).
TAX_YEARS_KEY = "lookback.tax_years.{route}"
INSURANCE_YEARS_KEY = "lookback.social_insurance_years.{route}"


@dataclass(frozen=True)
class DocumentItem:
    """One line of the checklist; ``label`` is worded when read, in the active language."""

    key: str
    text: Any
    params: Mapping[str, Any] = field(default_factory=dict)
    optional: bool = False

    @property
    def label(self) -> str:
        return self.text % dict(self.params) if self.params else str(self.text)


def _years(thresholds: Mapping, key: str) -> int | None:
    entry = thresholds.get(key)
    value = entry.get("value") if isinstance(entry, Mapping) else None
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < math.inf:
        return int(value)
    return None


def _counted(key: str, with_years, without_years, years: int | None) -> DocumentItem:
    if years is None:
        return DocumentItem(key, without_years)
    return DocumentItem(key, with_years, {"years": years})


def _common_first() -> list[DocumentItem]:
    return [
        DocumentItem(
            "application_form", _("Application form for permission for permanent residence")
        ),
        DocumentItem("photo", _("One photo, 4 cm high and 3 cm wide (not needed under 16)")),
        DocumentItem(
            "statement_of_reasons",
            _(
                "Statement of reasons (理由書) for seeking permanent residence, with a Japanese "
                "translation if you write it in another language"
            ),
        ),
        DocumentItem(
            "juminhyo",
            _(
                "Certificate of residence (住民票) listing everyone in your household, without My Number"
            ),
        ),
        DocumentItem(
            "occupation",
            _(
                "Proof of your work: a certificate of employment (在職証明書), or if self-employed a "
                "copy of your tax return (確定申告書) and business licence"
            ),
        ),
    ]


def _payment_records(tax_years: int | None, insurance_years: int | None) -> list[DocumentItem]:
    return [
        _counted(
            "resident_tax",
            ngettext_lazy(
                "Resident tax certificates of taxation and of payment (住民税の課税・納税証明書) "
                "for the most recent %(years)s year, and proof that you paid on time if the tax "
                "was not deducted from your salary (bank statements or receipts)",
                "Resident tax certificates of taxation and of payment (住民税の課税・納税証明書) "
                "for the most recent %(years)s years, and proof that you paid on time if the tax "
                "was not deducted from your salary (bank statements or receipts)",
                "years",
            ),
            _(
                "Resident tax certificates of taxation and of payment (住民税の課税・納税証明書), "
                "and proof that you paid on time if the tax was not deducted from your salary"
            ),
            tax_years,
        ),
        DocumentItem(
            "national_tax",
            _(
                "National tax payment certificate, form 3 (納税証明書（その3）): withholding and "
                "self-assessed income tax, consumption tax, inheritance tax and gift tax"
            ),
        ),
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
            insurance_years,
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
            insurance_years,
        ),
    ]


def _common_last() -> list[DocumentItem]:
    return [
        DocumentItem(
            "assets",
            _("Proof of assets: a copy of your bank passbook, a real-estate register extract"),
        ),
        DocumentItem(
            "guarantee",
            _(
                "Letter of guarantee (身元保証書) signed by a Japanese national, permanent resident "
                "or special permanent resident, with a copy of their ID such as a driving licence"
            ),
        ),
        DocumentItem("acknowledgement", _("Letter of acknowledgement (了解書)")),
        DocumentItem("passport", _("Passport and residence card, shown at the counter")),
    ]


def _route_specific(route: str) -> list[DocumentItem]:
    hsp_sheets = {
        "hsp_70": _(
            "HSP point-calculation sheets as of the application date and as of three years "
            "before, with evidence for each point (or a copy of the point-calculation result "
            "notice, 高度専門職ポイント計算結果通知書)"
        ),
        "hsp_80": _(
            "HSP point-calculation sheets as of the application date and as of one year before, "
            "with evidence for each point (or a copy of the point-calculation result notice, "
            "高度専門職ポイント計算結果通知書)"
        ),
    }
    items = {
        "spouse": [
            DocumentItem(
                "family_register_spouse",
                _(
                    "Your Japanese spouse's family register (戸籍謄本), or, if your spouse is a "
                    "permanent resident, your marriage certificate"
                ),
            )
        ],
        "child": [
            DocumentItem(
                "family_register_parent",
                _(
                    "Your Japanese parent's family register (戸籍謄本), or, if your parent is a "
                    "permanent resident, your birth certificate"
                ),
            )
        ],
        "j_skip": [
            DocumentItem(
                "jskip_evidence",
                _(
                    "Evidence that you met the Special Highly Skilled Professional (J-Skip) "
                    "criteria now and one year ago: degree or career, and annual income"
                ),
            )
        ],
    }
    if route in hsp_sheets:
        return [DocumentItem("hsp_points_sheets", hsp_sheets[route])]
    return items.get(route, [])


def _contribution(route: str) -> DocumentItem:
    return DocumentItem(
        "contribution",
        _(
            "Evidence of your contribution to Japan: awards, letters of thanks, letters of "
            "recommendation from your organisation"
        ),
        optional=route != "contribution",
    )


def documents_for_route(*, route: str, thresholds: Mapping) -> tuple[DocumentItem, ...]:
    """Return the checklist for ``route``; ``thresholds`` is the result's snapshot (key → dict).

    Where the snapshot lacks a look-back count, the line is worded without a number rather
    than with a guess.
    """
    tax_years = _years(thresholds, TAX_YEARS_KEY.format(route=route))
    insurance_years = _years(thresholds, INSURANCE_YEARS_KEY.format(route=route))
    return tuple(
        _common_first()
        + _route_specific(route)
        + _payment_records(tax_years, insurance_years)
        + _common_last()
        + [_contribution(route)]
    )
