"""Database or cache away: a German 503 page with Retry-After; health endpoints."""

import socket

import pytest
from django.db import OperationalError, connection
from django.test import Client

from tests import factories as f

pytestmark = pytest.mark.django_db


def _refuse(execute, sql, params, many, context):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def _assert_unavailable(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    text = response.content.decode()
    assert '<html lang="de">' in text
    assert "Vorübergehend nicht erreichbar" in text
    assert "css/site.css" in text  # the site's layout, not a bare page
    assert "Server Error" not in text


@pytest.mark.parametrize("url", ["/", "/netzwerke/", "/statistik/", "/regionen/NW/"])
def test_database_outage_gives_the_german_503_page(visitor, url):
    f.NetworkFactory()
    with connection.execute_wrapper(_refuse):
        response = visitor.get(url)
    _assert_unavailable(response)
    assert visitor.get(url).status_code < 500  # recovers without a restart


def test_logged_in_outage_fails_in_the_session_lookup_and_still_answers_503(visitor):
    coordinator = f.CoordinatorFactory()
    visitor.force_login(coordinator.user, backend="django.contrib.auth.backends.ModelBackend")
    with connection.execute_wrapper(_refuse):
        _assert_unavailable(visitor.get("/erhebung/"))


def test_the_503_page_needs_no_database(django_assert_num_queries):
    from netzwerke.outage import unavailable_response

    with django_assert_num_queries(0):
        response = unavailable_response()
    _assert_unavailable(response)


def test_redis_outage_gives_the_503_page(settings, visitor):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }
    response = visitor.post("/eintragen/", {"network_name": "Netz", "email": "a@example.org"})
    _assert_unavailable(response)


def test_health_endpoints(visitor, settings):
    settings.SECURE_SSL_REDIRECT = True  # a load balancer asks over plain HTTP
    response = visitor.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"
    assert "sessionid" not in response.cookies
    ready = visitor.get("/readyz")
    assert ready.status_code == 200, ready.content
    assert ready.json() == {"database": "ok", "cache": "ok", "migrations": "ok"}


def test_readyz_reports_the_lost_database(visitor):
    import netzwerke.outage

    netzwerke.outage._migrations_applied = False
    with connection.execute_wrapper(_refuse):
        assert visitor.get("/healthz").status_code == 200
        ready = visitor.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["database"] == "OperationalError"


def test_static_files_are_served_during_the_outage(settings):
    settings.WHITENOISE_USE_FINDERS = True  # tests run without collectstatic
    visitor = Client(raise_request_exception=False)
    with connection.execute_wrapper(_refuse):
        response = visitor.get("/static/css/site.css")
    assert response.status_code == 200
