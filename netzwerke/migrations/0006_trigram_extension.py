"""pg_trgm for the duplicate warning (netzwerke/duplicates.py); nothing on SQLite."""

from django.db import migrations


def create_extension(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("netzwerke", "0005_mark_demo_and_unknown")]

    # the extension stays on reversal: other databases objects may use it
    operations = [migrations.RunPython(create_extension, migrations.RunPython.noop)]
