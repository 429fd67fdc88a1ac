"""GIN index for the German full-text search; PostgreSQL only (see netzwerke/search.py).

The expression is written out here rather than imported from ``netzwerke.search``:
a migration is a record of what was done and must not change when app code does.
``tests/test_directory_search.py`` checks that it equals ``search.network_vector()``,
so that the query can use the index; a change to the search text needs a new migration.
"""

from django.db import migrations

SEARCH_CONFIG = "german"
SEARCH_INDEX_NAME = "network_fulltext_gin"


def network_vector():
    from django.contrib.postgres.search import SearchVector

    return (
        SearchVector("name", weight="A", config=SEARCH_CONFIG)
        + SearchVector("short_description", "topics", weight="B", config=SEARCH_CONFIG)
        + SearchVector("description", weight="C", config=SEARCH_CONFIG)
    )


def _index():
    from django.contrib.postgres.indexes import GinIndex

    return GinIndex(network_vector(), name=SEARCH_INDEX_NAME)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("netzwerke", "Network"), _index())


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("netzwerke", "Network"), _index())


class Migration(migrations.Migration):
    dependencies = [("netzwerke", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
