"""An optional read replica for the public read path.

With ``DATABASE_REPLICA_URL`` set, the settings add the database alias ``replica`` and
``ReplicaRouter``. The choice of what reads there is narrow on purpose: only the public
pages for anonymous visitors (the pages ``caching.PublicPageCacheMiddleware`` may keep,
decided in the same place), and only outside a transaction. Everything else reads the
primary: signed-in users, every POST, the admin, the survey, sessions, logins and
lockouts, management commands and the mail worker.

The trade-off is staleness: a replica lags the primary by its replication delay (usually
well under a second). An anonymous visitor may see a network published a moment ago
only after that delay; whoever made the change is signed in and reads the primary, so
sees it at once. The data version is read from the replica too, in the same request as
the page's data, so a page is never cached under a version newer than the data it shows.
Without ``DATABASE_REPLICA_URL`` none of this is installed and nothing changes.
"""

from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
# sessions, logins, lockouts: read-your-writes matters more than the load they make
PRIMARY_ONLY_APPS = frozenset({"sessions", "auth", "axes", "admin", "outbox"})

_reads_on_replica: ContextVar[bool] = ContextVar("reads_on_replica", default=False)


def use_replica_for_reads() -> None:
    """This request shows a public page to an anonymous visitor: its reads may go to the
    replica (until the request has finished, so a streamed export reads there too)."""
    _reads_on_replica.set(True)


def reset(**kwargs) -> None:
    """``request_started``/``request_finished`` receiver: every request starts on the
    primary (gunicorn threads serve one request after another)."""
    _reads_on_replica.set(False)


def reads_on_replica() -> bool:
    return _reads_on_replica.get()


def in_transaction() -> bool:
    """Reads inside a transaction belong to its writer (select_for_update, read-modify-write)."""
    return connections[DEFAULT_DB_ALIAS].in_atomic_block


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if (
            _reads_on_replica.get()
            and model._meta.app_label not in PRIMARY_ONLY_APPS
            and not in_transaction()
        ):
            return REPLICA
        return None  # the primary

    def db_for_write(self, model, **hints):
        return None  # the primary, always

    def allow_relation(self, obj1, obj2, **hints):
        # the replica holds the same rows as the primary
        databases = {DEFAULT_DB_ALIAS, REPLICA}
        if obj1._state.db in databases and obj2._state.db in databases:
            return True
        return None

    def allow_migrate(self, db, app_label, **hints):
        # the replica follows the primary's schema through replication
        return False if db == REPLICA else None
