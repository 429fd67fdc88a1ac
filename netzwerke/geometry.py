"""Geometry of the committed outlines in ``netzwerke/geo/``: projection, bounding boxes,
clipping, SVG path data and which Kreise border on each other; netzwerke/maps.py draws
the maps from it.

The outlines (built by ``build_reference_data``) are projected once per process with an
equirectangular projection scaled by cos(51°), which keeps Germany's shape true enough
at this latitude.
"""

import functools
import itertools
import json
import math
from collections import Counter, defaultdict
from pathlib import Path

GEO_DIR = Path(__file__).resolve().parent / "geo"

LEVELS = {"land": "laender.geojson", "kreis": "kreise.geojson"}

# Projection: x = (lon - WEST) · cos(51°) · SCALE, y = (NORTH - lat) · SCALE.
WEST, NORTH = 5.7, 55.2
SCALE = 120  # units per degree of latitude; Germany becomes about 720 × 950 units
COS_LAT = math.cos(math.radians(51))
PADDING = 8

# National maps at 1 unit (≈ 0.9 km) precision; profile maps zoom in and need 0.1.
NATIONAL_DECIMALS = 0
DETAIL_DECIMALS = 1


@functools.cache
def outlines(level: str) -> dict[str, list[list[list[tuple[float, float]]]]]:
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
def bounds(level: str, code: str) -> tuple[float, float, float, float]:
    points = [p for polygon in outlines(level)[code] for p in polygon[0]]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


@functools.cache
def adjacency(level: str) -> dict[str, frozenset[str]]:
    """code → the codes whose outline shares a stretch of boundary with it, worked out
    once per process (about half a second for the 400 Kreise).

    Neighbouring outlines of the committed files share their vertices exactly; two shared
    vertices make a common boundary, one alone is a corner where four regions meet."""
    owners = defaultdict(set)
    for code, polygons in outlines(level).items():
        for polygon in polygons:
            for ring in polygon:
                for point in ring:
                    owners[point].add(code)
    shared = Counter()
    for codes in owners.values():
        for pair in itertools.combinations(sorted(codes), 2):
            shared[pair] += 1
    neighbours = defaultdict(set)
    for (a, b), count in shared.items():
        if count >= 2:
            neighbours[a].add(b)
            neighbours[b].add(a)
    return {code: frozenset(neighbours[code]) for code in outlines(level)}


def label_point(rings) -> tuple[float, float] | None:
    """Where a name goes: the centroid of the largest ring (None without rings)."""
    best, best_area = None, 0.0
    for ring in rings:
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if abs(area) > best_area:
            best, best_area = (cx / (3 * area), cy / (3 * area)), abs(area)
    return best


def union_bounds(boxes):
    boxes = list(boxes)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def overlaps(a, b):
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def grow(box, by):
    return box[0] - by, box[1] - by, box[2] + by, box[3] + by


@functools.cache
def national_viewbox() -> str:
    box = union_bounds(bounds("land", code) for code in outlines("land"))
    return viewbox(grow(box, PADDING), NATIONAL_DECIMALS)


def viewbox(box, decimals):
    x0, y0, x1, y1 = box
    return " ".join(number(round(v, decimals), decimals) for v in (x0, y0, x1 - x0, y1 - y0))


@functools.cache
def path_data(level: str, code: str, decimals: int = NATIONAL_DECIMALS) -> str:
    """SVG path data of one region (cached); draw it with ``fill-rule: evenodd``."""
    return rings_to_path((ring for polygon in outlines(level)[code] for ring in polygon), decimals)


@functools.cache
def all_land_borders() -> str:
    return " ".join(path_data("land", code) for code in sorted(outlines("land")))


def clipped_rings(level, code, box):
    rings = (clip_ring(ring, box) for polygon in outlines(level)[code] for ring in polygon)
    return [ring for ring in rings if len(ring) >= 3]


def clipped_path(level, code, box, decimals):
    return rings_to_path(clipped_rings(level, code, box), decimals)


def clip_ring(ring, box):
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


def rings_to_path(rings, decimals):
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
        text = [number(n / factor, decimals) for n in numbers]
        parts.append(f"M{text[0]} {text[1]}l{_join(text[2:])}z")
    return "".join(parts)


def number(value, decimals):
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
