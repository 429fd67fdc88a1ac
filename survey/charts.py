"""Small server-side SVG charts: horizontal bars, stacked bars, lines.

This module lays a chart out (where each bar, label and point goes); the markup comes
from the partials of ``survey/_charts.html``, as the maps' markup comes from
``netzwerke/_map.html``. Each chart is an image to assistive technology (role="img",
named by its <title> and described by its <desc>), prints its values as text, and
tells series apart by pattern, marker and dash as well as by colour. The data table
beside each chart carries the same numbers. Only SVG presentation attributes are used,
so the charts pass the site's Content-Security-Policy (no inline styles).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from netzwerke.languages import percent

TEMPLATE = "survey/_charts.html"
WIDTH = 400
FONT_SIZE = 14
SMALL = 13
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
LINE = 19
INK = "#212529"
MUTED = "#495057"  # 8.2:1 on white
BAR = "#0b3d91"  # 10:1 on white
GRID = "#adb5bd"
# zentral / Agenda / kein Thema: dark, middle and light, so they differ in greyscale
# too; the lightest is also hatched, every segment has a dark outline.
SPLIT_FILLS = ("#0b3d91", "#9ec5fe", "#f1f3f5")
SPLIT_TEXT = ("#ffffff", "#000000", "#000000")
# colour (all at least 7:1 on white), marker, dash
SERIES_STYLES = (
    ("#0b3d91", "circle", ""),
    ("#a61e4d", "square", "8 4"),
    ("#1b5e20", "triangle", "2 4"),
    ("#5f3dc4", "diamond", "10 4 2 4"),
    ("#7a3e00", "circle", "4 4"),
)
CHARS_PER_LINE = 50


@dataclass
class Bar:
    label: str
    value: float | None  # None: hidden by the disclosure control
    text: str  # what the table shows, e.g. "36 %" or "< 5"


@dataclass
class StackedRow:
    label: str
    parts: list | None  # percentages that add up to 100; None: hidden
    note: str = ""


# The layout handed to the template: plain positions, colours and texts.


@dataclass
class Label:
    """A text of one or more lines, each line a <tspan>."""

    x: float
    y: float
    lines: list[str]
    fill: str = INK

    @property
    def spans(self):
        return [(line, 0 if i == 0 else LINE) for i, line in enumerate(self.lines)]


@dataclass
class Text:
    x: float
    y: float
    text: str
    fill: str = INK
    anchor: str = ""


@dataclass
class Rect:
    x: float
    y: float
    width: float
    fill: str


@dataclass
class Marker:
    kind: str  # circle, square, triangle, diamond
    x: float
    y: float
    fill: str

    @property
    def points(self):
        x, y = self.x, self.y
        if self.kind == "triangle":
            return f"{x},{y - 6} {x - 6},{y + 5} {x + 6},{y + 5}"
        return f"{x},{y - 6} {x + 6},{y} {x},{y + 6} {x - 6},{y}"

    @property
    def corner(self):
        return self.x - 4.5, self.y - 4.5


@dataclass
class Chart:
    id: str
    title: str
    desc: str
    height: float = 0
    labels: list[Label] = field(default_factory=list)
    texts: list = field(default_factory=list)
    width: int = WIDTH
    font: str = FONT
    font_size: int = FONT_SIZE
    small: int = SMALL
    ink: str = INK
    muted: str = MUTED
    grid: str = GRID


def _render(partial: str, chart: Chart, **context):
    return render_to_string(f"{TEMPLATE}#{partial}", {"chart": chart, **context})


def _text_width(text, size=FONT_SIZE):
    return len(str(text)) * size * 0.56


def _wrap(label):
    return textwrap.wrap(str(label), CHARS_PER_LINE)[:3] or [""]


NICE_MAXIMA = (10, 20, 25, 50, 75, 100)


def nice_maximum(values, ceiling=100):
    """The smallest round scale end that holds every value."""
    top = max((v for v in values if v is not None), default=0)
    return next((m for m in NICE_MAXIMA if m >= top), max(top, ceiling))


@dataclass
class BarLayout:
    label: Label
    y: float = 0
    length: float = 0
    value: Text | None = None  # None: hidden, the label says so


def bar_chart(*, chart_id, title, desc, bars, max_value=None):
    """Horizontal bars, each with its label above and its value printed at its end.

    The scale runs from 0 to a round number just above the largest value, marked on an
    axis at the foot, so that small shares stay visible.
    """
    if max_value is None:
        max_value = nice_maximum(bar.value for bar in bars)
    chart = Chart(chart_id, title, desc)
    rows = []
    y = 4
    track = WIDTH - 70
    for bar in bars:
        if bar.value is None:
            note = f"{bar.label}: {bar.text} ({_('nicht ausgewiesen')})"
            lines = _wrap(note)
            rows.append(BarLayout(Label(0, y + FONT_SIZE, lines, MUTED)))
            y += LINE * len(lines) + 10
            continue
        lines = _wrap(bar.label)
        label = Label(0, y + FONT_SIZE, lines)
        y += LINE * len(lines) + 4
        length = round(track * min(bar.value, max_value) / max_value, 1) if max_value else 0
        rows.append(BarLayout(label, y, length, Text(round(length + 6, 1), y + 15, bar.text)))
        y += 32
    axis = None
    if any(bar.value is not None for bar in bars):
        axis = {"y": y - 6, "track": track, "text_y": y + 10, "top": max_value}
        y += 16
    chart.height = max(y, 20)
    return _render("bar", chart, bars=rows, bar_colour=BAR, axis=axis)


@dataclass
class StackedLayout:
    label: Label
    y: float = 0
    parts: list = field(default_factory=list)  # [(Rect, Text or None)]
    hidden: bool = False


def _split_fill(chart_id, index):
    return f"url(#{chart_id}-hatch)" if index == 2 else SPLIT_FILLS[index]


def stacked_bar_chart(*, chart_id, title, desc, legend, rows):
    """One bar per row, split into parts that add up to 100 %, values printed inside."""
    chart = Chart(chart_id, title, desc)
    # legend: swatches with their names, wrapped onto several lines if needed
    swatches = []
    x, y = 0, 4
    for i, name in enumerate(legend):
        width = 26 + _text_width(name, SMALL)
        if x and x + width > WIDTH:
            x, y = 0, y + 22
        swatches.append((Rect(x, y, 18, _split_fill(chart_id, i)), Text(x + 24, y + 13, name)))
        x += width + 16
    y += 30
    layouts = []
    for row in rows:
        if row.parts is None:
            # a hidden row takes one line: its label and why there is no bar
            note = f"{row.label}: {row.note or _('nicht ausgewiesen')}"
            lines = _wrap(note)
            layouts.append(StackedLayout(Label(0, y + FONT_SIZE, lines, MUTED), hidden=True))
            y += LINE * len(lines) + 10
            continue
        lines = _wrap(row.label)
        layout = StackedLayout(Label(0, y + FONT_SIZE, lines))
        y += LINE * len(lines) + 4
        layout.y = y
        x = 0.0
        for i, value in enumerate(row.parts):
            width = WIDTH * value / 100
            if width <= 0:
                continue
            rect = Rect(round(x, 1), y, round(width, 1), _split_fill(chart_id, i))
            text = percent(value)
            printed = None
            if width >= _text_width(text, SMALL) + 8:
                printed = Text(round(x + width / 2, 1), y + 17, text, SPLIT_TEXT[i])
            layout.parts.append((rect, printed))
            x += width
        layouts.append(layout)
        y += 36
    chart.height = y
    return _render("stacked", chart, swatches=swatches, rows=layouts, hatch_fill=SPLIT_FILLS[2])


@dataclass
class SeriesLayout:
    colour: str
    dash: str
    segments: list[str] = field(default_factory=list)  # polyline points
    points: list[tuple[Marker, Text]] = field(default_factory=list)


def line_chart(*, chart_id, title, desc, x_labels, series, y_max=100):
    """Lines over the waves (x) in percent (y), with markers and printed values.

    ``series`` is ``[(name, [value or None, …]), …]``; None leaves a gap.
    """
    chart = Chart(chart_id, title, desc)
    keys = []
    y = 4
    for (name, _values), (colour, marker, dash) in zip(series, SERIES_STYLES, strict=False):
        lines = _wrap(name)
        keys.append(
            {
                "y": y + 8,
                "colour": colour,
                "dash": dash or "none",
                "marker": Marker(marker, 15, y + 8, colour),
                "label": Label(38, y + 13, lines),
            }
        )
        y += LINE * len(lines) + 6
    top = y + 14
    bottom = top + 200
    left, right = 52, WIDTH - 8
    ticks = []
    for tick in range(0, y_max + 1, 25):
        ty = bottom - (bottom - top) * tick / y_max
        ticks.append({"y": ty, "text_x": left - 6, "text_y": ty + 4, "value": tick})
    count = len(x_labels)
    # points sit inside the grid, clear of the axis labels
    first, last = left + 36, right - 36
    step = (last - first) / max(count - 1, 1)

    def px(i):
        return first + step * i if count > 1 else (first + last) / 2

    x_texts = [Text(round(px(i), 1), bottom + 20, label) for i, label in enumerate(x_labels)]
    placed = {}
    layouts = []
    for (_name, values), (colour, marker, dash) in zip(series, SERIES_STYLES, strict=False):
        layout = SeriesLayout(colour, dash or "none")
        points = [
            (round(px(i), 1), round(bottom - (bottom - top) * v / y_max, 1))
            for i, v in enumerate(values)
            if v is not None
        ]
        segments, current = [], []
        for i, v in enumerate(values):
            if v is None:
                if current:
                    segments.append(current)
                current = []
            else:
                current.append((round(px(i), 1), round(bottom - (bottom - top) * v / y_max, 1)))
        if current:
            segments.append(current)
        layout.segments = [
            " ".join(f"{x},{y}" for x, y in segment) for segment in segments if len(segment) > 1
        ]
        for (x, y_), v in zip(points, [v for v in values if v is not None], strict=True):
            # above the point, else below, else further out: never on another label
            taken = placed.setdefault(x, [])
            for offset in (-10, 20, -26, 36, -42, 52):
                label_y = y_ + offset
                if all(abs(label_y - other) >= SMALL + 2 for other in taken):
                    break
            taken.append(label_y)
            value = Text(x, label_y, percent(v), colour)
            layout.points.append((Marker(marker, x, y_, colour), value))
        layouts.append(layout)
    chart.height = bottom + 32
    return _render(
        "line",
        chart,
        keys=keys,
        ticks=ticks,
        grid_left=left,
        grid_right=right,
        x_labels=x_texts,
        series=layouts,
    )
