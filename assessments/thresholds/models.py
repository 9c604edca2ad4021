"""The ``Threshold`` model: one dated, cited version of one threshold value.

Append-only (OpenFisca-style parameters): a change in the rules is a new row with a new
``valid_from``; an old value is never edited away, so every stored assessment can say which
values it used.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from assessments.thresholds.choices import ThresholdKind, ThresholdUnit


class Threshold(models.Model):
    """One dated, cited version of one threshold value."""

    key = models.CharField(_("key"), max_length=100, db_index=True)
    unit = models.CharField(_("unit"), max_length=20, choices=ThresholdUnit)
    value = models.DecimalField(
        _("value"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "For a key that may have none, tick “No such limit from this date” instead of "
            "leaving this empty."
        ),
    )
    date_value = models.DateField(_("date value"), null=True, blank=True)
    table_value = models.JSONField(_("table value"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"))
    kind = models.CharField(_("kind of source"), max_length=20, choices=ThresholdKind)
    source_title = models.CharField(_("source title"), max_length=300)
    source_url = models.URLField(_("source URL"), max_length=500)
    other_sources = models.TextField(
        _("other sources"),
        blank=True,
        help_text=_("Where sources disagree, cite the others here, one per line."),
    )
    note = models.TextField(_("note"), blank=True)
    change_note = models.TextField(
        _("reason for this version"),
        default="",
        help_text=_("Why this version is added: what changed, and who decided it."),
    )
    backdate_reason = models.TextField(
        _("reason for the past date"),
        blank=True,
        help_text=_(
            "Needed only when this version applies from a day before today or before the "
            "version it follows: why the past must change."
        ),
    )
    awaiting_approval = models.BooleanField(
        _("awaiting approval"),
        default=False,
        help_text=_("Set while a second administrator has not approved this version yet."),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("threshold")
        verbose_name_plural = _("thresholds")
        ordering = ["key", "-valid_from"]
        permissions = [("approve_threshold", _("Can approve another administrator's version"))]
        constraints = [
            models.UniqueConstraint(fields=["key", "valid_from"], name="threshold_key_valid_from"),
        ]

    def __str__(self):
        """Plain and language-free (the admin log keeps it after a deletion): no ``None``."""
        value = self.display_value
        if self.unit == ThresholdUnit.TABLE:
            value = "(table)"
        elif isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
        return f"{self.key} = {'(no limit)' if value is None else value} ({self.valid_from})"

    def clean(self):
        from assessments.thresholds.snapshot import THRESHOLD_KEYS

        errors = {}
        spec = THRESHOLD_KEYS.get(self.key)
        if spec is None:
            errors["key"] = _("Unknown threshold key.")
        elif self.unit and self.unit != spec.unit:
            errors["unit"] = _("This key is measured in %(unit)s.") % {
                "unit": ThresholdUnit(spec.unit).label
            }
        if not self.source_url:
            errors["source_url"] = _("Cite the source of this value.")
        unit = spec.unit if spec else self.unit
        if unit == ThresholdUnit.DATE:
            if self.value is not None or self.table_value is not None:
                errors["value"] = _("A date threshold takes a date value only.")
        elif unit == ThresholdUnit.TABLE:
            if self.table_value is None or self.value is not None or self.date_value is not None:
                errors["table_value"] = _("This threshold is a table.")
        elif self.date_value is not None:
            errors["date_value"] = _("Only date thresholds take a date value.")
        elif self.table_value is not None:
            errors["table_value"] = _("Only table thresholds take a table value.")
        elif self.value is not None and self.value < 0:
            errors["value"] = _("The value cannot be negative.")
        elif (
            unit == ThresholdUnit.MONTH_OF_YEAR
            and self.value is not None
            and (self.value not in range(1, 13))
        ):
            errors["value"] = _("Enter a month of the year, from 1 to 12.")
        elif self.value is None and spec is not None and not spec.no_limit:
            errors["value"] = _(
                "Enter a value: this threshold always has one, so it cannot be left empty."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def display_value(self):
        if self.unit == ThresholdUnit.DATE:
            return self.date_value
        if self.unit == ThresholdUnit.TABLE:
            return self.table_value
        return self.value

    def typed_value(self):
        """Return the value as rules use it: int where whole, else Decimal, date, or table."""
        if self.unit == ThresholdUnit.DATE:
            return self.date_value
        if self.unit == ThresholdUnit.TABLE:
            return self.table_value
        if self.value is None:
            return None
        return int(self.value) if self.value == self.value.to_integral_value() else self.value
