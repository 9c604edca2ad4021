"""URL configuration: the applicant's pages under /ja/ and /en/; API and admin outside."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views import defaults

from assessments.web.json_endpoints import api_error_handler

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

# Django's own error answers: JSON under /api/ (the API answers JSON whatever happens), the
# project's pages elsewhere.
handler400 = api_error_handler(400, "bad_request", defaults.bad_request)
handler403 = api_error_handler(403, "forbidden", defaults.permission_denied)
handler404 = api_error_handler(404, "not_found", defaults.page_not_found)
handler500 = api_error_handler(500, "server_error", defaults.server_error)
