"""The threshold admin as registered: the thresholds' own admin, plus what needs the engine.

``thresholds.admin`` holds the admin of the versions (list, add form, approval); that box is
the lowest layer and may import neither the engine's callers nor the applicant's forms. This
box may: before a version is saved, the built-in personas are evaluated with it in place
(``results.trial``) and a version that makes any evaluation raise is refused, naming the
persona; amounts are read as the applicant's forms read them (``300万``, ``¥3,000,000``,
``３００万``, through ``web.money.parse_yen``).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from assessments.results.threshold_preview_admin import ThresholdPreviewMixin
from assessments.results.trial import threshold_trial, trial_errors
from assessments.thresholds.admin import AmountInput, ThresholdAdmin, ThresholdForm
from assessments.thresholds.choices import ThresholdUnit
from assessments.thresholds.models import Threshold
from assessments.thresholds.snapshot import THRESHOLD_KEYS, ThresholdValue
from assessments.web.money import YenSyntaxError, parse_yen

#: Characters that write an amount of yen, not a number of years, days or points.
YEN_MARKS = ("¥", "￥", "円", "万", "億", "千", "yen", "jpy")
#: How many failing personas the refusal names (the rest are counted).
NAMED_PERSONAS = 3


class ThresholdNumberField(forms.DecimalField):
    """A threshold's number as people write it: ``10``, ``1.5``, ``3,000,000``, ``300万``.

    Amounts are read by ``parse_yen`` (full-width digits, separators, ``¥``, ``万``); a number
    with a decimal part (``1.5`` years) by ``Decimal``. Whether yen notation fits the key's
    unit is the form's check, which knows the key.
    """

    widget = AmountInput
    default_error_messages = {
        "invalid": _("Enter a number, like 10, 1.5 or 3,000,000 (amounts may be written 300万).")
    }

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            try:
                value = str(parse_yen(value))
            except YenSyntaxError as error:
                if error.code == "negative":
                    raise forms.ValidationError(
                        _("The value cannot be negative."), code="negative"
                    ) from error
                value = _plain_number(value)
        return super().to_python(value)


def _plain_number(text: str) -> str:
    """Return ``text`` without full-width digits or separators (``１．５`` → ``1.5``)."""
    plain = unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "")
    try:
        Decimal(plain)
    except InvalidOperation:
        return text
    return plain


def writes_yen(text) -> bool:
    return isinstance(text, str) and any(mark in text.lower() for mark in YEN_MARKS)


class CheckedThresholdForm(ThresholdForm):
    """The add form, with amounts read as ``300万`` and the persona trial before a save."""

    value = ThresholdNumberField(label=_("value"), required=False, max_digits=14, decimal_places=2)

    def clean(self):
        data = super().clean()
        spec = THRESHOLD_KEYS.get(data.get("key") or "")
        if spec is None:
            return data
        if spec.unit != ThresholdUnit.YEN and writes_yen(self.data.get(self.add_prefix("value"))):
            self.add_error(
                "value",
                _("This threshold is counted in %(unit)s, not yen: enter a plain number.")
                % {"unit": ThresholdUnit(spec.unit).label},
            )
        value = data.get("value")
        if spec.unit == ThresholdUnit.YEN and value is not None and value % 1:
            self.add_error("value", _("Enter an amount in whole yen, like 3,000,000."))
        if not self.errors:
            self._check_trial(data, spec)
        return data

    def _check_trial(self, data: dict, spec) -> None:
        """Refuse a version that makes the engine raise for any built-in persona.

        A version that the model refuses anyway (``Threshold.clean``) is not tried.
        """
        try:
            candidate = candidate_from_form(data, spec)
        except ValidationError:
            return
        failed = trial_errors(threshold_trial(candidate=candidate))
        if not failed:
            return
        names = list(dict.fromkeys(trial.persona for trial in failed))
        days = sorted({trial.day for trial in failed})
        message = ngettext(
            "With this version the check fails for the built-in test persona “%(persona)s” "
            "(on %(day)s). Nothing was saved: check the value and its date.",
            "With this version the check fails for %(count)d built-in test personas, for "
            "example “%(persona)s” (on %(day)s). Nothing was saved: check the value and its "
            "date.",
            len(names),
        ) % {"count": len(names), "persona": names[0], "day": _shown_day(days[0])}
        self.add_error(None, message)
        for name in names[1:NAMED_PERSONAS]:
            self.add_error(None, _("Also fails: “%(persona)s”.") % {"persona": name})


def _shown_day(day: dt.date) -> str:
    return date_format(day, "DATE_FORMAT")


def candidate_from_form(data: dict, spec) -> ThresholdValue:
    """Return the rules' view of the version the form would save.

    Raise ``ValidationError`` if the model refuses its value (``Threshold.clean``).
    """
    row = Threshold(
        key=spec.key,
        unit=spec.unit,
        value=data.get("value"),
        date_value=data.get("date_value"),
        table_value=data.get("table_value"),
        valid_from=data["valid_from"],
        kind=data.get("kind") or "",
        source_url=data.get("source_url") or "",
    )
    row.clean()
    return ThresholdValue(
        key=spec.key,
        value=row.typed_value(),
        unit=spec.unit,
        valid_from=data["valid_from"],
        kind=row.kind,
        source_title=data.get("source_title") or "",
        source_url=data.get("source_url") or "",
    )


@admin.register(Threshold)
class CheckedThresholdAdmin(ThresholdPreviewMixin, ThresholdAdmin):
    form = CheckedThresholdForm
