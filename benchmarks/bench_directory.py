"""How the public directory pages scale with the number of networks.

    .venv/bin/python -m benchmarks.bench_directory [SIZES …] [--only=WORD,…]   (default: 400 4000)

Builds a throw-away test database (SQLite, or PostgreSQL with DATABASE_URL), loads the
reference data, vocabularies and SIZE demo networks, and reports for each public page
the number of queries (which must not grow with SIZE), the median time of 5 runs and
the size of the response. ``-v`` adds the five slowest queries; ``--only=Praxis,Kreis``
measures only the pages whose name contains one of the words.
"""

import io
import sys

from django.core.management import call_command
from django.test import Client

from benchmarks.harness import measure, print_slowest, throwaway_database
from netzwerke.models import ActionField, Network, Project


def fill(size):
    Network.objects.all().delete()
    quiet = io.StringIO()
    call_command("generate_demo", networks=size, seed=1, stdout=quiet)


def pages():
    network = Network.objects.published().order_by("pk").first()
    field = ActionField.objects.filter(official=True).order_by("pk").first()
    state = network.districts.first().state_id
    district = network.districts.first().ags
    project = (
        Project.objects.filter(network__status=Network.Status.PUBLISHED)
        .select_related("network")
        .order_by("pk")
        .first()
    )
    return (
        ("Start", "/"),
        ("Start, PLZ", "/?ort=33602"),
        ("Start, Ort", "/?ort=Bielefeld"),
        ("Liste", "/netzwerke/"),
        ("Liste, Filter", f"/netzwerke/?land={state}&handlungsfeld={field.slug}&sort=partner"),
        ("Liste, Suche", f"/netzwerke/?q=Ausbildung&land={state}"),
        (
            "Suche+2 Filter",
            f"/netzwerke/?q=Pflegekräfte&land={state}&handlungsfeld={field.slug}&sort=relevanz",
        ),
        ("Suche, nichts", "/netzwerke/?q=Pflegenetzwrek"),
        ("Ort, Landkreis", "/?ort=Landkreis+G%C3%B6ttingen"),
        ("Ort, mehrdeutig", "/?ort=Frankfurt"),
        ("Ort, Region", "/?ort=OWL"),
        ("Ort, PLZ 3 Kreise", "/?ort=17337"),
        ("Liste, S. 5", "/netzwerke/?page=5"),
        ("Profil", network.get_absolute_url()),
        ("Land", f"/regionen/{state}/"),
        ("Kreis", f"/regionen/{state}/{district}/"),
        ("JSON", f"/netzwerke/export.json?land={state}"),
        ("CSV", f"/netzwerke/export.csv?land={state}"),
        ("Feed", "/netzwerke/feed/"),
        ("Sitemap", "/sitemap.xml"),
        ("Praxis", "/praxisbeispiele/"),
        (
            "Praxis, Filter",
            f"/praxisbeispiele/?ziel=ausbilden&handlungsfeld={field.slug}&land={state}",
        ),
        ("Praxis, Projekt", project.get_absolute_url()),
        ("Überschneidungen", "/ueberschneidungen/"),
        ("Überschn., Land", f"/ueberschneidungen/?land={state}"),
    )


def main():
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or [400, 4000]
    only = [w for a in sys.argv[1:] if a.startswith("--only=") for w in a[7:].split(",") if w]
    with throwaway_database() as connection:
        call_command("load_reference_data", stdout=io.StringIO())
        call_command("loaddata", "fixtures/vocabularies.json", stdout=io.StringIO())
        client = Client()
        print(f"{connection.vendor}: networks, page, queries, median ms, KB")
        slowest = []
        for size in sizes:
            fill(size)
            slowest.clear()
            for name, url in pages():
                if only and not any(word in name for word in only):
                    continue
                count, ms, length = measure(client, url, slowest)
                print(f"{size:>6}  {name:<17} {count:>3}  {ms:8.1f}  {length // 1024:>5}")
        print_slowest(slowest)


if __name__ == "__main__":
    main()
