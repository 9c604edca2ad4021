"""The threshold admin's own pages and columns: the audit trail of every admin (with its CSV),
the per-key timeline, the count of stored assessments that used each version, search over the
keys' descriptions in either language, and the refusal to delete a version in use.

A mixin of ``ThresholdAdmin`` (``admin.py``), which keeps the list and the form; these pages
are the admin's own views (``get_urls``), behind the admin's login and permissions.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from assessments.thresholds.audit import audit_csv, audit_entries, audit_rows
from assessments.thresholds.display import (
    area_label,
    format_threshold,
    key_area,
    key_description,
    matching_keys,
)
from assessments.thresholds.key_timeline import key_timeline
from assessments.thresholds.models import Threshold
from assessments.thresholds.snapshot import THRESHOLD_KEYS

#: The URL parameter of the assessments list that selects the users of one version.
USED_BY_PARAMETER = "threshold"
AUDIT_PAGE_SIZE = 100


def assessments_using_url(threshold_id: int) -> str:
    return (
        reverse("admin:assessments_assessment_changelist")
        + "?"
        + urlencode({USED_BY_PARAMETER: threshold_id})
    )


def used_by_html(threshold, used: int):
    """ "N assessments", linked to the list of those assessments when there are any."""
    text = ngettext("%(count)s assessment", "%(count)s assessments", used) % {"count": used}
    if not used:
        return text
    return format_html('<a href="{}">{}</a>', assessments_using_url(threshold.pk), text)


def delete_refusal(threshold, used: int) -> str:
    """Why a used version stays, and how to correct it instead."""
    return ngettext(
        "This version cannot be deleted: it is used by %(count)s stored assessment, "
        "which must keep saying which values it used. To correct it, add a new version "
        "(“Add a new version”) with the right value from the right date.",
        "This version cannot be deleted: it is used by %(count)s stored assessments, "
        "which must keep saying which values they used. To correct it, add a new version "
        "(“Add a new version”) with the right value from the right date.",
        used,
    ) % {"count": used}


class ThresholdPagesMixin:
    """Audit trail, per-key timeline, usage counts, description search, delete refusal."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        own = [
            path(
                "audit/",
                self.admin_site.admin_view(self.audit_view),
                name="{}_{}_audit".format(*info),
            ),
            path(
                "audit/csv/",
                self.admin_site.admin_view(self.audit_csv_view),
                name="{}_{}_audit_csv".format(*info),
            ),
            path(
                "timeline/<str:key>/",
                self.admin_site.admin_view(self.timeline_view),
                name="{}_{}_timeline".format(*info),
            ),
        ]
        return own + super().get_urls()

    # --- the list ------------------------------------------------------------------------

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(used_by=Count("assessments"))

    @admin.display(description=_("threshold"), ordering="key")
    def key_display(self, obj):
        return format_html('{}<br><span class="quiet">{}</span>', key_description(obj.key), obj.key)

    @admin.display(description=_("value"))
    def value_display(self, obj):
        return format_threshold(obj)

    @admin.display(description=_("used by"), ordering="used_by")
    def used_by_link(self, obj):
        used = getattr(obj, "used_by", None)
        return used_by_html(obj, obj.assessments.count() if used is None else used)

    @admin.display(description=_("timeline"))
    def timeline_link(self, obj):
        if obj is None or not obj.key:
            return ""
        url = reverse("admin:assessments_threshold_timeline", args=[obj.key])
        return format_html('<a href="{}">{}</a>', url, _("All versions of this key"))

    def get_search_results(self, request, queryset, search_term):
        """Also find the keys whose description (English or the admin's language) matches."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        keys = matching_keys(search_term)
        if keys:
            results = results | queryset.filter(key__in=keys)
        return results, may_have_duplicates

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "audit_url": reverse("admin:assessments_threshold_audit"),
        }
        return super().changelist_view(request, extra_context)

    # --- deleting --------------------------------------------------------------------------

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        """No bulk deletion: a version is deleted one at a time, with its reason."""
        actions = super().get_actions(request, action_location=action_location)
        actions.pop("delete_selected", None)
        return actions

    def delete_view(self, request, object_id, extra_context=None):
        """Refuse a used version with its count and the way to correct it; ask for a reason."""
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and self.has_delete_permission(request, obj):
            used = obj.assessments.count()
            change_url = reverse("admin:assessments_threshold_change", args=[obj.pk])
            if used:
                self.message_user(request, delete_refusal(obj, used), messages.ERROR)
                return redirect(change_url)
            if request.method == "POST" and not request.POST.get("reason", "").strip():
                self.message_user(
                    request, gettext("Say why this version is deleted."), messages.ERROR
                )
                return redirect(reverse("admin:assessments_threshold_delete", args=[obj.pk]))
        return super().delete_view(request, object_id, extra_context)

    def log_deletions(self, request, queryset):
        """Keep the reason typed on the confirmation page with the deletion's log entry."""
        return LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=queryset,
            action_flag=DELETION,
            change_message=request.POST.get("reason", "").strip(),
            single_object=len(queryset) == 1,
        )

    # --- the audit page --------------------------------------------------------------------

    def audit_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        page = Paginator(audit_entries(), AUDIT_PAGE_SIZE).get_page(request.GET.get("p"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Changes to thresholds by every admin"),
            "page_obj": page,
            "rows": audit_rows(page.object_list),
            "csv_url": reverse("admin:assessments_threshold_audit_csv"),
        }
        return TemplateResponse(request, "admin/assessments/threshold/audit.html", context)

    def audit_csv_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        response = HttpResponse(
            audit_csv(audit_rows(audit_entries())), content_type="text/csv; charset=utf-8"
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="threshold-audit-{stamp}.csv"'
        return response

    # --- the per-key timeline ----------------------------------------------------------------

    def timeline_view(self, request, key):
        if not self.has_view_permission(request):
            raise PermissionDenied
        if key not in THRESHOLD_KEYS:
            raise Http404(gettext("Unknown threshold key."))
        versions = list(Threshold.objects.filter(key=key).annotate(used_by=Count("assessments")))
        timeline = key_timeline(
            key,
            versions,
            today=timezone.localdate(),
            used_by={version.pk: version.used_by for version in versions},
        )
        latest = max(versions, key=lambda version: version.valid_from, default=None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": key_description(key),
            "key": key,
            "unit": THRESHOLD_KEYS[key].unit,
            "area": area_label(key_area(key)),
            "timeline": timeline,
            "add_url": (
                reverse("admin:assessments_threshold_add") + "?" + urlencode({"from": latest.pk})
                if latest is not None and self.has_add_permission(request)
                else ""
            ),
        }
        return TemplateResponse(request, "admin/assessments/threshold/timeline.html", context)
