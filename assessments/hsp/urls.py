"""The standalone HSP points calculator, at /<lang>/hsp/."""

from django.urls import path

from assessments.hsp import views

app_name = "hsp"
urlpatterns = [
    path("", views.calculator, name="calculator"),
]
