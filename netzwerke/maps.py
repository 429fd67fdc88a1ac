"""Server-rendered maps of Germany: the committed outlines as SVG path data.

The outlines in ``netzwerke/geo/`` (built by ``build_reference_data``) are projected
once per process with an equirectangular projection scaled by cos(51°), which keeps
Germany's shape true enough at this latitude. No JavaScript, no tiles.

Templates draw a map like this (``region.url`` may be empty: draw the path without
``<a>`` then). Don't put ``role="img"`` on an SVG whose regions are links, it hides them::

    <svg class="nw-map" viewBox="{{ map.viewbox }}" aria-labelledby="karte-titel">
      {% for region in map.regions %}
        <a href="{{ region.url }}"><path class="{{ region.css_class }}" d="{{ region.d }}">
          <title>{{ region.name }}: {{ region.count }}</title></path></a>
      {% endfor %}
      {% if map.borders %}<path class="nw-map__borders" d="{{ map.borders }}"/>{% endif %}
    </svg>

and the legend from ``map.legend``, each step as
``<span class="nw-map-legend__swatch {{ step.css_class }}"></span> {{ step.label }}``.
A profile map (``district_map``) draws ``map.context`` first, then ``map.regions``.
The map repeats what a list or table on the page must also say (names and counts).
The classes are defined in static/css/site.css ("Karten" block).
"""

import functools
import itertools
import json
import math
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from django.utils.translation import gettext_lazy as _

from netzwerke.reference import STATES

GEO_DIR = Path(__file__).resolve().parent / "geo"
FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures"

LEVELS = {"land": "laender.geojson", "kreis": "kreise.geojson"}

# Projection: x = (lon - WEST) · cos(51°) · SCALE, y = (NORTH - lat) · SCALE.
WEST, NORTH = 5.7, 55.2
SCALE = 120  # units per degree of latitude; Germany becomes about 720 × 950 units
COS_LAT = math.cos(math.radians(51))
PADDING = 8

STEPS = 5
# A profile map never zooms in closer than this (in units; 40 ≈ 37 km).
MIN_CROP = 40
# National maps at 1 unit (≈ 0.9 km) precision; profile maps zoom in and need 0.1.
NATIONAL_DECIMALS = 0
DETAIL_DECIMALS = 1


@dataclass(frozen=True)
class Region:
    """One area of a map. ``id`` is the Land code ("NW") or the Kreis AGS ("05711")."""

    id: str
    name: str
    d: str
    count: int = 0
    css_class: str = "nw-map__region"
    url: str = ""


@dataclass(frozen=True)
class LegendStep:
    """One colour of the scale: counts from ``low`` to ``high``, e.g. label "3–5"."""

    css_class: str
    low: int
    high: int
    label: str


@dataclass(frozen=True)
class Map:
    viewbox: str
    regions: list[Region]
    legend: list[LegendStep] = field(default_factory=list)
    # Land borders drawn over a Kreis map, so the Länder stay recognisable.
    borders: str = ""
    # Länder drawn under the highlighted Kreise of a profile map.
    context: list[Region] = field(default_factory=list)


