"""JSON API, outside the /ja/ and /en/ prefixes (messages follow Accept-Language)."""

from django.urls import path

from ..hsp import api as hsp_api
from . import views

app_name = "api"
urlpatterns = [
    path("assess", views.assess, name="assess"),
    path("hsp-points", hsp_api.hsp_points, name="hsp_points"),
]
