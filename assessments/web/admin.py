"""The page an admin login locked out by django-axes gets (``AXES_LOCKOUT_CALLABLE``)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _


def login_locked_out(request, response=None, credentials=None):
    """Answer a login refused by django-axes: 429 with a page in the admin's language."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {**admin.site.each_context(request), "minutes": minutes, "title": _("Log in")}
    return render(request, "admin/login_locked_out.html", context, status=429)
