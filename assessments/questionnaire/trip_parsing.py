"""Trips abroad typed or pasted many at once, or uploaded as CSV: read, line by line.

Pure (no Django, no clock): the wizard's travel step shows the result as a preview and adds
the trips that read (``TripImport.trips``), keeping the lines that do not to be corrected. One trip per line, the day of departure then the day of
return, in the forms people have:

- ``2024/8/1-2024/8/20``, ``2024-08-01 2024-08-20``, ``2024.8.1 〜 2024.8.20``, ``20240801``;
- ``2024年8月1日～2024年8月20日``, era years too (``令和6年8月1日``, ``R6.8.1``);
- ``1 Aug 2024 – 20 Aug 2024``, ``Aug 1, 2024 to Aug 20, 2024``;
- columns copied from a spreadsheet (tabs) or a CSV file with a departure and a return column,
  headed in Japanese or English (``出国日,帰国日`` / ``departure,return``) or not headed.

Day-first or month-first numbers (``1/8/2024``) are refused rather than guessed. Each line
gives either a trip (with its days abroad, counted as the rules count them) or an error code
with params; nothing is decided about eligibility here.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from assessments.eligibility.answers import MAX_LIST_ITEMS, Trip

#: Western year of the last day before each era (令和1年 = 2019, so 2018 + 1).
ERAS = {"令和": 2018, "r": 2018, "平成": 1988, "h": 1988, "昭和": 1925, "s": 1925}
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_ERA = r"(?P<era>令和|平成|昭和|[RrHhSs])\s*(?P<era_year>\d{1,2}|元)"
_DATE = re.compile(
    "|".join(
        [
            rf"(?:{_ERA}|(?P<jy>\d{{4}}))\s*年\s*(?P<jm>\d{{1,2}})\s*月\s*(?P<jd>\d{{1,2}})\s*日?",
            rf"{_ERA.replace('era', 'e2')}[./-](?P<e2m>\d{{1,2}})[./-](?P<e2d>\d{{1,2}})",
            r"(?<!\d)(?P<y>\d{4})[./-](?P<m>\d{1,2})[./-](?P<d>\d{1,2})(?!\d)",
            r"(?<!\d)(?P<cy>\d{4})(?P<cm>\d{2})(?P<cd>\d{2})(?!\d)",
            r"(?<!\d)(?P<dd>\d{1,2})(?:st|nd|rd|th)?\s+(?P<dmon>[A-Za-z]{3,9})\.?,?\s+(?P<dy>\d{4})",
            r"(?P<mmon>[A-Za-z]{3,9})\.?\s+(?P<md>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<my>\d{4})",
        ]
    )
)
#: A date that is day-first or month-first, which is refused rather than guessed.
_AMBIGUOUS = re.compile(r"(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?!\d)")
DEPARTURE_HEADERS = ("出国", "出発", "離日", "depart", "left", "leav", "from", "out")
RETURN_HEADERS = ("帰国", "入国", "再入国", "帰日", "return", "came back", "back", "re-entry", "to")
#: Characters of a line the CSV reader refused that are shown back (a cell can be 256 KB).
UNREADABLE_SHOWN_CHARS = 40


@dataclass(frozen=True)
class TripLine:
    """One line read: a trip (departure, return, days abroad) or an error code with params."""

    number: int
    text: str
    departure: dt.date | None = None
    return_date: dt.date | None = None
    error: str = ""
    params: dict = field(default_factory=dict)

    @property
    def days(self) -> int | None:
        if self.error or self.departure is None or self.return_date is None:
            return None
        return Trip(departure=self.departure, return_date=self.return_date).days


@dataclass(frozen=True)
class TripImport:
    """Every non-blank line read, in order; ``error`` is set when the whole input is refused."""

    lines: tuple[TripLine, ...]
    error: str = ""
    params: dict = field(default_factory=dict)

    @property
    def trips(self) -> list[dict]:
        return [
            {"departure": line.departure, "return_date": line.return_date}
            for line in self.lines
            if not line.error
        ]

    @property
    def errors(self) -> list[TripLine]:
        return [line for line in self.lines if line.error]

    @property
    def ok(self) -> bool:
        """Return whether every line reads (then, and only then, the trips may be added)."""
        return bool(self.lines) and not self.error and not self.errors

    @property
    def partly_read(self) -> bool:
        """Return whether some lines read and others do not: those that read may be added
        alone, the others kept to be corrected."""
        return not self.error and bool(self.errors) and len(self.errors) < len(self.lines)


def parse_trips(text: str, *, max_trips: int = MAX_LIST_ITEMS) -> TripImport:
    """Read one trip per line of pasted text; blank lines are skipped, numbers kept.

    Two columns copied from a spreadsheet often bring their headings along (``出国日<tab>帰国日``,
    ``Departure<tab>Return``): a first line that names the two columns, as a CSV header would,
    is skipped rather than refused.
    """
    numbered = [(n, raw.strip()) for n, raw in enumerate(text.splitlines(), start=1) if raw.strip()]
    if numbered and _is_header(numbered[0][1]):
        numbered = numbered[1:]
    return _bounded([read_line(number, raw) for number, raw in numbered], max_trips)


def parse_trip_csv(text: str, *, max_trips: int = MAX_LIST_ITEMS) -> TripImport:
    """Read a CSV (or tab-separated) file: a departure and a return column, a header or not."""
    rows = [
        (number, row)
        for number, row in enumerate(_csv_rows(text), start=1)
        if isinstance(row, TripLine) or any(cell.strip() for cell in row)
    ]
    if not rows:
        return TripImport(lines=(), error="empty")
    header_number, header = rows[0]
    if isinstance(header, TripLine):  # unreadable: no header to find, read the first columns
        columns = (0, 1)
        return _bounded([_read_row(number, row, columns) for number, row in rows], max_trips)
    columns = _columns(header)
    if columns is not None:
        rows = rows[1:]
    elif _DATE.search(_normal(" ".join(header))):
        columns = (0, 1)
    else:
        return TripImport(lines=(), error="no_columns", params={"line": header_number})
    return _bounded([_read_row(number, row, columns) for number, row in rows], max_trips)


def _read_row(number: int, row: list[str] | TripLine, columns: tuple[int, int]) -> TripLine:
    if isinstance(row, TripLine):  # a row the CSV reader refused, already a line in error
        return TripLine(number, row.text, error=row.error)
    return _read_cells(number, row, columns)


def read_line(number: int, text: str) -> TripLine:
    """Read one line: exactly two dates, the departure first."""
    normal = _normal(text)
    found = list(_DATE.finditer(normal))
    if len(found) != 2:
        code = "ambiguous_date" if _AMBIGUOUS.search(_DATE.sub(" ", normal)) else "two_dates"
        return TripLine(number, text, error=code, params={"found": len(found)})
    return _trip(number, text, found[0], found[1])


def _read_cells(number: int, row: list[str], columns: tuple[int, int]) -> TripLine:
    cells = [row[i].strip() if i < len(row) else "" for i in columns]
    text = "\t".join(row).strip()
    matches = [_DATE.fullmatch(_normal(cell)) for cell in cells]
    for cell, match, code in zip(cells, matches, ("no_departure", "no_return"), strict=True):
        if match is None:
            ambiguous = bool(_AMBIGUOUS.fullmatch(_normal(cell)))
            return TripLine(number, text, error="ambiguous_date" if ambiguous else code)
    return _trip(number, text, matches[0], matches[1])


def _trip(number: int, text: str, first: re.Match, second: re.Match) -> TripLine:
    departure, return_date = _date(first), _date(second)
    if departure is None or return_date is None:
        wrong = first if departure is None else second
        return TripLine(number, text, error="invalid_date", params={"text": wrong.group(0)})
    if return_date < departure:
        return TripLine(
            number, text, departure, return_date, error="return_before_departure", params={}
        )
    return TripLine(number, text, departure, return_date)


def _date(match: re.Match) -> dt.date | None:
    """Return the date a match writes, or None for a day that does not exist (30 February)."""
    g = match.groupdict()
    try:
        if g["jm"]:
            year = _era_year(g["era"], g["era_year"]) if g["era"] else int(g["jy"])
            return dt.date(year, int(g["jm"]), int(g["jd"]))
        if g["e2"]:
            return dt.date(_era_year(g["e2"], g["e2_year"]), int(g["e2m"]), int(g["e2d"]))
        for y, m, d in (("y", "m", "d"), ("cy", "cm", "cd")):
            if g[y]:
                return dt.date(int(g[y]), int(g[m]), int(g[d]))
        if g["dmon"]:
            return dt.date(int(g["dy"]), MONTHS[g["dmon"].lower()], int(g["dd"]))
        return dt.date(int(g["my"]), MONTHS[g["mmon"].lower()], int(g["md"]))
    except (ValueError, KeyError):
        return None


def _era_year(era: str, year: str) -> int:
    return ERAS[era.lower()] + (1 if year == "元" else int(year))


def _normal(text: str) -> str:
    """Fold full-width digits and letters (NFKC) and every kind of dash or tilde to one form."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[〜~–—―−‐]", " - ", text)


