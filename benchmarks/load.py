"""Load benchmark: every public page under gunicorn, against a Fortunes-style page.

    .venv/bin/python -m benchmarks.load [--sizes 2000 20000] [--duration 10] [--keep]
    make bench-load

For each size it builds a PostgreSQL database with that many demo networks (a
throw-away name, dropped afterwards unless ``--keep``, which also reuses one left
by an earlier ``--keep``), starts gunicorn with production settings (``DEBUG=0``,
2 workers × 4 threads, loopback only), and runs wrk for ``--duration`` seconds per
page, first with the page cache off (``PAGE_CACHE=0``: every request renders) and
then warm. Between the pages it runs the project's Fortunes-style page
(``netzwerke/fortunes.py``: one query of 12 rows, a template, no cache) on the same
gunicorn, and prints each page's req/s, p50/p95/p99 and its ratio to the mean of
the Fortunes runs on either side of it.

It also measures the p95 latency at half of the maximum rate (open loop, so a
slow answer cannot hold the load back), the workers' memory after the load, the
workers' peak memory while streaming ``export.json`` of every network, and the
home page over the wire (gzip, with its CSS and JavaScript, as a first visit).

Needs wrk (``apt-get install wrk``), PostgreSQL (``--postgres``, default
``postgres://postgres@127.0.0.1:5432``) and Redis (``--redis``) as in production.
"""

import argparse
import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
FORTUNES = "/bench/fortunes/"

WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format(
    "JSON {\\"requests\\": %d, \\"seconds\\": %f, \\"errors\\": %d, \\"non2xx\\": %d, "
    .. "\\"p50\\": %d, \\"p95\\": %d, \\"p99\\": %d}\\n",
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout,
    summary.errors.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--port", type=int, default=8107)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/7")
    parser.add_argument("--db-prefix", default="netzwerke_bench_load")
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the databases")
    parser.add_argument("--pages", nargs="*", help="only the pages with these names")
    parser.add_argument("--modes", nargs="*", default=["kalt", "warm"])
    return parser.parse_args()


# -- databases ---------------------------------------------------------------------


def psql(url, sql):
    """Run ``sql`` in the database ``url`` names."""
    return subprocess.run(
        ["psql", url, "-Atqc", sql], check=True, capture_output=True, text=True
    ).stdout.strip()


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def network_count(url):
    try:
        return int(psql(url, "SELECT count(*) FROM netzwerke_network"))
    except (subprocess.CalledProcessError, ValueError):
        return -1


