"""The HSP calculator hands its points to the check, through the session, never the URL."""

import datetime as dt
import re

import pytest

from assessments.questionnaire import handover
from assessments.results.models import Assessment
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import GROUP_OF, WizardDriver

D = dt.date

#: A profile the calculator counts as 70 points on 2026-12-01 (master 20, 3 years 5, ¥5.5M at
#: 29 20, age 15, JLPT N1 15; N2 is not counted with N1).
PROFILE = {
    "category": "technical",
    "as_of": "2026-12-01",
    "birth_date": "1997-01-15",
    "education": "master",
    "experience_years": "3",
    "annual_salary": "5,500,000",
    "position": "none",
    "bonuses": ["jlpt_n1", "jlpt_n2"],
}


def use_in_check(client, profile, language="en"):
    return client.post(f"/{language}/hsp/use/", profile)


def test_the_calculator_result_offers_to_use_the_points_in_the_check(client, db):
    html = client.post("/en/hsp/", PROFILE).content.decode()
    assert 'formaction="/en/hsp/use/"' in html and 'form="hsp-form"' in html
    assert "Use these points in the permanent residence check" in html


def kept_panel(response) -> str:
    html = response.content.decode()
    if 'id="kept"' not in html:
        return ""
    start = html.index('id="kept"')
    return html[start : html.index("</section>", start)]


def test_the_points_kept_are_listed_on_the_calculator_with_the_way_on(client, db):
    response = use_in_check(client, PROFILE)
    assert response.status_code == 200
    panel = kept_panel(response)
    assert "1 December 2026, as your points on the application date: 70 points" in panel
    assert 'href="#id_as_of"' in panel, "another day is counted with the calculator's own field"
    assert 'href="/en/check/"' in panel
    assert response.context["form"]["birth_date"].value() == "1997-01-15", "still filled in"


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "en",
            [
                "1 December 2026, as your points on the application date: 70 points",
                "1 December 2025, as your points one year before the application date: 65 points",
            ],
        ),
        (
            "ja",
            [
                "2026年12月1日（申請予定日時点のポイントとして）：70点",
                "2025年12月1日（申請予定日の1年前時点のポイントとして）：65点",
            ],
        ),
    ],
)
def test_after_two_hand_overs_the_calculator_lists_both_days(client, db, language, lines):
    use_in_check(client, PROFILE, language)
    year_before = {**PROFILE, "as_of": "2025-12-01", "experience_years": "2"}
    response = use_in_check(client, year_before, language)
    panel = kept_panel(response)
    assert [line for line in lines if line in panel] == lines
    assert panel.index(lines[0]) < panel.index(lines[1]), "the application date first"
    assert kept_panel(client.get(f"/{language}/hsp/")) == panel, "listed while kept"


def test_the_calculator_lists_nothing_kept_before_a_hand_over_or_after_the_check(client, db):
    assert 'id="kept"' not in client.get("/en/hsp/").content.decode()
    use_in_check(client, PROFILE)
    driver = WizardDriver(client)
    driver.answer_all(p.GENERAL)
    driver.answer("summary")
    assert 'id="kept"' not in client.get("/en/hsp/").content.decode()


def test_the_points_start_a_run_prefilled_through_the_session(client, db):
    use_in_check(client, PROFILE)
    assert client.session[handover.SESSION_KEY] == {
        "now": {"points": 70, "as_of": "2026-12-01", "jskip": False}
    }, "the points, their day and the J-Skip check only, not the profile"
    driver = WizardDriver(client)
    location = driver.response["Location"]
    assert re.fullmatch(r"/en/check/[0-9a-f]{16}/status/", location), "nothing personal"
    driver.answer("status", **p.STATUS)
    driver.answer("stay", **p.STATUS)
    assert driver.get("residence").context["form"]["hsp_route"].value() == "yes"
    driver.answer("residence", **{**p.RESIDENCE, "hsp_route": True})
    assert driver.next_step == "hsp"
    response = driver.get("hsp")
    assert response.context["form"]["hsp_points_now_source"].value() == "known"
    assert "On the application date: 70 points (counted on 1 December 2026)" in (
        response.content.decode()
    )
    driver.answer("hsp", **p.KNOWN_POINTS, hsp_points_maintained=True)
    assert driver.next_step == "hsp_typed"
    assert driver.get("hsp_typed").context["form"]["hsp_points_now"].value() == 70


def test_points_counted_a_year_before_fill_the_year_before(client, db):
    use_in_check(client, PROFILE)
    use_in_check(client, {**PROFILE, "as_of": "2025-12-01", "experience_years": "2"})
    kept = handover.handed_over(client.session)
    assert list(kept) == ["now", "one_year_ago"]
    assert kept["one_year_ago"]["as_of"] == D(2025, 12, 1)


