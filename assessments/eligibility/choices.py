"""Enumerations of the answers/result contract (`docs/contract.md`).

Values are the contract's; labels are lazy translations for forms, pages, the PDF and the
admin. Templates word a stored value with ``{{ value|label:"Route" }}`` (the wording module,
``results/wording.py``, lists every enumeration once); model fields take them as ``choices``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResidenceStatus(models.TextChoices):
    HSP = "hsp", _("Highly Skilled Professional")
    WORK = "work", _("Working status (e.g. Engineer/Specialist in Humanities, Instructor)")
    SPECIFIED_SKILLED_1 = "specified_skilled_1", _("Specified Skilled Worker (i)")
    SPECIFIED_SKILLED_2 = "specified_skilled_2", _("Specified Skilled Worker (ii)")
    TECHNICAL_INTERN = "technical_intern", _("Technical Intern Training")
    EMPLOYMENT_FOR_SKILL_DEVELOPMENT = (
        "employment_for_skill_development",
        _("Employment for Skill Development (Ikusei Shuro)"),
    )
    BUSINESS_MANAGER = "business_manager", _("Business Manager")
    SPOUSE_OF_JAPANESE = "spouse_of_japanese", _("Spouse of a Japanese national")
    SPOUSE_OF_PERMANENT_RESIDENT = (
        "spouse_of_permanent_resident",
        _("Spouse of permanent resident or special permanent resident"),
    )
    CHILD_OF_JAPANESE = "child_of_japanese", _("Child of Japanese national")
    CHILD_OF_PERMANENT_RESIDENT = "child_of_permanent_resident", _("Child of permanent resident")
    LONG_TERM_RESIDENT = "long_term_resident", _("Long-Term Resident (Teijusha)")
    REFUGEE = "refugee", _("Recognised refugee or complementary protection")
    DEPENDENT = "dependent", _("Dependent (Kazoku Taizai)")
    DESIGNATED_ACTIVITIES = "designated_activities", _("Designated Activities")
    STUDENT = "student", _("Student")
    OTHER = "other", _("Other status")
    #: Already a permanent resident: the answers go to the keep-PR check, not to an application.
    PERMANENT_RESIDENT = "permanent_resident", _("Permanent resident (already granted)")


#: The statuses one can apply for permanent residence from (the wizard's status question).
APPLICANT_STATUSES = tuple(
    (value, label)
    for value, label in ResidenceStatus.choices
    if value != ResidenceStatus.PERMANENT_RESIDENT
)


class BusinessStandards(models.TextChoices):
    """Answers to "does your business meet the Business Manager standards in force?"."""

    YES = "yes", _("Yes, it meets them")
    NO = "no", _("No, not yet")
    NOT_SURE = "not_sure", _("Not sure")


class ImmigrationBureau(models.TextChoices):
    """The regional immigration bureau (地方出入国在留管理局) with jurisdiction over the address."""

    SAPPORO = "sapporo", _("Sapporo Regional Immigration Services Bureau")
    SENDAI = "sendai", _("Sendai Regional Immigration Services Bureau")
    TOKYO = "tokyo", _("Tokyo Regional Immigration Services Bureau")
    NAGOYA = "nagoya", _("Nagoya Regional Immigration Services Bureau")
    OSAKA = "osaka", _("Osaka Regional Immigration Services Bureau")
    HIROSHIMA = "hiroshima", _("Hiroshima Regional Immigration Services Bureau")
    TAKAMATSU = "takamatsu", _("Takamatsu Regional Immigration Services Bureau")
    FUKUOKA = "fukuoka", _("Fukuoka Regional Immigration Services Bureau")


class Route(models.TextChoices):
    GENERAL = "general", _("General route (10 years)")
    SPOUSE = "spouse", _("Spouse of a Japanese national or permanent resident")
    CHILD = "child", _("Child of a Japanese national or permanent resident")
    LONG_TERM_RESIDENT = "long_term_resident", _("Long-Term Resident (5 years)")
    REFUGEE = "refugee", _("Recognised refugee (5 years)")
    CONTRIBUTION = "contribution", _("Contribution to Japan (5 years)")
    HSP_70 = "hsp_70", _("Highly Skilled Professional, 70 points (3 years)")
    HSP_80 = "hsp_80", _("Highly Skilled Professional, 80 points (1 year)")
    J_SKIP = "j_skip", _("J-Skip, Special Highly Skilled Professional (1 year)")
    #: Not an application route: the check of a permanent resident who wants to keep it.
    KEEP_PR = "keep_pr", _("Keeping permanent residence")


class ReentryPermit(models.TextChoices):
    """The permit a permanent resident left Japan on (keep-PR check, ``trips[].reentry_permit``)."""

    SPECIAL = "special", _("Special re-entry permit (みなし再入国許可)")
    PERMIT = "permit", _("Re-entry permit (再入国許可)")
    NONE = "none", _("No re-entry permit")


class KeepPrVerdict(models.TextChoices):
    """The keep-PR check's verdict (result key ``keep_pr.verdict``)."""

    NO_KNOWN_RISK = "no_known_risk", _("No known risk")
    AT_RISK = "at_risk", _("At risk")
    ACT_NOW = "act_now", _("Act now")
    LOST = "lost", _("Permanent residence lost")


