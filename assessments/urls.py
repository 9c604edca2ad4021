from django.urls import path

from . import privacy_views, views

app_name = "assessments"
urlpatterns = [
    path("", views.start, name="start"),
    path("result/<str:token>/delete/", privacy_views.delete, name="delete"),
]
