"""Admin for stored assessments: read-only; raw answers are personal data, shown only with the
``view_answers`` permission, and the token never reaches a staff user's screen.
"""

from __future__ import annotations

import json

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from assessments.results.models import Assessment
from assessments.thresholds.admin import OwnFiltersOnly


def _pretty_json(value) -> str:
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False))


@admin.register(Assessment)
class AssessmentAdmin(OwnFiltersOnly, admin.ModelAdmin):
    """Stored assessments: a summary for everyone with access, raw answers only by permission.

    The token is never shown (it opens the applicant's result and PDF) and cannot be searched,
    filtered or sorted on; neither can the answers, the result or the PDF.
    """

    list_display = (
        "id",
        "created",
        "route",
        "overall",
        "score_display",
        "application_date_display",
    )
    # Route and verdict are labelled by their fields' choices (assessments.eligibility.choices).
    list_filter = ("route", "overall")
    summary_fields = (
        "created",
        "expires",
        "language_code",
        "application_date_display",
        "route",
        "overall",
        "score_display",
    )
    private_fields = ("answers_display", "result_display", "thresholds_display")

    def get_queryset(self, request):
        return super().get_queryset(request).defer("answers", "result", "pdf")

    def can_view_answers(self, request) -> bool:
        return request.user.has_perm("assessments.view_answers")

    def get_fields(self, request, obj=None):
        if self.can_view_answers(request):
            return self.summary_fields + self.private_fields
        return self.summary_fields

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("created"), ordering="created_at")
    def created(self, obj):
        return timezone.localtime(obj.created_at).date()

    @admin.display(description=_("deleted after"), ordering="expires_at")
    def expires(self, obj):
        return timezone.localtime(obj.expires_at).date()

    @admin.display(description=_("language"))
    def language_code(self, obj):
        return obj.language

    @admin.display(description=_("application date"), ordering="application_date")
    def application_date_display(self, obj):
        return obj.application_date

    @admin.display(description=_("readiness score"), ordering="score")
    def score_display(self, obj):
        return obj.score

    @admin.display(description=_("answers"))
    def answers_display(self, obj):
        return _pretty_json(obj.answers)

    @admin.display(description=_("result"))
    def result_display(self, obj):
        return _pretty_json(obj.result)

    @admin.display(description=_("thresholds used"))
    def thresholds_display(self, obj):
        return format_html(
            "<pre>{}</pre>", "\n".join(str(threshold) for threshold in obj.thresholds_used.all())
        )
