"""Put the SQLite full-text triggers of 0009 back after 0011 and 0012.

SQLite cannot add a NOT NULL column with a default or a CHECK constraint in place:
Django copies netzwerke_network into a new table, and the triggers that keep the FTS5
index current go with the old one. This migration recreates them from the statements
of 0009 and rebuilds the index. PostgreSQL keeps its trigger; nothing runs there.
A later migration that makes SQLite rebuild netzwerke_network needs the same step.
"""

import importlib

from django.db import migrations

SEARCH = importlib.import_module("netzwerke.migrations.0009_network_search_column")


def restore(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for sql in SEARCH.SQLITE_BACKWARD[:3]:  # the triggers, not the FTS table
        schema_editor.execute(sql, params=None)
    for sql in SEARCH.SQLITE_FORWARD[1:]:  # the triggers and the rebuild
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("netzwerke", "0013_foreign_regions")]

    operations = [migrations.RunPython(restore, migrations.RunPython.noop, elidable=False)]
