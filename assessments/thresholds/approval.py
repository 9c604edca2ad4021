"""Four-eyes review in the threshold admin: a version awaiting approval, and approving it.

With ``PRCHECK_THRESHOLD_REVIEW=1`` a new version is saved awaiting approval and applies to no
check (``selectors.stored_versions`` leaves it out) until a second administrator approves it:
from the version's row ("Approve", a confirmation page) or with the list's action. The rules
of who may approve are ``services.check_can_approve``.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from assessments.thresholds.choices import NONE_SHOWN
from assessments.thresholds.models import Threshold
from assessments.thresholds.services import (
    APPROVE_PERMISSION,
    ApprovalRefused,
    check_can_approve,
    threshold_approve,
)


class ApprovalAdminMixin:
    """The "approval" column, the approve action and the approve page of a ModelAdmin."""

    actions = ["approve_selected"]

    @admin.display(description=_("approval"))
    def approval_display(self, obj):
        if obj is None or obj.pk is None:
            return ""
        if obj.awaiting_approval:
            url = reverse("admin:assessments_threshold_approve", args=[obj.pk])
            return format_html('{} <a href="{}">{}</a>', _("Awaiting approval"), url, _("Approve"))
        if obj.approved_by_id:
            return _("Approved")
        return ""

    @admin.action(description=_("Approve the selected versions"), permissions=["approve"])
    def approve_selected(self, request, queryset):
        """Approve versions that await it; never one's own (a second pair of eyes)."""
        approved, refused = 0, []
        for threshold in queryset:
            try:
                threshold_approve(threshold=threshold, user=request.user)
            except ApprovalRefused as refusal:
                refused.append(f"{threshold.key} ({threshold.valid_from}): {refusal.message}")
            else:
                self.log_change(request, threshold, [{"changed": {"fields": ["approval"]}}])
                approved += 1
        if approved:
            self.message_user(
                request,
                ngettext(
                    "%(count)d version approved: it applies from its date.",
                    "%(count)d versions approved: they apply from their dates.",
                    approved,
                )
                % {"count": approved},
                messages.SUCCESS,
            )
        for line in refused:
            self.message_user(request, line, messages.ERROR)

    def has_approve_permission(self, request):
        return request.user.has_perm(APPROVE_PERMISSION)

    def get_urls(self):
        approve = path(
            "<int:object_id>/approve/",
            self.admin_site.admin_view(self.approve_view),
            name="assessments_threshold_approve",
        )
        return [approve, *super().get_urls()]

    def approve_view(self, request, object_id):
        """Confirm, then approve one version awaiting approval (never one's own)."""
        threshold = get_object_or_404(Threshold, pk=object_id)
        if not self.has_view_permission(request, threshold):
            raise PermissionDenied
        refusal = None
        try:
            if request.method == "POST":
                threshold_approve(threshold=threshold, user=request.user)
                self.log_change(request, threshold, [{"changed": {"fields": ["approval"]}}])
                self.message_user(
                    request,
                    _("Version approved: it applies from %(date)s.")
                    % {"date": date_format(threshold.valid_from, "DATE_FORMAT")},
                    messages.SUCCESS,
                )
                return redirect("admin:assessments_threshold_change", threshold.pk)
            check_can_approve(threshold=threshold, user=request.user)
        except ApprovalRefused as error:
            refusal = error.message
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": threshold,
            "refusal": refusal,
            "none_shown": NONE_SHOWN,
            "title": _("Approve a new version"),
        }
        return TemplateResponse(
            request, "admin/assessments/threshold/approve.html", context, status=200
        )
