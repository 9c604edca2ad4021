"""The hand-off pack for a scrivener (issue 25 item 2): one zip from a stored result.

It opens; its files carry bilingual names; the answers are the stored document; the travel
history has one row per trip made, with days abroad as the engine counts them; the check
items follow from the answers (two contrasting applicants); the checklist is the result
page's; every file is in both languages and Excel-readable.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import zipfile

import pytest
import time_machine
from django.utils import timezone

from assessments.eligibility.answers import answers_from_dict, answers_to_dict
from assessments.results.models import Assessment
from assessments.results.services import assessment_evaluate

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 1)
JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
FILES = [
    "00_表紙_README.txt",
    "01_回答_answers.json",
    "02_出入国歴_travel_history.csv",
    "03_セルフチェック_self_check.csv",
    "04_提出書類_documents.csv",
]
UTF8_BOM = b"\xef\xbb\xbf"

#: Meets everything on the general route; trips on each boundary, listed out of order.
CLEAN = {
    "application_date": "2026-12-01",
    "status": "work",
    "period_of_stay_years": 5,
    "status_expiry_date": "2030-01-01",
    "residence_start_date": "2012-04-01",
    "employment": "regular",
    "guarantor": "japanese",
    "income": [{"year": year, "applicant": 4_500_000} for year in range(2015, 2026)],
    "trips": [
        {"departure": "2025-08-01", "return": "2025-08-15"},  # 13 days abroad
        {"departure": "2019-03-10", "return": "2019-03-10"},  # back the same day: 0
        {"departure": "2027-02-01", "return": "2027-02-20", "planned": True},  # still to come
        {"departure": "2023-12-28", "return": "2024-01-04"},  # over a year end: 3 + 3
        {"departure": "2020-02-01", "return": "2020-02-02"},  # back the next day: 0
    ],
}
#: The same person with a fine, late and unpaid contributions, a missed notification, a
#: one-year period of stay, a long trip in a leap year, and self-employed.
TROUBLED = CLEAN | {
    "period_of_stay_years": 1,
    "employment": "self_employed",
    "criminal_records": [{"kind": "fine", "completed_on": "2024-03-01"}],
    "payments": [
        {"kind": "resident_tax", "due_date": "2025-06-30", "paid_date": "2025-09-01"},
        {"kind": "pension", "due_date": "2026-05-31", "paid_date": None},
    ],
    "missed_notifications": ["2025-04-10"],
    "trips": [{"departure": "2024-01-05", "return": "2024-05-20"}],  # 135 days abroad
}


@pytest.fixture(autouse=True)
def pinned_today():
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


def stored(data: dict) -> Assessment:
    answers = answers_from_dict(data, today=TODAY)
    result = assessment_evaluate(answers=answers)
    return Assessment.objects.create(
        application_date=answers.application_date,
        route=result.route,
        overall=result.overall,
        score=result.best.score,
        answers=answers_to_dict(answers),
        result=result.to_json(),
        expires_at=timezone.now() + dt.timedelta(days=30),
    )


def pack(client, assessment: Assessment, language: str = "en") -> zipfile.ZipFile:
    response = client.get(f"/{language}/result/{assessment.token}/handoff.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def rows(archive: zipfile.ZipFile, name: str) -> list[list[str]]:
    data = archive.read(name)
    assert data.startswith(UTF8_BOM)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def self_check(archive: zipfile.ZipFile) -> dict[int, dict[str, str]]:
    header, *lines = rows(archive, FILES[3])
    return {int(line[0]): dict(zip(header, line, strict=True)) for line in lines}


def test_the_pack_opens_and_holds_five_files_with_bilingual_names(client):
    archive = pack(client, stored(CLEAN))
    assert archive.testzip() is None
    assert archive.namelist() == FILES
    for entry in archive.infolist():
        assert entry.flag_bits & 0x800, "names are flagged UTF-8, so unzip tools read Japanese"
        japanese, english = entry.filename.split("_", 2)[1:]
        assert JAPANESE.search(japanese) and re.fullmatch(r"[A-Za-z_]+\.(json|csv|txt)", english)
        assert entry.date_time[:3] == (2026, 12, 1), "dated on the day of the check"


def test_every_language_prefix_serves_the_same_download(client):
    assessment = stored(CLEAN)
    ja = client.get(f"/ja/result/{assessment.token}/handoff.zip")
    en = client.get(f"/en/result/{assessment.token}/handoff.zip")
    assert ja.content == en.content
    assert ja["Content-Disposition"] == 'attachment; filename="prcheck-handoff-2026-12-01.zip"'


def test_the_answers_file_is_the_stored_answers_document(client):
    assessment = stored(TROUBLED)
    answers = json.loads(pack(client, assessment).read(FILES[1]).decode("utf-8"))
    assert answers == assessment.answers
    assert answers["schema"] == "prcheck.answers/1"


def test_the_travel_history_has_one_row_per_trip_made_with_the_engines_days(client):
    assessment = stored(CLEAN)
    header, *trips = rows(pack(client, assessment), FILES[2])
    assert header == [
        "出国日 / Departure date",
        "帰国日 / Return date",
        "日数（出国日・帰国日を除く） / Days abroad (departure and return days not counted)",
    ]
    assert trips == [
        ["2019-03-10", "2019-03-10", "0"],
        ["2020-02-01", "2020-02-02", "0"],
        ["2023-12-28", "2024-01-04", "6"],
        ["2025-08-01", "2025-08-15", "13"],
    ]
    # The same days as the result's own timeline, which the rules count.
    timeline = {
        (t["departure"], t["return"]): t["days"] for t in assessment.result["timeline"]["trips"]
    }
    for departure, back, days in trips:
        assert timeline[(departure, back)] == int(days)


def test_planned_trips_are_left_out_of_the_history_and_the_cover_says_where_they_are(client):
    archive = pack(client, stored(CLEAN))
    assert "2027-02-01" not in archive.read(FILES[2]).decode("utf-8-sig")
    assert '"planned": true' in archive.read(FILES[1]).decode("utf-8")
    cover = archive.read(FILES[0]).decode("utf-8-sig")
    assert "1 planned trip is not listed" in cover
    assert "予定の出国（1件）は記載していません" in cover


def test_a_long_trip_in_a_leap_year_counts_every_day_between(client):
    header, trip = rows(pack(client, stored(TROUBLED)), FILES[2])
    assert trip == ["2024-01-05", "2024-05-20", "135"]


def test_csv_files_are_utf8_with_a_byte_order_mark_and_crlf_line_ends_for_excel(client):
    archive = pack(client, stored(CLEAN))
    for name in FILES[2:]:
        data = archive.read(name)
        assert data.startswith(UTF8_BOM)
        text = data.decode("utf-8-sig")
        assert JAPANESE.search(text)
        assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")


def test_the_cover_names_each_file_and_the_date_of_the_check_in_both_languages(client):
    cover = pack(client, stored(CLEAN)).read(FILES[0]).decode("utf-8-sig")
    for name in FILES[1:]:
        assert cover.count(name) == 2
    assert "診断日：2026年12月1日" in cover
    assert "Date of the check: 1 December 2026" in cover
    assert "申請予定日：2026年12月1日" in cover
    assert "not a decision of the Immigration Services Agency" in cover


def test_the_check_items_follow_from_a_clean_applicants_answers(client):
    items = self_check(pack(client, stored(CLEAN)))
    assert items[2]["Your answer"] == "No sentence in Japan (fine or imprisonment) answered."
    assert items[2]["回答"] == "日本での刑罰（罰金、拘禁刑など）はないとの回答です。"
    assert items[2]["Finding"] == "Good conduct: Met"
    assert items[3]["Your answer"] == (
        "Every tax, pension and health-insurance payment made on time. "
        "Every immigration notification filed on time."
    )
    assert items[4]["Your answer"] == "Period of stay: 5 years. It ends on 1 January 2030."
    assert items[7]["Your answer"] == (
        "Longest trip abroad: 13 days (1 August 2025 to 15 August 2025)."
    )
    assert items[8]["Your answer"] == "Most days abroad in one calendar year: 13 days (2025)."
    assert items[8]["回答"] == "1暦年の出国日数の最大：13日（2025年）。"


def test_the_check_items_follow_from_a_troubled_applicants_answers(client):
    assessment = stored(TROUBLED)
    status = {f["id"]: f["status"] for f in assessment.result["requirements"]}
    assert status["conduct"] == status["period_of_stay"] == "not_met"
    items = self_check(pack(client, assessment))
    assert items[2]["Your answer"] == (
        "1 sentence in Japan answered, the last one completed on 1 March 2024."
    )
    assert items[2]["Finding"].startswith("Good conduct: Not met")
    assert items[3]["Your answer"] == (
        "2 tax or insurance payments not made by their due date (1 still unpaid). "
        "1 immigration notification filed late or not at all."
    )
    assert "Pension and health insurance: Not met" in items[3]["Finding"]
    assert items[3]["判定"].count("／") == 2, "taxes, insurance and notifications, in Japanese"
    assert items[4]["Your answer"] == "Period of stay: 1 year. It ends on 1 January 2030."
    assert items[4]["Finding"].startswith("Longest period of stay: Not met")
    assert items[7]["Your answer"] == (
        "Longest trip abroad: 135 days (5 January 2024 to 20 May 2024)."
    )
    assert items[7]["Finding"].startswith("Continuous residence (time abroad): At risk")
    assert items[7]["回答"] == "最も長い出国：135日（2024年1月5日～2024年5月20日）。"


def test_a_finding_that_time_clears_gives_its_date(client):
    assessment = stored(TROUBLED)
    conduct = next(f for f in assessment.result["requirements"] if f["id"] == "conduct")
    assert conduct["clears_on"]
    day = dt.date.fromisoformat(conduct["clears_on"])
    items = self_check(pack(client, assessment))
    assert f"(met by time on {day.day} {day:%B} {day.year})" in items[2]["Finding"]
    assert f"（{day.year}年{day.month}月{day.day}日に期間の経過により" in items[2]["判定"]


def test_check_items_quote_their_source_and_label_the_practitioners_lines(client):
    items = self_check(pack(client, stored(CLEAN)))
    assert len(items) == 8
    for number in range(1, 7):
        assert items[number]["出典 / Source"].startswith("永住許可に関するガイドライン")
        assert items[number]["出典の種類 / Kind of source"].startswith("公式")
    assert items[2]["確認項目"] == "罰金刑や拘禁刑などを受けていないこと。"
    for number in (7, 8):
        kind = items[number]["出典の種類 / Kind of source"]
        assert kind.startswith("実務上の目安") and "Practitioners' line" in kind
        assert "not confirmed on the official self-check sheet" in kind
    assert items[7]["確認項目"] == "1回の出国で3か月以上の出国をしたことはない"


def test_every_row_is_worded_in_both_languages(client):
    items = self_check(pack(client, stored(TROUBLED)))
    for item in items.values():
        for column in ("確認項目", "回答", "判定"):
            assert JAPANESE.search(item[column]), item[column]
        for column in ("Check item", "Your answer", "Finding"):
            assert not JAPANESE.search(item[column]), item[column]


def page_checklist(client, assessment: Assessment, language: str) -> list[str]:
    page = client.get(f"/{language}/result/{assessment.token}/").content.decode()
    section = page.split('id="documents-heading"')[1].split("</section>")[0]
    labels = re.findall(
        r'<input type="checkbox"[^>]*> <span>(.*?)(?: <span class="small|</span></label>)', section
    )
    # English pages mark Japanese runs (理由書) lang="ja": compare the words, not the markup.
    return [html.unescape(re.sub(r"<[^>]+>", "", label)) for label in labels]


@pytest.mark.parametrize("answers", [CLEAN, TROUBLED], ids=["employed", "self_employed"])
def test_the_checklist_is_the_result_pages_in_both_languages(client, answers):
    assessment = stored(answers)
    header, *documents = rows(pack(client, assessment), FILES[4])
    assert header[:5] == ["番号 / No.", "書類", "Document", "備考", "Note"]
    assert [line[2] for line in documents] == page_checklist(client, assessment, "en")
    assert [line[1] for line in documents] == page_checklist(client, assessment, "ja")
    assert all(line[7].startswith("https://") for line in documents)


def test_the_checklist_follows_the_answers(client):
    employed = rows(pack(client, stored(CLEAN)), FILES[4])
    self_employed = rows(pack(client, stored(TROUBLED)), FILES[4])
    assert any("在職証明書" in line[1] for line in employed)
    assert not any("在職証明書" in line[1] for line in self_employed)
    assert any("確定申告書控え" in line[1] for line in self_employed)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_result_page_links_the_pack_beside_the_pdf_and_calendar(client, language):
    assessment = stored(CLEAN)
    page = client.get(f"/{language}/result/{assessment.token}/").content.decode()
    keep = page.split('id="keep-heading"')[1].split("</section>")[0]
    assert f'href="/{language}/result/{assessment.token}/handoff.zip"' in keep
    assert keep.index("calendar.ics") < keep.index("handoff.zip")


def test_a_result_without_answers_still_gives_a_pack(client):
    assessment = stored(CLEAN)
    Assessment.objects.filter(pk=assessment.pk).update(answers={})
    archive = pack(client, Assessment.objects.get(pk=assessment.pk))
    assert json.loads(archive.read(FILES[1])) == {}
    assert rows(archive, FILES[2]) == [rows(archive, FILES[2])[0]]
    assert self_check(archive)[7]["Your answer"] == "No trip abroad answered."


def test_answers_that_no_longer_parse_still_give_a_pack_with_the_findings(client):
    assessment = stored(TROUBLED)
    broken = {**assessment.answers, "status": "no_such_status", "trips": "not a list"}
    Assessment.objects.filter(pk=assessment.pk).update(answers=broken)
    archive = pack(client, Assessment.objects.get(pk=assessment.pk))
    assert json.loads(archive.read(FILES[1])) == broken, "the answers file stays as stored"
    assert rows(archive, FILES[2]) == [rows(archive, FILES[2])[0]]
    items = self_check(archive)
    assert items[2]["Your answer"] == "Not answered."
    assert items[2]["Finding"].startswith("Good conduct: Not met"), "the result still reads"
    assert items[7]["Your answer"] == "No trip abroad answered."
