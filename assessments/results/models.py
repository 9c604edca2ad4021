"""The ``Assessment`` model: a completed check, reachable only through an unguessable token."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.eligibility.choices import Overall, Route
from assessments.thresholds.models import Threshold

TOKEN_BYTES = 32  # 256 bits: links to results must be unguessable.


def new_token() -> str:
    """Return a fresh URL-safe token with 256 bits of randomness."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def default_expiry():
    return timezone.now() + timedelta(days=settings.PRCHECK_RETENTION_DAYS)


class Assessment(models.Model):
    """A completed check: the answers, the result, and the thresholds it used.

    Immutable once stored; reachable only through its unguessable token; purged after
    ``PRCHECK_RETENTION_DAYS``.
    """

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    expires_at = models.DateTimeField(default=default_expiry, db_index=True)
    language = models.CharField(max_length=8, default="ja")
    application_date = models.DateField()
    route = models.CharField(_("route"), max_length=32, choices=Route)
    overall = models.CharField(_("verdict"), max_length=32, choices=Overall)
    score = models.PositiveSmallIntegerField()
    answers = models.JSONField()
    result = models.JSONField()
    thresholds_used = models.ManyToManyField(Threshold, related_name="assessments", blank=True)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    #: When a render of the report was last started (enqueued); a result renders once, and
    #: again only if no report was stored ``PRCHECK_REPORT_RETRY_SECONDS`` after that.
    report_queued_at = models.DateTimeField(null=True, blank=True, editable=False)
    #: The earlier result whose answers were changed to give this one ("Change your answers");
    #: the page compares the two while the earlier one is kept.
    changed_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="changed_into",
        verbose_name=_("changed from"),
    )

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-created_at"]
        permissions = [("view_answers", _("Can view the raw answers of an assessment"))]

    def __str__(self):
        return f"#{self.pk} {self.created_at:%Y-%m-%d} {self.route} {self.overall}"
