"""The ``RateLimitCounter`` model: request counts per client and window, shared by every process."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RateLimitCounter(models.Model):
    """How many requests one client made in one window of one rate limit.

    ``key`` names the scope, a hash of the client's address and the window; the row is
    deleted by ``purge_assessments`` once ``expires_at`` has passed.
    """

    key = models.CharField(max_length=100, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("rate-limit counter")
        verbose_name_plural = _("rate-limit counters")

    def __str__(self):
        return f"{self.key} = {self.count}"
