from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_pending_migrations():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=StringIO())
    except SystemExit:
        pytest.fail(f"Fehlende Migrationen:\n{out.getvalue()}")


def test_sqlite_search_triggers_survive_table_rebuilds(db):
    """A migration that makes SQLite copy netzwerke_network drops its FTS triggers;
    0014 puts them back (see netzwerke/migrations/0014_restore_sqlite_search_triggers.py)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
            ["netzwerke_network"],
        )
        names = {row[0] for row in cursor.fetchall()}
    assert {
        "netzwerke_network_fts_insert",
        "netzwerke_network_fts_delete",
        "netzwerke_network_fts_update",
    } <= names
