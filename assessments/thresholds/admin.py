"""Admin for the people who keep prcheck's thresholds current (e.g. staff of a visa office).

Thresholds are append-only: an existing version is shown read-only and "Add a new version"
opens a pre-filled form for a new dated row, so history is never edited away and every
stored assessment can still say which values it used.

Every admin list of the project accepts from the URL only the parameters of its own filters
(``OwnFiltersOnly``, here at the bottom layer so the results admin can use it too): Django's
default also allows any lookup on a model's own fields, and ``?token__startswith=`` or
``?answers__…=`` would let a staff user test an applicant's token or answers row by row.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import BooleanField, Case, OuterRef, Subquery, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from assessments.thresholds.admin_pages import ThresholdPagesMixin
from assessments.thresholds.choices import ThresholdUnit
from assessments.thresholds.display import area_label, format_date, format_value, key_area
from assessments.thresholds.models import Threshold
from assessments.thresholds.snapshot import THRESHOLD_KEYS


class OwnFiltersOnly:
    """Accept from the URL only the parameters of this admin's own ``list_filter``.

    A filter class contributes its ``parameter_name``; a model field name (Django's field
    filter) its ``__exact`` and ``__isnull`` lookups. Anything else (``token__startswith``,
    ``answers__residence_start_date``, lookups through relations) is refused with a 400.
    """

    def lookup_allowed(self, lookup, value, request):
        return lookup in own_filter_parameters(self.list_filter)


def own_filter_parameters(list_filter) -> frozenset[str]:
    """Return the URL parameters that the filters in ``list_filter`` read."""
    names = set()
    for item in list_filter:
        if isinstance(item, type) and issubclass(item, admin.SimpleListFilter):
            names.add(item.parameter_name)
        else:
            field = item[0] if isinstance(item, tuple) else item
            names.update({f"{field}__exact", f"{field}__isnull"})
    return frozenset(names)


#: Fields copied from an existing version into the form for its next version.
COPIED_FIELDS = (
    "key",
    "unit",
    "value",
    "date_value",
    "table_value",
    "kind",
    "source_title",
    "source_url",
    "other_sources",
)


class KeyAreaFilter(admin.SimpleListFilter):
    """Filter by the area of the rules a key belongs to (its first dotted part)."""

    title = _("area")
    parameter_name = "area"

    def lookups(self, request, model_admin):
        areas = sorted({key_area(key) for key in THRESHOLD_KEYS})
        return [(area, area_label(area)) for area in areas]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(key__startswith=f"{self.value()}.")
        return queryset


class VersionFilter(admin.SimpleListFilter):
    """Filter versions by whether they are in force today, not yet in force, or replaced."""

    title = _("version")
    parameter_name = "version"

    def lookups(self, request, model_admin):
        return [
            ("current", _("In force today")),
            ("future", _("Not yet in force")),
            ("past", _("Replaced by a later version")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "current":
            return queryset.filter(in_force=True)
        if self.value() == "future":
            return queryset.filter(valid_from__gt=today)
        if self.value() == "past":
            return queryset.filter(in_force=False, valid_from__lte=today)
        return queryset


def _previous_version(key: str, valid_from) -> Threshold | None:
    """Return the stored version that a new version of ``key`` from ``valid_from`` follows."""
    if not key or valid_from is None:
        return None
    return (
        Threshold.objects.filter(key=key, valid_from__lt=valid_from).order_by("-valid_from").first()
    )


def _value_of(data) -> tuple:
    get = data.get if isinstance(data, dict) else lambda name: getattr(data, name)
    return (get("value"), get("date_value"), get("table_value"))


class ThresholdForm(forms.ModelForm):
    """The form for a new version: pick a known key; the unit follows from it if left empty.

    "Add a new version" copies the previous version's source. A new value under the same
    source title or URL is most often a stale citation (a 3,200,000 yen version still citing
    "年収300万円以上"), so such a version is saved only once the admin either cites the new
    value's source or ticks ``source_confirmed``; the box is shown only when it is needed.
    """

    key = forms.ChoiceField(label=_("key"), choices=())
    source_confirmed = forms.BooleanField(
        label=_("The source above supports the new value"),
        help_text=_(
            "Tick only if you checked that this title and address state the new value "
            "(for example, the same page updated in place)."
        ),
        required=False,
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Threshold
        fields = (
            "key",
            "unit",
            "value",
            "date_value",
            "table_value",
            "valid_from",
            "kind",
            "source_title",
            "source_url",
            "other_sources",
            "note",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].choices = [("", "---------")] + [
            (key, f"{key} — {spec.description}") for key, spec in sorted(THRESHOLD_KEYS.items())
        ]
        if "unit" in self.fields:
            self.fields["unit"].required = False
            self.fields["unit"].help_text = _("Leave empty to use the key's unit.")

    def clean(self):
        """Fill the unit from the key, and require exactly the kind of value the unit takes.

        The model's ``clean()`` checks the unit against the key and that a source is cited;
        this adds what only a form sees: an empty date or table, or a value of the wrong kind.
        """
        data = super().clean()
        spec = THRESHOLD_KEYS.get(data.get("key") or "")
        if spec and not data.get("unit"):
            data["unit"] = spec.unit
        unit = spec.unit if spec else data.get("unit")
        if unit == ThresholdUnit.DATE and data.get("date_value") is None:
            self.add_error("date_value", _("Enter the date this threshold stands for."))
        if unit == ThresholdUnit.TABLE and data.get("value") is not None:
            self.add_error("value", _("A table threshold takes a table value only."))
        if unit not in (ThresholdUnit.TABLE, None) and data.get("table_value") is not None:
            self.add_error("table_value", _("Only table thresholds take a table value."))
        self._check_source_is_not_stale(data)
        return data

    def _check_source_is_not_stale(self, data: dict) -> None:
        """Refuse a new value under the previous version's title or URL, unless confirmed."""
        previous = _previous_version(data.get("key"), data.get("valid_from"))
        if previous is None or _value_of(data) == _value_of(previous):
            return
        same = [
            name
            for name in ("source_title", "source_url")
            if (data.get(name) or "").strip() == getattr(previous, name).strip()
        ]
        if not same or data.get("source_confirmed"):
            return
        self.fields["source_confirmed"].widget = forms.CheckboxInput()
        message = _(
            "The value differs from the version this one follows (%(value)s from %(date)s), "
            "but this source is the same as that version's. Cite the source of the new value, "
            "or tick “The source above supports the new value”."
        ) % {
            "value": format_value(previous.typed_value(), previous.unit),
            "date": format_date(previous.valid_from),
        }
        for name in same:
            self.add_error(name, message)
        self.add_error("source_confirmed", _("Confirm the source, or change it."))


