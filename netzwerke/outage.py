"""When the database or the cache is away: a German 503 page, and health endpoints.

``server_error`` is the project's ``handler500``: Django calls it for every uncaught
exception, wherever it was raised (a view, the session or authentication middleware),
so one place turns a lost database or Redis connection into "Vorübergehend nicht
erreichbar" with ``Retry-After``. The page is rendered without a request context, so
it needs neither database nor cache. The app recovers by itself: Django opens a new
connection on the next request.

``HealthMiddleware`` answers ``/healthz`` (process alive) and ``/readyz`` (database,
cache, migrations) before any other middleware: no HTTPS redirect, no session, no
rate limit, no lockout.
"""

import json
import logging
import sys

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views import defaults

logger = logging.getLogger("netzwerke.outage")
RETRY_AFTER_SECONDS = 30
FALLBACK_PAGE = (
    '<!DOCTYPE html><html lang="de"><title>Vorübergehend nicht erreichbar</title>'
    "<h1>Vorübergehend nicht erreichbar</h1></html>"
)


def _outage_errors() -> tuple[type[BaseException], ...]:
    errors: tuple[type[BaseException], ...] = (OperationalError, InterfaceError)
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError
    except ImportError:  # pragma: no cover - redis is a dependency
        return errors
    return (*errors, RedisConnectionError, RedisTimeoutError)


OUTAGE_ERRORS = _outage_errors()


def is_outage(exc: BaseException | None) -> bool:
    while exc is not None:
        if isinstance(exc, OUTAGE_ERRORS):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def unavailable_response() -> HttpResponse:
    try:
        body = loader.render_to_string("503.html")
    except Exception:  # the page itself must never fail
        logger.exception("rendering 503.html failed")
        body = FALLBACK_PAGE
    response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name="500.html"):
    exc = sys.exc_info()[1]
    if is_outage(exc):
        logger.error("database or cache unreachable: %s", exc)
        return unavailable_response()
    try:
        return defaults.server_error(request, template_name)
    except Exception:  # a 500 page that needs what is broken
        return HttpResponseServerError("<h1>Interner Fehler</h1>", content_type="text/html")


_migrations_applied = False


def readiness() -> dict[str, str]:
    """What /readyz checks; every value is "ok" when the app can serve."""
    global _migrations_applied
    checks = {}
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"{type(exc).__name__}"
    try:
        cache.set("readyz", "1", 10)
        checks["cache"] = "ok" if cache.get("readyz") == "1" else "lost"
    except Exception as exc:
        checks["cache"] = f"{type(exc).__name__}"
    if _migrations_applied:
        checks["migrations"] = "ok"
    elif checks["database"] == "ok":
        try:
            executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
            pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
            _migrations_applied = not pending
            checks["migrations"] = "ok" if not pending else f"{len(pending)} offen"
        except Exception as exc:
            checks["migrations"] = f"{type(exc).__name__}"
    else:
        checks["migrations"] = "unbekannt"
    return checks


class HealthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return HttpResponse("ok", content_type="text/plain")
        if request.path == "/readyz":
            checks = readiness()
            ready = all(value == "ok" for value in checks.values())
            response = HttpResponse(
                json.dumps(checks), status=200 if ready else 503, content_type="application/json"
            )
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
