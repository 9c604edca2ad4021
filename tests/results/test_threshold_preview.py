"""The admin's "Preview" of a threshold version: how many stored assessments and which built-in
personas would change verdict, route or earliest date, before anything is saved; the ids of
changed assessments only for staff who may view raw answers, never the answers themselves."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from assessments.eligibility.answers import answers_from_dict
from assessments.results.models import Assessment
from assessments.results.services import assessment_evaluate
from assessments.thresholds.models import Threshold
from assessments.thresholds.selectors import thresholds_at
from tests.results.conftest import BASE_ANSWERS

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:assessments_threshold_add")
ON = dt.date(2027, 6, 1)
#: A new income floor of 3,500,000 yen from 2027-01-01, as an admin would enter it.
RAISED_FLOOR = {
    "key": "livelihood.min_income",
    "unit": "yen",
    "value": "3500000",
    "valid_from": "2027-01-01",
    "kind": "practice",
    "source_title": "行政書士の目安: 年収350万円以上",
    "source_url": "https://example.org/income-2027",
    "change_note": "The common floor rose.",
    "_preview": "Preview",
}


@pytest.fixture(autouse=True)
def pinned_today(time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 7, 12, tzinfo=dt.UTC), tick=False)


def stored(income: int) -> Assessment:
    """Store an assessment of an applicant earning ``income`` a year, applying on ``ON``."""
    data = {
        **BASE_ANSWERS,
        "application_date": ON.isoformat(),
        "income": [{"year": y, "applicant": income} for y in range(2015, 2027)],
        "secret_marker": None,
    }
    data.pop("secret_marker")
    answers = answers_from_dict(data, today=ON)
    result = assessment_evaluate(answers=answers, thresholds=thresholds_at(on=ON))
    return Assessment.objects.create(
        application_date=ON,
        route=result.best.route,
        overall=result.best.overall,
        score=0,
        answers=data,
        result=result.to_json(),
    )


@pytest.fixture
def seeded():
    """Two applicants between the old and the new floor, one well above both."""
    return [stored(3_200_000), stored(3_300_000), stored(6_000_000)]


def user_with(*codenames) -> User:
    user = User.objects.create_user("clerk", "clerk@example.org", "pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="assessments", codename__in=codenames)
    )
    return user


ADDERS = {
    "superuser": lambda: User.objects.create_superuser("admin", "a@example.org", "pw"),
    "staff who may add": lambda: user_with("add_threshold", "view_threshold"),
    "staff who may add and view answers": lambda: user_with(
        "add_threshold", "view_threshold", "view_answers", "view_assessment"
    ),
}


#: Each kind of adder once, and each language (a preview runs the whole persona trial: the
#: full cross product of adders and languages would repeat it for no new path).
WHO_AND_LANGUAGE = [
    ("superuser", "en"),
    ("staff who may add", "ja"),
    ("staff who may add and view answers", "ja"),
]


@pytest.mark.parametrize(("who", "language"), WHO_AND_LANGUAGE)
def test_the_preview_counts_the_changes_and_saves_nothing(client, seeded, who, language):
    client.force_login(ADDERS[who]())
    before = Threshold.objects.count()
    response = client.post(ADD_URL, RAISED_FLOOR, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert Threshold.objects.count() == before
    preview = response.context["preview"]
    assert preview.assessments_tried == 3
    assert preview.verdict_changes == 2
    changed = {change.assessment_id for change in preview.assessment_changes}
    assert changed == {seeded[0].pk, seeded[1].pk}
    html = response.content.decode()
    assert 'id="preview"' in html
    assert ("2 would change verdict" if language == "en" else "2件の診断で判定が変わります") in html
    assert 'value="3,500,000"' in html or 'value="3500000"' in html  # the form is kept
    change_url = reverse("admin:assessments_assessment_change", args=[seeded[0].pk])
    may_see = who != "staff who may add"
    assert (change_url in html) is may_see
    assert "ANSWER" not in html and "residence_start_date" not in html


def test_the_preview_lists_personas_with_before_and_after(client):
    client.force_login(ADDERS["superuser"]())
    response = client.post(ADD_URL, {**RAISED_FLOOR, "value": "9000000"}, HTTP_ACCEPT_LANGUAGE="en")
    preview = response.context["preview"]
    assert preview.persona_changes
    trial = preview.persona_changes[0]
    assert trial.before != trial.after
    html = response.content.decode()
    assert 'id="preview-personas"' in html
    assert trial.persona in html.replace("&#x27;", "'")
    assert "Likely eligible" in html


def test_a_version_that_changes_nothing_says_so(client, seeded):
    client.force_login(ADDERS["superuser"]())
    response = client.post(ADD_URL, {**RAISED_FLOOR, "value": "3000000", "source_confirmed": "on"})
    preview = response.context["preview"]
    assert preview.assessment_changes == ()
    assert preview.persona_changes == ()
    assert 'id="preview-no-persona"' in response.content.decode()


def test_an_invalid_form_shows_its_errors_and_no_preview(client):
    client.force_login(ADDERS["superuser"]())
    response = client.post(ADD_URL, {**RAISED_FLOOR, "value": "abc"})
    assert response.status_code == 200
    assert "preview" not in response.context
    assert response.context["adminform"].form.errors


def test_staff_who_cannot_add_get_no_preview(client):
    client.force_login(user_with("view_threshold"))
    assert client.post(ADD_URL, RAISED_FLOOR).status_code == 403


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_stored_versions_page_previews_its_effect(client, seeded, language):
    client.force_login(ADDERS["superuser"]())
    version = Threshold.objects.create(
        **{k: v for k, v in RAISED_FLOOR.items() if k not in ("_preview", "value")},
        value=3_500_000,
    )
    url = reverse("admin:assessments_threshold_change", args=[version.pk])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert "?preview=1" in page.content.decode()
    assert "preview" not in page.context
    response = client.get(url, {"preview": "1"}, HTTP_ACCEPT_LANGUAGE=language)
    preview = response.context["preview"]
    assert preview.verdict_changes == 2
