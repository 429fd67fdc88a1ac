"""The stored search index of the networks' own text, kept current by triggers.

PostgreSQL: a ``tsvector`` column (config ``german``; name A, short description and
topics B, description C) filled by a BEFORE trigger, a GIN index on it, and
``pg_trgm`` with a trigram index on the upper-cased name for substring matches.
SQLite: an external-content FTS5 table whose ``unicode61`` tokenizer folds case and
diacritics, kept in sync by AFTER triggers. Triggers instead of model code, so that
bulk_create, update() and raw SQL keep the index current too. Each backend skips the
other's statements; the migration imports no app code. The indexes stay out of
``Meta.indexes`` on purpose: SQLite rebuilds a table with all of them on every
AlterField, and a GIN index is not valid SQL there.
"""

import django.contrib.postgres.search
from django.db import migrations

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    CREATE FUNCTION netzwerke_network_search_vector() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('german'::regconfig, coalesce(NEW.name, '')), 'A')
            || setweight(to_tsvector('german'::regconfig,
                   coalesce(NEW.short_description, '') || ' ' || coalesce(NEW.topics, '')), 'B')
            || setweight(to_tsvector('german'::regconfig, coalesce(NEW.description, '')), 'C');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER netzwerke_network_search_vector
    BEFORE INSERT OR UPDATE OF name, short_description, topics, description, search_vector
    ON netzwerke_network FOR EACH ROW EXECUTE FUNCTION netzwerke_network_search_vector()
    """,
    "UPDATE netzwerke_network SET name = name",
    "CREATE INDEX network_search_gin ON netzwerke_network USING gin (search_vector)",
    "CREATE INDEX network_name_trgm ON netzwerke_network "
    "USING gin (UPPER(name::text) gin_trgm_ops)",
    "DROP INDEX IF EXISTS network_fulltext_gin",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS network_name_trgm",
    "DROP INDEX IF EXISTS network_search_gin",
    "DROP TRIGGER IF EXISTS netzwerke_network_search_vector ON netzwerke_network",
    "DROP FUNCTION IF EXISTS netzwerke_network_search_vector()",
]

_FTS_COLUMNS = "name, short_description, topics, description"
_NEW = "new.id, new.name, new.short_description, new.topics, new.description"
_OLD = "'delete', old.id, old.name, old.short_description, old.topics, old.description"
SQLITE_FORWARD = [
    f"""
    CREATE VIRTUAL TABLE netzwerke_network_fts USING fts5(
        {_FTS_COLUMNS}, content='netzwerke_network', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    f"""
    CREATE TRIGGER netzwerke_network_fts_insert AFTER INSERT ON netzwerke_network BEGIN
        INSERT INTO netzwerke_network_fts(rowid, {_FTS_COLUMNS}) VALUES ({_NEW});
    END
    """,
    f"""
    CREATE TRIGGER netzwerke_network_fts_delete AFTER DELETE ON netzwerke_network BEGIN
        INSERT INTO netzwerke_network_fts(netzwerke_network_fts, rowid, {_FTS_COLUMNS})
        VALUES ({_OLD});
    END
    """,
    f"""
    CREATE TRIGGER netzwerke_network_fts_update
    AFTER UPDATE OF {_FTS_COLUMNS} ON netzwerke_network BEGIN
        INSERT INTO netzwerke_network_fts(netzwerke_network_fts, rowid, {_FTS_COLUMNS})
        VALUES ({_OLD});
        INSERT INTO netzwerke_network_fts(rowid, {_FTS_COLUMNS}) VALUES ({_NEW});
    END
    """,
    "INSERT INTO netzwerke_network_fts(netzwerke_network_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS netzwerke_network_fts_update",
    "DROP TRIGGER IF EXISTS netzwerke_network_fts_delete",
    "DROP TRIGGER IF EXISTS netzwerke_network_fts_insert",
    "DROP TABLE IF EXISTS netzwerke_network_fts",
]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("netzwerke", "0008_places_and_regions")]

    operations = [
        migrations.AddField(
            model_name="network",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="Suchindex"
            ),
        ),
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
            elidable=False,
        ),
    ]
