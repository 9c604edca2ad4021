""" "Same income every year" on the income step: type the latest year once, for every year.

Works without JavaScript: when the box is ticked, a year left empty takes the amounts of the
latest year before the form is validated, so the applicant sees (and can still change) every
year's amount, and the stored draft (the box plus what was typed) gives the same answers again.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

FIELD = "same_income"


def offer_same_income(form) -> None:
    """Add the box after the first year's amounts, and fill empty years when it is ticked."""
    years = list(getattr(form, "income_years", ()))
    if len(years) < 2:
        return
    first, *later = years
    columns = [name.partition("_")[0] for name in form.year_fields() if name.endswith(f"_{first}")]
    form.fields[FIELD] = forms.BooleanField(
        required=False,
        label=_("Same income every year"),
        help_text=_(
            "Tick this to use the amounts for %(year)s for every year; you can still change any."
        )
        % {"year": first},
    )
    order = [name for name in form.fields if name != FIELD]
    after = order.index(f"{columns[-1]}_{first}") + 1
    form.order_fields(order[:after] + [FIELD] + order[after:])
    if form.is_bound and form.fields[FIELD].widget.value_from_datadict(
        form.data, form.files, form.add_prefix(FIELD)
    ):
        form.data = _filled(form, first, later, columns)


def _filled(form, first: int, later: list[int], columns: list[str]):
    data = form.data.copy()
    for column in columns:
        source = data.get(form.add_prefix(f"{column}_{first}"), "")
        for year in later:
            key = form.add_prefix(f"{column}_{year}")
            if not str(data.get(key, "") or "").strip():
                data[key] = source
    return data
