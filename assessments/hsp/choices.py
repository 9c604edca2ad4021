"""Enumerations of the HSP profile (`docs/contract.md`, "HSP points"), with lazy labels.

Values are the contract's; labels are for the form and the page. The order of ``Bonus`` is the
order of the special additions on the official sheet, and the order the breakdown lists them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    ACADEMIC = "academic", _("Academic research (HSP (i)(a), イ)")
    TECHNICAL = "technical", _("Specialised or technical work (HSP (i)(b), ロ)")
    BUSINESS = "business", _("Business management (HSP (i)(c), ハ)")


class Education(models.TextChoices):
    DOCTOR = "doctor", _("Doctorate")
    MBA_MOT = "mba_mot", _("Professional degree in business management (MBA, MOT)")
    MASTER = "master", _("Master's or other professional degree")
    BACHELOR = "bachelor", _("University degree or equivalent (incl. junior college, kosen)")
    NONE = "none", _("None of these")


class Position(models.TextChoices):
    REPRESENTATIVE = "representative", _("Representative director or representative executive")
    DIRECTOR = "director", _("Director, executive officer or managing partner")
    NONE = "none", _("Neither")


class ResearchKind(models.TextChoices):
    """The four kinds of research achievement on the sheet (the profile counts the kinds)."""

    PATENT = "patent", _("A patented invention (as inventor)")
    FUNDED_PROJECTS = (
        "funded_projects",
        _("3 or more research projects funded by foreign government grants or competitive funds"),
    )
    PAPERS = (
        "papers",
        _("3 or more papers as corresponding author in journals listed in an academic database"),
    )
    OTHER = "other", _("Other research achievements recognised by the Minister of Justice")


class Bonus(models.TextChoices):
    INNOVATION_SUPPORT = (
        "innovation_support",
        _("Employer receives innovation-promotion support measures"),
    )
    INNOVATION_SUPPORT_SME = (
        "innovation_support_sme",
        _("That employer is a small or medium-sized enterprise"),
    )
    SME_RND_3PCT = "sme_rnd_3pct", _("Employer is an SME spending over 3 percent of sales on R&D")
    FOREIGN_QUALIFICATION = (
        "foreign_qualification",
        _("Foreign qualification or award related to the work"),
    )
    JAPANESE_UNIVERSITY = (
        "japanese_university",
        _("Degree from a Japanese university or graduate school"),
    )
    JLPT_N1 = "jlpt_n1", _("JLPT N1 or equivalent, or a degree majoring in Japanese")
    JLPT_N2 = "jlpt_n2", _("JLPT N2 or equivalent")
    GROWTH_FIELD = "growth_field", _("Advanced project in a growth field")
    TOP_UNIVERSITY = "top_university", _("Graduate of a designated top university")
    JICA_TRAINING = "jica_training", _("JICA Innovative Asia training")
    INVESTMENT_MANAGEMENT = "investment_management", _("Investment management business")
    LOCAL_GOVERNMENT_SUPPORT = (
        "local_government_support",
        _("Employer supported by a local government for hiring highly skilled professionals"),
    )
