"""Template filters that word the naturalization (帰化) part of a result.

Like the ``prcheck`` library, every filter reads the active language when it runs and returns
odd input unchanged rather than raising.
"""

from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

from assessments.eligibility.answers import answered_naturalization
from assessments.eligibility.choices import CriminalRecordKind
from assessments.eligibility.naturalization_choices import JapaneseLevel
from assessments.results.naturalization import NATURALIZATION_NAMES, ROUTE_NAMES

register = template.Library()

SENTENCE_KINDS = {
    **{str(kind.value): kind.label for kind in CriminalRecordKind},
    "serious_traffic": _("Fine for a serious traffic offence"),
}


def _lookup(table, value):
    label = table.get(value) if isinstance(value, str) else None
    return str(label) if label is not None else value


register.filter("answered_naturalization", answered_naturalization)


@register.filter
def sentence_kind_label(value):
    """Word a kind of sentence, a serious traffic offence included."""
    return _lookup(SENTENCE_KINDS, value)


@register.filter
def japanese_level_label(value):
    """Word a level of Japanese (n3 -> About JLPT N3 …)."""
    return _lookup({str(level.value): level.label for level in JapaneseLevel}, value)


@register.filter
def naturalization_requirement_name(value):
    """Name a naturalization requirement id in plain words."""
    return _lookup(NATURALIZATION_NAMES, value)


@register.filter
def naturalization_route(value):
    """Name a simplified route of naturalization, with its article (adoptee -> someone adopted …)."""
    return _lookup(ROUTE_NAMES, value)
