"""GIN expression index for the German full-text search; PostgreSQL only.

Superseded by the stored search column of migration 0009, which drops it. The
expression is spelled out here so that the migration imports no app code.
"""

from django.db import migrations

INDEX_NAME = "network_fulltext_gin"


def _index():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    vector = (
        SearchVector("name", weight="A", config="german")
        + SearchVector("short_description", "topics", weight="B", config="german")
        + SearchVector("description", weight="C", config="german")
    )
    return GinIndex(vector, name=INDEX_NAME)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("netzwerke", "Network"), _index())


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("netzwerke", "Network"), _index())


class Migration(migrations.Migration):
    dependencies = [("netzwerke", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
