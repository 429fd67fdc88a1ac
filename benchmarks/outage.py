"""Stop and start PostgreSQL under light load and count what visitors got.

    python -m benchmarks.outage [--seconds 6]

Runs a private PostgreSQL (initdb in a temporary directory, its own port) and one
gunicorn app server with production settings, sends a few requests a second to
public pages, stops the database, starts it again, and prints per phase how many
answers were 200, 503 (the German outage page) and anything else. Exits 1 if any
answer was neither 200 nor 503, or if the pages are not back to 200 afterwards.
"""

import argparse
import collections
import sys
import time

from benchmarks.servers import AppServer, manage, private_postgres, production_env, status_of

PAGES = ["/", "/netzwerke/", "/statistik/", "/quellen/"]


def load(base: str, seconds: float, counts: collections.Counter) -> None:
    deadline = time.monotonic() + seconds
    i = 0
    while time.monotonic() < deadline:
        counts[status_of(base + PAGES[i % len(PAGES)])] += 1
        i += 1
        time.sleep(0.1)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=6.0)
    args = parser.parse_args(argv)
    phases = {}
    with private_postgres() as pg:
        env = production_env(pg.url)
        manage(env, "migrate", "--noinput")
        # without REDIS_URL production caches in the database (README "Production")
        manage(env, "createcachetable")
        manage(env, "collectstatic", "--noinput")
        manage(env, "load_reference_data")
        server = AppServer(env)
        try:
            phases["vorher"] = collections.Counter()
            load(server.base, args.seconds, phases["vorher"])
            pg.stop()
            phases["während"] = collections.Counter()
            load(server.base, args.seconds, phases["während"])
            static = status_of(server.base + "/static/css/site.css")
            pg.start()
            phases["danach"] = collections.Counter()
            load(server.base, args.seconds, phases["danach"])
        finally:
            server.stop()
    print(f"{'Phase':<9} {'Anfragen':>8} {'200':>5} {'503':>5} {'andere':>7}")
    bad = 0
    for name, counts in phases.items():
        other = sum(n for code, n in counts.items() if code not in (200, 503))
        bad += other
        print(f"{name:<9} {sum(counts.values()):>8} {counts[200]:>5} {counts[503]:>5} {other:>7}")
    others = sorted({code for c in phases.values() for code in c if code not in (200, 503)})
    if others:
        print(f"andere Antworten: {others} (0: keine Antwort)")
    print(f"statische Datei während des Ausfalls: {static}")
    back = phases["danach"][200] > 0 and phases["danach"][503] <= 2
    if bad or not back or static != 200 or phases["vorher"][200] != sum(phases["vorher"].values()):
        print("FEHLER: unerwartete Antworten")
        return 1
    print("ok: während des Ausfalls nur 503 mit deutscher Seite, danach wieder 200")
    return 0


if __name__ == "__main__":
    sys.exit(main())
