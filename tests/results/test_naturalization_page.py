"""The naturalization (帰化) card on the result page, in both languages, from real results."""

from __future__ import annotations

import pytest

from assessments.eligibility.naturalization_choices import NaturalizationPath
from assessments.results.wording import NATURALIZATION_ROUTE as ROUTE_NAMES
from tests.results.conftest import engine_result, hand_result

pytestmark = pytest.mark.django_db

#: Seven years in Japan, a job change in March, about N4 Japanese: naturalization not yet.
NATURALIZATION_ANSWERS = {
    "birth_date": "1990-01-01",
    "residence_start_date": "2019-04-01",
    "monthly_take_home": 250_000,
    "last_job_change_date": "2026-03-01",
    "nationality_renounceable": True,
    "japanese_level": "n4",
}


#: Answers of someone who asked for the naturalization check too (the card is for them).
OPTED_IN = {"japanese_level": "n2"}


@pytest.fixture
def natz_page(client, result_url):
    result = engine_result(**NATURALIZATION_ANSWERS)
    assert result["naturalization"]["overall"] == "not_yet_eligible"

    def get(language: str) -> str:
        response = client.get(result_url(result, language=language, answers=NATURALIZATION_ANSWERS))
        assert response.status_code == 200
        return response.content.decode()

    return get


def test_the_card_shows_the_verdict_the_date_and_a_finding_per_requirement_in_english(natz_page):
    html = natz_page("en")
    assert 'Naturalization (<span lang="ja">帰化</span>)' in html
    assert "you can apply for naturalization from 1 March 2027" in html
    assert html.count('class="card naturalization-card card--') == 8
    assert "You changed jobs on 1 March 2026" in html
    assert "government policy of 23 January 2026" in html and "10 years" in html
    assert "About JLPT N4" in html
    assert "Permanent residence or naturalization?" in html
    assert "Japanese passport" in html and "1 April 2027" in html


def test_the_card_is_worded_in_japanese(natz_page):
    html = natz_page("ja")
    assert "2027年3月1日から帰化を申請できます" in html
    assert "2026年3月1日に転職しています" in html
    assert "生計要件" in html and "日本語能力試験N4程度" in html
    assert "永住か、帰化か" in html and "日本の旅券" in html
    assert "You changed jobs" not in html


def test_the_comparison_gives_the_earliest_date_of_each_path(client, result_url):
    answers = {
        "residence_start_date": "2017-06-01",
        "last_job_change_date": "2026-03-01",
        "monthly_take_home": 250_000,
        "birth_date": "1990-01-01",
        "nationality_renounceable": True,
        "japanese_level": "n2",
    }
    result = engine_result(**answers)
    html = client.get(result_url(result, answers=answers)).content.decode()
    comparison = html[html.index("Permanent residence or naturalization?") :]
    assert result["earliest_date"] == "2027-06-01"
    assert "1 June 2027" in comparison and "1 March 2027" in comparison


def test_a_result_stored_before_naturalization_existed_has_no_card(client, result_url):
    html = client.get(result_url(hand_result(), answers=OPTED_IN)).content.decode()
    assert 'Naturalization (<span lang="ja">帰化</span>)' not in html


def test_no_card_for_those_who_did_not_ask_for_naturalization_though_the_result_has_it(
    client, result_url
):
    result = engine_result()
    assert result["naturalization"]["overall"]
    html = client.get(result_url(result, answers={"status": "work"})).content.decode()
    assert 'Naturalization (<span lang="ja">帰化</span>)' not in html
    html = client.get(result_url(result, answers=OPTED_IN)).content.decode()
    assert 'Naturalization (<span lang="ja">帰化</span>)' in html


@pytest.mark.parametrize(
    "naturalization",
    [
        "oops",
        {"overall": None, "requirements": "none"},
        {"requirements": [None, {"id": 3, "code": "../../base", "params": []}]},
        {"overall": "likely_eligible", "earliest_date": "not a date", "requirements": []},
    ],
)
def test_an_odd_naturalization_object_never_breaks_the_page(client, result_url, naturalization):
    for language in ("en", "ja"):
        url = result_url(
            hand_result(naturalization=naturalization), language=language, answers=OPTED_IN
        )
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "no working years of your own"), ("ja", "ご本人の就労期間は問われず")],
)
def test_a_dependent_is_told_that_no_working_years_of_their_own_are_asked(
    client, result_url, language, expected
):
    result = engine_result(status="dependent", residence_start_date="2014-04-01")
    residence = result["naturalization"]["requirements"][0]
    assert residence["params"]["path"] == "family"
    html = client.get(result_url(result, language=language, answers=OPTED_IN)).content.decode()
    assert expected in html


@pytest.mark.parametrize(
    ("language", "route", "waiver"),
    [
        (
            "en",
            "as someone adopted by a Japanese national while a minor (Nationality Act Art. 8(ii)), you need 1 year",
            "you may be naturalized without meeting the age and capacity requirement",
        ),
        (
            "ja",
            "本国法上の未成年のときに日本国民の養子となった方（国籍法8条2号）の場合、必要な居住期間は1年です",
            "能力要件（年齢・行為能力、国籍法5条1項2号）を満たさなくても、帰化が許可されることがあります",
        ),
    ],
)
def test_the_card_names_the_simplified_route_and_its_waivers(
    client, result_url, language, route, waiver
):
    answers = {
        "adopted_by_japanese_as_minor": True,
        "residence_start_date": "2025-06-01",
        "birth_date": "2010-01-01",
    }
    result = engine_result(**answers)
    findings = {f["id"]: f for f in result["naturalization"]["requirements"]}
    assert findings["age"]["reference"].startswith("国籍法 8条")
    html = client.get(result_url(result, language=language, answers=answers)).content.decode()
    assert route in html and waiver in html


def test_every_simplified_route_has_a_name_for_the_wording():
    general_paths = {"general", "long", "family"}
    assert set(ROUTE_NAMES) == {str(path.value) for path in NaturalizationPath} - general_paths