def build_database(args, size, env):
    name = f"{args.db_prefix}_{size}"
    db_url = f"{args.postgres}/{name}"
    server = f"{args.postgres}/postgres"
    exists = psql(server, f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"
    if exists and args.keep and network_count(db_url) == size:
        print(f"# {name}: vorhanden, wird wiederverwendet", flush=True)
        manage({**env, "DATABASE_URL": db_url}, "migrate", "--noinput")
        return name, db_url
    psql(server, f'DROP DATABASE IF EXISTS "{name}"')
    psql(server, f'CREATE DATABASE "{name}"')
    start = time.monotonic()
    db_env = {**env, "DATABASE_URL": db_url, "DEBUG": "1"}
    manage(db_env, "migrate", "--noinput")
    manage(db_env, "load_reference_data")
    manage(db_env, "loaddata", "fixtures/vocabularies.json")
    manage(db_env, "generate_demo", "--networks", str(size), "--seed", "1")
    subprocess.run(["psql", db_url, "-qc", "VACUUM ANALYZE"], check=True)
    print(f"# {name}: {size} Netzwerke in {time.monotonic() - start:.0f} s angelegt", flush=True)
    return name, db_url


def drop_database(args, name):
    psql(f"{args.postgres}/postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sample_urls(db_url):
    def one(sql):
        return subprocess.run(
            ["psql", db_url, "-Atqc", sql], check=True, capture_output=True, text=True
        ).stdout.strip()

    slug = one("SELECT slug FROM netzwerke_network WHERE status = 'published' ORDER BY id LIMIT 1")
    district = one(
        "SELECT d.ags FROM netzwerke_district d JOIN netzwerke_network_districts nd "
        "ON nd.district_id = d.ags WHERE d.state_id = 'NW' GROUP BY d.ags "
        "ORDER BY count(*) DESC, d.ags LIMIT 1"
    )
    filters = "land=NW&handlungsfeld=aus-und-weiterbildung"
    return [
        ("Start", "/"),
        ("Liste", "/netzwerke/"),
        ("Liste, 2 Filter", f"/netzwerke/?{filters}"),
        ("Liste, q + 2 Filter", f"/netzwerke/?q=Pflege&{filters}"),
        ("Liste, Seite 5", "/netzwerke/?page=5"),
        ("Profil", f"/netzwerke/{slug}/"),
        ("Land", "/regionen/NW/"),
        ("Kreis", f"/regionen/NW/{district}/"),
        ("Statistik", "/statistik/"),
        ("Sitemap", "/sitemap.xml"),
        ("Feed", "/netzwerke/feed/"),
        ("JSON, Land", "/netzwerke/export.json?land=NW"),
        ("CSV, Land", "/netzwerke/export.csv?land=NW"),
        ("Quellen", "/quellen/"),
    ]


# -- gunicorn ----------------------------------------------------------------------


@contextlib.contextmanager
def gunicorn(args, env):
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "netzwerke.wsgi",
            "--bind",
            f"{HOST}:{args.port}",
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
            "--worker-class",
            "gthread",
            "--log-level",
            "warning",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(OSError):
                if fetch(args, FORTUNES)[0] == 200:
                    break
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("gunicorn startet nicht")
            time.sleep(0.3)
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def worker_pids(master_pid):
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == master_pid:
                pids.append(int(stat.parent.name))
    return sorted(pids)


def memory_kb(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0


def fetch(args, url, gzip=False):
    """(status, bytes on the wire, headers) of one GET."""
    connection = http.client.HTTPConnection(HOST, args.port, timeout=120)
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    connection.request("GET", url, headers=headers)
    response = connection.getresponse()
    size = 0
    while chunk := response.read(65536):
        size += len(chunk)
    connection.close()
    return response.status, size, response


# -- measurements ------------------------------------------------------------------


def wrk(args, url, script):
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--timeout",
            "30s",
            "-H",
            "Accept-Encoding: gzip",  # as every browser sends it
            "-s",
            script,
            f"http://{HOST}:{args.port}{url}",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out.split("JSON ", 1)[1])
    data["rps"] = data["requests"] / max(data["seconds"], 1e-9)
    return data


def open_loop_p95(args, url, rate, seconds):
    """p95 (ms) of requests sent at a fixed ``rate``, timed from their scheduled start."""
    local = threading.local()
    latencies = []
    start = time.monotonic() + 0.2

    def one(when):
        if not hasattr(local, "connection"):
            local.connection = http.client.HTTPConnection(HOST, args.port, timeout=60)
        time.sleep(max(0.0, when - time.monotonic()))
        try:
            local.connection.request("GET", url, headers={"Accept-Encoding": "gzip"})
            response = local.connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            local.connection = http.client.HTTPConnection(HOST, args.port, timeout=60)
            return
        latencies.append(time.monotonic() - when)

    count = max(1, int(rate * seconds))
    with ThreadPoolExecutor(max_workers=64) as pool:
        for i in range(count):
            pool.submit(one, start + i / rate)
    latencies.sort()
    return latencies[int(len(latencies) * 0.95) - 1] * 1000 if latencies else float("nan")


def over_the_wire(args):
    """Bytes of the home page with its CSS, JavaScript and icon, gzip accepted."""
    status, total, response = fetch(args, "/", gzip=True)
    html = urllib.request.urlopen(f"http://{HOST}:{args.port}/").read().decode()  # noqa: S310
    assets = re.findall(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"]+)"', html)
    for asset in assets:
        total += fetch(args, asset, gzip=True)[1]
    return total, len(assets)


def export_memory(args, env):
    """MB above the idle worker while one worker streams export.json of every network."""
    with gunicorn(args, env) as process:
        for _ in range(20):
            fetch(args, FORTUNES)
        pids = worker_pids(process.pid)
        idle = {pid: memory_kb(pid, "VmRSS") for pid in pids}
        status, size, _response = fetch(args, "/netzwerke/export.json")
        peak = max(memory_kb(pid, "VmHWM") - idle[pid] for pid in pids)
        return peak / 1024, size / 1e6, status


# -- the run -----------------------------------------------------------------------


def fmt_ms(us):
    return f"{us / 1000:.1f}"


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    return f"{os.cpu_count()} × {cpu}; Last (1/5/15 min): {' / '.join(map(str, os.getloadavg()))}"


def say(text):
    print(text, flush=True)


def run_size(args, size, base_env, script, results):
    name, db_url = build_database(args, size, base_env)
    try:
        pages = sample_urls(db_url)
        if args.pages:
            pages = [p for p in pages if p[0] in args.pages]
        for mode in args.modes:
            env = {**base_env, "DATABASE_URL": db_url, "PAGE_CACHE": str(int(mode == "warm"))}
            subprocess.run(
                ["redis-cli", "-u", args.redis, "FLUSHDB"], check=True, capture_output=True
            )
            with gunicorn(args, env) as process:
                run_mode(args, size, mode, pages, script, results)
                rss = [memory_kb(pid, "VmRSS") / 1024 for pid in worker_pids(process.pid)]
                results["rss"][(size, mode)] = max(rss)
                say(f"Worker-Speicher nach der Last: {', '.join(f'{r:.0f} MB' for r in rss)}")
                if mode == args.modes[-1]:
                    wire, assets = over_the_wire(args)
                    results["wire"][size] = wire
                    say(f"Startseite über die Leitung (gzip, {assets} Dateien): {wire // 1024} KB")
        env = {**base_env, "DATABASE_URL": db_url, "PAGE_CACHE": "0"}
        peak, megabytes, status = export_memory(args, env)
        results["export"][size] = peak
        say(f"export.json aller Netzwerke ({megabytes:.0f} MB, Status {status}):")
        say(f"  Worker-Spitze {peak:.0f} MB über dem Leerlauf")
    finally:
        if not args.keep:
            drop_database(args, name)


def run_mode(args, size, mode, pages, script, results):
    say(f"\n## {size} Netzwerke, Cache {mode}  ({machine()})")
    say(f"{'Seite':<22} {'req/s':>8} {'p50':>7} {'p95':>7} {'p99':>7} {'× Fortunes':>10}")
    for _name, url in pages:  # warm up: facet index, caches, connections
        for _ in range(3):
            fetch(args, url)
    fortunes = [wrk(args, FORTUNES, script)]
    for page_name, url in pages:
        data = wrk(args, url, script)
        fortunes.append(wrk(args, FORTUNES, script))
        ratio = data["rps"] / statistics.mean(f["rps"] for f in fortunes[-2:])
        results["pages"][(size, mode, page_name)] = {**data, "ratio": ratio}
        bad = data["non2xx"] + data["errors"]
        say(
            f"{page_name:<22} {data['rps']:>8.1f} {fmt_ms(data['p50']):>7} "
            f"{fmt_ms(data['p95']):>7} {fmt_ms(data['p99']):>7} {ratio:>10.3f}"
            + (f"  ({bad} Fehler oder nicht 2xx)" if bad else "")
        )
    say(f"{'Fortunes (Mittel)':<22} {statistics.mean(f['rps'] for f in fortunes):>8.1f}")
    if mode != "kalt":
        return
    for page_name, url in pages:
        if page_name in ("Liste, q + 2 Filter", "Profil"):
            rate = results["pages"][(size, mode, page_name)]["rps"] / 2
            p95 = open_loop_p95(args, url, rate, args.duration)
            results["half"][(size, page_name)] = p95
            say(f"p95 bei halber Höchstlast ({rate:.1f} req/s), {page_name}: {p95:.1f} ms")


def main():
    args = parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk fehlt: `apt-get install wrk` (make bench-load installiert es).")
    base_env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "0",
        "REDIS_URL": args.redis,
        "BENCHMARK_PAGE": "1",
        "LOG_LEVEL": "ERROR",
    }
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env={**base_env, "DATABASE_URL": "sqlite:///:memory:"},
        check=True,
        stdout=subprocess.DEVNULL,
    )
    results = {"pages": {}, "half": {}, "rss": {}, "wire": {}, "export": {}}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(WRK_SCRIPT)
    try:
        for size in args.sizes:
            run_size(args, size, base_env, fh.name, results)
    finally:
        os.unlink(fh.name)
    summary(args, results)


def summary(args, results):
    """The goals of the README, met or not, from this run."""
    small, large = min(args.sizes), max(args.sizes)
    pages, half = results["pages"], results["half"]
    q_list = "Liste, q + 2 Filter"
    rows = []
    if (large, "kalt", q_list) in pages:
        rows.append(
            (
                "Liste mit q, 2 Filtern, Facetten, Cache aus",
                pages[(large, "kalt", q_list)]["ratio"],
                "×",
                0.2,
                ">=",
            )
        )
    if (large, "kalt", "Profil") in pages:
        rows.append(
            ("Profil, Cache aus", pages[(large, "kalt", "Profil")]["ratio"], "×", 0.3, ">=")
        )
    warm = [v["ratio"] for (s, m, _p), v in pages.items() if s == large and m == "warm"]
    if warm:
        rows.append(("jede öffentliche Seite, Cache warm (schwächste)", min(warm), "×", 1.0, ">="))
    for page in (q_list, "Profil"):
        if (large, page) in half:
            rows.append((f"p95 bei halber Höchstlast, {page}", half[(large, page)], "ms", 50, "<="))
    if small != large and (large, q_list) in half and (small, q_list) in half:
        ratio = half[(large, q_list)] / half[(small, q_list)]
        rows.append((f"p95 {large} ÷ p95 {small}, {q_list}", ratio, "", 1.5, "<="))
    if large in results["wire"]:
        rows.append(("Startseite über die Leitung", results["wire"][large] / 1024, "KB", 100, "<="))
    rss = [v for (s, _m), v in results["rss"].items() if s == large]
    if rss:
        rows.append(("Worker-Speicher nach der Last", max(rss), "MB", 150, "<="))
    if large in results["export"]:
        rows.append(
            (
                f"export.json von {large} Netzwerken, über Leerlauf",
                results["export"][large],
                "MB",
                100,
                "<=",
            )
        )
    print("\n## Ziele\n\n| Maß | gemessen | Ziel | erreicht |\n|---|---|---|---|")
    for label, value, unit, goal, op in rows:
        met = value >= goal if op == ">=" else value <= goal
        sign = "≥" if op == ">=" else "≤"
        print(
            f"| {label} | {value:.2f} {unit} | {sign} {goal} {unit} | {'ja' if met else 'nein'} |"
        )


if __name__ == "__main__":
    main()
