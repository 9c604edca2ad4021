"""Geometry of the timeline chart: the result's ``timeline`` placed on one SVG axis.

Presentation only: it reads the result's typed ``view.Timeline`` (dates and codes) and returns
rows, bars and lines with coordinates; templates word and draw them. The same chart serves
the result page and the first page of the PDF report. Every coordinate is clamped to the
axis, so nothing is drawn outside it, whatever the stored data holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from assessments.results.view import Timeline
from assessments.results.view import stored_date as _date

#: Drawing constants (SVG user units; not legal thresholds).
RIGHT_PAD = 16
TOP = 44
BAR_HEIGHT = 14
MIN_BAR_WIDTH = 2.0
MAX_TICKS = 12
TICK_STEPS = (1, 2, 5, 10, 20, 50)
#: Milestones drawn as vertical lines (the others are listed in the table only).
LINE_MILESTONES = (
    "application_date",
    "earliest_date",
    "today",
    "status_expiry",
    "three_year_period_last_day",
    "rule_change",
    "hsp_points_change",
)


@dataclass(frozen=True)
class Layout:
    """Where things go: a label column left of the bars (wide), or each label over its bar."""

    width: int
    left: int
    row_height: int
    label_above: bool = False


#: Desktop and the report; the report's rows hold a Japanese line over an English one.
WIDE = Layout(width=760, left=200, row_height=26)
BILINGUAL = Layout(width=760, left=200, row_height=24)
#: Phones: drawn 400 units wide, so the text stays readable without sideways scrolling.
NARROW = Layout(width=400, left=8, row_height=36, label_above=True)


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    code: str
    item: dict

    @property
    def mid(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass(frozen=True)
class Row:
    kind: str  # "period", "trips", "window" or "marks"
    code: str
    y: float
    item: dict = field(default_factory=dict)
    bars: tuple[Bar, ...] = ()
    points: tuple[dict, ...] = ()
    layout: Layout = WIDE

    @property
    def height(self) -> int:
        return self.layout.row_height

    @property
    def bar_y(self) -> float:
        if self.layout.label_above:
            return self.y + self.height - BAR_HEIGHT - 4
        return self.y + (self.height - BAR_HEIGHT) / 2

    @property
    def mid_y(self) -> float:
        return self.bar_y + BAR_HEIGHT / 2

    @property
    def text_y(self) -> float:
        return self.y + 11 if self.layout.label_above else self.mid_y + 4


#: How each milestone line is drawn: stroke colour, width and dash pattern (never colour alone).
LINE_STYLES = {
    "application_date": ("#1b1f24", 2.5, ""),
    "earliest_date": ("#0e4a1e", 3, "8 3"),
    "today": ("#4a5360", 1.5, "2 2"),
    "status_expiry": ("#7b1510", 2, "5 2 1 2"),
    "three_year_period_last_day": ("#5a3f8f", 1.5, "4 2"),
    "rule_change": ("#5a3f8f", 1.5, "4 2"),
    "hsp_points_change": ("#7a4100", 2, "1 2"),
}
#: Badge rows above the plot, alternated so that close lines keep readable numbers.
BADGE_LEVELS = (10, 23, 36)


@dataclass(frozen=True)
class Line:
    number: int
    x: float
    code: str
    date: dt.date
    item: dict

    @property
    def stroke(self) -> str:
        return LINE_STYLES[self.code][0]

    @property
    def stroke_width(self) -> float:
        return LINE_STYLES[self.code][1]

    @property
    def dash(self) -> str:
        return LINE_STYLES[self.code][2]

    @property
    def badge_y(self) -> int:
        return BADGE_LEVELS[self.number % len(BADGE_LEVELS)]


@dataclass(frozen=True)
class Chart:
    start: dt.date
    end: dt.date
    rows: tuple[Row, ...]
    ticks: tuple[tuple[float, int], ...]
    lines: tuple[Line, ...]
    timeline: Timeline
    layout: Layout = WIDE

    @property
    def width(self) -> int:
        return self.layout.width

    @property
    def left(self) -> int:
        return self.layout.left

    @property
    def right(self) -> int:
        return self.layout.width - RIGHT_PAD

    @property
    def label_x(self) -> int:
        return self.left if self.layout.label_above else self.left - 8

    @property
    def label_anchor(self) -> str:
        return "start" if self.layout.label_above else "end"

    @property
    def plot_top(self) -> int:
        return TOP - 4

    @property
    def plot_bottom(self) -> float:
        return self.rows[-1].y + self.rows[-1].height if self.rows else TOP

    @property
    def height(self) -> float:
        return self.plot_bottom + 24

    @property
    def trips(self) -> tuple[Mapping, ...]:
        return self.timeline.trips

    @property
    def windows(self) -> tuple[Mapping, ...]:
        return self.timeline.windows

    @property
    def marks(self) -> tuple[Mapping, ...]:
        return self.timeline.marks

    @property
    def periods(self) -> tuple[Mapping, ...]:
        return self.timeline.periods


class _Axis:
    def __init__(self, start: dt.date, end: dt.date, layout: Layout):
        self.start, self.end = start, max(end, start + dt.timedelta(days=1))
        self.span = (self.end - self.start).days
        self.left, self.right = layout.left, layout.width - RIGHT_PAD

    def x(self, day: dt.date) -> float:
        day = min(max(day, self.start), self.end)
        return round(self.left + (self.right - self.left) * (day - self.start).days / self.span, 1)

    def bar(self, start, end, code: str, item: dict) -> Bar | None:
        start, end = _date(start), _date(end)
        if start is None or end is None:
            return None
        x0, x1 = self.x(min(start, end)), self.x(max(start, end))
        width = max(x1 - x0, MIN_BAR_WIDTH)
        x0 = min(x0, self.right - width)
        return Bar(x=x0, width=round(width, 1), code=code, item=item)


def timeline_chart(
    timeline: Timeline | None, *, today: dt.date | None = None, layout: Layout = WIDE
) -> Chart | None:
    """Return the chart for a result's timeline, or None if there is none to draw."""
    if timeline is None:
        return None
    start, end = timeline.start, timeline.end
    axis = _Axis(start, end, layout)
    rows = _rows(timeline, axis, layout)
    return Chart(
        start=start,
        end=end,
        rows=tuple(rows),
        ticks=_ticks(axis),
        lines=_lines(timeline, axis, today),
        timeline=timeline,
        layout=layout,
    )


