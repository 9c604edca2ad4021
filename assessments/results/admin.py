"""Admin for stored assessments: read-only; raw answers are personal data, shown only with the
``view_answers`` permission, and the token never reaches a staff user's screen.
"""

from __future__ import annotations

import json

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from assessments.results.models import Assessment
from assessments.thresholds.admin import OwnFiltersOnly
from assessments.thresholds.admin_pages import USED_BY_PARAMETER
from assessments.thresholds.display import format_date, format_threshold, key_description
from assessments.thresholds.models import Threshold


def _pretty_json(value) -> str:
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False))


class UsedVersionFilter(admin.SimpleListFilter):
    """The assessments that used one threshold version (``?threshold=<id>``).

    Linked from each version's "used by" count; allowed explicitly (its parameter is this
    admin's own), and it takes a version's id only: no lookup reaches the answers, the
    result or the token. Shown in the sidebar only while it is in use.
    """

    title = _("threshold version used")
    parameter_name = USED_BY_PARAMETER

    def _version_id(self) -> int | None:
        value = self.value() or ""
        return int(value) if value.isdigit() else None

    def lookups(self, request, model_admin):
        if not self.value():
            return []
        version_id = self._version_id()
        version = None if version_id is None else Threshold.objects.filter(pk=version_id).first()
        if version is None:
            return [(self.value(), _("(no such version)"))]
        label = (
            f"{key_description(version.key)}: {format_threshold(version)}, "
            f"{format_date(version.valid_from)}"
        )
        return [(self.value(), label)]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        version_id = self._version_id()
        if version_id is None:
            return queryset.none()
        return queryset.filter(thresholds_used__pk=version_id)


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
    list_filter = ("route", "overall", UsedVersionFilter)
    summary_fields = (
        "created",
        "expires",
        "language_code",
        "application_date_display",
        "route",
        "overall",
        "score_display",
        "thresholds_display",
    )
    private_fields = ("answers_display", "result_display")

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
        """The versions this assessment used, as a table of links (not personal data)."""
        versions = sorted(obj.thresholds_used.all(), key=lambda version: version.key)
        if not versions:
            return "—"
        rows = format_html_join(
            "\n",
            '<tr><td><a href="{}">{}</a><br><span class="quiet">{}</span></td>'
            "<td>{}</td><td>{}</td></tr>",
            (
                (
                    reverse("admin:assessments_threshold_change", args=[version.pk]),
                    key_description(version.key),
                    version.key,
                    format_threshold(version),
                    format_date(version.valid_from),
                )
                for version in versions
            ),
        )
        return format_html(
            '<table class="thresholds-used"><thead><tr><th scope="col">{}</th>'
            '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            _("threshold"),
            _("value"),
            _("valid from"),
            rows,
        )
