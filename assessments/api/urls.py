from django.urls import path

app_name = "api"
urlpatterns: list = [
    # path("assess", views.assess, name="assess"),  -- issue 2
    # path("hsp-points", ...)                       -- issue 5
]
