"""``manage.py thresholds_report``: drafts, changes in the next 12 months and sources not
checked for 6 months, as plain text in English or Japanese, exit 0, nothing personal."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from assessments.thresholds.models import Threshold

pytestmark = pytest.mark.django_db

#: 2026-12-08 in Tokyo: 12 months ahead ends 2027-12-08, 6 months back starts 2026-06-08.
NOW = dt.datetime(2026, 12, 8, 3, tzinfo=dt.UTC)
KEY = "livelihood.income.single_min_jpy"


def report(*args) -> str:
    out = io.StringIO()
    call_command("thresholds_report", *args, stdout=out)
    return out.getvalue()


def section(text: str, title: str) -> str:
    """Return the lines of the section whose heading starts with ``title``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    body = []
    for line in lines[start + 1 :]:
        if not line.startswith("  "):
            break
        body.append(line)
    return "\n".join(body)


def version(valid_from: str, *, kind="practice", checked_on=dt.date(2026, 12, 1)) -> Threshold:
    return Threshold.objects.create(
        key=KEY,
        unit="jpy",
        value=3_000_000,
        valid_from=valid_from,
        kind=kind,
        source_title=f"Source of {valid_from}",
        source_url="https://example.org/income",
        checked_on=checked_on,
    )


@pytest.fixture
def pinned(time_machine):
    time_machine.move_to(NOW)
    Threshold.objects.update(checked_on=dt.date(2026, 12, 1))


def test_drafts_are_listed_as_never_applied(pinned):
    version("2029-01-01", kind="draft")
    drafts = section(report(), "Drafts")
    assert "Source of 2029-01-01" in drafts
    assert "residence.spouse.marriage_min_years" in drafts  # a seed draft
    assert "Source of" not in drafts.replace("Source of 2029-01-01", "")


def test_changes_are_those_from_tomorrow_to_twelve_months_ahead(pinned):
    for day in ("2026-12-08", "2026-12-09", "2027-12-08", "2027-12-09"):
        version(day)
    coming = section(report(), "Changes in the next 12 months")
    assert "Source of 2026-12-08" not in coming  # in force today: not a change to come
    assert "Source of 2026-12-09" in coming
    assert "Source of 2027-12-08" in coming
    assert "Source of 2027-12-09" not in coming
    assert "period_of_stay.min_years" in coming  # the seed's 2027-04-01 change


def test_sources_checked_more_than_six_months_ago_are_listed(pinned):
    version("2030-01-01", checked_on=dt.date(2026, 6, 7))
    version("2031-01-01", checked_on=dt.date(2026, 6, 8))
    stale = section(report(), "Sources not checked for 6 months")
    assert "Source of 2030-01-01" in stale
    assert "Source of 2031-01-01" not in stale


def test_an_empty_section_says_so(pinned):
    assert section(report(), "Sources not checked for 6 months").strip() == "(none)"


def test_the_report_is_in_japanese_with_lang_ja(pinned):
    version("2030-01-01", checked_on=dt.date(2026, 1, 5))
    text = report("--lang", "ja")
    assert text.startswith("基準値レポート（2026年12月8日時点）")
    assert "改定案（法令として適用せず" in text
    stale = section(text, "6か月以上確認されていない出典")
    assert "出典の最終確認日 2026年1月5日" in stale
    assert "Drafts" not in text


def test_it_exits_0_and_prints_plain_text_with_nothing_personal(pinned):
    from django.contrib.auth.models import User

    User.objects.create_user("yamada.taro", "taro@example.org", "pw", is_staff=True)
    text = report()  # a command that fails raises CommandError or SystemExit here
    assert text.startswith("Threshold report for Dec. 8, 2026")
    assert "<" not in text  # plain text, no markup
    assert "yamada" not in text
    assert "example.org" not in text.replace("https://example.org", "")
