"""Open data: the licence everywhere, /daten/ listing every dataset, the DCAT-AP.de
catalogue validating against the shapes in tests/dcat/, the widget's snippet generator."""

from pathlib import Path

import pytest
from django.db.models import Max
from django.utils.timezone import localtime
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from netzwerke.datasets import DATASETS
from netzwerke.models import Network
from netzwerke.opendata_meta import DCAT_LICENCE_URI, LICENCE
from tests import factories as f

SHAPES_DIR = Path(__file__).parent / "dcat"
SHAPES = [SHAPES_DIR / "dcat-ap-de-shapes.ttl"]
VOCABULARIES = SHAPES_DIR / "vocabularies.ttl"
# the data version, the two aggregates (networks with projects, events), and the
# snippet generator's choices: Länder, Kreise, Handlungsfelder
DATA_PAGE_QUERIES = 1 + 2 + 3
# plus the lookups of the three chosen values
DATA_PAGE_SNIPPET_QUERIES = DATA_PAGE_QUERIES + 3


def _shapes():
    shapes = Graph()
    for path in SHAPES:
        shapes.parse(path, format="turtle")
    return shapes


def conforms(graph, vocabularies=None):
    """pyshacl's verdict on ``graph`` with the vocabulary extract mixed in (as the
    official validator imports the vocabularies)."""
    if vocabularies is None:
        vocabularies = Graph().parse(VOCABULARIES, format="turtle")
    ok, _report, text = validate(graph + vocabularies, shacl_graph=_shapes(), inference="none")
    return ok, text


def catalogue(client, fmt="ttl"):
    response = client.get(f"/daten/catalog.{fmt}")
    assert response.status_code == 200
    rdflib_format = {"ttl": "turtle", "rdf": "xml", "jsonld": "json-ld"}[fmt]
    return response, Graph().parse(data=response.content, format=rdflib_format)


@pytest.fixture
def events_world(directory_world):
    f.EventFactory(network=directory_world.owl, district=directory_world.bielefeld)
    f.ProjectFactory(network=directory_world.guetersl, title="Lernende Region Gütersloh")
    return directory_world


# -- the licence -----------------------------------------------------------------------


def test_licence_is_the_datenlizenz_deutschland_namensnennung():
    assert LICENCE["id"] == "dl-de/by-2-0"
    assert LICENCE["url"] == "https://www.govdata.de/dl-de/by-2-0"
    assert DCAT_LICENCE_URI == "http://dcat-ap.de/def/licenses/dl-by-de/2.0"


@pytest.mark.parametrize("path", ["/quellen/", "/daten/"])
def test_pages_state_the_licence(client, directory_world, path):
    html = client.get(path).content.decode()
    assert LICENCE["name"] in html
    assert f'href="{LICENCE["url"]}" rel="license' in html


@pytest.mark.parametrize(
    ("path", "records"),
    [("/netzwerke/export.json", "netzwerke"), ("/praxisbeispiele/export.json", "projekte")],
)
def test_json_exports_carry_the_licence(client, events_world, path, records):
    import json

    response = client.get(path)
    data = json.loads(b"".join(response.streaming_content))
    assert data["lizenz"]["id"] == "dl-de/by-2-0"
    assert data["lizenz"]["url"] == LICENCE["url"]
    assert data["quelle"].endswith("/daten/")
    assert len(data[records]) >= 1
    assert response["Link"] == f'<{LICENCE["url"]}>; rel="license"'


@pytest.mark.parametrize(
    "path", ["/netzwerke/feed/", "/praxisbeispiele/feed/", "/veranstaltungen/feed/"]
)
def test_feeds_carry_the_licence_as_rights(client, events_world, path):
    body = client.get(path).content.decode()
    assert f"<rights>{LICENCE['name']}" in body


# -- /daten/ ----------------------------------------------------------------------------


def test_data_page_lists_every_dataset_and_distribution(client, events_world):
    response = client.get("/daten/")
    html = response.content.decode()
    for dataset in DATASETS:
        assert f'id="{dataset.key}"' in html
        assert f'href="{dataset.landing_path()}"' in html
        for distribution in dataset.distributions:
            assert f'href="{distribution.path()}"' in html
            assert f"curl -s &#x27;http://testserver{distribution.example_path()}" in html.replace(
                "&amp;", "&"
            )
    assert 'href="/api/v1/"' in html
    for fmt in ("ttl", "rdf", "jsonld"):
        assert f'href="/daten/catalog.{fmt}"' in html


