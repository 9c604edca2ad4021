"""Saved runs keep the answers document, not each page's form data.

A run saved with "continue later" was formtools' raw page data (``{"step_data": {page:
{"<page>-<field>": [values]}}, "extra_data": {"drafts": [pages]}}``). It is now what the
wizard keeps of a run (``questionnaire.storage``): the ``prcheck.answers/1`` document under
``answers`` (contract keys), the answers that only steer the check under ``asked`` (by question
name, as typed), and the pages not answered yet under ``drafts`` (as typed). This converts
each saved run once.

A page kept unvalidated ("drafts") stays a draft, as typed. An answered page moves into the
document; a value this reading cannot take exactly as the page did (an amount written
``300万``, a date not written ISO, "same income every year" ticked) keeps its whole page as a
draft instead, which the wizard validates again when it shows it: nothing is lost either way.
The pages' contract keys are copied here rather than imported, as a migration must not depend
on code that will change.
"""

import datetime as dt
import unicodedata

from django.db import migrations

#: Page -> {field: (contract key, kind)} for the answers written as they are.
PLAIN = {
    "status": {"application_date": "date", "status": "text"},
    "stay": {"status_expiry_date": "date", "meets_landing_standards": "bool"},
    "residence": {
        "residence_start_date": "date",
        "qualifying_status_start_date": "date",
        "contribution_to_japan": "bool",
    },
    "marriage": {"marriage_date": "date"},
    "grant": {"status_grant_date": "date"},
    "hsp": {"hsp_points_maintained": "bool"},
    "household": {
        "dependents": "int",
        "dependents_abroad": "int",
        "assets": "int",
        "public_assistance": "bool",
    },
    "income": {"employment": "text"},
    "taxes": {"pension_enrolled": "bool", "health_insurance_enrolled": "bool"},
    "conduct": {"unauthorized_work": "bool", "public_health_risk": "bool", "guarantor": "text"},
    "naturalization": {
        "birth_date": "date",
        "japanese_level": "text",
        "nationality_renounceable": "bool",
        "monthly_take_home": "int",
        "last_job_change_date": "date",
        "family_arrears": "bool",
        "born_in_japan": "bool",
        "parent_former_japanese": "bool",
        "former_japanese_national": "bool",
        "adopted_by_japanese_as_minor": "bool",
    },
    "naturalization_birth": {"parent_born_in_japan": "bool", "stateless_since_birth": "bool"},
}
#: Page -> the questions that only steer the check, kept as typed.
ASKED = {
    "status": ("naturalization",),
    "residence": ("hsp_route",),
    "hsp": (
        "hsp_points_now_source",
        "hsp_points_one_year_ago_source",
        "hsp_points_three_years_ago_source",
    ),
    "travel": ("has_trips",),
    "income": ("same_income",),
    "taxes": ("taxes_paid", "paid_on_time", "has_missed_notifications"),
    "conduct": ("has_criminal_records", "has_traffic_violations"),
}
#: Profile page -> the name its answers are kept under (every field of the page, as typed).
PROFILES = {
    "hsp_now": "hsp_profile.now",
    "hsp_year_ago": "hsp_profile.one_year_ago",
    "hsp_three_years_ago": "hsp_profile.three_years_ago",
}
#: Page -> (contract list, rows, {item key: (row field, kind)}); "" is a list of bare values.
ROWS = {
    "travel": (
        "trips",
        "trips",
        {"departure": ("departure", "date"), "return": ("return_date", "date")},
    ),
    "payments": (
        "payments",
        "payments",
        {
            "kind": ("kind", "text"),
            "due_date": ("due_date", "date"),
            "paid_date": ("paid_date", "date"),
        },
    ),
    "notifications": ("missed_notifications", "notifications", {"": ("due_date", "date")}),
    "sentences": (
        "criminal_records",
        "criminal_records",
        {"kind": ("kind", "text"), "completed_on": ("completed_on", "date")},
    ),
    "traffic_violations": (
        "traffic_violations",
        "traffic_violations",
        {"date": ("date", "date"), "kind": ("kind", "text")},
    ),
}
PERIOD_OF_STAY_YEARS = {"0.25": 0.25, "0.5": 0.5, "1": 1, "3": 3, "5": 5, "unlimited": None}
POINTS = {
    "now": "hsp_points_now",
    "one_year_ago": "hsp_points_one_year_ago",
    "three_years_ago": "hsp_points_three_years_ago",
}
OLD_DRAFTS, QUIET_DRAFTS = "drafts", "quiet_drafts"


class Unreadable(Exception):
    """A value this reading cannot take exactly as its page did: keep the page as a draft."""


def _one(data: dict, key: str) -> str:
    values = data.get(key) or [""]
    value = values[-1] if isinstance(values, list) else values
    return unicodedata.normalize("NFKC", str(value)).strip()


