"""Ask only what applies (issue 21 item 5): no income year before arrival, asked once."""

import datetime as dt

from assessments.results.models import Assessment
from tests.questionnaire import profiles as p

D = dt.date

ARRIVED_2025 = p.with_(
    p.HSP_80,
    residence={
        "residence_start_date": D(2025, 3, 1),
        "qualifying_status_start_date": D(2025, 3, 1),
    },
    grant={"status_grant_date": D(2025, 3, 1)},
)


def test_an_hsp_holder_who_arrived_in_2025_is_asked_no_income_year_before_arrival(driver):
    order = driver.answer_all(ARRIVED_2025)
    assert "income" in order
    form = driver.get("income").context["form"]
    assert form.income_years == (2025,)
    years_asked = {name.rsplit("_", 1)[-1] for name in form.fields if name[-4:].isdigit()}
    assert years_asked == {"2025"}
    response = driver.answer("summary")
    assessment = Assessment.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert [row["year"] for row in assessment.answers["income"]] == [2025]
    # The 80-point route looks back one year, 2025: its livelihood is judged, and met.
    assert assessment.result["route"] == "hsp_80"
    livelihood = next(r for r in assessment.result["requirements"] if r["id"] == "livelihood")
    assert (livelihood["status"], livelihood["code"]) == ("met", "livelihood.ok")


def test_someone_here_all_five_years_is_asked_all_five(driver):
    driver.answer_all(p.GENERAL)
    assert driver.get("income").context["form"].income_years == p.FIVE_YEARS


def test_the_income_hints_are_shown_once_not_per_year(driver):
    driver.answer_all(p.GENERAL)
    html = driver.get("income").content.decode()
    assert html.count("from your tax certificate (課税証明書)") == 1
    assert html.count("Yours plus the income of everyone sharing your household budget") == 1
    form = driver.response.context["form"]
    assert form.fields["applicant_2025"].help_text and not form.fields["applicant_2024"].help_text
