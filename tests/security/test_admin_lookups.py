"""The admin lists accept only their own filters from the URL; the token never reaches a screen.

Django's admin also accepts lookups on a model's own fields (``?token__startswith=``), which
let a staff user recover an applicant's token one character at a time, or test their answers.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils.http import urlencode

from assessments.results.admin import AssessmentAdmin
from assessments.results.models import Assessment
from assessments.thresholds.admin import own_filter_parameters
from assessments.thresholds.models import Threshold

pytestmark = pytest.mark.django_db

ASSESSMENTS = reverse("admin:assessments_assessment_changelist")
THRESHOLDS = reverse("admin:assessments_threshold_changelist")
LOOKUPS = ["", "__exact", "__iexact", "__startswith", "__contains", "__regex", "__isnull", "__gt"]
JSON_KEY_LOOKUPS = [
    "answers__status",
    "answers__residence_start_date",
    "answers__residence_start_date__startswith",
    "answers__income__0__applicant__gt",
    "answers__has_key",
    "answers__contains",
    "result__overall",
    "result__findings__0__status",
    "result__has_key",
]


def field_names(model) -> list[str]:
    return [field.name for field in model._meta.get_fields()]


ASSESSMENT_LOOKUPS = [
    f"{name}{lookup}"
    for name in field_names(Assessment)
    for lookup in LOOKUPS
    # the parameters of the list filters (route, overall) are the only ones allowed
    if f"{name}{lookup}" not in own_filter_parameters(AssessmentAdmin.list_filter)
] + [*JSON_KEY_LOOKUPS, "thresholds_used__key"]


def staff_with(*codenames) -> User:
    user = User.objects.create_user("clerk", "clerk@example.org", "pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="assessments", codename__in=codenames)
    )
    return user


@pytest.fixture
def assessment():
    return Assessment.objects.create(
        application_date=dt.date(2026, 12, 1),
        route="general",
        overall="likely_eligible",
        score=100,
        answers={"status": "work", "residence_start_date": "2012-04-01"},
        result={"overall": "likely_eligible"},
    )


@pytest.fixture
def clerk(client):
    client.force_login(staff_with("view_assessment", "view_threshold"))
    return client


@pytest.mark.parametrize("lookup", ASSESSMENT_LOOKUPS)
def test_a_clerk_cannot_filter_assessments_on_a_field(clerk, assessment, lookup):
    value = assessment.token[:3] if lookup.startswith("token") else "1"
    response = clerk.get(f"{ASSESSMENTS}?{urlencode({lookup: value})}")
    assert response.status_code == 400


@pytest.mark.parametrize("lookup", ["token__startswith", "answers__status", "result__overall"])
def test_not_even_a_superuser_can_filter_on_the_token_answers_or_result(client, assessment, lookup):
    client.force_login(User.objects.create_superuser("admin", "admin@example.org", "pw"))
    value = {"token": assessment.token[:3], "answers": "work", "result": "likely_eligible"}
    response = client.get(f"{ASSESSMENTS}?{urlencode({lookup: value[lookup.split('__')[0]]})}")
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("", 1),
        ("route__exact=general", 1),
        ("route__exact=spouse", 0),
        ("overall__exact=likely_eligible", 1),
        ("overall__exact=not_eligible", 0),
        ("route__exact=general&overall__exact=likely_eligible&o=-2&p=1", 1),
    ],
)
def test_the_assessment_filters_still_work(clerk, assessment, query, count):
    response = clerk.get(f"{ASSESSMENTS}?{query}")
    assert response.status_code == 200
    assert response.context["cl"].result_count == count


@pytest.mark.parametrize("codenames", [["view_assessment"], ["view_assessment", "view_answers"]])
def test_the_token_is_on_no_admin_page(client, assessment, codenames):
    client.force_login(staff_with(*codenames))
    pages = [
        ASSESSMENTS,
        reverse("admin:assessments_assessment_change", args=[assessment.pk]),
        reverse("admin:assessments_assessment_history", args=[assessment.pk]),
        reverse("admin:index"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert assessment.token not in response.content.decode(), url


THRESHOLD_LOOKUPS = [
    f"{name}{lookup}"
    for name in field_names(Threshold)
    for lookup in LOOKUPS
    if f"{name}{lookup}" not in {"kind__exact", "kind__isnull"}
] + [
    "assessments__token__startswith",
    "assessments__answers__status",
    "assessments__result__overall",
    "created_by__password__startswith",
    "created_by__username",
]


@pytest.mark.parametrize("lookup", THRESHOLD_LOOKUPS)
def test_the_threshold_list_refuses_field_lookups_too(clerk, assessment, lookup):
    assessment.thresholds_used.set(Threshold.objects.all()[:1])
    response = clerk.get(f"{THRESHOLDS}?{urlencode({lookup: 'a'})}")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "query", ["version=current", "area=livelihood", "kind__exact=official", "q=income&o=1"]
)
def test_the_threshold_filters_and_search_still_work(clerk, query):
    response = clerk.get(f"{THRESHOLDS}?{query}")
    assert response.status_code == 200
    assert 0 < response.context["cl"].result_count < Threshold.objects.count()
