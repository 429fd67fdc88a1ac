"""Load Länder, Kreise and postal codes from fixtures/ into the database.

Idempotent: it compares with what is stored and writes only the difference, so a
second run changes nothing. Kreise missing from the files are reported, never
deleted, because networks and actors point at them.
"""

import csv
import functools
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from netzwerke.dataversion import data_version_bump
from netzwerke.models import District, ForeignRegion, Place, PostalCode, Region, State
from netzwerke.placedata import read_place_rows
from netzwerke.places import place_key
from netzwerke.reference import REGIONS

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
BATCH_SIZE = 2000
# Stays below SQLite's 32,766 bound parameters per statement.
INSERT_BATCH = 5000


def read_fixture(name):
    with (FIXTURES / name).open(encoding="utf-8") as fh:
        return json.load(fh)


@functools.cache
def read_postal_codes():
    with (FIXTURES / "postal_codes.csv").open(encoding="utf-8", newline="") as fh:
        return frozenset((row["plz"], row["ort"], row["ags"]) for row in csv.DictReader(fh))


def sync_rows(model, rows, fields):
    """Create missing and update changed rows of ``model``; return (created, updated, stale)."""
    wanted = {
        row["pk"]: model(pk=row["pk"], **{_attname(model, f): row["fields"][f] for f in fields})
        for row in rows
    }
    attnames = [_attname(model, f) for f in fields]
    existing = {obj.pk: obj for obj in model.objects.only(*attnames)}
    to_create = [obj for pk, obj in wanted.items() if pk not in existing]
    to_update = []
    for pk, obj in wanted.items():
        current = existing.get(pk)
        if current and any(getattr(current, a) != getattr(obj, a) for a in attnames):
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    if to_update:
        model.objects.bulk_update(to_update, attnames, batch_size=BATCH_SIZE)
    return len(to_create), len(to_update), sorted(set(existing) - set(wanted))


def _attname(model, field_name):
    return model._meta.get_field(field_name).attname


def read_foreign_regions():
    """The NUTS-3 regions of ``fixtures/nuts3_neighbours.csv`` (lines with # are comments)
    as fixture rows."""
    with (FIXTURES / "nuts3_neighbours.csv").open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return [
        {"pk": row["code"], "fields": {"name": row["name"], "country": row["country"]}}
        for row in csv.DictReader(lines, delimiter=";")
    ]


def sync_postal_codes():
    wanted = read_postal_codes()
    existing = {
        (code, place, ags): pk
        for pk, code, place, ags in PostalCode.objects.values_list(
            "pk", "code", "place", "district_id"
        )
    }
    stale = [pk for key, pk in existing.items() if key not in wanted]
    missing = wanted - existing.keys()
    if stale:
        PostalCode.objects.filter(pk__in=stale).delete()
    if missing:
        insert_rows(PostalCode, ("code", "place", "district"), sorted(missing))
    return len(missing), len(stale)


def insert_rows(model, fields, rows):
    """Insert plain tuples: COPY on PostgreSQL, multi-row INSERTs elsewhere.

    For 16,000 three-column rows bulk_create spends most of its time compiling SQL,
    and the tests load this table again and again.
    """
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(model._meta.get_field(f).column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
        for start in range(0, len(rows), INSERT_BATCH):
            batch = rows[start : start + INSERT_BATCH]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES " + ", ".join([placeholder] * len(batch)),
                [value for row in batch for value in row],
            )


def sync_places():
    wanted = read_place_rows()
    existing = {
        row[1:]: row[0]
        for row in Place.objects.values_list("pk", "key", "name", "district_id", "population")
    }
    stale = [pk for key, pk in existing.items() if key not in wanted]
    missing = wanted - existing.keys()
    if stale:
        Place.objects.filter(pk__in=stale).delete()
    if missing:
        insert_rows(Place, ("key", "name", "district", "population"), sorted(missing, key=str))
    return len(missing), len(stale)


def seed_regions():
    """Create the regions of ``reference.REGIONS`` that are missing by name; edits stay."""
    existing = set(Region.objects.values_list("name", flat=True))
    all_ags = list(District.objects.values_list("ags", flat=True))
    created = 0
    for name, other_names, codes in REGIONS:
        if name in existing:
            continue
        region = Region(name=name, other_names="\n".join(other_names))
        region.save()
        region.districts.set(
            [a for a in all_ags if any(_covers(code, a) for code in codes.split())]
        )
        created += 1
    return created


def _covers(code, ags):
    return ags.startswith(code[:-1]) if code.endswith("*") else ags == code


class Command(BaseCommand):
    help = (
        "Lädt Bundesländer, Kreise, Postleitzahlen, Orte, Regionen und die NUTS-3-Regionen "
        "der Nachbarstaaten aus fixtures/ (idempotent)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        created, updated, stale = sync_rows(State, read_fixture("states.json"), ["ags", "name"])
        self.stdout.write(f"Bundesländer: {created} neu, {updated} geändert")
        self._warn_stale("Bundesländer", stale)

        districts = read_fixture("districts.json")
        for row in districts:
            row["fields"]["search_key"] = place_key(row["fields"]["name"])
        created, updated, stale = sync_rows(
            District, districts, ["name", "kind", "state", "population", "area_km2", "search_key"]
        )
        self.stdout.write(f"Kreise: {created} neu, {updated} geändert")
        self._warn_stale("Kreise", stale)

        created, deleted = sync_postal_codes()
        self.stdout.write(f"Postleitzahlen: {created} neu, {deleted} entfernt")

        created, deleted = sync_places()
        self.stdout.write(f"Orte: {created} neu, {deleted} entfernt")
        self.stdout.write(f"Regionen: {seed_regions()} neu")

        created, updated, stale = sync_rows(
            ForeignRegion, read_foreign_regions(), ["name", "country"]
        )
        self.stdout.write(f"Regionen im Ausland (NUTS 3): {created} neu, {updated} geändert")
        self._warn_stale("Regionen im Ausland", stale)
        data_version_bump()  # bulk writes send no signals; Kreis names appear on public pages

    def _warn_stale(self, label, stale):
        if stale:
            self.stderr.write(
                self.style.WARNING(
                    f"{label} in der Datenbank, aber nicht in fixtures/: {', '.join(stale)}"
                )
            )