def germany_map(
    level: str,
    counts: Mapping[str, int],
    link: Callable[[str], str | None] | None = None,
    names: Mapping[str, str] | None = None,
) -> Map:
    """All 16 Länder (``level="land"``) or all 400 Kreise (``level="kreis"``) of Germany.

    ``counts`` maps a Land code or AGS to its number of networks (missing means 0).
    ``link(code)`` returns the URL a region links to, or None for no link.
    ``names`` maps code → name, overriding the names of the committed fixtures (which
    add the Kreis type where two Kreise share a name: "München (Landkreis)").
    Each region's ``css_class`` holds one of six colour steps: ``nw-map__step-0`` for
    no networks, then five steps up to the highest count (see ``legend``).
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {sorted(LEVELS)}, not {level!r}")
    names = {**default_names(level), **(names or {})}
    upper_bounds = step_bounds(max(counts.values(), default=0))
    regions = []
    for code in sorted(_outlines(level), key=lambda c: sort_key(names.get(c, c))):
        count = counts.get(code, 0) or 0
        url = link(code) if link else ""
        regions.append(
            Region(
                id=code,
                name=names.get(code, code),
                d=path_data(level, code, NATIONAL_DECIMALS),
                count=count,
                css_class=f"nw-map__region nw-map__step-{step_for(count, upper_bounds)}",
                url=url or "",
            )
        )
    return Map(
        viewbox=_national_viewbox(),
        regions=regions,
        legend=legend(upper_bounds),
        borders=_all_land_borders() if level == "kreis" else "",
    )


def district_map(ags_list: Iterable[str], names: Mapping[str, str] | None = None) -> Map | None:
    """A small map for a network profile: its Kreise highlighted on the Länder around them.

    The viewBox is cropped to the given Kreise (with a margin, never narrower than
    ``MIN_CROP`` units). ``regions`` are the highlighted Kreise; ``context`` the Länder
    in view, clipped to it, those holding a highlighted Kreis marked
    ``nw-map__land--touched``. Unknown AGS are ignored; None when none is left.
    """
    outlines = _outlines("kreis")
    codes = sorted({ags for ags in ags_list if ags in outlines})
    if not codes:
        return None
    names = {**default_names("kreis"), **(names or {})}
    x0, y0, x1, y1 = _union_bounds(_bounds("kreis", code) for code in codes)
    width, height = max(x1 - x0, MIN_CROP), max(y1 - y0, MIN_CROP)
    margin = 0.12 * max(width, height)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    view = (
        cx - width / 2 - margin,
        cy - height / 2 - margin,
        cx + width / 2 + margin,
        cy + height / 2 + margin,
    )
    touched = {ags[:2] for ags in codes}
    prefix_of = {code: prefix for code, prefix, _name in STATES}
    land_names = default_names("land")
    # Clip a little outside the view so clipped edges never show.
    clip = _grow(view, 0.05 * (view[2] - view[0]))
    context = []
    for code in sorted(_outlines("land")):
        if not _overlaps(_bounds("land", code), view):
            continue
        d = _clipped_path("land", code, clip, DETAIL_DECIMALS)
        if not d:
            continue
        css = "nw-map__land"
        if prefix_of[code] in touched:
            css += " nw-map__land--touched"
        context.append(Region(id=code, name=land_names[code], d=d, css_class=css))
    regions = [
        Region(
            id=code,
            name=names.get(code, code),
            d=path_data("kreis", code, DETAIL_DECIMALS),
            css_class="nw-map__region nw-map__highlight",
        )
        for code in codes
    ]
    return Map(viewbox=_viewbox(view, DETAIL_DECIMALS), regions=regions, context=context)


def sort_key(name: str) -> str:
    """German alphabetical order, close enough: "Öhringen" among the O's."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c)
    )


# Colour scale ---------------------------------------------------------------


def step_bounds(max_count: int) -> list[int]:
    """Upper bounds of the five filled steps for counts up to ``max_count``.

    Up to five, each count is its own step; above, the bounds grow geometrically,
    because a few regions with many networks would otherwise wash out the rest.
    """
    if max_count <= STEPS:
        return list(range(1, max_count + 1))
    bounds = []
    for i in range(1, STEPS):
        bound = round(max_count ** (i / STEPS))
        bounds.append(max(bound, bounds[-1] + 1 if bounds else 1))
    bounds.append(max_count)
    return bounds


def step_for(count: int, upper_bounds: list[int]) -> int:
    """The colour step (0–5) of ``count``; 0 means no networks."""
    if count <= 0:
        return 0
    for step, bound in enumerate(upper_bounds, start=1):
        if count <= bound:
            return step
    return len(upper_bounds)


def legend(upper_bounds: list[int]) -> list[LegendStep]:
    steps = [LegendStep("nw-map__step-0", 0, 0, str(_("keine")))]
    low = 1
    for step, high in enumerate(upper_bounds, start=1):
        label = str(low) if low == high else f"{low}–{high}"
        steps.append(LegendStep(f"nw-map__step-{step}", low, high, label))
        low = high + 1
    return steps


# Names ------------------------------------------------------------------------


@functools.cache
def default_names(level: str) -> Mapping[str, str]:
    """Names from the committed fixtures, read once per process (read-only)."""
    if level == "land":
        return MappingProxyType({code: name for code, _prefix, name in STATES})
    with (FIXTURES_DIR / "districts.json").open(encoding="utf-8") as fh:
        rows = [(row["pk"], row["fields"]) for row in json.load(fh)]
    seen = {}
    for _ags, fields in rows:
        seen[fields["name"]] = seen.get(fields["name"], 0) + 1
    return {
        ags: f"{f['name']} ({f['kind']})" if seen[f["name"]] > 1 else f["name"] for ags, f in rows
    }


