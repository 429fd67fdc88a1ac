"""What the page benchmarks share: Django set up on a throw-away test database, and one
measurement per URL (query count, median time of 5 runs, response size).

The page cache is off while they run: a cached page costs one query whatever it shows,
so with it on they would measure the cache, not the page (``benchmarks.load`` measures
both)."""

import contextlib
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netzwerke.settings")

import django  # noqa: E402

django.setup()

from django.core.signals import request_finished  # noqa: E402
from django.db import close_old_connections, connection, reset_queries  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    override_settings,
    setup_test_environment,
)


@contextlib.contextmanager
def throwaway_database():
    """A test database (SQLite, or PostgreSQL with DATABASE_URL), destroyed afterwards."""
    setup_test_environment()
    # keep the connection (and its query log) across requests, as the test runner does
    request_finished.disconnect(close_old_connections)
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        with override_settings(PAGE_CACHE=False):
            yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def measure(client, url, slowest):
    """(queries, median ms, bytes) for ``url``; its queries' times go into ``slowest``."""
    fetch(client, url)
    reset_queries()  # a full query log (maxlen) would make the capture look empty
    with CaptureQueriesContext(connection) as queries:
        response, body = fetch(client, url)
    assert response.status_code == 200, url
    slowest.extend((float(q["time"]), url, q["sql"][:160]) for q in queries.captured_queries)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        fetch(client, url)
        times.append(time.perf_counter() - start)
    return len(queries.captured_queries), statistics.median(times) * 1000, len(body)


def fetch(client, url):
    """The response and its whole body; a streamed export is read to its end."""
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def print_slowest(slowest):
    if "-v" in sys.argv:
        for seconds, url, sql in sorted(slowest, reverse=True)[:5]:
            print(f"  {seconds * 1000:7.1f} ms  {url}  {sql}")
