"""``yen_read``: an amount of yen written in full, as read from what was typed."""

from django import template

from assessments.web.money_widgets import amount_read

register = template.Library()


@register.filter
def yen_read(value):
    """Write an amount in full in the page's language: 3,000,000円 / ¥3,000,000."""
    return amount_read(value) or value
