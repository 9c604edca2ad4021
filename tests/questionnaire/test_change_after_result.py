"""Change your answers after the result: nothing retyped, a new result that says what changed."""

import datetime as dt

import pytest

from assessments.results.models import Assessment
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import RUN_IN_URL, WizardDriver

D = dt.date


def complete(driver, steps) -> Assessment:
    driver.answer_all(steps)
    response = driver.answer("summary")
    assert response.status_code == 302, response.context and response.context["error_summary"]
    token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    return Assessment.objects.get(token=token)


def change_run(client, token) -> WizardDriver:
    """Start a run from the result's "Change your answers" link."""
    return WizardDriver(client, start=f"/en/check/change/{token}/")


@pytest.mark.parametrize("route", p.ROUTES)
def test_change_your_answers_opens_every_page_answered_at_the_summary(client, db, route):
    earlier = complete(WizardDriver(client), p.ROUTES[route])
    driver = change_run(client, earlier.token)
    assert driver.response["Location"].partition("#")[0].endswith("/summary/")
    page = driver.get("summary")
    sections = page.context["sections"]
    assert sections and all(s.complete for s in sections), [
        s.step for s in sections if not s.complete
    ]
    # Every Change link opens its page with the answer filled in, no error shown.
    for section in sections:
        response = client.get(section.change_url)
        assert response.status_code == 200, section.step
        assert not response.context["form"].errors, section.step


@pytest.mark.parametrize("route", p.ROUTES)
def test_confirming_unchanged_answers_gives_the_same_answers_under_a_new_token(client, db, route):
    earlier = complete(WizardDriver(client), p.ROUTES[route])
    driver = change_run(client, earlier.token)
    response = driver.answer("summary")
    later = Assessment.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert later.token != earlier.token
    assert later.answers == earlier.answers
    assert later.changed_from == earlier
    page = client.get(f"/en/result/{later.token}/")
    assert page.context["changes"].answers == ()
    assert "You changed no answer." in page.content.decode()


def test_changing_one_answer_shows_a_new_result_and_what_changed(client, db):
    recent = {"residence_start_date": D(2022, 4, 1), "qualifying_status_start_date": D(2022, 4, 1)}
    earlier = complete(WizardDriver(client), p.with_(p.GENERAL, residence=recent))
    result_page = client.get(f"/en/result/{earlier.token}/")
    assert f'href="/en/check/change/{earlier.token}/"' in result_page.content.decode()
    driver = change_run(client, earlier.token)
    # Change the residence page: ten years here now, not four. The income page, which asked
    # no year before 2022, now asks 2021 too, on the way back; the other years are kept.
    response = driver.answer("residence", returning=True, **p.RESIDENCE)
    assert response["Location"].endswith("/income/?return=summary")
    income = driver.get("income").context["form"]
    assert income.income_years == p.FIVE_YEARS
    assert income["applicant_2022"].value() == "5000000" and not income["applicant_2021"].value()
    response = driver.answer("income", returning=True, **p.INCOME)
    assert response["Location"].partition("#")[0].endswith("/summary/")
    response = driver.answer("summary")
    later = Assessment.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    changed = {"residence_start_date", "qualifying_status_start_date", "income"}
    assert later.answers["residence_start_date"] == "2014-04-01"
    assert {k: v for k, v in later.answers.items() if k not in changed} == {
        k: v for k, v in earlier.answers.items() if k not in changed
    }
    assert earlier.overall != later.overall
    page = client.get(f"/en/result/{later.token}/")
    html = page.content.decode()
    changes = page.context["changes"]
    assert [str(name) for name in changes.answers] == [
        "When did your current continuous residence in Japan start?",
        "Since when have you lived in Japan on a work or residence-based status?",
        "Your income",
    ]
    assert changes.overall.before == earlier.overall and changes.overall.after == later.overall
    assert "residence_period" in [r.id for r in changes.requirements]
    assert "What changed since your earlier result" in html
    # The earlier result is kept, until the applicant deletes it from the new page.
    assert client.get(f"/en/result/{earlier.token}/").status_code == 200
    response = client.post(f"/en/result/{later.token}/delete-earlier/")
    assert response.status_code == 302
    assert not Assessment.objects.filter(pk=earlier.pk).exists()
    page = client.get(response["Location"])
    assert "The earlier result has been deleted." in page.content.decode()
    assert "changes" not in page.context


def test_back_from_the_result_shows_the_answers_not_an_emptied_summary(client, db):
    driver = WizardDriver(client)
    earlier = complete(driver, p.SPOUSE)
    page = driver.get("summary")
    assert page.status_code == 200
    sections = page.context["sections"]
    assert sections and all(s.complete for s in sections)
    assert "marriage" in [s.step for s in sections]
    # Confirming again gives a new result that says nothing changed.
    response = driver.answer("summary")
    later = Assessment.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert later.changed_from == earlier


def test_a_question_link_opens_its_page_on_the_way_back_to_the_summary(client, db):
    earlier = complete(WizardDriver(client), p.GENERAL)
    response = client.get(f"/en/check/change/{earlier.token}/?question=status_expiry_date")
    assert RUN_IN_URL.search(response["Location"])["step"] == "stay"
    assert response["Location"].endswith("?return=summary#id_stay-status_expiry_date")
    response = client.get(f"/en/check/change/{earlier.token}/?question=guarantor")
    assert response["Location"].endswith("?return=summary#id_conduct-guarantor_0")
    response = client.get(f"/en/check/change/{earlier.token}/?question=nonsense")
    assert response["Location"].partition("#")[0].endswith("/summary/")


def test_an_unknown_or_expired_result_cannot_be_changed(client, db):
    assert client.get("/en/check/change/nope/").status_code == 404


def test_advice_to_enter_a_missing_answer_links_to_its_question(client, db):
    no_expiry = p.with_(p.GENERAL, status={"period_of_stay": "3", "status_expiry_date": None})
    earlier = complete(WizardDriver(client), no_expiry)
    finding = {r["id"]: r["code"] for r in earlier.result["requirements"]}
    assert finding["period_of_stay"] == "period_of_stay.missing_expiry"
    html = client.get(f"/en/result/{earlier.token}/").content.decode()
    link = f"/en/check/change/{earlier.token}/?question=status_expiry_date"
    assert f'<a href="{link}">Answer this question</a>' in html
    response = client.get(link)
    driver_url = response["Location"]
    assert "/stay/?return=summary#id_stay-status_expiry_date" in driver_url
    # The page answers the rest; entering the date alone goes back to the summary.
    run = RUN_IN_URL.search(driver_url)["run"]
    driver = WizardDriver.__new__(WizardDriver)
    driver.client, driver.language, driver.run = client, "en", run
    response = driver.answer("stay", returning=True, **{**p.STATUS, "period_of_stay": "3"})
    assert response["Location"].partition("#")[0].endswith("/summary/")
    response = driver.answer("summary")
    later = Assessment.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert later.answers["status_expiry_date"] == "2029-05-01"
    assert later.changed_from == earlier
