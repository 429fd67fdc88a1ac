import pytest
from django.urls import reverse

LIST = reverse("netzwerke:network-list")


def slugs(client, query=""):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    return [n.slug for n in response.context["object_list"]]


def facet(response, name):
    return {o.value: o.count for o in response.context["facets"][name].options}


def test_list_shows_published_networks_only(client, directory_world):
    assert slugs(client) == ["fachkraeftebuendnis-owl", "netzwerk-guetersloh", "qv-muenchen"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("land=NW", {"fachkraeftebuendnis-owl", "netzwerk-guetersloh"}),
        ("land=BY", {"qv-muenchen"}),
        ("kreis=05711", {"fachkraeftebuendnis-owl"}),
        ("kreis=05754", {"fachkraeftebuendnis-owl", "netzwerk-guetersloh"}),
        ("handlungsfeld=vereinbarkeit", {"netzwerk-guetersloh", "qv-muenchen"}),
        ("zielgruppe=aeltere", {"netzwerk-guetersloh"}),
        ("branche=gesundheit", {"qv-muenchen"}),
        ("akteurstyp=ihk", {"fachkraeftebuendnis-owl"}),
        ("akteurstyp=unternehmen", {"fachkraeftebuendnis-owl", "qv-muenchen"}),
        ("typ=qualifizierungsverbund", {"qv-muenchen"}),
        ("kriterien=alle", {"fachkraeftebuendnis-owl"}),
        ("q=Bündnis", {"fachkraeftebuendnis-owl"}),
    ],
)
def test_each_filter(client, directory_world, query, expected):
    assert set(slugs(client, query)) == expected


def test_values_of_one_parameter_combine_with_or(client, directory_world):
    assert set(slugs(client, "kreis=05711&kreis=09162")) == {
        "fachkraeftebuendnis-owl",
        "qv-muenchen",
    }
    assert set(slugs(client, "typ=buendnis&typ=netzwerk")) == {
        "fachkraeftebuendnis-owl",
        "netzwerk-guetersloh",
    }


def test_different_parameters_combine_with_and(client, directory_world):
    assert slugs(client, "land=NW&handlungsfeld=vereinbarkeit") == ["netzwerk-guetersloh"]
    assert slugs(client, "zielgruppe=schulabgaenger&land=BY&typ=netzwerk") == []


def test_or_within_and_across(client, directory_world):
    query = (
        "handlungsfeld=vereinbarkeit&handlungsfeld=aus-und-weiterbildung&zielgruppe=schulabgaenger"
    )
    assert set(slugs(client, query)) == {"fachkraeftebuendnis-owl", "qv-muenchen"}


def test_no_network_is_listed_twice(client, directory_world):
    # OWL covers both Kreise and has two partners of one type: joins must not repeat it
    result = slugs(client, "kreis=05711&kreis=05754&akteurstyp=unternehmen&akteurstyp=ihk")
    assert result == ["fachkraeftebuendnis-owl"]


def test_facet_counts_follow_the_other_filters(client, directory_world):
    response = client.get(f"{LIST}?land=NW")
    # the land facet ignores its own filter, so BY still offers its one network
    assert facet(response, "land") == {"NW": 2, "BY": 1}
    assert facet(response, "handlungsfeld") == {"aus-und-weiterbildung": 2, "vereinbarkeit": 1}
    assert facet(response, "zielgruppe") == {"schulabgaenger": 1, "aeltere": 1}
    assert facet(response, "branche") == {"verarbeitendes-gewerbe": 1}
    assert facet(response, "typ") == {"buendnis": 1, "netzwerk": 1}
    assert facet(response, "kriterien") == {"alle": 1}
    assert facet(response, "akteurstyp") == {"ihk": 1, "unternehmen": 1}
    assert facet(response, "kreis") == {"05711": 1, "05754": 2}
    assert response.context["total"] == 2


