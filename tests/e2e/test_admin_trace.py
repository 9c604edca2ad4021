"""The threshold admin in a real browser, in both languages, with axe: the audit page shows
another admin's additions and deletions, search finds a key by its Japanese description, and
the per-key timeline shows every version."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.checks import DESKTOP, LOCALES, check_page

PASSWORD = "a-long-test-password"


@pytest.fixture
def hanako_added_and_deleted():
    """Another admin, hanako, added a version and deleted one (as the admin logs them)."""
    from django.contrib.admin.models import ADDITION, DELETION, LogEntry
    from django.contrib.auth.models import User

    from assessments.thresholds.models import Threshold

    hanako = User.objects.create_superuser("hanako", "hanako@example.org", PASSWORD)
    base = {
        "key": "livelihood.min_income",
        "unit": "yen",
        "kind": "practice",
        "source_title": "行政書士の目安: 年収320万円以上",
        "source_url": "https://example.org/income-2027",
        "created_by": hanako,
    }
    added = Threshold.objects.create(
        **base, value=3_200_000, valid_from=dt.date(2027, 1, 1), change_note="E2E-NOTE: floor rose"
    )
    LogEntry.objects.log_actions(hanako.pk, [added], ADDITION, '[{"added": {}}]')
    wrong = Threshold.objects.create(**base, value=32_000_000, valid_from=dt.date(2028, 1, 1))
    LogEntry.objects.log_actions(hanako.pk, [wrong], DELETION, "E2E-REASON: a typo")
    wrong.delete()


def log_in(new_page, site, lang: str):
    from django.contrib.auth.models import User

    User.objects.create_superuser("taro", "taro@example.org", PASSWORD)
    page = new_page(
        viewport=DESKTOP, locale=LOCALES[lang], extra_http_headers={"Accept-Language": lang}
    )
    page.goto(site.url("/admin/login/?next=/admin/assessments/threshold/"))
    page.fill("#id_username", "taro")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/assessments/threshold/")
    return page


AUDIT_WORDS = {"ja": ("追加", "削除"), "en": ("Added", "Deleted")}
SEARCH = {"ja": "収入", "en": "income"}


@pytest.mark.usefixtures("hanako_added_and_deleted")
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_second_admin_reads_the_trail_searches_and_opens_a_timeline(new_page, site, lang):
    page = log_in(new_page, site, lang)
    check_page(page, lang=lang, label=f"admin-thresholds-{lang}")

    page.locator("#changelist-search input[name=q]").fill(SEARCH[lang])
    page.locator("#changelist-search input[type=submit]").click()
    key = page.locator(".quiet", has_text=re.compile(r"^livelihood\.min_income$"))
    row = page.locator("#result_list tbody tr", has=key).last  # the version of 2006
    expect(row).to_be_visible()
    expect(row).to_contain_text("3,000,000円" if lang == "ja" else "¥3,000,000")
    check_page(page, lang=lang, label=f"admin-thresholds-search-{lang}")

    row.locator(".field-timeline_link a").click()
    expect(page.locator("#applies-today")).to_contain_text(
        "3,000,000円" if lang == "ja" else "¥3,000,000"
    )
    expect(page.locator("#timeline tbody tr")).to_have_count(3)  # the gap before, two versions
    check_page(page, lang=lang, label=f"admin-threshold-timeline-{lang}")

    page.goto(site.url("/admin/assessments/threshold/"))
    page.locator(".object-tools a[href$='/audit/']").click()
    added, deleted = AUDIT_WORDS[lang]
    rows = page.locator("#audit tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("hanako")
    expect(rows.nth(0)).to_contain_text(deleted)
    expect(rows.nth(0)).to_contain_text("E2E-REASON: a typo")
    expect(rows.nth(1)).to_contain_text(added)
    expect(rows.nth(1)).to_contain_text("E2E-NOTE: floor rose")
    check_page(page, lang=lang, label=f"admin-threshold-audit-{lang}")
    with page.expect_download() as download:
        page.get_by_role(
            "link", name="CSVでダウンロード" if lang == "ja" else "Download as CSV"
        ).click()
    assert download.value.suggested_filename.startswith("threshold-audit-")


PREVIEW_WORDS = {
    "ja": ("プレビュー", "件の診断で判定が変わります"),
    "en": ("Preview", "would change verdict"),
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_add_form_previews_a_new_version_before_saving(new_page, site, lang):
    from assessments.thresholds.models import Threshold

    page = log_in(new_page, site, lang)
    source = Threshold.objects.filter(key="livelihood.min_income").first()
    page.goto(site.url(f"/admin/assessments/threshold/add/?from={source.pk}"))
    page.fill("#id_value", "900万")
    page.fill("#id_valid_from", "2027-01-01")
    page.fill("#id_source_title", "E2E: a much higher floor")
    page.fill("#id_source_url", "https://example.org/e2e-floor")
    page.fill("#id_change_note", "E2E: what would this change?")
    button, counted = PREVIEW_WORDS[lang]
    page.locator(f"input[name=_preview][value={button}]").click()
    section = page.locator("#preview")
    expect(section).to_be_visible()
    expect(section.locator("#preview-counts")).to_contain_text(counted)
    expect(section.locator("#preview-personas tbody tr").first).to_be_visible()
    expect(page.locator("#id_source_title")).to_have_value("E2E: a much higher floor")
    assert Threshold.objects.filter(source_title__startswith="E2E").count() == 0
    check_page(page, lang=lang, label=f"admin-threshold-preview-{lang}")
