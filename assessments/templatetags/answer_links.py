"""Links from a result's advice straight to the question it asks to answer.

"Enter the expiry date … and run the check again": with the result's "Change your answers"
link in the context (``change_url``), such advice gets a link that opens the check again,
with every answer kept, at that question (``results.changes.QUESTION_OF_FINDING``).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from assessments.results.changes import question_of

register = template.Library()


@register.simple_tag(takes_context=True)
def answer_link(context, finding):
    """Render "Answer this question" for a finding that asks for an answer, else nothing."""
    key, change_url = question_of(finding), context.get("change_url")
    if not key or not change_url:
        return ""
    return format_html(
        '<p class="answer-link"><a href="{}?{}">{}</a></p>',
        change_url,
        urlencode({"question": key}),
        gettext("Answer this question"),
    )
