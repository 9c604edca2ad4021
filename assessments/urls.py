"""The URLs of the app: the applicant's pages (under /ja/ and /en/) and the JSON API.

Each view lives in the subpackage of its concern: the check in ``questionnaire``, the result
and its deletion in ``results``, the report download in ``reports``, the points calculator in
``hsp`` (its page has its own ``hsp/urls.py``).
"""

from django.urls import path, register_converter

from assessments.hsp import api as hsp_api
from assessments.questionnaire import handover, runs
from assessments.questionnaire.start import start
from assessments.questionnaire.views import AssessmentWizard
from assessments.reports import views as report_views
from assessments.results import api as results_api
from assessments.results import views as results_views
from assessments.results import whatif_views
from assessments.results.handoff_views import handoff

register_converter(runs.RunConverter, "run")

app_name = "assessments"
urlpatterns = [
    path("", start, name="start"),
    path("check/", runs.check_start, name="check"),
    # The HSP calculator's "Use these points in the permanent residence check" (its form posts here).
    path("hsp/use/", handover.use_in_check, name="use_hsp_points"),
    path("check/resume/<str:token>/", runs.check_resume, name="check_resume"),
    path("check/change/<str:token>/", runs.check_change, name="check_change"),
    path("check/<run:run>/saved/", runs.check_saved, name="check_saved"),
    path("check/<run:run>/<slug:step>/", AssessmentWizard.as_view(), name="check_step"),
    path("result/<str:token>/", results_views.result, name="result"),
    path("result/<str:token>/delete/", results_views.delete, name="delete"),
    path(
        "result/<str:token>/delete-earlier/",
        results_views.delete_earlier,
        name="delete_earlier",
    ),
    path("result/<str:token>/report.pdf", report_views.report, name="report"),
    path("result/<str:token>/handoff.zip", handoff, name="handoff"),
    path("result/<str:token>/report-status", report_views.report_status, name="report_status"),
    path("result/<str:token>/what-if/", whatif_views.what_if, name="what_if"),
    path("result/<str:token>/calendar.ics", whatif_views.calendar, name="calendar"),
    path("result/<str:token>/what-if/", whatif_views.what_if, name="what_if"),
    path("result/<str:token>/calendar.ics", whatif_views.calendar, name="calendar"),
]

#: The JSON API, outside the language prefixes (messages follow Accept-Language).
api_urlpatterns = [
    path("assess", results_api.assess, name="assess"),
    path("hsp-points", hsp_api.hsp_points, name="hsp_points"),
]
