"""The optional read replica: which reads go there, and that nothing changes without it."""

import json

import pytest
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.test import Client

from netzwerke import replica
from netzwerke.dataversion import DataVersion
from netzwerke.models import Network
from tests import factories as f
from tests.test_settings import PRODUCTION, _manage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def outside_the_test_transaction(monkeypatch):
    """Each test runs inside a transaction of its own; count only the ones opened after."""
    baseline = len(connection.atomic_blocks)
    monkeypatch.setattr(replica, "in_transaction", lambda: len(connection.atomic_blocks) > baseline)


decisions: list[tuple[str, str | None]] = []


class RecordingRouter(replica.ReplicaRouter):
    """Records what the router chose and keeps every query on the test database."""

    def db_for_read(self, model, **hints):
        decisions.append((model._meta.label, super().db_for_read(model, **hints)))
        return None


@pytest.fixture
def recorded(settings):
    settings.DATABASE_ROUTERS = ["tests.test_replica.RecordingRouter"]
    settings.PAGE_CACHE = False  # a page kept by another test would read nothing
    decisions.clear()
    yield decisions
    decisions.clear()


def _on_replica(recorded):
    return {label for label, alias in recorded if alias == replica.REPLICA}


def test_router_reads_the_primary_unless_a_public_page_asked():
    router = replica.ReplicaRouter()
    assert router.db_for_read(Network) is None
    replica.use_replica_for_reads()
    try:
        assert router.db_for_read(Network) == replica.REPLICA
        assert router.db_for_read(DataVersion) == replica.REPLICA
        # sessions and logins read their own writes
        assert router.db_for_read(Session) is None
        # inside a transaction every read is the writer's
        with transaction.atomic():
            assert router.db_for_read(Network) is None
        assert router.db_for_write(Network) is None
    finally:
        replica.reset()
    assert router.db_for_read(Network) is None


def test_router_never_migrates_the_replica():
    router = replica.ReplicaRouter()
    assert router.allow_migrate(replica.REPLICA, "netzwerke") is False
    assert router.allow_migrate("default", "netzwerke") is None


def test_anonymous_public_page_reads_the_replica(recorded, client):
    f.NetworkFactory(name="Netzwerk Lippe")
    response = client.get("/netzwerke/")
    assert response.status_code == 200
    on_replica = _on_replica(recorded)
    assert {"netzwerke.DataVersion", "netzwerke.Network"} <= on_replica
    # the request is over: the next reads are the primary's again
    assert not replica.reads_on_replica()


def test_signed_in_users_read_the_primary(recorded):
    browser = Client()
    browser.force_login(f.StaffFactory(), backend="django.contrib.auth.backends.ModelBackend")
    assert browser.get("/netzwerke/").status_code == 200
    assert recorded and not _on_replica(recorded)


def test_posts_and_private_pages_read_the_primary(recorded, client):
    f.CoordinatorFactory(user__username="erika")
    client.get("/konto/login/")
    client.post("/konto/login/", {"username": "erika", "password": "falsch"})
    client.get("/erhebung/")
    assert recorded and not _on_replica(recorded)


def _databases(env):
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps({'aliases': sorted(settings.DATABASES), "
        "'routers': settings.DATABASE_ROUTERS, "
        "'replica': settings.DATABASES.get('replica', {}).get('HOST')}))"
    )
    result = _manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_replica_url_nothing_changes():
    assert _databases(PRODUCTION) == {"aliases": ["default"], "routers": [], "replica": None}


def test_replica_url_adds_the_alias_and_the_router():
    env = {**PRODUCTION, "DATABASE_REPLICA_URL": "postgres://leser@replica.internal:5432/nw"}
    assert _databases(env) == {
        "aliases": ["default", "replica"],
        "routers": ["netzwerke.replica.ReplicaRouter"],
        "replica": "replica.internal",
    }
