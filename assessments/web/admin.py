"""What every admin page of the project shares: URL lookups limited to the list's own filters,
and the page a login locked out by django-axes gets.

Django's admin also accepts lookups on a model's own fields from the URL: ``?token__startswith=``
or ``?answers__…=`` would let a staff user test an applicant's token or answers row by row.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _


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


def login_locked_out(request, response=None, credentials=None):
    """Answer a login refused by django-axes: 429 with a page in the admin's language."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {**admin.site.each_context(request), "minutes": minutes, "title": _("Log in")}
    return render(request, "admin/login_locked_out.html", context, status=429)
