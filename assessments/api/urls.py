"""JSON API, outside the /ja/ and /en/ prefixes (messages follow Accept-Language)."""

from django.urls import path

from . import views

app_name = "api"
urlpatterns = [
    path("assess", views.assess, name="assess"),
]