def test_facet_hides_options_without_results_but_keeps_selected(client, directory_world):
    response = client.get(f"{LIST}?land=BY&zielgruppe=aeltere")
    assert "aeltere" in facet(response, "zielgruppe")
    assert facet(response, "zielgruppe")["aeltere"] == 0
    # no Bavarian network has this sector, so the option is not offered
    assert "verarbeitendes-gewerbe" not in facet(response, "branche")
    assert response.context["total"] == 0
    assert response.context["object_list"] == []


def test_total_counts_all_pages(client, directory_world, settings):
    from tests.factories import NetworkFactory

    NetworkFactory.create_batch(25, districts=[directory_world.muenchen])
    response = client.get(f"{LIST}?land=BY")
    assert response.context["total"] == 26
    assert len(response.context["object_list"]) == 20
    response = client.get(f"{LIST}?land=BY&page=2")
    assert len(response.context["object_list"]) == 6
    assert b'rel="prev"' in response.content


@pytest.mark.parametrize(
    "query",
    [
        "land=XX",
        "kreis=99999",
        "kreis=abc",
        "handlungsfeld=gibt-es-nicht",
        "typ=verein",
        "kriterien=manche",
        "sort=zufall",
        "page=abc",
        "page=999",
        "page=-1",
        "akteurstyp=%00",
    ],
)
def test_invalid_values_are_ignored_with_a_notice(client, directory_world, query):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    assert response.context["notices"]
    assert "Hinweis zu Ihrer Anfrage" in response.content.decode()
    assert len(response.context["object_list"]) == 3


def test_invalid_value_keeps_the_valid_ones(client, directory_world):
    response = client.get(f"{LIST}?land=NW&land=XX&kreis=05711")
    assert [n.slug for n in response.context["object_list"]] == ["fachkraeftebuendnis-owl"]
    assert any("XX" in str(n) for n in response.context["notices"])


def test_chips_remove_one_value(client, directory_world):
    response = client.get(f"{LIST}?land=NW&handlungsfeld=vereinbarkeit&q=Netz")
    chips = {c["label"]: c["query"] for c in response.context["chips"]}
    assert chips["Bundesland: Nordrhein-Westfalen"] == "handlungsfeld=vereinbarkeit&q=Netz"
    assert chips["Suche: „Netz“"] == "land=NW&handlungsfeld=vereinbarkeit"
    assert 'href="?handlungsfeld=vereinbarkeit&amp;q=Netz"' in response.content.decode()


def test_title_names_the_filter(client, directory_world):
    response = client.get(f"{LIST}?land=NW&handlungsfeld=aus-und-weiterbildung")
    assert (
        "<title>Netzwerke in Nordrhein-Westfalen – Aus- und Weiterbildung –"
        in response.content.decode()
    )


def test_sort_orders(client, directory_world):
    from django.utils import timezone

    from netzwerke.models import Network

    Network.objects.filter(slug="qv-muenchen").update(
        published_at=timezone.now() + timezone.timedelta(days=1)
    )
    assert slugs(client, "sort=neueste")[0] == "qv-muenchen"
    assert slugs(client, "sort=partner")[0] == "fachkraeftebuendnis-owl"
    assert slugs(client, "sort=name") == sorted(slugs(client, "sort=name"))


def test_relevance_sort_needs_a_search_text(client, directory_world):
    response = client.get(f"{LIST}?sort=relevanz")
    assert response.context["sort"] == "name"
    response = client.get(f"{LIST}?q=Gütersloh")
    assert response.context["sort"] == "relevanz"
    assert "relevanz" in dict(response.context["sort_choices"])


def test_filter_form_is_a_labelled_get_form(client, directory_world):
    html = client.get(f"{LIST}?land=NW").content.decode()
    assert '<form method="get"' in html
    assert 'name="land" value="NW" id="f-land-NW" checked' in html
    assert (
        '<label class="form-check-label d-flex justify-content-between gap-2" for="f-land-NW">'
        in html
    )
    assert '<label for="id_q"' in html