def test_an_invalid_profile_shows_its_errors_and_hands_nothing_over(client, db):
    response = use_in_check(client, {**PROFILE, "birth_date": "2027-01-01"})
    assert response.status_code == 200
    assert response.context["error_summary"]
    assert handover.SESSION_KEY not in client.session


def test_a_get_is_not_allowed(client, db):
    assert client.get("/en/hsp/use/").status_code == 405


def test_finishing_the_check_forgets_the_handed_over_points(client, db):
    use_in_check(client, PROFILE)
    driver = WizardDriver(client)
    driver.answer_all(p.GENERAL)
    assert driver.answer("summary").status_code == 302
    assert handover.SESSION_KEY not in client.session


def test_a_run_without_handed_over_points_is_not_prefilled(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **{**p.RESIDENCE, "hsp_route": True})
    assert "Filled in from the points calculator" not in driver.get("hsp").content.decode()
    driver.answer("hsp", **p.KNOWN_POINTS, hsp_points_maintained=True)
    assert driver.get("hsp_typed").context["form"]["hsp_points_now"].value() is None


@pytest.mark.parametrize(
    ("as_of", "date"),
    [
        pytest.param(D(2026, 12, 1), "now", id="today"),
        pytest.param(D(2027, 6, 1), "now", id="after today"),
        pytest.param(D(2026, 6, 2), "now", id="182 days before: nearer today"),
        pytest.param(D(2026, 6, 1), "one_year_ago", id="183 days before: nearer a year before"),
        pytest.param(D(2025, 12, 1), "one_year_ago", id="a year before"),
        pytest.param(D(2024, 12, 1), "one_year_ago", id="two years before: the tie goes first"),
        pytest.param(D(2024, 11, 30), "three_years_ago", id="a day more: three years before"),
        pytest.param(D(2020, 1, 1), "three_years_ago", id="long before"),
    ],
)
def test_the_points_fill_the_point_date_nearest_the_day_they_were_counted_on(as_of, date):
    assert handover.point_date_for(as_of, today=D(2026, 12, 1)) == date


def test_bad_session_data_is_ignored():
    session = {handover.SESSION_KEY: {"now": {"points": "x"}, "one_year_ago": "junk"}}
    assert handover.handed_over(session) == {}
    assert handover.handed_over({handover.SESSION_KEY: [1]}) == {}


def test_the_run_url_carries_only_the_run_and_the_step(client, db):
    use_in_check(client, PROFILE)
    response = client.get("/en/check/")
    assert re.fullmatch(r"/en/check/[0-9a-f]{16}/status/", response["Location"])


#: A profile that meets the J-Skip criteria (a master's degree and ¥25M a year).
JSKIP_PROFILE = {**PROFILE, "annual_salary": "25,000,000"}


def hand_over_both_days(client, profile_now, profile_year_ago):
    use_in_check(client, profile_now)
    use_in_check(client, {**profile_year_ago, "as_of": "2025-12-01", "experience_years": "2"})


def walk_to_typed_points(client) -> WizardDriver:
    driver = WizardDriver(client)
    driver.answer("status", **p.STATUS)
    driver.answer("stay", **p.STATUS)
    driver.answer("residence", **{**p.RESIDENCE, "hsp_route": True})
    driver.answer("hsp", **p.KNOWN_POINTS, hsp_points_maintained=True)
    assert driver.next_step == "hsp_typed"
    return driver


@pytest.mark.parametrize(
    ("year_ago", "met"), [(JSKIP_PROFILE, True), (PROFILE, False)], ids=["met", "not-met"]
)
def test_j_skip_checked_by_the_calculator_on_both_days_is_not_asked_again(
    client, db, year_ago, met
):
    hand_over_both_days(client, JSKIP_PROFILE, year_ago)
    driver = walk_to_typed_points(client)
    form = driver.get("hsp_typed").context["form"]
    assert "jskip_eligible" not in form.fields
    assert handover.jskip_answered(client.session) is met
    response = driver.answer("hsp_typed", hsp_points_now=form["hsp_points_now"].value())
    assert response.status_code == 302, response.context["error_summary"]
    # The calculator's answer goes into the answers the engine gets.
    step = driver.next_step
    while step != "summary":
        fields = p.GENERAL[step] if step in p.GENERAL else p.GENERAL[GROUP_OF[step]]
        assert driver.answer(step, **fields).status_code == 302, step
        step = driver.next_step
    token = driver.answer("summary")["Location"].rstrip("/").rsplit("/", 1)[-1]
    assert Assessment.objects.get(token=token).answers["jskip_eligible"] is met


def test_j_skip_is_asked_when_the_calculator_checked_one_day_only(client, db):
    use_in_check(client, JSKIP_PROFILE)
    assert handover.jskip_answered(client.session) is None
    driver = walk_to_typed_points(client)
    assert "jskip_eligible" in driver.get("hsp_typed").context["form"].fields
