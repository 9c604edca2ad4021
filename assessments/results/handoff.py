"""The hand-off pack: one zip of a stored result for an immigration lawyer (行政書士).

Scriveners take files over by phone and email with no standard intake format; the pack gives
them what they would otherwise ask for, in the shapes they use:

- ``01_回答_answers.json``: the stored answers document (``prcheck.answers/1``) as stored;
- ``02_出入国歴_travel_history.csv``: the trips in the columns of the naturalization
  travel-history table (出国日, 帰国日, 日数), oldest first. Days abroad are the engine's own
  (``Trip.days``: the departure and return days are days in Japan). Planned trips are left
  out: a travel history records trips made, and a scrivener copies it into a form; they stay
  in the answers file. The contract asks no destination or purpose, so those columns are
  absent rather than empty;
- ``03_セルフチェック_self_check.csv``: the check items of ``handoff_checks`` with the answers
  and findings they relate to;
- ``04_提出書類_documents.csv``: the documents to gather, the very list of the result page
  (``result_page(...).documents``);
- ``00_表紙_README.txt``: what each file is, and the date of the check.

Every file carries both languages (the scrivener writes Japanese, the applicant may read
English), so names are bilingual and text is worded under each language in turn. CSV files are
UTF-8 with a byte-order mark and CRLF line ends: Excel, as used in Japanese offices, then
reads the Japanese text instead of guessing Shift_JIS. The zip holds nothing but the answers
and what follows from them: no link, no token.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable, Mapping

from django.utils import translation
from django.utils.translation import gettext, ngettext

from assessments.eligibility.answers import SCHEMA, Answers, Trip
from assessments.eligibility.choices import Route
from assessments.results.handoff_checks import CHECK_ITEMS, answer_text, finding_text, kind_label
from assessments.results.presentation import result_page
from assessments.results.view import ResultView, application_date_of, stored_answers
from assessments.web.formats import longdate

README_FILE = "00_表紙_README.txt"
ANSWERS_FILE = "01_回答_answers.json"
TRAVEL_HISTORY_FILE = "02_出入国歴_travel_history.csv"
SELF_CHECK_FILE = "03_セルフチェック_self_check.csv"
DOCUMENTS_FILE = "04_提出書類_documents.csv"
LANGUAGES = ("ja", "en")
CSV_ENCODING = "utf-8-sig"  # UTF-8 with a byte-order mark: Excel then reads Japanese


def in_language(language: str, word: Callable[[], str]) -> str:
    """Return ``word()`` worded in ``language``."""
    with translation.override(language):
        return str(word())


def bilingual(word: Callable[[], str]) -> str:
    """Return ``word()`` in Japanese and English, for one cell: 出国日 / Departure date."""
    return " / ".join(in_language(language, word) for language in LANGUAGES)


def _trip_order(trip: Trip) -> tuple[dt.date, dt.date]:
    return (trip.departure, trip.return_date)


def stored_trips(answers: Answers | None) -> tuple[list[Trip], list[Trip]]:
    """Return the trips made and the planned ones of the parsed answers, each oldest first.

    Answers that no longer parse (``stored_answers`` gives None) have no trips to list: the
    pack is still made, and the answers file keeps them as stored.
    """
    trips = answers.trips if answers is not None else ()
    made = [trip for trip in trips if not trip.planned]
    planned = [trip for trip in trips if trip.planned]
    return sorted(made, key=_trip_order), sorted(planned, key=_trip_order)


def csv_bytes(rows: list[list]) -> bytes:
    """Return ``rows`` as a CSV file Excel opens with its Japanese intact."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(CSV_ENCODING)


def travel_history_csv(trips: list[Trip]) -> bytes:
    """Return one row per trip: departure, return, days abroad (as the engine counts them)."""
    header = [
        bilingual(lambda: gettext("Departure date")),
        bilingual(lambda: gettext("Return date")),
        bilingual(lambda: gettext("Days abroad (departure and return days not counted)")),
    ]
    rows = [[t.departure.isoformat(), t.return_date.isoformat(), t.days] for t in trips]
    return csv_bytes([header, *rows])


def self_check_csv(answers: Answers | None, result: ResultView, trips: list[Trip]) -> bytes:
    """Return each check item with the applicant's answer and its finding, in both languages."""
    header = [
        "番号 / No.",
        in_language("ja", lambda: gettext("Check item")),
        in_language("en", lambda: gettext("Check item")),
        in_language("ja", lambda: gettext("Your answer")),
        in_language("en", lambda: gettext("Your answer")),
        in_language("ja", lambda: gettext("Finding")),
        in_language("en", lambda: gettext("Finding")),
        bilingual(lambda: gettext("Source")),
        bilingual(lambda: gettext("Kind of source")),
    ]
    rows = [header]
    for number, item in enumerate(CHECK_ITEMS, start=1):
        rows.append(
            [
                number,
                item.quote,
                in_language("en", lambda item=item: item.english),
                in_language("ja", lambda item=item: answer_text(answers, trips, item)),
                in_language("en", lambda item=item: answer_text(answers, trips, item)),
                in_language("ja", lambda item=item: finding_text(result, item)),
                in_language("en", lambda item=item: finding_text(result, item)),
                item.source,
                bilingual(lambda item=item: kind_label(item)),
            ]
        )
    return csv_bytes(rows)


