import importlib
from pathlib import Path

import pytest
from django.db import connection

from netzwerke import search
from netzwerke.models import Network
from netzwerke.search import SEARCH_INDEX_NAME, search_terms


def found(q):
    return set(Network.objects.published().search(q).values_list("slug", flat=True))


def test_search_terms_drop_tsquery_syntax():
    assert search_terms("Pflege & !(Ausbildung):* | 'x'") == ["Pflege", "Ausbildung", "x"]
    assert search_terms("   ") == []


def test_empty_search_returns_everything(directory_world):
    assert (
        found("")
        == found("  !! ")
        == {"fachkraeftebuendnis-owl", "netzwerk-guetersloh", "qv-muenchen"}
    )


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("ostwestfalen", {"fachkraeftebuendnis-owl"}),  # description, any case
        ("OWL-Partner", {"fachkraeftebuendnis-owl"}),  # a partner's name
        ("Pflegeschule", {"qv-muenchen"}),  # a partner of another network
        ("Ausbildungsbotschafter", {"fachkraeftebuendnis-owl"}),  # a project title
        ("Quereinstieg", {"qv-muenchen"}),  # a project description
        ("Gütersloh", {"netzwerk-guetersloh"}),
        ("Netzwerk München", set()),  # every word must match
        ("Qualifizierungsverbund München", {"qv-muenchen"}),
        ("gibtesnicht", set()),
    ],
)
def test_search_finds_name_descriptions_partners_projects(directory_world, q, expected):
    assert found(q) == expected


def test_search_excludes_drafts(directory_world):
    assert "entwurf-bielefeld" not in found("Bielefeld")


def test_search_ranks_name_hits_first(directory_world):
    from tests.factories import NetworkFactory

    NetworkFactory(name="Allianz Nord", slug="allianz-nord", description="Pflege und Pflegeberufe")
    NetworkFactory(name="Pflegenetzwerk Süd", slug="pflegenetzwerk-sued")
    ranked = [
        n.slug
        for n in Network.objects.published().search("Pflege").order_by("-search_rank", "name")
    ]
    assert ranked[0] == "pflegenetzwerk-sued"
    assert "allianz-nord" in ranked


def test_search_through_the_list_page(client, directory_world):
    response = client.get("/netzwerke/?q=ausbildungsbotschafter&land=NW")
    assert [n.slug for n in response.context["object_list"]] == ["fachkraeftebuendnis-owl"]


@pytest.mark.postgres
def test_german_stemming_and_prefixes(directory_world):
    # "stärkt" and "Ausbildung" in the description; stems and prefixes match
    assert found("Ausbild") == {"fachkraeftebuendnis-owl"}
    assert found("stärken") == {"fachkraeftebuendnis-owl"}
    assert found("duale Ausbildungen") == {"fachkraeftebuendnis-owl"}


@pytest.mark.postgres
def test_ranking_weights_name_over_description(directory_world):
    from tests.factories import NetworkFactory

    NetworkFactory(name="Allianz Nord", slug="allianz-nord", description="Pflege der Pflegeberufe")
    NetworkFactory(
        name="Pflegenetzwerk Süd", slug="pflegenetzwerk-sued", short_description="Pflege"
    )
    ranked = list(
        Network.objects.published()
        .search("Pflege")
        .order_by("-search_rank")
        .values_list("slug", "search_rank")
    )
    assert ranked[0][0] == "pflegenetzwerk-sued"
    assert ranked[0][1] > dict(ranked)["allianz-nord"]


@pytest.mark.postgres
def test_gin_index_exists_and_matches_the_query(directory_world):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [SEARCH_INDEX_NAME])
        (definition,) = cursor.fetchone()
    assert "gin" in definition.lower()
    assert "to_tsvector('german'" in definition
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        sql, params = Network.objects.search("Ausbildung").values("pk").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert SEARCH_INDEX_NAME in plan


def test_search_index_migration_is_postgres_only(directory_world):
    with connection.cursor() as cursor:
        names = list(connection.introspection.get_constraints(cursor, "netzwerke_network"))
    assert (SEARCH_INDEX_NAME in names) == (connection.vendor == "postgresql")


def test_search_index_migration_holds_the_query_expression_without_importing_app_code():
    migration = importlib.import_module("netzwerke.migrations.0002_network_fulltext_index")
    # the frozen copy in the migration is the expression the query uses, so the
    # planner can answer the search from the index
    assert migration.network_vector() == search.network_vector()
    assert migration.SEARCH_INDEX_NAME == SEARCH_INDEX_NAME
    source = Path(migration.__file__).read_text(encoding="utf-8")
    assert "import netzwerke" not in source and "from netzwerke" not in source


def test_search_module_imports_no_models():
    source = Path(search.__file__).read_text(encoding="utf-8")
    assert "netzwerke.models" not in source and "survey" not in source
