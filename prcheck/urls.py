"""URL configuration: the applicant's pages under /ja/ and /en/; API and admin outside."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("assessments.api.urls")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("hsp/", include("assessments.hsp.urls")),
    path("", include("assessments.urls")),
    prefix_default_language=True,
)
