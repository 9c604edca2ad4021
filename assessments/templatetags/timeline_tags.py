"""Template tags for the timeline chart and the "why not earlier" table.

``{% timeline_chart timeline today=… as chart %}`` places the stored ``timeline`` on the
chart's axis (``assessments.results.timeline_chart``); ``{% svglabel %}…{% endsvglabel %}`` writes a
label inside an SVG ``<text>``: once, or on the bilingual report as a Japanese line over an
English one (SVG text cannot hold the HTML spans that ``{% bilingual %}`` writes).
"""

from __future__ import annotations

from django import template
from django.utils import timezone, translation
from django.utils.html import format_html

from assessments.results.timeline_chart import BILINGUAL, NARROW, WIDE
from assessments.results.timeline_chart import timeline_chart as build_chart

register = template.Library()

#: Shifts of a two-language SVG label: the Japanese line up from the baseline, English under it.
BILINGUAL_UP = -6
BILINGUAL_DOWN = 10


LAYOUTS = {"wide": WIDE, "narrow": NARROW, "bilingual": BILINGUAL}


@register.simple_tag
def timeline_chart(timeline, today=None, layout="wide"):
    """Return the chart for a stored timeline (None if there is none); today defaults to now."""
    return build_chart(
        timeline, today=today or timezone.localdate(), layout=LAYOUTS.get(layout, WIDE)
    )


class SvgLabelNode(template.Node):
    def __init__(self, nodelist, x):
        self.nodelist, self.x = nodelist, x

    def render(self, context):
        if not context.get("bilingual"):
            return self.nodelist.render(context).strip()
        x = self.x.resolve(context)
        texts = []
        for language in ("ja", "en"):
            with translation.override(language):
                texts.append(self.nodelist.render(context).strip())
        if texts[0] == texts[1]:
            return texts[0]
        return format_html(
            '<tspan x="{}" dy="{}">{}</tspan><tspan x="{}" dy="{}">{}</tspan>',
            x,
            BILINGUAL_UP,
            texts[0],
            x,
            BILINGUAL_DOWN,
            texts[1],
        )


@register.tag
def svglabel(parser, token):
    """``{% svglabel x %}…{% endsvglabel %}``: the label once, or Japanese over English."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% svglabel %} takes the label's x")
    nodelist = parser.parse(("endsvglabel",))
    parser.delete_first_token()
    return SvgLabelNode(nodelist, parser.compile_filter(bits[1]))
