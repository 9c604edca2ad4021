"""The ``SavedProgress`` model: a run of the check saved with "continue later"."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from assessments.results.models import Assessment, default_expiry, new_token


class SavedProgress(models.Model):
    """A wizard run saved with "continue later": restored through its unguessable token.

    Holds the wizard's step data until the check is completed or retention ends. Once the
    check is completed, the step data is dropped and ``assessment`` points to the result, so
    the same resume link opens the result; deleting the result deletes this row too.
    """

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField(default=default_expiry, db_index=True)
    language = models.CharField(max_length=8, default="ja")
    step = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict)
    assessment = models.OneToOneField(
        Assessment, null=True, blank=True, editable=False, on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("saved progress")
        verbose_name_plural = _("saved progress")
        ordering = ["-updated_at"]

    def __str__(self):
        return f"#{self.pk} {self.updated_at:%Y-%m-%d} {self.step}"
