"""The result page: verdict, route, score, a card per requirement, documents, next steps."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.results.presentation import result_page
from tests.results.conftest import engine_result, hand_result, store

pytestmark = pytest.mark.django_db

NOT_YET = hand_result(
    overall="not_yet_eligible",
    score=90,
    earliest_date="2027-06-01",
    overrides={
        "residence_period": {
            "status": "not_met",
            "code": "residence_period.too_short",
            "params": {"route": "general", "years": 9.5, "required": 10, "start": "2017-06-01"},
            "reference": "永住許可に関するガイドライン（令和8年2月24日改訂） 1(3)ア",
            "clears_on": "2027-06-01",
        }
    },
)
WITH_RISKS = hand_result(
    overall="eligible_with_risks",
    score=95,
    overrides={
        "continuity": {
            "status": "at_risk",
            "code": "continuity.long_trips",
            "params": {
                "long_trips": [{"departure": "2024-01-03", "return": "2024-05-20", "days": 137}],
                "heavy_years": [{"year": 2024, "days": 137}],
                "trip_limit": 90,
                "year_limit": 100,
            },
            "reference": "行政書士 rule of thumb: 90 days (3 months) per trip",
            "basis": "practice",
            "clears_on": "2034-05-20",
        }
    },
)
NOT_ELIGIBLE = hand_result(
    overall="not_eligible",
    score=40,
    overrides={
        "status_eligible": {
            "status": "not_met",
            "code": "status_eligible.status_not_accepted",
            "params": {"status": "student"},
            "basis": "practice",
        }
    },
)
LIKELY = hand_result()

HEADLINES = [
    (LIKELY, "en", "You are likely eligible to apply now"),
    (WITH_RISKS, "en", "You can apply, but some points are a risk"),
    (NOT_YET, "en", "Not yet: you can apply from 1 June 2027"),
    (NOT_ELIGIBLE, "en", "You are not eligible now"),
    (LIKELY, "ja", "今すぐ申請できる可能性が高いです"),
    (WITH_RISKS, "ja", "申請はできますが、注意が必要な点があります"),
    (NOT_YET, "ja", "まだ申請できません：2027年6月1日から申請できます"),
    (NOT_ELIGIBLE, "ja", "現時点では要件を満たしていません"),
]


@pytest.mark.parametrize(
    ("result", "language", "headline"),
    HEADLINES,
    ids=[f"{r[0]['overall']}-{r[1]}" for r in HEADLINES],
)
def test_the_headline_states_the_verdict_in_plain_words(
    client, result_url, result, language, headline
):
    response = client.get(result_url(result, language=language))
    assert response.status_code == 200
    assert headline in response.content.decode()


def test_a_result_page_is_never_cached_or_indexed(client, result_url):
    response = client.get(result_url(LIKELY))
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_an_unknown_token_is_a_404(client):
    assert client.get("/en/result/not-a-real-token/").status_code == 404


def test_an_expired_result_is_a_404(client):
    assessment = store(LIKELY, expires_in=-dt.timedelta(seconds=1))
    assert client.get(f"/en/result/{assessment.token}/").status_code == 404


def test_a_result_is_shown_only_for_get_and_head(client, result_url):
    assert client.post(result_url(LIKELY)).status_code == 405


def test_the_page_shows_the_route_and_the_other_routes_considered(client, result_url):
    result = hand_result(
        route="spouse",
        routes_considered=[
            {"route": "spouse", "overall": "likely_eligible", "score": 100, "earliest_date": None},
            {
                "route": "general",
                "overall": "not_yet_eligible",
                "score": 80,
                "earliest_date": "2029-04-01",
            },
        ],
    )
    html = client.get(result_url(result)).content.decode()
    assert "Spouse of a Japanese national or permanent resident" in html
    assert "Other routes we checked" in html
    assert "General route (10 years)" in html and "from 1 April 2029" in html


def test_the_score_comes_with_a_line_saying_it_is_not_a_probability(client, result_url):
    html = client.get(result_url(NOT_YET)).content.decode()
    assert "Readiness score: 90 out of 100" in html
    assert "It is not the probability that your application will be approved" in html
    assert 'value="90"' in html


def test_a_card_shows_status_finding_source_basis_remedy_and_when_it_clears(client, result_url):
    html = client.get(result_url(NOT_YET)).content.decode()
    card = html.split('id="requirement-residence_period"')[1].split("</article>")[0]
    assert "Residence period" in card
    assert "tag--not_met" in card and "Not met" in card
    assert "9.5 years" in card and "10 years" in card
    assert (
        # Japanese runs on English pages carry lang="ja" (issue 22 item 16).
        'Guidelines for Permission for Permanent Residence (revised 24 February 2026) 1(3)<span lang="ja">ア</span>'
        in card
        and "(Official)" in card
    ), "an English page cites the English title of the guideline"
    assert "What to do" in card
    assert "Clears by itself on 1 June 2027." in card


def test_a_rule_of_thumb_is_labelled_as_such(client, result_url):
    html = client.get(result_url(WITH_RISKS)).content.decode()
    card = html.split('id="requirement-continuity"')[1].split("</article>")[0]
    assert "Practitioners&#x27; rule of thumb" in card
    assert "3 January 2024 to 20 May 2024 (137 days)" in card


def test_problems_come_first_and_every_requirement_has_a_card(client, result_url):
    html = client.get(result_url(NOT_YET)).content.decode()
    assert html.index('id="requirement-residence_period"') < html.index(
        'id="requirement-status_eligible"'
    )
    assert html.count('class="card card--') == 12


def test_a_requirement_that_is_met_has_no_what_to_do(client, result_url):
    html = client.get(result_url(LIKELY)).content.decode()
    assert "What to do" not in html


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        ("spouse", 'family register (<span lang="ja">戸籍謄本</span>)'),
        ("hsp_80", "one year before"),
        ("general", "住民票"),
    ],
)
def test_the_documents_checklist_follows_the_route(client, result_url, route, expected):
    html = client.get(result_url(hand_result(route=route))).content.decode()
    section = html.split('id="documents-heading"')[1].split("</section>")[0]
    assert expected in section
    assert 'type="checkbox"' in section


def test_next_steps_cover_where_fee_time_appeal_explanation_and_renewal(client, result_url):
    html = client.get(result_url(LIKELY)).content.decode()
    section = html.split('id="next-heading"')[1].split("</section>")[0]
    for fragment in (
        "regional immigration bureau",
        "¥200,000",
        "1 October 2026",
        "the fee in force on the day of the grant, not of the application",
        "¥10,000 before that date",
        "4 to 6 months",
        "no administrative appeal",
        "oral explanation",
        "renew it separately",
    ):
        assert fragment in section
    # The fee is paid on the grant: never "for applications received from" a date.
    assert "received from" not in section


def test_the_japanese_page_writes_money_and_dates_the_japanese_way(client, result_url):
    html = client.get(result_url(NOT_YET, language="ja")).content.decode()
    assert "20万円" in html and "2026年10月1日" in html and "2027年6月1日" in html
    assert "在留期間（居住年数）" in html


def test_the_delete_button_opens_the_confirmation_page_when_that_page_exists(client):
    assessment = store(LIKELY)
    html = client.get(f"/en/result/{assessment.token}/").content.decode()
    try:
        delete_url = reverse("assessments:delete", kwargs={"token": assessment.token})
    except NoReverseMatch:
        assert "Delete my answers now" not in html
        return
    assert f'href="{delete_url}"' in html
    assert "Delete my answers now" in html


def test_the_report_link_points_to_the_pdf_when_that_page_exists(client):
    assessment = store(LIKELY)
    html = client.get(f"/en/result/{assessment.token}/").content.decode()
    try:
        report_url = reverse("assessments:report", kwargs={"token": assessment.token})
    except NoReverseMatch:
        assert "report.pdf" not in html
        return
    assert f'href="{report_url}"' in html


@pytest.mark.parametrize(
    "result",
    [
        {},
        {"requirements": "nonsense", "score": "high", "routes_considered": [1, None]},
        {"requirements": [{"id": "taxes", "code": "taxes.late", "params": None}], "overall": "odd"},
        hand_result(earliest_date="not a date", overall="not_yet_eligible"),
    ],
    ids=["empty", "wrong types", "partial", "bad date"],
)
def test_an_odd_stored_result_still_renders(client, result_url, result):
    assert client.get(result_url(result)).status_code == 200


# Real results through the engine, one per overall verdict (application date 2026-12-01).
ENGINE_CASES = [
    ({}, "likely_eligible", "You are likely eligible to apply now", None),
    (
        {"trips": [{"departure": "2024-01-03", "return": "2024-05-20"}]},
        "eligible_with_risks",
        "You can apply, but some points are a risk",
        "3 January 2024 to 20 May 2024",
    ),
    (
        {"residence_start_date": "2017-06-01"},
        "not_yet_eligible",
        "Not yet: you can apply from 1 June 2027",
        "Clears by itself on 1 June 2027.",
    ),
    (
        {"status": "student", "period_of_stay_years": 1},
        "not_eligible",
        "You are not eligible now",
        "permanent residence is not granted while you hold the status Student",
    ),
]


@pytest.mark.parametrize(
    ("changes", "overall", "headline", "detail"), ENGINE_CASES, ids=[c[1] for c in ENGINE_CASES]
)
def test_a_real_engine_result_shows_its_verdict_and_why(
    client, result_url, changes, overall, headline, detail
):
    result = engine_result(**changes)
    assert result["overall"] == overall
    for language in ("en", "ja"):
        response = client.get(result_url(result, language=language))
        assert response.status_code == 200
    html = client.get(result_url(result)).content.decode()
    assert headline in html
    assert html.count('class="card card--') == len(result["requirements"])
    if detail:
        assert detail in html


JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=12),
        st.sampled_from(["2027-06-01", "met", "not_met", "general", "taxes.late", "spouse"]),
    ),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=12,
)
RESULT_KEYS = st.sampled_from(
    [
        "route",
        "overall",
        "score",
        "earliest_date",
        "application_date",
        "thresholds_as_of",
        "requirements",
        "routes_considered",
        "thresholds",
    ]
)
REQUIREMENT = st.fixed_dictionaries(
    {},
    optional={
        "id": st.sampled_from(["taxes", "continuity", "oops"]) | st.text(max_size=5),
        "status": st.sampled_from(["met", "at_risk", "not_met", "exempt", "weird"]),
        "code": st.sampled_from(["taxes.late", "continuity.long_trips", "nope"]),
        "params": JSON_VALUES,
        "reference": JSON_VALUES,
        "basis": JSON_VALUES,
        "clears_on": JSON_VALUES,
    },
)


@settings(max_examples=80, deadline=None)
@given(
    top=st.dictionaries(RESULT_KEYS, JSON_VALUES, max_size=6),
    requirements=st.lists(REQUIREMENT, max_size=4),
    language=st.sampled_from(["en", "ja"]),
)
def test_any_stored_result_renders_the_page_without_error(top, requirements, language):
    result = {**top, "requirements": requirements}
    with translation.override(language):
        html = render_to_string(
            "assessments/result.html",
            {"page": result_page(result=result), "expires_on": dt.date(2026, 12, 31)},
        )
    assert "</html>" in html
