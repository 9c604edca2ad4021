"""Delete everything personal that has outlived ``PRCHECK_RETENTION_DAYS``.

Run it daily from cron (see README, "Deploying"). It removes expired assessments (answers,
result and cached PDF), expired "continue later" progress, expired sessions (which hold the
wizard's answers), expired rate-limit counters (keyed by a hash of the client's address) and
admin login failures older than the lock-out wait (they hold a user name and an address).
It prints counts only, never a value, so its output is safe to mail or log.
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from assessments.questionnaire.models import SavedProgress
from assessments.results.models import Assessment


class Command(BaseCommand):
    help = "Delete expired assessments, saved progress and sessions (retention: PRCHECK_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        querysets = {
            "assessments": Assessment.objects.filter(expires_at__lte=now),
            "saved progress": SavedProgress.objects.filter(expires_at__lte=now),
            "sessions": Session.objects.filter(expire_date__lte=now),
        }
        with transaction.atomic():
            counts = {
                name: qs.count() if dry_run else _delete(qs) for name, qs in querysets.items()
            }
        counters = caches[settings.PRCHECK_RATE_LIMIT_CACHE]
        if not dry_run and hasattr(counters, "delete_expired"):
            counts["rate-limit counters"] = counters.delete_expired()
        failures = AccessAttempt.objects.filter(attempt_time__lte=now - settings.AXES_COOLOFF_TIME)
        counts["login failures"] = failures.count() if dry_run else _delete(failures)
        verb = "Would delete" if dry_run else "Deleted"
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"{verb} {summary} (expired on or before {now:%Y-%m-%d %H:%M %Z}).")


def _delete(queryset) -> int:
    """Delete ``queryset`` and return how many of its own rows went (not the related rows)."""
    _, per_model = queryset.delete()
    return per_model.get(queryset.model._meta.label, 0)