# file and feed URLs that are no distribution of their own, and why
NOT_DISTRIBUTIONS = {
    "netzwerke:network-calendar": "one network's events: part of the events dataset",
    "survey:statistics-wave-csv": "one wave's tables: linked from its statistics page",
}


def test_every_export_of_the_site_is_a_distribution():
    """A new CSV, JSON, feed or calendar URL must join netzwerke/datasets.py (and so
    /daten/ and the catalogue) or say here why not."""
    from django.urls import get_resolver

    resolver = get_resolver()
    names = set()
    for namespace in ("netzwerke", "survey"):
        _prefix, sub = resolver.namespace_dict[namespace]
        names |= {
            f"{namespace}:{name}"
            for name in sub.reverse_dict
            if isinstance(name, str) and name.endswith(("-csv", "-json", "-feed", "-calendar"))
        }
    listed = {d.url_name for dataset in DATASETS for d in dataset.distributions}
    assert names - listed == set(NOT_DISTRIBUTIONS)


def test_data_page_shows_the_last_change_of_the_data(client, events_world):
    latest = Network.objects.published().aggregate(latest=Max("updated_at"))["latest"]
    html = client.get("/daten/").content.decode()
    stamp = localtime(latest).replace(microsecond=0).isoformat()
    assert f'<time datetime="{stamp}">' in html
    assert "noch keine Daten" not in html


def test_data_page_says_when_a_dataset_is_still_empty(client, directory_world):
    html = client.get("/daten/").content.decode()
    assert "noch keine Daten" in html  # no events


def test_every_distribution_answers(client, events_world):
    """What /daten/ and the catalogue promise is there: every example call answers 200."""
    for dataset in DATASETS:
        assert client.get(dataset.landing_path()).status_code == 200
        for distribution in dataset.distributions:
            response = client.get(distribution.example_path())
            assert response.status_code == 200, distribution.example_path()
            assert response["Content-Type"].startswith(distribution.format.media_type), (
                distribution.example_path()
            )


@pytest.mark.parametrize("n", [1, 6])
def test_data_page_query_budget(client, directory_world, django_assert_num_queries, n):
    for i in range(n):
        network = f.NetworkFactory(districts=[directory_world.bielefeld])
        f.ProjectFactory(network=network, title=f"Projekt {i}")
        f.EventFactory(network=network, district=directory_world.bielefeld)
    with django_assert_num_queries(DATA_PAGE_QUERIES):
        assert client.get("/daten/").status_code == 200
    with django_assert_num_queries(DATA_PAGE_SNIPPET_QUERIES):
        response = client.get(
            "/daten/", {"land": "NW", "kreis": "05711", "handlungsfeld": "aus-und-weiterbildung"}
        )
    assert response.status_code == 200


# -- the snippet generator ----------------------------------------------------------------


def test_snippet_generator_gives_the_iframe_code(client, directory_world):
    response = client.get("/daten/", {"kreis": "05711", "handlungsfeld": "aus-und-weiterbildung"})
    html = response.content.decode()
    code = (
        "&lt;iframe src=&quot;http://testserver/einbetten/?kreis=05711&amp;amp;"
        "handlungsfeld=aus-und-weiterbildung&quot;"
    )
    assert code in html
    assert 'title="Netzwerke in Bielefeld – Aus- und Weiterbildung"' in html
    assert '<option value="05711" selected>' in html


def test_snippet_generator_without_a_choice_shows_only_the_form(client, directory_world):
    html = client.get("/daten/").content.decode()
    assert "&lt;iframe src" not in html
    assert 'id="id_snippet_kreis"' in html


def test_snippet_generator_ignores_an_unknown_value_with_a_notice(client, directory_world):
    html = client.get("/daten/", {"kreis": "99999", "land": "NW"}).content.decode()
    assert "„99999“" in html
    assert "ignoriert" in html
    assert "einbetten/?land=NW&amp;amp;" not in html
    assert "/einbetten/?land=NW&quot;" in html


# -- the DCAT-AP.de catalogue ------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["ttl", "rdf", "jsonld"])
def test_catalogue_conforms_to_the_dcat_ap_de_shapes(client, events_world, fmt):
    response, graph = catalogue(client, fmt)
    assert response["Content-Type"].startswith(
        {"ttl": "text/turtle", "rdf": "application/rdf+xml", "jsonld": "application/ld+json"}[fmt]
    )
    ok, report = conforms(graph)
    assert ok, report


