"""How the public directory pages scale with the number of networks.

    .venv/bin/python benchmarks/bench_directory.py [SIZES …]   (default: 400 4000)

Builds a throw-away test database (SQLite, or PostgreSQL with DATABASE_URL), loads the
reference data, vocabularies and SIZE demo networks, and reports for each public page
the number of queries (which must not grow with SIZE), the median time of 5 runs and
the size of the response. ``-v`` adds the five slowest queries.
"""

import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netzwerke.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.signals import request_finished  # noqa: E402
from django.db import close_old_connections, connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from netzwerke.models import ActionField, Network  # noqa: E402


def fill(size):
    Network.objects.all().delete()
    quiet = io.StringIO()
    call_command("generate_demo", networks=size, seed=1, stdout=quiet)


def pages():
    network = Network.objects.published().order_by("pk").first()
    field = ActionField.objects.filter(official=True).order_by("pk").first()
    state = network.districts.first().state_id
    district = network.districts.first().ags
    return (
        ("Start", "/"),
        ("Start, PLZ", "/?ort=33602"),
        ("Start, Ort", "/?ort=Bielefeld"),
        ("Liste", "/netzwerke/"),
        ("Liste, Filter", f"/netzwerke/?land={state}&handlungsfeld={field.slug}&sort=partner"),
        ("Liste, Suche", f"/netzwerke/?q=Ausbildung&land={state}"),
        ("Liste, S. 5", "/netzwerke/?page=5"),
        ("Profil", network.get_absolute_url()),
        ("Land", f"/regionen/{state}/"),
        ("Kreis", f"/regionen/{state}/{district}/"),
        ("JSON", f"/netzwerke/export.json?land={state}"),
        ("CSV", f"/netzwerke/export.csv?land={state}"),
        ("Feed", "/netzwerke/feed/"),
        ("Sitemap", "/sitemap.xml"),
    )


def measure(client, url, slowest):
    client.get(url)
    reset_queries()  # a full query log (maxlen) would make the capture look empty
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    slowest.extend((float(q["time"]), url, q["sql"][:160]) for q in queries.captured_queries)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    return len(queries.captured_queries), statistics.median(times) * 1000, len(response.content)


def main():
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or [400, 4000]
    setup_test_environment()
    request_finished.disconnect(close_old_connections)
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_reference_data", stdout=io.StringIO())
        call_command("loaddata", "fixtures/vocabularies.json", stdout=io.StringIO())
        client = Client()
        print(f"{connection.vendor}: networks, page, queries, median ms, KB")
        slowest = []
        for size in sizes:
            fill(size)
            slowest.clear()
            for name, url in pages():
                count, ms, length = measure(client, url, slowest)
                print(f"{size:>6}  {name:<14} {count:>3}  {ms:8.1f}  {length // 1024:>5}")
        if "-v" in sys.argv:
            for seconds, url, sql in sorted(slowest, reverse=True)[:5]:
                print(f"  {seconds * 1000:7.1f} ms  {url}  {sql}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
