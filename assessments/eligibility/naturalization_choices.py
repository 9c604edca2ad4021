"""Enumerations of the naturalization (帰化) extension of the answers/result contract.

Values are the contract's; labels are lazy translations for forms, pages and the PDF.
"""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class JapaneseLevel(models.TextChoices):
    NATIVE = "native", _("Native speaker, or schooled in Japanese")
    N1 = "n1", _("About JLPT N1")
    N2 = "n2", _("About JLPT N2")
    N3 = "n3", _("About JLPT N3 (everyday reading and writing)")
    N4 = "n4", _("About JLPT N4")
    N5 = "n5", _("About JLPT N5")
    BASIC = "basic", _("Less than JLPT N5")


class NaturalizationPath(StrEnum):
    """Which residence requirement of naturalization a finding was measured against."""

    GENERAL = "general"  # 5 years, 3 of them working (Art. 5(1)(i) and practice)
    LONG = "long"  # 10 years, 1 of them working (practice)
    SPOUSE = "spouse"  # spouse of a Japanese national: 3 years in Japan (Art. 7)
    SPOUSE_MARRIAGE = "spouse_marriage"  # 3 years married, 1 year in Japan (Art. 7)
    FAMILY = "family"  # Dependent status: 5 years, no working years of one's own (practice)
    CHILD = "child"  # child of a Japanese national with domicile in Japan: no period (Art. 8(i))
    FORMER_JAPANESE_CHILD = "former_japanese_child"  # parent once Japanese: 3 years (Art. 6(i))
    BORN_IN_JAPAN = "born_in_japan"  # born in Japan: 3 years (Art. 6(ii))
    BORN_IN_JAPAN_PARENT = (
        "born_in_japan_parent"  # born in Japan to a parent born there (Art. 6(ii))
    )
    ADOPTEE = "adoptee"  # adopted as a minor by a Japanese national: 1 year (Art. 8(ii))
    FORMER_JAPANESE = "former_japanese"  # once a Japanese national: no period (Art. 8(iii))
    STATELESS_BORN = "stateless_born"  # born in Japan, stateless since: 3 years (Art. 8(iv))


#: The requirement ids of the ``naturalization`` result, always all of them, in this order.
NATURALIZATION_IDS = (
    "residence",
    "absences",
    "age",
    "conduct",
    "livelihood",
    "nationality",
    "constitution",
    "japanese",
)