def test_catalogue_describes_every_dataset_with_absolute_urls(client, events_world):
    _response, graph = catalogue(client)
    datasets = set(graph.subjects(ns.RDF.type, ns.DCAT.Dataset))
    assert {str(d) for d in datasets} == {f"http://testserver/daten/#{d.key}" for d in DATASETS}
    distributions = list(graph.subjects(ns.RDF.type, ns.DCAT.Distribution))
    assert len(distributions) == sum(len(d.distributions) for d in DATASETS)
    for distribution in distributions:
        assert graph.value(distribution, ns.DCTERMS.license) == URIRef(DCAT_LICENCE_URI)
        for prop in (ns.DCAT.accessURL, ns.DCAT.downloadURL):
            assert str(graph.value(distribution, prop)).startswith("http://testserver/")
        assert str(graph.value(distribution, ns.DCTERMS.format)).startswith(
            "http://publications.europa.eu/resource/authority/file-type/"
        )
    (service,) = graph.subjects(ns.RDF.type, ns.DCAT.DataService)
    assert str(graph.value(service, ns.DCAT.endpointURL)) == "http://testserver/api/v1/"


def test_catalogue_without_data_still_conforms(client, db):
    _response, graph = catalogue(client)
    ok, report = conforms(graph)
    assert ok, report


def _first(graph, cls):
    return next(iter(graph.subjects(ns.RDF.type, cls)))


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("dataset without title", "dcat:Dataset: dct:title MUSS"),
        ("dataset without publisher", "K36"),
        ("distribution without licence", "K31"),
        ("licence outside the DCAT-AP.de list", "K31"),
        ("format outside the EU file types", "K32"),
        ("distribution without access URL", "dcat:accessURL MUSS"),
        ("second contributor ID", "K12/13"),
    ],
)
def test_a_broken_catalogue_does_not_conform(client, directory_world, damage, message):
    _response, graph = catalogue(client)
    dataset = _first(graph, ns.DCAT.Dataset)
    distribution = _first(graph, ns.DCAT.Distribution)
    vocabularies = None
    if damage == "dataset without title":
        graph.remove((dataset, ns.DCTERMS.title, None))
    elif damage == "dataset without publisher":
        graph.remove((dataset, ns.DCTERMS.publisher, None))
    elif damage == "distribution without licence":
        graph.remove((distribution, ns.DCTERMS.license, None))
    elif damage == "licence outside the DCAT-AP.de list":
        graph.set(
            (
                distribution,
                ns.DCTERMS.license,
                URIRef("https://creativecommons.org/licenses/by/4.0/"),
            )
        )
    elif damage == "format outside the EU file types":
        graph.set((distribution, ns.DCTERMS.format, Literal("CSV")))
    elif damage == "distribution without access URL":
        graph.remove((distribution, ns.DCAT.accessURL, None))
    elif damage == "second contributor ID":
        graph.add(
            (
                dataset,
                URIRef("http://dcat-ap.de/def/dcatde/contributorID"),
                URIRef("http://dcat-ap.de/def/contributors/auswaertigesAmt"),
            )
        )
        vocabularies = Graph().parse(VOCABULARIES, format="turtle")
        vocabularies.add(
            (
                URIRef("http://dcat-ap.de/def/contributors/auswaertigesAmt"),
                URIRef("http://www.w3.org/2004/02/skos/core#inScheme"),
                URIRef("http://dcat-ap.de/def/contributors"),
            )
        )
    ok, report = conforms(graph, vocabularies)
    assert not ok, damage
    assert message in report


def test_catalogue_is_kept_per_data_version(client, directory_world, django_assert_num_queries):
    client.get("/daten/catalog.ttl")
    with django_assert_num_queries(1):  # the data version only
        assert client.get("/daten/catalog.ttl").status_code == 200


def test_catalogue_answers_a_repeated_harvest_with_304(client, directory_world):
    first = client.get("/daten/catalog.rdf")
    assert first["Last-Modified"]
    etag = first["ETag"]
    assert client.get("/daten/catalog.rdf", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/daten/catalog.ttl", HTTP_IF_NONE_MATCH=etag).status_code == 200
    f.NetworkFactory(name="Neues Netzwerk", districts=[directory_world.bielefeld])
    assert client.get("/daten/catalog.rdf", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_catalogue_follows_a_write(client, directory_world):
    before = client.get("/daten/catalog.ttl").content
    f.NetworkFactory(name="Neues Netzwerk", districts=[directory_world.bielefeld])
    assert client.get("/daten/catalog.ttl").content != before


@pytest.mark.parametrize("path", ["/daten/catalog.xml", "/daten/catalog.ttl/"])
def test_unknown_catalogue_formats_are_not_found(client, db, path):
    assert client.get(path).status_code == 404