# Geometry ---------------------------------------------------------------------


@functools.cache
def _outlines(level: str) -> dict[str, list[list[list[tuple[float, float]]]]]:
    """code → polygons → rings → projected (x, y), read and projected once."""
    with (GEO_DIR / LEVELS[level]).open(encoding="utf-8") as fh:
        collection = json.load(fh)
    kx = COS_LAT * SCALE
    return {
        feature["id"]: [
            [[((lon - WEST) * kx, (NORTH - lat) * SCALE) for lon, lat in ring] for ring in polygon]
            for polygon in feature["geometry"]["coordinates"]
        ]
        for feature in collection["features"]
    }


@functools.cache
def _bounds(level: str, code: str) -> tuple[float, float, float, float]:
    points = [p for polygon in _outlines(level)[code] for p in polygon[0]]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _union_bounds(boxes):
    boxes = list(boxes)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _overlaps(a, b):
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _grow(box, by):
    return box[0] - by, box[1] - by, box[2] + by, box[3] + by


@functools.cache
def _national_viewbox() -> str:
    box = _union_bounds(_bounds("land", code) for code in _outlines("land"))
    return _viewbox(_grow(box, PADDING), NATIONAL_DECIMALS)


def _viewbox(box, decimals):
    x0, y0, x1, y1 = box
    return " ".join(_number(round(v, decimals), decimals) for v in (x0, y0, x1 - x0, y1 - y0))


@functools.cache
def path_data(level: str, code: str, decimals: int = NATIONAL_DECIMALS) -> str:
    """SVG path data of one region (cached); draw it with ``fill-rule: evenodd``."""
    return _rings_to_path(
        (ring for polygon in _outlines(level)[code] for ring in polygon), decimals
    )


@functools.cache
def _all_land_borders() -> str:
    return " ".join(path_data("land", code) for code in sorted(_outlines("land")))


def _clipped_path(level, code, box, decimals):
    rings = (_clip_ring(ring, box) for polygon in _outlines(level)[code] for ring in polygon)
    return _rings_to_path((ring for ring in rings if len(ring) >= 3), decimals)


def _clip_ring(ring, box):
    """Sutherland–Hodgman: the part of a ring inside an axis-parallel box."""
    x0, y0, x1, y1 = box
    edges = (
        (lambda p: p[0] >= x0, lambda p, q: _at_x(p, q, x0)),
        (lambda p: p[0] <= x1, lambda p, q: _at_x(p, q, x1)),
        (lambda p: p[1] >= y0, lambda p, q: _at_y(p, q, y0)),
        (lambda p: p[1] <= y1, lambda p, q: _at_y(p, q, y1)),
    )
    points = list(ring)
    for inside, cut in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    result.append(cut(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cut(previous, point))
            previous = point
        points = result
    return points


def _at_x(p, q, x):
    t = (x - p[0]) / (q[0] - p[0])
    return x, p[1] + t * (q[1] - p[1])


def _at_y(p, q, y):
    t = (y - p[1]) / (q[1] - p[1])
    return p[0] + t * (q[0] - p[0]), y


def _rings_to_path(rings, decimals):
    """Closed subpaths with relative moves, on a grid of 10^-decimals units."""
    factor = 10**decimals
    parts = []
    for ring in rings:
        grid = []
        for x, y in ring:
            point = (round(x * factor), round(y * factor))
            if not grid or point != grid[-1]:
                grid.append(point)
        if len(grid) > 1 and grid[0] == grid[-1]:
            grid.pop()
        if len(grid) < 3:
            continue
        numbers = [grid[0][0], grid[0][1]]
        for (px, py), (qx, qy) in itertools.pairwise(grid):
            numbers += [qx - px, qy - py]
        text = [_number(n / factor, decimals) for n in numbers]
        parts.append(f"M{text[0]} {text[1]}l{_join(text[2:])}z")
    return "".join(parts)


def _number(value, decimals):
    if decimals == 0:
        return str(round(value))
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    if text.startswith("0."):
        return text[1:]
    if text.startswith("-0."):
        return "-" + text[2:]
    return "0" if text == "-0" else text


def _join(numbers):
    """Space-separated, but a minus sign separates well enough on its own."""
    out = []
    for number in numbers:
        if out and not number.startswith("-"):
            out.append(" ")
        out.append(number)
    return "".join(out)