def _value(raw: str, kind: str):
    if raw == "":
        return None
    if kind == "date":
        try:
            return dt.date.fromisoformat(raw).isoformat()
        except ValueError as exc:
            raise Unreadable(raw) from exc
    if kind == "bool":
        if raw not in ("yes", "no"):
            raise Unreadable(raw)
        return raw == "yes"
    if kind == "int":
        digits = raw.replace(",", "").replace("¥", "").replace("円", "").replace(" ", "")
        if not digits.isdigit():
            raise Unreadable(raw)
        return int(digits)
    return raw


def _rows(page: str, data: dict, asked: dict) -> dict:
    key, rows, fields = ROWS[page]
    if page == "travel" and asked.get("has_trips") != ["yes"]:
        return {key: []}
    prefix = f"{page}-{rows}"
    total = _one(data, f"{prefix}-TOTAL_FORMS") or "0"
    if not total.isdigit():
        raise Unreadable(total)
    items = []
    for index in range(int(total)):
        raws = {
            item: _one(data, f"{prefix}-{index}-{field}") for item, (field, _k) in fields.items()
        }
        if not any(raws.values()):
            continue  # an empty row, as the page leaves it out
        if not all(raws.values()) and page != "payments":
            raise Unreadable(prefix)
        item = {item: _value(raws[item], kind) for item, (_field, kind) in fields.items()}
        if page == "payments" and (item["kind"] is None or item["due_date"] is None):
            raise Unreadable(prefix)
        items.append(item[""] if "" in fields else item)
    return {key: items}


def page_answers(page: str, data: dict) -> tuple[dict, dict]:
    """Return (contract answers, steering answers) of an answered page's raw ``data``.

    Raise ``Unreadable`` when a value is not one this reading takes exactly as the page did.
    """
    if page in PROFILES:
        head = f"{page}-"
        asked = {
            f"{PROFILES[page]}.{key[len(head) :]}": list(values)
            for key, values in data.items()
            if key.startswith(head)
        }
        return {}, asked
    asked = {name: list(data.get(f"{page}-{name}") or []) for name in ASKED.get(page, ())}
    answers = {
        key: _value(_one(data, f"{page}-{key}"), kind) for key, kind in PLAIN.get(page, {}).items()
    }
    if page == "stay":
        period = _one(data, "stay-period_of_stay")
        if period not in PERIOD_OF_STAY_YEARS:
            raise Unreadable(period)
        answers["period_of_stay_years"] = PERIOD_OF_STAY_YEARS[period]
    if page == "hsp_typed":
        answers["hsp_points"] = {
            date: _value(_one(data, f"hsp_typed-{field}"), "int") for date, field in POINTS.items()
        }
        answers["jskip_eligible"] = bool(_value(_one(data, "hsp_typed-jskip_eligible"), "bool"))
    if page == "naturalization":
        answers["family_arrears"] = bool(answers["family_arrears"])
    if page == "income":
        if asked["same_income"] and _one(data, "income-same_income") not in ("", "false", "off"):
            raise Unreadable("same income")
        answers["income"] = _income(data)
    if page in ROWS:
        answers.update(_rows(page, data, asked))
    return answers, asked


def _income(data: dict) -> list:
    years = sorted(
        {
            int(key.rsplit("_", 1)[1])
            for key in data
            if key.startswith("income-applicant_") and key[-4:].isdigit()
        },
        reverse=True,
    )
    rows = []
    for year in years:
        applicant = _value(_one(data, f"income-applicant_{year}"), "int")
        if applicant is None:
            raise Unreadable(year)
        row = {"year": year, "applicant": applicant}
        household = _value(_one(data, f"income-household_{year}"), "int")
        if household is not None:
            row["household"] = household
        rows.append(row)
    return rows


def saved_run(data: dict) -> dict:
    """Return a saved run of the old form as the wizard now keeps one."""
    if "step_data" not in data:
        return data  # already converted
    extra = dict(data.get("extra_data") or {})
    quiet = [page for page in extra.pop(OLD_DRAFTS, None) or [] if isinstance(page, str)]
    answers, asked, drafts = {}, {}, {}
    for page, page_data in (data.get("step_data") or {}).items():
        if not isinstance(page_data, dict) or page == "summary":
            continue
        if page in quiet:
            drafts[page] = page_data
            continue
        try:
            page_contract, page_asked = page_answers(page, page_data)
        except Unreadable:
            drafts[page] = page_data
            continue
        answers.update(page_contract)
        asked.update(page_asked)
    if answers:
        answers = {"schema": "prcheck.answers/1", **answers}
    if quiet:
        extra[QUIET_DRAFTS] = sorted(set(quiet) & set(drafts))
    return {"answers": answers, "asked": asked, "drafts": drafts, "extra_data": extra}


def convert_saved_runs(apps, schema_editor):
    SavedProgress = apps.get_model("assessments", "SavedProgress")
    for progress in SavedProgress.objects.filter(assessment__isnull=True).iterator():
        data = progress.data if isinstance(progress.data, dict) else {}
        converted = saved_run(data)
        if converted is not data:
            progress.data = converted
            progress.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0018_ssw2_longest_period"),
    ]

    operations = [
        migrations.RunPython(convert_saved_runs, migrations.RunPython.noop),
    ]
