"""German full text on both databases: word forms, compounds, transliterations, prefixes,
an index kept current by every write path, and "Meinten Sie …?"."""

import json

import pytest
from django.urls import reverse

from netzwerke.models import Network
from netzwerke.search import compound_modifier, fts5_query, spellings, tsquery
from tests import factories as f

LIST = reverse("netzwerke:network-list")


def found(q):
    return set(Network.objects.published().search(q).values_list("slug", flat=True))


@pytest.fixture
def german(db):
    district = f.DistrictFactory()
    f.NetworkFactory(
        name="Ausbildungsverbund Nord",
        slug="ausbildung",
        short_description="",
        description="Betriebe bilden gemeinsam aus.",
        districts=[district],
    )
    f.NetworkFactory(
        name="Allianz Süd",
        slug="ausbilden",
        short_description="Wir helfen Betrieben, die ausbilden wollen.",
        districts=[district],
    )
    f.NetworkFactory(
        name="Pflegenetzwerk West",
        slug="pflege",
        short_description="",
        description="Gewinnung von Personal für die Altenpflege.",
        districts=[district],
    )
    f.NetworkFactory(
        name="Fachkräftebündnis Ost",
        slug="buendnis",
        short_description="",
        description="Ein Bündnis der Kammern für Fachkräfte.",
        districts=[district],
    )
    f.NetworkFactory(
        name="Qualifizierungsverbund Metall",
        slug="metall",
        short_description="",
        districts=[district],
    )


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        # word forms
        ("ausbilden", {"ausbildung", "ausbilden"}),
        ("Ausbildung", {"ausbildung", "ausbilden"}),
        # compounds: the modifier of a known head
        ("Pflegekräfte", {"pflege"}),
        # transliterations, both ways, and any case
        ("Buendnis", {"buendnis"}),
        ("Fachkraefte", {"buendnis"}),
        ("FACHKRÄFTE", {"buendnis"}),
        ("Allianz Sued", {"ausbilden"}),
        # prefixes
        ("Qualifizierungsverb", {"metall"}),
        ("Pflegenetz", {"pflege"}),
        ("gibtesnicht", set()),
    ],
)
def test_german_search_on_both_databases(german, q, expected):
    assert found(q) == expected


def test_name_hits_rank_above_description_hits(german):
    f.NetworkFactory(name="Netzwerk Mitte", slug="mitte", description="Pflegenetzwerk-Idee")
    ranked = list(
        Network.objects.published()
        .search("Pflegenetzwerk")
        .order_by("-search_rank", "name")
        .values_list("slug", flat=True)
    )
    assert ranked[0] == "pflege"
    assert "mitte" in ranked


def test_index_follows_every_write_path(german):
    network = Network.objects.get(slug="metall")
    Network.objects.filter(pk=network.pk).update(name="Zukunftswerkstatt Elektro")
    assert found("Zukunftswerkstatt") == {"metall"}
    assert found("Metall") == set()
    Network.objects.bulk_create(
        [
            Network(
                name="Drehscheibe Logistik",
                slug="logistik",
                status=Network.Status.PUBLISHED,
                published_at=network.published_at,
            )
        ]
    )
    assert found("Logistik") == {"logistik"}
    Network.objects.filter(slug="logistik").delete()
    assert found("Logistik") == set()


def test_search_words_work_in_list_exports_and_feed(client, german):
    expected = {"buendnis"}
    listed = client.get(LIST, {"q": "Buendnis"}).context["object_list"]
    assert {n.slug for n in listed} == expected
    response = client.get(reverse("netzwerke:network-export-json"), {"q": "Buendnis"})
    exported = json.loads(b"".join(response.streaming_content))["netzwerke"]
    assert {n["slug"] for n in exported} == expected
    response = client.get(reverse("netzwerke:network-export-csv"), {"q": "Buendnis"})
    csv = b"".join(response.streaming_content).decode()
    assert "Fachkräftebündnis Ost" in csv
    assert "Pflegenetzwerk West" not in csv
    feed = client.get(reverse("netzwerke:network-feed"), {"q": "Buendnis"}).content.decode()
    assert feed.count("<entry>") == 1


@pytest.mark.parametrize("q", ["!!", "  -  ", "***"])
def test_relevance_sort_without_a_word_is_no_error(client, german, q):
    response = client.get(LIST, {"q": q, "sort": "relevanz"})
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 5


@pytest.mark.parametrize(
    ("q", "suggestion"),
    [
        ("Pflegenetzwrek", "Pflegenetzwerk"),
        ("Qualifizirungsverbund", "Qualifizierungsverbund"),
    ],
)
def test_meinten_sie_suggests_the_nearest_name(client, german, q, suggestion):
    response = client.get(LIST, {"q": q, "land": "NW"})
    assert response.context["total"] == 0
    assert response.context["suggestion"] == suggestion
    html = response.content.decode()
    assert "Meinten Sie" in html
    assert f"q={suggestion}" in response.context["suggestion_query"]
    assert "land=NW" in response.context["suggestion_query"]


def test_meinten_sie_knows_the_vocabulary(client, german):
    f.ActionFieldFactory(name="Vereinbarkeit von Beruf und Familie", slug="vereinbarkeit")
    response = client.get(LIST, {"q": "Vereinbarkiet"})
    assert response.context["suggestion"] == "Vereinbarkeit"


def test_no_suggestion_when_the_search_finds_something(client, german):
    response = client.get(LIST, {"q": "Pflege"})
    assert "suggestion" not in response.context


def test_query_building():
    assert spellings("Buendnis") == ["buendnis", "bündnis"]
    assert compound_modifier("Pflegekräfte") == "pflege"
    assert compound_modifier("Ausbildungsplätze") == "ausbildung"
    assert compound_modifier("Pflege") == ""
    assert fts5_query("ausbilden") == '("ausbild"*)'
    assert tsquery("Bündnis") == "(buendnis:* | bündnis:*)"


def test_partner_only_hits_rank_last_and_sort_by_relevance(client, german):
    partner_only = f.NetworkFactory(name="Netz Ohne Treffer", slug="partner", short_description="")
    f.MembershipFactory(network=partner_only, actor=f.ActorFactory(name="Pflegedienst Ost"))
    ranks = dict(Network.objects.published().search("Pflege").values_list("slug", "search_rank"))
    assert ranks["partner"] == 0
    assert ranks["pflege"] > 0
    response = client.get(LIST, {"q": "Pflege", "sort": "relevanz"})
    assert response.status_code == 200
    assert [n.slug for n in response.context["object_list"]][-1] == "partner"
