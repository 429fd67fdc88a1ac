"""Trigram indexes for the search's substring matches in partner names and project texts.

``Network.objects.search(q)`` also finds networks whose partners or projects contain
every word (``icontains``, which PostgreSQL runs as ``UPPER(column) LIKE UPPER(…)``).
Without an index that scanned every project: 111 of 148 ms of a search at 20,000
networks. These GIN indexes on the upper-cased columns answer it from the index, like
``network_name_trgm`` of migration 0009. PostgreSQL only; SQLite scans, as the README says.
"""

from django.db import migrations

INDEXES = {
    "actor_name_trgm": "netzwerke_actor USING gin (UPPER(name::text) gin_trgm_ops)",
    "project_title_trgm": "netzwerke_project USING gin (UPPER(title::text) gin_trgm_ops)",
    "project_description_trgm": "netzwerke_project USING gin (UPPER(description) gin_trgm_ops)",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("netzwerke", "0009_network_search_column")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
