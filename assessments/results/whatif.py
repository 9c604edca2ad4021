"""What-if on the result page: try another application date, income, planned trip or payment.

The stored answers are never changed: the what-if form's values travel only in its own POST,
are laid over the stored answers, read back to ``Answers`` and written out again as contract
JSON (``whatif_answers``; no raw stored dict is trusted), checked by the contract's own
``answers_from_dict`` and evaluated by the same engine (``assessment_evaluate``). Nothing is
stored and nothing typed is logged. Contract errors come back on the form field they concern,
worded in the page's language (``assessments.web.messages``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.eligibility.answers import (
    MAX_MONEY_YEN,
    Answers,
    AnswersInvalid,
    Payment,
    answers_from_dict,
    answers_to_dict,
)
from assessments.results.presentation import stored_answers
from assessments.results.services import assessment_evaluate
from assessments.thresholds.snapshot import MissingThreshold
from assessments.web.fields import DateInput, MoneyField
from assessments.web.messages import error_message

PREFIX = "whatif"
#: Which form field a contract error about a what-if value belongs to.
FIELD_OF_PATH = {
    "application_date": "application_date",
    "year": "income_year",
    "applicant": "income_amount",
    "departure": "trip_departure",
    "return": "trip_return",
    "paid_date": "settle_date",
}
#: Pairs asked together: the second is required once the first is given, and the other way.
PAIRS = (
    ("income_year", "income_amount"),
    ("trip_departure", "trip_return"),
    ("settle_payment", "settle_date"),
)


def unpaid_payments(answers: Answers | None) -> list[tuple[str, Payment]]:
    """Return (index, payment) for each payment of the answers that is still unpaid."""
    payments = answers.payments if answers is not None else ()
    return [(str(i), p) for i, p in enumerate(payments) if p.paid_date is None]


class WhatIfForm(forms.Form):
    """The what-if values; every field is optional, pairs go together, one change at least."""

    application_date = forms.DateField(
        label=_("Another application date"), required=False, widget=DateInput
    )
    income_year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=1900,
        max_value=2100,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    income_amount = MoneyField(
        label=_("Your income that year (yen, gross)"),
        required=False,
        min_value=0,
        max_value=MAX_MONEY_YEN,
    )
    trip_departure = forms.DateField(label=_("Leave Japan on"), required=False, widget=DateInput)
    trip_return = forms.DateField(label=_("Come back on"), required=False, widget=DateInput)
    settle_payment = forms.ChoiceField(
        label=_("Late payment"), required=False, widget=forms.RadioSelect
    )
    settle_date = forms.DateField(label=_("Paid on"), required=False, widget=DateInput)

    def __init__(self, *args, payments: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, prefix=PREFIX, **kwargs)
        self.fields["settle_payment"].choices = list(payments)
        if not payments:
            del self.fields["settle_payment"], self.fields["settle_date"]

    def clean(self):
        cleaned = super().clean()
        for first, second in PAIRS:
            if first not in self.fields or first in self.errors or second in self.errors:
                continue
            given = (cleaned.get(first) not in (None, ""), cleaned.get(second) not in (None, ""))
            if given == (True, False):
                self.add_error(second, _("Fill this in too, or clear the one beside it."))
            elif given == (False, True):
                self.add_error(first, _("Fill this in too, or clear the one beside it."))
        if not self.errors and not any(v not in (None, "") for v in cleaned.values()):
            raise forms.ValidationError(_("Change at least one answer to see what it does."))
        departure, returned = cleaned.get("trip_departure"), cleaned.get("trip_return")
        if departure and returned and returned < departure:
            self.add_error("trip_return", error_message("return_before_departure"))
        return cleaned


def whatif_answers(*, stored: Answers | None, changes: dict) -> tuple[dict, dict[str, str]]:
    """Return the stored answers as contract JSON, with the changes laid over it.

    Also return which contract path prefix each change landed on (``"income[3]"`` ->
    ``"income"``), so that errors can be brought back to the form field. Payment indexes are
    those of ``unpaid_payments`` (the same parsed answers).
    """
    data = answers_to_dict(stored) if stored is not None else {}
    landed: dict[str, str] = {}
    if changes.get("application_date"):
        data["application_date"] = changes["application_date"].isoformat()
    if changes.get("income_year") is not None and changes.get("income_amount") is not None:
        rows = list(data.get("income", []))
        year = changes["income_year"]
        index = next((i for i, row in enumerate(rows) if row.get("year") == year), len(rows))
        row = rows[index] if index < len(rows) else {"year": year}
        rows[index : index + 1] = [{**row, "applicant": changes["income_amount"]}]
        data["income"], landed[f"income[{index}]"] = rows, "income"
    if changes.get("trip_departure") and changes.get("trip_return"):
        trips = list(data.get("trips", []))
        trips.append(
            {
                "departure": changes["trip_departure"].isoformat(),
                "return": changes["trip_return"].isoformat(),
                "planned": True,
            }
        )
        data["trips"], landed[f"trips[{len(trips) - 1}]"] = trips, "trip"
    if changes.get("settle_payment") and changes.get("settle_date"):
        index = int(changes["settle_payment"])
        data["payments"][index]["paid_date"] = changes["settle_date"].isoformat()
        landed[f"payments[{index}]"] = "payment"
    return data, landed


_LEAF = re.compile(r"\.([a-z_]+)$")


def field_for(path: str, code: str, landed: dict[str, str], changes: dict) -> str | None:
    """Return the form field a contract error at ``path`` belongs to (None: the form)."""
    if path == "application_date":
        return "application_date"
    for prefix in landed:
        if path.startswith(prefix + "."):
            leaf = _LEAF.search(path)
            return FIELD_OF_PATH.get(leaf.group(1)) if leaf else None
    if code == "overlapping_trip" and "trip" in landed.values():
        return "trip_departure"  # a stored trip the planned one overlaps
    # A stored answer that no longer fits: the changed application date is the cause.
    return "application_date" if changes.get("application_date") else None


@dataclass(frozen=True)
class WhatIf:
    """A what-if outcome: the result JSON, or None when the form shows errors."""

    result: dict | None


def whatif_evaluate(*, form: WhatIfForm, stored: dict, today: dt.date) -> WhatIf:
    """Evaluate the stored answers with the form's changes; put contract errors on the form."""
    if not form.is_valid():
        return WhatIf(result=None)
    changes = form.cleaned_data
    data, landed = whatif_answers(
        stored=stored_answers(stored, application_date=today), changes=changes
    )
    try:
        answers = answers_from_dict(data, today=today)
        result = assessment_evaluate(answers=answers)
    except AnswersInvalid as exc:
        for path, errors in sorted(exc.errors.items()):
            for code, params in errors:
                field = field_for(path, code, landed, changes)
                message = error_message(code, params, written_dates=True)
                form.add_error(field if field in form.fields else None, message)
        return WhatIf(result=None)
    except MissingThreshold:
        date = data.get("application_date")
        message = error_message("no_thresholds", {"date": date}, written_dates=True)
        form.add_error("application_date", message)
        return WhatIf(result=None)
    return WhatIf(result=result.to_json())
