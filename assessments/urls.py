from django.urls import path, register_converter

from assessments import views, wizard
from assessments.reports import views as report_views
from assessments.results import views as privacy_views

register_converter(wizard.RunConverter, "run")

app_name = "assessments"
urlpatterns = [
    path("", views.start, name="start"),
    path("check/", wizard.check_start, name="check"),
    path("check/resume/<str:token>/", wizard.check_resume, name="check_resume"),
    path("check/<run:run>/saved/", wizard.check_saved, name="check_saved"),
    path("check/<run:run>/<slug:step>/", wizard.AssessmentWizard.as_view(), name="check_step"),
    path("result/<str:token>/", views.result, name="result"),
    path("result/<str:token>/delete/", privacy_views.delete, name="delete"),
    path("result/<str:token>/report.pdf", report_views.report, name="report"),
]