def _csv_rows(text: str) -> list[list[str] | TripLine]:
    """Return each row's cells, or, for a row the reader refuses, a line in error.

    The reader refuses a cell longer than its field limit (131,072 characters) with
    ``csv.Error`` and goes on with the next line; that row becomes an ``unreadable_line``.
    """
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel_tab if "\t" in sample else csv.excel
    lines = text.splitlines()
    reader = csv.reader(lines, dialect)
    rows: list[list[str] | TripLine] = []
    while True:
        try:
            rows.append(next(reader))
        except StopIteration:
            return rows
        except csv.Error:
            raw = lines[reader.line_num - 1] if 0 < reader.line_num <= len(lines) else ""
            shown = raw[:UNREADABLE_SHOWN_CHARS] + (
                "…" if len(raw) > UNREADABLE_SHOWN_CHARS else ""
            )
            rows.append(TripLine(reader.line_num, shown, error="unreadable_line"))


def _is_header(line: str) -> bool:
    """Return whether a pasted line is a heading: no date in it, and it names both columns."""
    return not _DATE.search(_normal(line)) and _columns(re.split(r"\t|,", line)) is not None


def _columns(header: list[str]) -> tuple[int, int] | None:
    """Return the (departure, return) columns a header names, or None if it is not a header."""
    names = [_normal(cell).strip().lower() for cell in header]
    if any(_DATE.search(name) for name in names):
        return None
    departure = _find(names, DEPARTURE_HEADERS)
    returned = _find(names, RETURN_HEADERS, skip=departure)
    if departure is None or returned is None:
        return None
    return departure, returned


def _find(names: list[str], keys: tuple[str, ...], skip: int | None = None) -> int | None:
    for key in keys:  # the most telling key first: "帰国" before "to"
        for index, name in enumerate(names):
            if index != skip and key in name:
                return index
    return None


def _bounded(lines: list[TripLine], max_trips: int) -> TripImport:
    if not lines:
        return TripImport(lines=(), error="empty")
    if len(lines) > max_trips:
        return TripImport(lines=tuple(lines), error="too_many", params={"maximum": max_trips})
    return TripImport(lines=tuple(lines))
