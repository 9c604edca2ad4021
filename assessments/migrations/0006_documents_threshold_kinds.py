"""Correct the kind of source of default look-back rows that were loaded as official.

Two default look-back counts were loaded with ``kind`` official although no official list states
them: pension and health-insurance years on the HSP 70-point route (practitioners' lists and an
open-source rules file) and on the J-Skip route (assumed the same as HSP 80). This corrects the
rows the defaults loaded, and only those: a row is changed only while it still holds exactly
what the defaults loaded (same value, kind, source and no author), so a version an admin entered
or a row an admin re-cited is left alone.
"""

from decimal import Decimal

from django.db import migrations

#: What 0002 loaded for these rows (matched exactly before anything is changed).
LOADED = {
    "kind": "official",
    "note": "",
    "other_sources": "",
    "source_title": "出入国在留管理庁「永住許可申請」提出書類（2019-07-01 改正）",
    "source_url": "https://www.moj.go.jp/isa/applications/procedures/16-4.html",
}

#: The corrected kind and sources, per (key, valid_from).
CORRECTED = [
    {
        "key": "lookback.social_insurance_years.hsp_70",
        "valid_from": "2006-03-31",
        "value": "2",
        "kind": "practice",
        "source_title": "行政書士による高度専門職（70点）の提出書類一覧: 申請人及び配偶者の年金・医療保険 直近2年分",
        "source_url": "https://permanent.visa.aichi.jp/documents-koudo",
        "other_sources": "IMS visa office HSP document list (70 points: applicant and spouse, the "
        "last two years); Vietnamese open-source rules file prRules.js (2 years) — "
        "https://www.moj.go.jp/isa/applications/procedures/16-4.html (the ISA page "
        "itself was not seen stating the HSP 70 count)",
        "note": "Practitioners' lists and one open-source rules file agree on 2 years; not "
        "confirmed on an ISA page. Loaded as official before 2026-11; corrected to "
        "practice.",
    },
    {
        "key": "lookback.social_insurance_years.j_skip",
        "valid_from": "2006-03-31",
        "value": "1",
        "kind": "practice",
        "source_title": "出入国在留管理庁「永住許可申請」提出書類（2019-07-01 改正）",
        "source_url": "https://www.moj.go.jp/isa/applications/procedures/16-4.html",
        "other_sources": "",
        "note": "Assumed the same as HSP 80 (unverified); no list for J-Skip applicants was seen. "
        "Loaded as official before 2026-11; corrected to practice.",
    },
]


def correct(apps, schema_editor):
    threshold = apps.get_model("assessments", "Threshold")
    for fix in CORRECTED:
        threshold.objects.filter(
            key=fix["key"],
            valid_from=fix["valid_from"],
            value=Decimal(fix["value"]),
            created_by__isnull=True,
            **LOADED,
        ).update(
            **{
                name: fix[name]
                for name in ("kind", "source_title", "source_url", "other_sources", "note")
            }
        )


def restore(apps, schema_editor):
    threshold = apps.get_model("assessments", "Threshold")
    for fix in CORRECTED:
        threshold.objects.filter(
            key=fix["key"],
            valid_from=fix["valid_from"],
            created_by__isnull=True,
            **{
                name: fix[name]
                for name in ("kind", "source_title", "source_url", "other_sources", "note")
            },
        ).update(**LOADED)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0005_household_livelihood_thresholds")]

    operations = [migrations.RunPython(correct, restore)]
