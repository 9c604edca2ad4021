from django.urls import path

app_name = "hsp"
urlpatterns: list = []