def documents_csv(answers: Mapping, result: Mapping) -> bytes:
    """Return the result page's checklist, line by line, in both languages."""
    documents = result_page(result=dict(result), answers=dict(answers)).documents
    header = [
        "番号 / No.",
        in_language("ja", lambda: gettext("Document")),
        in_language("en", lambda: gettext("Document")),
        in_language("ja", lambda: gettext("Note")),
        in_language("en", lambda: gettext("Note")),
        bilingual(lambda: gettext("Optional")),
        bilingual(lambda: gettext("Source")),
        "URL",
    ]
    rows = [header]
    for number, item in enumerate(documents, start=1):
        rows.append(
            [
                number,
                in_language("ja", lambda item=item: item.label),
                in_language("en", lambda item=item: item.label),
                in_language("ja", lambda item=item: item.caveat or ""),
                in_language("en", lambda item=item: item.caveat or ""),
                bilingual(lambda: gettext("Optional")) if item.optional else "",
                item.source.title,
                item.source.url,
            ]
        )
    return csv_bytes(rows)


def _cover(*, result: ResultView, checked_on: dt.date, planned: int) -> list[str]:
    """Return the cover's lines in the active language."""
    route = result.route
    application_date = result.application_date
    lines = [
        gettext("prcheck, permanent residence self-check: files for your immigration lawyer"),
        gettext("Date of the check: %(date)s") % {"date": longdate(checked_on)},
    ]
    if application_date:
        lines.append(
            gettext("Planned application date: %(date)s") % {"date": longdate(application_date)}
        )
    if route in Route.values:
        lines.append(gettext("Route checked: %(route)s") % {"route": Route(route).label})
    lines += [
        "",
        gettext("What each file is:"),
        f"- {ANSWERS_FILE}",
        "  "
        + gettext("Every answer given, as the JSON document %(schema)s that prcheck reads.")
        % {"schema": SCHEMA},
        f"- {TRAVEL_HISTORY_FILE}",
        "  "
        + gettext(
            "The trips abroad, oldest first, in the columns of the naturalization "
            "travel-history table: departure date, return date and days abroad. The days "
            "abroad do not count the departure and return days. Destination and purpose were "
            "not asked."
        ),
    ]
    if planned:
        lines.append(
            "  "
            + ngettext(
                "%(count)s planned trip is not listed (a travel history records trips made); "
                'it is in the answers file, marked "planned": true.',
                "%(count)s planned trips are not listed (a travel history records trips made); "
                'they are in the answers file, marked "planned": true.',
                planned,
            )
            % {"count": planned}
        )
    lines += [
        f"- {SELF_CHECK_FILE}",
        "  "
        + gettext(
            "Check items with the answers they follow from and the finding each relates to. "
            "The items quote the Guidelines for Permission for Permanent Residence; the two on "
            "time abroad are practitioners' lines, not confirmed on the official self-check "
            "sheet."
        ),
        f"- {DOCUMENTS_FILE}",
        "  "
        + gettext(
            "The documents to gather, tailored to the answers (the list of the result page)."
        ),
        "",
        gettext("The CSV files are UTF-8 (with a byte-order mark): Excel shows the Japanese text."),
        gettext("A self-check, not a decision of the Immigration Services Agency."),
    ]
    return lines


def cover_text(*, result: ResultView, checked_on: dt.date, planned: int) -> bytes:
    """Return the cover sheet: the Japanese text, then the English (CRLF, for Notepad too)."""
    blocks = []
    for language in LANGUAGES:
        with translation.override(language):
            blocks.append(
                "\r\n".join(_cover(result=result, checked_on=checked_on, planned=planned))
            )
    return ("\r\n\r\n".join(blocks) + "\r\n").encode(CSV_ENCODING)


def handoff_files(*, answers: Mapping, result: Mapping, checked_on: dt.date) -> dict[str, bytes]:
    """Return the pack's files by name, in the order of their numbers.

    The answers file is the stored document as it is; every other file reads the typed view
    of the result and the parsed answers (None when they no longer parse).
    """
    view = ResultView.from_json(result)
    parsed = stored_answers(answers, application_date=application_date_of(result))
    made, planned = stored_trips(parsed)
    answers_json = json.dumps(answers, ensure_ascii=False, indent=2) + "\n"
    return {
        README_FILE: cover_text(result=view, checked_on=checked_on, planned=len(planned)),
        ANSWERS_FILE: answers_json.encode("utf-8"),
        TRAVEL_HISTORY_FILE: travel_history_csv(made),
        SELF_CHECK_FILE: self_check_csv(parsed, view, made),
        DOCUMENTS_FILE: documents_csv(answers, result),
    }


def handoff_zip(*, answers: Mapping, result: Mapping, checked_on: dt.date) -> bytes:
    """Return the pack as zip bytes; entries are dated on the day of the check."""
    stamp = (checked_on.year, checked_on.month, checked_on.day, 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in handoff_files(
            answers=answers, result=result, checked_on=checked_on
        ).items():
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, data)
    return buffer.getvalue()
