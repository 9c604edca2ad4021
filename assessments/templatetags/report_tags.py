"""Template tags for the bilingual PDF report.

``{% bilingual %}…{% endbilingual %}`` renders its content twice, as ``{% language "ja" %}``
and then ``{% language "en" %}`` would, and wraps each in a span, Japanese first. When both
renderings are the same (a number, a reference, a Japanese source title) it is written once.
The report's tables use it cell by cell so that a 行政書士 reads the Japanese line and an
English reader the line under it, with the same numbers.

The report is a tagged PDF (``reports.pdf``): the document's language is ``ja``, each English
rendering carries ``lang="en"`` and each Japanese run inside it ``lang="ja"`` (marked by
``results.wording``), so a screen reader reads each half with the right voice.
"""

from __future__ import annotations

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from assessments.results.wording import mark_japanese
from assessments.templatetags.prcheck import months, years

register = template.Library()

LANGUAGES = ("ja", "en")
#: Periods of stay as the residence card writes them (contract: years, or null = unlimited).
MONTHS_PER_YEAR = 12


class BilingualNode(template.Node):
    def __init__(self, nodelist, *, inline=False):
        self.nodelist = nodelist
        self.inline = inline

    def render(self, context):
        texts = []
        for language in LANGUAGES:
            with translation.override(language):
                # strip() returns a plain str: mark it safe again (the nodelist escaped it).
                texts.append(mark_safe(self.nodelist.render(context).strip()))
        japanese, english = texts
        if japanese == english:
            if self.inline:
                return japanese
            return format_html('<span class="both">{}</span>', japanese)
        english = mark_japanese(english)
        if self.inline:
            return format_html('{} / <span lang="en">{}</span>', japanese, english)
        return format_html(
            '<span class="ja">{}</span><span class="en" lang="en">{}</span>',
            japanese,
            english,
        )


@register.tag
def bilingual(parser, token):
    """Render the enclosed template in Japanese, then in English (once if they agree).

    ``{% bilingual inline %}`` writes a short label as one line, "日本語 / English", the English
    in one inline span that carries its language.
    """
    bits = token.split_contents()[1:]
    if bits not in ([], ["inline"]):
        raise template.TemplateSyntaxError("{% bilingual %} takes no argument but 'inline'")
    nodelist = parser.parse(("endbilingual",))
    parser.delete_first_token()
    return BilingualNode(nodelist, inline=bool(bits))


@register.filter
def period_of_stay(value):
    """Word a period of stay from the contract's years: 3 years / 6 months / unlimited."""
    if value is None:
        return gettext("Unlimited")
    if not isinstance(value, int | float) or isinstance(value, bool):
        return value
    if value < 1:
        return months(round(value * MONTHS_PER_YEAR))
    return years(value)
