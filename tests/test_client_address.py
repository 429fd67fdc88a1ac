"""Rate limits that hold: the client address behind trusted proxies, per-address login limit."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, RequestFactory

from netzwerke.security import client_ip

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def _request(remote="10.0.0.1", forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_client_address_without_proxy_ignores_the_header(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_ip(_request(forwarded="1.2.3.4")) == "10.0.0.1"


def test_client_address_behind_trusted_proxies(settings):
    settings.TRUSTED_PROXIES = 1
    # the client sent a forged header; the proxy appended the address it saw
    assert client_ip(_request(forwarded="6.6.6.6, 198.51.100.7")) == "198.51.100.7"
    settings.TRUSTED_PROXIES = 2
    assert client_ip(_request(forwarded="6.6.6.6, 198.51.100.7, 10.0.0.9")) == "198.51.100.7"
    assert client_ip(_request(forwarded="")) == "10.0.0.1"


def test_rate_limit_counts_per_client_behind_the_proxy(settings):
    settings.TRUSTED_PROXIES = 1
    settings.RATELIMITS = {"register": (2, 3600)}
    proxy = Client(REMOTE_ADDR="10.0.0.1")
    data = {"network_name": "Netz", "email": "a@example.org", "homepage": "spam"}
    for _ in range(2):
        assert (
            proxy.post("/eintragen/", data, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 302
        )
    assert proxy.post("/eintragen/", data, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    # another visitor behind the same proxy is not blocked
    assert proxy.post("/eintragen/", data, HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 302


def test_axes_records_the_client_address_behind_the_proxy(settings):
    from axes.models import AccessAttempt

    settings.TRUSTED_PROXIES = 1
    Client(REMOTE_ADDR="10.0.0.1").post(
        "/konto/login/",
        {"username": "erika", "password": "falsch"},
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert AccessAttempt.objects.get().ip_address == "198.51.100.7"


@pytest.mark.parametrize("url", ["/konto/login/", "/admin/login/"])
def test_login_attempts_are_limited_per_address_across_user_names(settings, url):
    settings.RATELIMITS = {"login": (3, 3600)}
    client = Client(REMOTE_ADDR="192.0.2.1")
    for name in ("anna", "bert", "carla"):
        response = client.post(url, {"username": name, "password": "Sommer2026"})
        assert response.status_code == 200
    response = client.post(url, {"username": "dora", "password": "Sommer2026"})
    assert response.status_code == 429
    assert (
        Client(REMOTE_ADDR="192.0.2.2").post(url, {"username": "x", "password": "y"}).status_code
        == 200
    )


def test_deploy_check_warns_about_a_per_process_cache(settings):
    from netzwerke.checks import shared_cache_check

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [w.id for w in shared_cache_check()] == ["netzwerke.W001"]
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t"}
    }
    assert shared_cache_check() == []


def test_production_settings_use_the_database_cache_without_redis(monkeypatch):
    import importlib

    import netzwerke.settings as project_settings

    monkeypatch.setenv("DEBUG", "0")
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.delenv("REDIS_URL", raising=False)
    try:
        reloaded = importlib.reload(project_settings)
        assert reloaded.CACHES["default"]["BACKEND"].endswith("db.DatabaseCache")
        assert reloaded.MAILERS["default"]["BACKEND"] == "outbox.backends.QueueBackend"
    finally:
        monkeypatch.undo()
        importlib.reload(project_settings)


def test_createcachetable_makes_the_table(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "netzwerke_cache",
        }
    }
    call_command("createcachetable", verbosity=0)
    from django.core.cache import caches

    caches["default"].set("k", "v")
    assert caches["default"].get("k") == "v"
