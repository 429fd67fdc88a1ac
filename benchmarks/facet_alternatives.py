"""The three ways to count the list's facets, measured on one PostgreSQL database.

    DATABASE_URL=postgres://…/NAME .venv/bin/python -m benchmarks.facet_alternatives

1. SQL over the normalised tables (``netzwerke.facets.compute_facets``, the old way):
   one GROUP BY per facet over the through tables and memberships.
2. Denormalised arrays: a temporary table with one row per published network and an
   integer/text array per facet, GIN-indexed; one ``unnest … GROUP BY`` per facet.
3. The in-process bitset index (``netzwerke.facetindex``): built once per data version,
   then bit operations.

Prints the median of 5 runs per filter, and the index's build time and size. Nothing is
written: the arrays live in a temporary table inside a transaction that is rolled back.
"""

import pickle
import statistics
import sys
import time

from django.db import connection as db
from django.db import transaction
from django.http import QueryDict

from benchmarks.harness import connection  # noqa: F401  (sets up Django)
from netzwerke.facetindex import build_index, search_result
from netzwerke.facets import compute_facets
from netzwerke.filters import NetworkFilter
from netzwerke.views.pages import public_networks

QUERIES = {
    "ohne Filter": "",
    "land=NW&handlungsfeld=…": "land=NW&handlungsfeld=aus-und-weiterbildung",
    "q=Pflege&land=NW&handlungsfeld=…": "q=Pflege&land=NW&handlungsfeld=aus-und-weiterbildung",
}

ARRAYS = """
CREATE TEMP TABLE facet_rows AS
SELECT n.id, n.network_type,
  ARRAY(SELECT DISTINCT d.state_id FROM netzwerke_network_districts nd
        JOIN netzwerke_district d ON d.ags = nd.district_id WHERE nd.network_id = n.id) lands,
  ARRAY(SELECT nd.district_id FROM netzwerke_network_districts nd WHERE nd.network_id = n.id) kreise,
  ARRAY(SELECT x.actionfield_id FROM netzwerke_network_action_fields x WHERE x.network_id = n.id) felder,
  ARRAY(SELECT x.targetgroup_id FROM netzwerke_network_target_groups x WHERE x.network_id = n.id) gruppen,
  ARRAY(SELECT x.sector_id FROM netzwerke_network_sectors x WHERE x.network_id = n.id) branchen,
  ARRAY(SELECT DISTINCT a.actor_type_id FROM netzwerke_membership m
        JOIN netzwerke_actor a ON a.id = m.actor_id WHERE m.network_id = n.id) akteurstypen
FROM netzwerke_network n WHERE n.status = 'published';
CREATE INDEX ON facet_rows USING gin (lands);
CREATE INDEX ON facet_rows USING gin (felder);
CREATE INDEX ON facet_rows USING gin (akteurstypen);
ANALYZE facet_rows;
"""  # noqa: E501


def median_ms(function, runs=5):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def array_facets(where_by_facet):
    """One unnest/GROUP BY per facet, each under the other facets' conditions."""
    with db.cursor() as cursor:
        for column in ("lands", "kreise", "felder", "gruppen", "branchen", "akteurstypen"):
            conditions = [c for facet, c in where_by_facet.items() if facet != column] or ["true"]
            cursor.execute(
                f"SELECT v, count(*) FROM facet_rows, unnest({column}) v "  # noqa: S608
                f"WHERE {' AND '.join(conditions)} GROUP BY v"
            )
            cursor.fetchall()
        conditions = list(where_by_facet.values()) or ["true"]
        cursor.execute(
            "SELECT network_type, count(*) FROM facet_rows "  # noqa: S608
            f"WHERE {' AND '.join(conditions)} GROUP BY network_type"
        )
        cursor.fetchall()


def main():
    if db.vendor != "postgresql":
        sys.exit("Braucht PostgreSQL: DATABASE_URL=postgres://…")
    start = time.perf_counter()
    index = build_index()
    build_ms = (time.perf_counter() - start) * 1000
    size = len(pickle.dumps(index))  # what the shared cache holds
    print(f"{len(index.ids)} veröffentlichte Netzwerke")
    print(f"Bitset-Index: Aufbau {build_ms:.0f} ms, {size / 1e6:.1f} MB")

    with transaction.atomic():
        start = time.perf_counter()
        with db.cursor() as cursor:
            cursor.execute(ARRAYS)
        print(f"Array-Tabelle mit GIN: Aufbau {(time.perf_counter() - start) * 1000:.0f} ms")
        field_id = (
            public_networks()
            .model.action_fields.through.objects.filter(actionfield__slug="aus-und-weiterbildung")
            .values_list("actionfield_id", flat=True)
            .first()
        )
        print("Arrays und Bitsets ohne die Suche selbst (eine Abfrage, für alle drei gleich)")
        print("Bitsets mit den Abfragen der Filterwerte (hier je eine für Land, Handlungsfeld)")
        print(f"{'Filter':<34} {'SQL alt':>9} {'Arrays':>9} {'Bitsets':>9}  (ms, Median)")
        for label, raw in QUERIES.items():
            query = QueryDict(raw)

            def old(query=query):
                compute_facets(NetworkFilter(query, queryset=public_networks()))

            ranks = NetworkFilter(query, queryset=public_networks()).search_ranks()

            def bits(query=query, ranks=ranks):
                filterset = NetworkFilter(query, queryset=public_networks())
                search_result(filterset, index, search=ranks)

            where = {}
            if "land" in query:
                where["lands"] = "lands && ARRAY['NW']::varchar[]"
            if "handlungsfeld" in query:
                where["felder"] = f"felder && ARRAY[{field_id}]::bigint[]"
            if ranks is not None:
                matches = ",".join(str(pk) for pk in ranks) or "0"
                where["q"] = f"id IN ({matches})"

            def arrays(where=where):
                array_facets(where)

            print(
                f"{label:<34} {median_ms(old):>9.1f} {median_ms(arrays):>9.1f} "
                f"{median_ms(bits):>9.1f}"
            )
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
