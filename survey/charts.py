"""Small server-side SVG charts: horizontal bars, stacked bars, lines.

Each chart is an image to assistive technology (role="img", named by its <title> and
described by its <desc>), prints its values as text, and tells series apart by
pattern, marker and dash as well as by colour. The data table beside each chart
carries the same numbers. Only SVG presentation attributes are used, so the charts
pass the site's Content-Security-Policy (no inline styles).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

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


def _text_width(text, size=FONT_SIZE):
    return len(str(text)) * size * 0.56


def _wrap(label):
    return textwrap.wrap(str(label), CHARS_PER_LINE)[:3] or [""]


def _label(lines, x, y, fill=INK):
    """A label of one or more lines; returns the markup and the height it takes."""
    spans = "".join(
        format_html('<tspan x="{}" dy="{}">{}</tspan>', x, 0 if i == 0 else LINE, line)
        for i, line in enumerate(lines)
    )
    return (
        format_html('<text x="{}" y="{}" font-size="{}" fill="{}">', x, y, FONT_SIZE, fill)
        + mark_safe(spans)
        + mark_safe("</text>"),
        LINE * len(lines),
    )


def _svg(chart_id, title, desc, height, body):
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        'aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {w} {h}" width="100%" '
        'font-family="{font}" id="{id}">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "{body}</svg>",
        id=chart_id,
        w=WIDTH,
        h=height,
        font=FONT,
        title=title,
        desc=desc,
        body=mark_safe(body),
    )


NICE_MAXIMA = (10, 20, 25, 50, 75, 100)


def nice_maximum(values, ceiling=100):
    """The smallest round scale end that holds every value."""
    top = max((v for v in values if v is not None), default=0)
    return next((m for m in NICE_MAXIMA if m >= top), max(top, ceiling))


def bar_chart(*, chart_id, title, desc, bars, max_value=None):
    """Horizontal bars, each with its label above and its value printed at its end.

    The scale runs from 0 to a round number just above the largest value, marked on an
    axis at the foot, so that small shares stay visible.
    """
    if max_value is None:
        max_value = nice_maximum(bar.value for bar in bars)
    parts = []
    y = 4
    track = WIDTH - 70
    for bar in bars:
        if bar.value is None:
            note = f"{bar.label}: {bar.text} ({_('nicht ausgewiesen')})"
            markup, height = _label(_wrap(note), 0, y + FONT_SIZE, fill=MUTED)
            parts.append(markup)
            y += height + 10
            continue
        markup, height = _label(_wrap(bar.label), 0, y + FONT_SIZE)
        parts.append(markup)
        y += height + 4
        length = round(track * min(bar.value, max_value) / max_value, 1) if max_value else 0
        parts.append(
            format_html('<rect x="0" y="{}" width="{}" height="20" fill="{}"/>', y, length, BAR)
        )
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="{}" fill="{}" font-weight="bold">{}</text>',
                round(length + 6, 1),
                y + 15,
                FONT_SIZE,
                INK,
                bar.text,
            )
        )
        y += 32
    if any(bar.value is not None for bar in bars):
        parts.append(
            format_html(
                '<line x1="0" y1="{y}" x2="{t}" y2="{y}" stroke="{c}" stroke-width="1"/>'
                '<line x1="{t}" y1="{y0}" x2="{t}" y2="{y}" stroke="{c}" stroke-width="1"/>'
                '<text x="0" y="{ty}" font-size="{f}" fill="{m}">0 %</text>'
                '<text x="{t}" y="{ty}" font-size="{f}" fill="{m}" text-anchor="middle">'
                "{top} %</text>",
                y=y - 6,
                y0=4,
                t=track,
                c=GRID,
                ty=y + 10,
                f=SMALL,
                m=MUTED,
                top=max_value,
            )
        )
        y += 16
    return _svg(chart_id, title, desc, max(y, 20), "".join(parts))


def _hatch(chart_id):
    return format_html(
        '<defs><pattern id="{}-hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="8" height="8" fill="{}"/>'
        '<line x1="0" y1="0" x2="0" y2="8" stroke="{}" stroke-width="2"/></pattern></defs>',
        chart_id,
        SPLIT_FILLS[2],
        GRID,
    )


def _split_fill(chart_id, index):
    return f"url(#{chart_id}-hatch)" if index == 2 else SPLIT_FILLS[index]


def stacked_bar_chart(*, chart_id, title, desc, legend, rows):
    """One bar per row, split into parts that add up to 100 %, values printed inside."""
    parts = [_hatch(chart_id)]
    # legend: swatches with their names, wrapped onto several lines if needed
    x, y = 0, 4
    for i, name in enumerate(legend):
        width = 26 + _text_width(name, SMALL)
        if x and x + width > WIDTH:
            x, y = 0, y + 22
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="18" height="16" fill="{}" stroke="{}"/>'
                '<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>',
                x,
                y,
                _split_fill(chart_id, i),
                INK,
                x + 24,
                y + 13,
                SMALL,
                INK,
                name,
            )
        )
        x += width + 16
    y += 30
    for row in rows:
        if row.parts is None:
            # a hidden row takes one line: its label and why there is no bar
            note = f"{row.label}: {row.note or _('nicht ausgewiesen')}"
            markup, height = _label(_wrap(note), 0, y + FONT_SIZE, fill=MUTED)
            parts.append(markup)
            y += height + 10
            continue
        markup, height = _label(_wrap(row.label), 0, y + FONT_SIZE)
        parts.append(markup)
        y += height + 4
        x = 0.0
        for i, value in enumerate(row.parts):
            width = WIDTH * value / 100
            if width <= 0:
                continue
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="24" fill="{}" stroke="{}" '
                    'stroke-width="1"/>',
                    round(x, 1),
                    y,
                    round(width, 1),
                    _split_fill(chart_id, i),
                    INK,
                )
            )
            text = f"{value} %"
            if width >= _text_width(text, SMALL) + 8:
                parts.append(
                    format_html(
                        '<text x="{}" y="{}" font-size="{}" fill="{}" font-weight="bold" '
                        'text-anchor="middle">{}</text>',
                        round(x + width / 2, 1),
                        y + 17,
                        SMALL,
                        SPLIT_TEXT[i],
                        text,
                    )
                )
            x += width
        y += 36
    return _svg(chart_id, title, desc, y, "".join(parts))


def _marker(kind, x, y, colour):
    if kind == "square":
        return format_html(
            '<rect x="{}" y="{}" width="9" height="9" fill="{}"/>', x - 4.5, y - 4.5, colour
        )
    if kind == "triangle":
        return format_html(
            '<polygon points="{},{} {},{} {},{}" fill="{}"/>',
            x, y - 6, x - 6, y + 5, x + 6, y + 5, colour,
        )  # fmt: skip
    if kind == "diamond":
        return format_html(
            '<polygon points="{},{} {},{} {},{} {},{}" fill="{}"/>',
            x, y - 6, x + 6, y, x, y + 6, x - 6, y, colour,
        )  # fmt: skip
    return format_html('<circle cx="{}" cy="{}" r="5" fill="{}"/>', x, y, colour)


def line_chart(*, chart_id, title, desc, x_labels, series, y_max=100):
    """Lines over the waves (x) in percent (y), with markers and printed values.

    ``series`` is ``[(name, [value or None, …]), …]``; None leaves a gap.
    """
    parts = []
    y = 4
    for (name, _values), (colour, marker, dash) in zip(series, SERIES_STYLES, strict=False):
        parts.append(
            format_html(
                '<line x1="0" y1="{y}" x2="30" y2="{y}" stroke="{c}" stroke-width="3" '
                'stroke-dasharray="{d}"/>',
                y=y + 8,
                c=colour,
                d=dash or "none",
            )
        )
        parts.append(_marker(marker, 15, y + 8, colour))
        lines = _wrap(name)
        markup, height = _label(lines, 38, y + 13)
        parts.append(markup)
        y += height + 6
    top = y + 14
    bottom = top + 200
    left, right = 52, WIDTH - 8
    for tick in range(0, y_max + 1, 25):
        ty = bottom - (bottom - top) * tick / y_max
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>'
                '<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="end">{} %</text>',
                left, ty, right, ty, GRID, left - 6, ty + 4, SMALL, MUTED, tick,
            )
        )  # fmt: skip
    count = len(x_labels)
    # points sit inside the grid, clear of the axis labels
    first, last = left + 36, right - 36
    step = (last - first) / max(count - 1, 1)

    def px(i):
        return first + step * i if count > 1 else (first + last) / 2

    for i, label in enumerate(x_labels):
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="middle">{}</text>',
                round(px(i), 1), bottom + 20, SMALL, INK, label,
            )
        )  # fmt: skip
    placed = {}
    for (_name, values), (colour, marker, dash) in zip(series, SERIES_STYLES, strict=False):
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
        for segment in segments:
            if len(segment) > 1:
                parts.append(
                    format_html(
                        '<polyline points="{}" fill="none" stroke="{}" stroke-width="3" '
                        'stroke-dasharray="{}"/>',
                        " ".join(f"{x},{y}" for x, y in segment),
                        colour,
                        dash or "none",
                    )
                )
        for (x, y_), v in zip(points, [v for v in values if v is not None], strict=True):
            parts.append(_marker(marker, x, y_, colour))
            # above the point, else below, else further out: never on another label
            taken = placed.setdefault(x, [])
            for offset in (-10, 20, -26, 36, -42, 52):
                label_y = y_ + offset
                if all(abs(label_y - other) >= SMALL + 2 for other in taken):
                    break
            taken.append(label_y)
            parts.append(
                format_html(
                    '<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="middle" '
                    'font-weight="bold">{} %</text>',
                    x, label_y, SMALL, colour, v,
                )
            )  # fmt: skip
    return _svg(chart_id, title, desc, bottom + 32, "".join(parts))
