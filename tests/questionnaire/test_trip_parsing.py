"""Reading many trips at once (assessments/trip_import.py): each format, each error, by line."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from assessments.questionnaire.trip_parsing import parse_trip_csv, parse_trips, read_line

D = dt.date
AUG = (D(2024, 8, 1), D(2024, 8, 20))


@pytest.mark.parametrize(
    "line",
    [
        "2024/8/1-2024/8/20",
        "2024-08-01 2024-08-20",
        "2024-08-01-2024-08-20",
        "2024.8.1 〜 2024.8.20",
        "2024年8月1日～2024年8月20日",
        "2024年8月1日から2024年8月20日まで",
        "令和6年8月1日〜令和6年8月20日",
        "R6.8.1-R6.8.20",
        "1 Aug 2024 – 20 Aug 2024",
        "1st August 2024 - 20th August 2024",
        "Aug 1, 2024 to Aug 20, 2024",
        "2024-08-01\t2024-08-20",
        "20240801 20240820",
        "２０２４／８／１－２０２４／８／２０",
        "Trip to Seoul: 2024/8/1 - 2024/8/20 (family)",
    ],
)
def test_a_trip_is_read_from_every_format_people_have(line):
    trip = read_line(1, line)
    assert not trip.error, trip
    assert (trip.departure, trip.return_date) == AUG


def test_days_abroad_do_not_count_the_days_of_leaving_and_coming_back():
    assert read_line(1, "2024/8/1 2024/8/20").days == 18
    assert read_line(1, "2024/8/1 2024/8/2").days == 0
    assert read_line(1, "2024/8/1 2024/8/1").days == 0


def test_the_first_year_of_an_era_can_be_written_gannen():
    assert read_line(1, "令和元年5月1日 令和元年5月10日").departure == D(2019, 5, 1)
    assert read_line(1, "平成31年4月1日 平成31年4月5日").departure == D(2019, 4, 1)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("2024/8/1", "two_dates"),
        ("2024/8/1 2024/8/20 2024/9/1", "two_dates"),
        ("summer holiday", "two_dates"),
        ("1/8/2024 20/8/2024", "ambiguous_date"),
        ("8/1/24 8/20/24", "ambiguous_date"),
        ("2024/2/30 2024/3/3", "invalid_date"),
        ("2024/13/1 2024/12/3", "invalid_date"),
        ("2024/8/20 2024/8/1", "return_before_departure"),
        ("1 Foo 2024 - 20 Aug 2024", "invalid_date"),
    ],
)
def test_a_line_that_is_not_one_trip_says_why(line, code):
    assert read_line(7, line).error == code


def test_blank_lines_are_skipped_and_every_other_line_keeps_its_number():
    parsed = parse_trips("\n2024/8/1 2024/8/20\n\n   \nnope\n2024/9/1 2024/9/5\n")
    assert [(line.number, line.error) for line in parsed.lines] == [
        (2, ""),
        (5, "two_dates"),
        (6, ""),
    ]
    assert not parsed.ok, "one bad line: nothing is added"
    assert len(parsed.trips) == 2


@pytest.mark.parametrize("heading", ["Departure\tReturn", "出国日\t帰国日", "出国日,帰国日"])
def test_the_headings_copied_with_two_spreadsheet_columns_are_skipped_not_refused(heading):
    parsed = parse_trips(f"{heading}\n2024/8/1\t2024/8/20\n")
    assert parsed.ok, parsed
    assert [(line.number, line.departure, line.return_date) for line in parsed.lines] == [(2, *AUG)]


def test_a_first_line_that_is_not_a_heading_is_still_refused():
    parsed = parse_trips("Trips\n2024/8/1\t2024/8/20\n")
    assert [line.error for line in parsed.lines] == ["two_dates", ""]


def test_all_good_lines_are_ok_and_give_trips_in_the_order_given():
    parsed = parse_trips("2024/9/1 2024/9/5\n2024/8/1 2024/8/20\n")
    assert parsed.ok
    assert [trip["departure"] for trip in parsed.trips] == [D(2024, 9, 1), D(2024, 8, 1)]


def test_nothing_given_is_an_error_not_an_empty_success():
    assert parse_trips("  \n\n").error == "empty"
    assert not parse_trips("").ok


@pytest.mark.parametrize(("count", "ok"), [(3, True), (4, False)])
def test_at_most_the_contracts_number_of_trips(count, ok):
    text = "\n".join(f"2024/{m}/1 2024/{m}/2" for m in range(1, count + 1))
    parsed = parse_trips(text, max_trips=3)
    assert parsed.ok is ok
    assert (parsed.error == "too_many") is not ok


@pytest.mark.parametrize(
    "header",
    [
        "出国日,帰国日",
        "出国年月日,入国年月日",
        "departure,return",
        "Departure date,Return date",
        "Left Japan,Came back",
        "No.,出国日,行き先,帰国日",
    ],
)
def test_a_csv_header_in_japanese_or_english_names_the_two_columns(header):
    columns = header.count(",") + 1
    row = ["1", "2024/8/1", "Seoul", "2024/8/20"] if columns == 4 else ["2024/8/1", "2024/8/20"]
    parsed = parse_trip_csv(f"{header}\n{','.join(row)}\n")
    assert parsed.ok, parsed
    assert parsed.lines[0].number == 2
    assert (parsed.lines[0].departure, parsed.lines[0].return_date) == AUG


def test_a_csv_without_a_header_reads_the_first_two_columns_from_line_one():
    parsed = parse_trip_csv("2024/8/1,2024/8/20\n2024/9/1,2024/9/5\n")
    assert parsed.ok and [line.number for line in parsed.lines] == [1, 2]


def test_a_tab_separated_file_from_a_spreadsheet_is_read():
    parsed = parse_trip_csv("出国日\t帰国日\n2024年8月1日\t2024年8月20日\n")
    assert parsed.ok


def test_bad_csv_rows_are_named_by_their_line_in_the_file():
    parsed = parse_trip_csv(
        "departure,return\n2024/8/1,2024/8/20\n2024/9/1,\n,2024/10/2\n1/8/2024,2/8/2024\n"
    )
    assert [(line.number, line.error) for line in parsed.lines] == [
        (2, ""),
        (3, "no_return"),
        (4, "no_departure"),
        (5, "ambiguous_date"),
    ]
    assert not parsed.ok


def test_a_csv_whose_first_line_is_neither_a_header_nor_a_trip_is_refused():
    parsed = parse_trip_csv("name,city\n2024/8/1,2024/8/20\n")
    assert parsed.error == "no_columns" and parsed.params == {"line": 1}
    assert not parsed.ok


def test_an_empty_csv_is_refused():
    assert parse_trip_csv("\n,\n").error == "empty"


def test_a_csv_cell_longer_than_the_readers_field_limit_is_an_unreadable_line_not_a_crash():
    huge = "x" * (csv.field_size_limit() + 1)
    parsed = parse_trip_csv(f"departure,return\n{huge},2024/8/20\n2024/9/1,2024/9/10\n")
    assert [(line.number, line.error) for line in parsed.lines] == [
        (2, "unreadable_line"),
        (3, ""),
    ]
    assert len(parsed.lines[0].text) < 100, "the huge cell is not echoed back whole"
    assert not parsed.ok


def test_an_unreadable_first_csv_line_is_named_and_the_rest_still_read():
    huge = '"' + "x" * (csv.field_size_limit() + 1)
    parsed = parse_trip_csv(f"{huge}\n2024/9/1,2024/9/10\n")
    assert [(line.number, line.error) for line in parsed.lines] == [
        (1, "unreadable_line"),
        (2, ""),
    ]
