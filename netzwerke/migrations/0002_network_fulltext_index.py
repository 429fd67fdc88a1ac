"""GIN index for the German full-text search; PostgreSQL only (see netzwerke/search.py)."""

from django.db import migrations

from netzwerke.search import SEARCH_INDEX_NAME, network_vector


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
