"""Server-rendered maps of Germany: the committed outlines as SVG path data.

The outlines come from ``netzwerke/geometry.py`` (projection, clipping, path data,
neighbours). No JavaScript, no tiles.

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
import json
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from django.utils.translation import gettext_lazy as _

from netzwerke import geometry
from netzwerke.reference import STATES

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures"

STEPS = 5
# A profile map never zooms in closer than this (in units; 40 ≈ 37 km).
MIN_CROP = 40


@dataclass(frozen=True)
class Region:
    """One area of a map. ``id`` is the Land code ("NW") or the Kreis AGS ("05711")."""

    id: str
    name: str
    d: str
    count: int = 0
    css_class: str = "nw-map__region"
    url: str = ""
    # where the name is written on the map (profile maps' neighbours), as SVG numbers
    label_x: str = ""
    label_y: str = ""


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
    # The Kreise bordering on the highlighted ones, lighter and with their names.
    neighbours: list[Region] = field(default_factory=list)
    label_size: str = ""


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
    if level not in geometry.LEVELS:
        raise ValueError(f"level must be one of {sorted(geometry.LEVELS)}, not {level!r}")
    names = {**default_names(level), **(names or {})}
    upper_bounds = step_bounds(max(counts.values(), default=0))
    regions = []
    for code in sorted(geometry.outlines(level), key=lambda c: sort_key(names.get(c, c))):
        count = counts.get(code, 0) or 0
        url = link(code) if link else ""
        regions.append(
            Region(
                id=code,
                name=names.get(code, code),
                d=geometry.path_data(level, code, geometry.NATIONAL_DECIMALS),
                count=count,
                css_class=f"nw-map__region nw-map__step-{step_for(count, upper_bounds)}",
                url=url or "",
            )
        )
    return Map(
        viewbox=geometry.national_viewbox(),
        regions=regions,
        legend=legend(upper_bounds),
        borders=geometry.all_land_borders() if level == "kreis" else "",
    )


def district_map(ags_list: Iterable[str], names: Mapping[str, str] | None = None) -> Map | None:
    """A small map for a network profile: its Kreise highlighted on the Länder around them.

    The viewBox is cropped to the given Kreise (with a margin, never narrower than
    ``MIN_CROP`` units). ``regions`` are the highlighted Kreise; ``context`` the Länder
    in view, clipped to it, those holding a highlighted Kreis marked
    ``nw-map__land--touched``; ``neighbours`` the Kreise in view that border on the
    highlighted ones, for orientation, each with a place for its name.
    Unknown AGS are ignored; None when none is left.
    """
    outlines = geometry.outlines("kreis")
    codes = sorted({ags for ags in ags_list if ags in outlines})
    if not codes:
        return None
    names = {**default_names("kreis"), **(names or {})}
    x0, y0, x1, y1 = geometry.union_bounds(geometry.bounds("kreis", code) for code in codes)
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
    clip = geometry.grow(view, 0.05 * (view[2] - view[0]))
    context = []
    for code in sorted(geometry.outlines("land")):
        if not geometry.overlaps(geometry.bounds("land", code), view):
            continue
        d = geometry.clipped_path("land", code, clip, geometry.DETAIL_DECIMALS)
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
            d=geometry.path_data("kreis", code, geometry.DETAIL_DECIMALS),
            css_class="nw-map__region nw-map__highlight",
        )
        for code in codes
    ]
    return Map(
        viewbox=geometry.viewbox(view, geometry.DETAIL_DECIMALS),
        regions=regions,
        context=context,
        neighbours=_neighbours(codes, names, view, clip),
        label_size=geometry.number((view[2] - view[0]) / 24, geometry.DETAIL_DECIMALS),
    )


def _neighbours(codes, names, view, clip):
    adjacency = geometry.adjacency("kreis")
    around = sorted(set().union(*(adjacency[code] for code in codes)) - set(codes))
    result = []
    for code in around:
        if not geometry.overlaps(geometry.bounds("kreis", code), view):
            continue
        # the name goes in the part that is in view
        point = geometry.label_point(geometry.clipped_rings("kreis", code, view))
        if point is None:
            continue
        decimals = geometry.DETAIL_DECIMALS
        result.append(
            Region(
                id=code,
                name=names.get(code, code),
                d=geometry.clipped_path("kreis", code, clip, decimals),
                css_class="nw-map__neighbour",
                label_x=geometry.number(round(point[0], decimals), decimals),
                label_y=geometry.number(round(point[1], decimals), decimals),
            )
        )
    return result


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
