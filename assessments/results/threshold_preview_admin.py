"""The "Preview" step of the threshold admin, on the add form and on each version's page.

On the add form, a "Preview" button validates the form as "Save" would, saves nothing, and
shows the form again with what the version would change (``results.threshold_preview``). On a
version's page, "Preview the effect of this version" shows the same for the stored version.
A mixin of the registered threshold admin (``results.threshold_admin``).
"""

from __future__ import annotations

from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote

from assessments.results.threshold_preview import threshold_preview, version_preview
from assessments.thresholds.selectors import threshold_value_from_row
from assessments.thresholds.snapshot import THRESHOLD_KEYS

PREVIEW_BUTTON = "_preview"
VIEW_ANSWERS = "assessments.view_answers"


class ThresholdPreviewMixin:
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is None and request.method == "POST" and PREVIEW_BUTTON in request.POST:
            if not self.has_add_permission(request):
                return super().changeform_view(request, object_id, form_url, extra_context)
            return self._preview_new_version(request, form_url, extra_context)
        if object_id is not None and request.method == "GET":
            extra_context = {
                **(extra_context or {}),
                **self._version_preview_context(request, object_id),
            }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _preview_context(self, request, preview) -> dict:
        return {
            "preview": preview,
            "preview_lists_assessments": request.user.has_perm(VIEW_ANSWERS),
        }

    def _version_preview_context(self, request, object_id) -> dict:
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return {}
        context = {"preview_url": f"{request.path}?preview=1#preview"}
        if request.GET.get("preview") == "1":
            context.update(
                self._preview_context(request, version_preview(threshold_value_from_row(obj)))
            )
        return context

    def _preview_new_version(self, request, form_url, extra_context):
        """Validate the form as a save would; show it again with the preview, saving nothing."""
        from assessments.results.threshold_admin import candidate_from_form

        fieldsets = self.get_fieldsets(request, None)
        form_class = self.get_form(request, None, change=False)
        form = form_class(request.POST, request.FILES)
        preview = None
        if form.is_valid():
            spec = THRESHOLD_KEYS[form.cleaned_data["key"]]
            preview = threshold_preview(candidate=candidate_from_form(form.cleaned_data, spec))
        admin_form = helpers.AdminForm(
            form,
            list(fieldsets),
            self.get_prepopulated_fields(request, None),
            self.get_readonly_fields(request, None),
            model_admin=self,
        )
        context = {
            **self.admin_site.each_context(request),
            "title": self.add_view_title(),
            "subtitle": None,
            "adminform": admin_form,
            "object_id": None,
            "original": None,
            "is_popup": False,
            "to_field": None,
            "media": self.media + admin_form.media,
            "inline_admin_formsets": [],
            "errors": helpers.AdminErrorList(form, []),
            "preserved_filters": self.get_preserved_filters(request),
            **(self._preview_context(request, preview) if preview is not None else {}),
            **(extra_context or {}),
        }
        return self.render_change_form(
            request, context, add=True, change=False, obj=None, form_url=form_url
        )

    def add_view_title(self) -> str:
        from django.utils.translation import gettext

        return gettext("Add %s") % self.opts.verbose_name
