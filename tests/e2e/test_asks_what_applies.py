"""Ask only what applies (issue 21 item 5), in a real browser, in both languages.

An HSP holder who arrived on 1 March of last year is asked no income year before that year,
and the income page gives its hints once; the page passes axe.
"""

from __future__ import annotations

import dataclasses

import pytest
from django.utils import timezone

from assessments.results.models import Assessment
from tests.e2e.applicant import HSP, current_step, result_token, walk, with_steps
from tests.e2e.checks import DESKTOP, PHONE, check_page


@pytest.mark.parametrize(("lang", "viewport"), [("en", DESKTOP), ("ja", PHONE)])
def test_an_hsp_holder_who_arrived_last_year_is_asked_no_income_year_before(
    new_page, site, lang, viewport
):
    arrival_year = timezone.localdate().year - 1
    arrived = f"{arrival_year}-03-01"
    profile = with_steps(
        HSP,
        residence={"residence_start_date": arrived, "qualifying_status_start_date": arrived},
        grant={"status_grant_date": arrived},
    )
    # No trips: the profile's trip was before this arrival.
    profile = dataclasses.replace(profile, steps={**profile.steps, "travel": {"has_trips": "no"}})
    page = new_page(viewport=viewport)
    page.goto(site.url(f"/{lang}/check/"))
    walk(page, profile, stop_at="income")
    assert current_step(page) == "income"
    names = page.locator("input[name^='income-applicant_']").evaluate_all(
        "inputs => inputs.map(input => input.name)"
    )
    years = {int(name.rsplit("_", 1)[-1]) for name in names}
    assert years and min(years) >= arrival_year, years
    assert page.locator(".hint", has_text="課税証明書").count() == 1
    check_page(page, lang=lang, label=f"applies-{lang}-income-after-arrival")
    walk(page, profile)
    answers = Assessment.objects.get(token=result_token(page)).answers
    assert all(row["year"] >= arrival_year for row in answers["income"])
