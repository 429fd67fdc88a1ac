"""Benchmark of the bulk paths: generate_demo, CSV export and CSV import.

Runs on a throw-away SQLite database (or DATABASE_URL if set) and prints networks per
minute, both wall-clock and CPU time (CPU time is the fairer figure on a shared
machine). Usage: ``python scripts/bench_bulk.py [--networks 5000]``; ``make bench``.
"""

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(label, func, count):
    wall, cpu = time.perf_counter(), time.process_time()
    result = func()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"{label:<28} {count:>6} Netzwerke  {wall:6.1f} s  "
        f"{count / wall * 60:>9,.0f}/min (Wanduhr)  {count / cpu * 60:>9,.0f}/min (CPU)"
    )
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--networks", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="nw-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netzwerke.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from netzwerke import csvformat
    from netzwerke.demo import generate_demo
    from netzwerke.models import Actor, Network

    quiet = io.StringIO()
    call_command("migrate", verbosity=0, stdout=quiet)
    call_command("load_reference_data", stdout=quiet)
    call_command("loaddata", str(ROOT / "fixtures" / "vocabularies.json"), verbosity=0)
    Network.objects.all().delete()
    Actor.objects.all().delete()

    n = args.networks
    timed("generate_demo", lambda: generate_demo(networks=n, seed=args.seed), n)
    buffer = io.StringIO()
    qs = csvformat.export_queryset(Network.objects.all())
    timed("export (CSV schreiben)", lambda: csvformat.write_networks(qs, buffer), n)
    data = buffer.getvalue().encode("utf-8")
    Network.objects.all().delete()
    Actor.objects.all().delete()
    result = timed("import (neu anlegen)", lambda: csvformat.import_networks(data), n)
    assert result.ok, result.errors[:5]
    result = timed("import (erneut, unverändert)", lambda: csvformat.import_networks(data), n)
    assert len(result.unchanged) == n
    print(f"CSV: {len(data) / 1e6:.1f} MB; Datenbank: {os.environ['DATABASE_URL']}")


if __name__ == "__main__":
    main()
