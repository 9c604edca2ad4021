"""Template tags for the bilingual PDF report.

``{% bilingual %}…{% endbilingual %}`` renders its content twice, as ``{% language "ja" %}``
and then ``{% language "en" %}`` would, and wraps each in a span, Japanese first. When both
renderings are the same (a number, a reference, a Japanese source title) it is written once.
The report's tables use it cell by cell so that a 行政書士 reads the Japanese line and an
English reader the line under it, with the same numbers.

The spans carry no ``lang`` attribute (the document's is ``ja``). The report is an untagged
PDF, so a language on an element changes nothing in it: pages rendered with and without the
310 attributes were pixel for pixel the same, with the same fonts, while each attribute made
WeasyPrint set up text with another language, 10% of the render time (779 ms against 698).
"""

from __future__ import annotations

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

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
        if self.inline:
            return japanese if japanese == english else format_html("{} / {}", japanese, english)
        if japanese == english:
            return format_html('<span class="both">{}</span>', japanese)
        return format_html(
            '<span class="ja">{}</span><span class="en">{}</span>',
            japanese,
            english,
        )


@register.tag
def bilingual(parser, token):
    """Render the enclosed template in Japanese, then in English (once if they agree).

    ``{% bilingual inline %}`` writes a short label as one run of text, "日本語 / English",
    without spans: each element is a box WeasyPrint styles and lays out, and the report's
    one-line labels (names, outcomes, dates) were most of its boxes.
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