class Employment(models.TextChoices):
    REGULAR = "regular", _("Regular employee")
    CONTRACT = "contract", _("Contract employee")
    DISPATCH = "dispatch", _("Dispatched (haken) worker")
    SELF_EMPLOYED = "self_employed", _("Self-employed")
    EXECUTIVE = "executive", _("Company executive")
    PART_TIME = "part_time", _("Part-time")
    NONE = "none", _("Not working")


class PaymentKind(models.TextChoices):
    RESIDENT_TAX = "resident_tax", _("Resident tax")
    NATIONAL_TAX = "national_tax", _("National tax")
    PENSION = "pension", _("Pension contributions")
    HEALTH_INSURANCE = "health_insurance", _("Health insurance premiums")


class CriminalRecordKind(models.TextChoices):
    IMPRISONMENT = "imprisonment", _("Imprisonment")
    SUSPENDED_IMPRISONMENT = "suspended_imprisonment", _("Suspended sentence of imprisonment")
    FINE = "fine", _("Fine")


class TrafficViolationKind(models.TextChoices):
    MINOR = "minor", _("Minor (penalty notice, blue ticket)")
    SERIOUS = "serious", _("Serious (criminal, red ticket, e.g. drunk driving)")


class Guarantor(models.TextChoices):
    JAPANESE = "japanese", _("A Japanese national")
    PERMANENT_RESIDENT = "permanent_resident", _("A permanent resident")
    SPECIAL_PERMANENT_RESIDENT = "special_permanent_resident", _("A special permanent resident")
    OTHER = "other", _("Someone else")
    NONE = "none", _("No guarantor yet")


class RequirementStatus(models.TextChoices):
    MET = "met", _("Met")
    AT_RISK = "at_risk", _("At risk")
    NOT_MET = "not_met", _("Not met")
    EXEMPT = "exempt", _("Exempt")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class Overall(models.TextChoices):
    LIKELY_ELIGIBLE = "likely_eligible", _("Likely eligible")
    ELIGIBLE_WITH_RISKS = "eligible_with_risks", _("Eligible, with risks")
    NOT_YET_ELIGIBLE = "not_yet_eligible", _("Not yet eligible")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible now")


class HspWhen(models.TextChoices):
    """The moments at which HSP points are counted (``when`` in residence_period.hsp_* params)."""

    NOW = "now", _("on the application date")
    ONE_YEAR_AGO = "one_year_ago", _("one year before the application date")
    THREE_YEARS_AGO = "three_years_ago", _("three years before the application date")


#: The requirement ids of the result, always all of them, in this order (contract).
REQUIREMENT_IDS = (
    "status_eligible",
    "residence_period",
    "continuity",
    "period_of_stay",
    "livelihood",
    "taxes",
    "social_insurance",
    "notifications",
    "conduct",
    "guarantor",
    "landing_standards",
    "public_health",
)