def _rows(timeline: Timeline, axis: _Axis, layout: Layout) -> list[Row]:
    rows: list[Row] = []

    def add(kind, code, item=None, bars=(), points=()):
        y = TOP + layout.row_height * len(rows)
        bars = tuple(b for b in bars if b)
        rows.append(Row(kind, code, y, item or {}, bars, tuple(points), layout))

    periods = timeline.periods
    for code in ("residence", "status", "current_status", "marriage"):
        members = [
            p
            for p in periods
            if p.get("code") == code
            or (code == "status" and p.get("code") in ("earlier_status", "qualifying_status"))
        ]
        if members:
            add(
                "period",
                code,
                members[0],
                [axis.bar(p.get("start"), p.get("end"), p.get("code", ""), p) for p in members],
            )
    trips = timeline.trips
    add(
        "trips",
        "trips",
        {},
        [axis.bar(t.get("departure"), t.get("return"), "trip", t) for t in trips],
    )
    for window in timeline.windows:
        bars = [axis.bar(window.get("start"), window.get("end"), "window", window)]
        heavy = [y for y in window["per_year"] if y.get("over_limit")]
        bars += [_year_bar(axis, y, window) for y in heavy]
        add("window", str(window.get("code", "")), window, bars)
    marks = timeline.marks
    if marks:
        points = []
        for mark in marks:
            day, leaves = _date(mark.get("date")), _date(mark.get("leaves_window_on"))
            if day is None:
                continue
            points.append(
                {"x": axis.x(day), "until": axis.x(leaves) if leaves else None, "mark": mark}
            )
        add("marks", "marks", {}, points=points)
    return rows


def _year_bar(axis: _Axis, year: dict, window: dict) -> Bar | None:
    """Return the part of a calendar year inside the window, for a year over the day limit."""
    first = max(dt.date(year["year"], 1, 1), _date(window.get("start")) or axis.start)
    last = min(dt.date(year["year"] + 1, 1, 1), _date(window.get("end")) or axis.end)
    return axis.bar(first, last, "heavy_year", year)


def _ticks(axis: _Axis) -> tuple[tuple[float, int], ...]:
    years = axis.end.year - axis.start.year + 1
    step = next((s for s in TICK_STEPS if years / s <= MAX_TICKS), TICK_STEPS[-1])
    first = axis.start.year + 1 if axis.start > dt.date(axis.start.year, 1, 1) else axis.start.year
    first += (-first) % step
    return tuple(
        (axis.x(dt.date(year, 1, 1)), year) for year in range(first, axis.end.year + 1, step)
    )


def _lines(timeline: Timeline, axis: _Axis, today: dt.date | None) -> tuple[Line, ...]:
    found = [m for m in timeline.milestones if m.get("code") in LINE_MILESTONES]
    if today is not None and axis.start <= today <= axis.end:
        found.append({"code": "today", "date": today.isoformat()})
    dated = sorted(
        ((day, m) for m in found if (day := _date(m.get("date"))) is not None),
        key=lambda pair: (pair[0], LINE_MILESTONES.index(pair[1]["code"])),
    )
    return tuple(
        Line(number=index, x=axis.x(day), code=m["code"], date=day, item=m)
        for index, (day, m) in enumerate(dated, start=1)
    )