@admin.register(Threshold)
class ThresholdAdmin(OwnFiltersOnly, ThresholdPagesMixin, admin.ModelAdmin):
    form = ThresholdForm
    list_display = (
        "in_force_today",
        "key_display",
        "value_display",
        "unit",
        "valid_from",
        "kind",
        "used_by_link",
        "timeline_link",
        "new_version_link",
    )
    list_display_links = ("key_display",)
    list_filter = (VersionFilter, "kind", KeyAreaFilter)
    search_fields = ("key", "source_title", "source_url", "note")
    list_per_page = 100
    save_as = False
    readonly_fields = (
        "new_version_link",
        "in_force_today",
        "created_at",
        "created_by",
        "key_display",
        "used_by_link",
        "timeline_link",
    )
    value_fields = ("key", "unit", "value", "date_value", "table_value", "valid_from", "kind")
    source_fields = ("source_title", "source_url", "other_sources", "note", "source_confirmed")

    def get_fieldsets(self, request, obj=None):
        value_fields = self.value_fields
        if obj is not None:
            value_fields = (
                "new_version_link",
                "key_display",
                *value_fields,
                "in_force_today",
                "used_by_link",
                "timeline_link",
            )
        fieldsets = [
            (None, {"fields": value_fields}),
            (
                _("Source"),
                {"fields": self.source_fields if obj is None else self.source_fields[:-1]},
            ),
        ]
        if obj is not None:
            fieldsets.append((_("Recorded"), {"fields": ("created_at", "created_by")}))
        return fieldsets

    def get_queryset(self, request):
        """Mark the version in force today for each key (the latest already valid)."""
        current = (
            Threshold.objects.filter(key=OuterRef("key"), valid_from__lte=timezone.localdate())
            .order_by("-valid_from")
            .values("valid_from")[:1]
        )
        return (
            super()
            .get_queryset(request)
            .select_related("created_by")
            .annotate(
                in_force=Case(
                    When(valid_from=Subquery(current), then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
        )

    @admin.display(description=_("in force today"), boolean=True, ordering="in_force")
    def in_force_today(self, obj):
        return getattr(obj, "in_force", None)

    @admin.display(description=_("new version"))
    def new_version_link(self, obj):
        if obj is None or obj.pk is None:
            return ""
        url = reverse("admin:assessments_threshold_add") + "?" + urlencode({"from": obj.pk})
        return format_html('<a href="{}">{}</a>', url, _("Add a new version"))

    def get_changeform_initial_data(self, request):
        """Pre-fill a new version from the one named by ``?from=<id>`` (all but date and note)."""
        initial = super().get_changeform_initial_data(request)
        source_id = request.GET.get("from", "")
        if source_id.isdigit():
            source = Threshold.objects.filter(pk=int(source_id)).first()
            if source is not None:
                initial.update({name: getattr(source, name) for name in COPIED_FIELDS})
        initial.pop("from", None)
        return initial

    def has_change_permission(self, request, obj=None):
        """Show existing versions read-only: a change is a new version, never an edit."""
        if obj is not None:
            return False
        return super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
