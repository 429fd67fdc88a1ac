"""The DCAT-AP.de catalogue of ``netzwerke.datasets``, built with rdflib.

DCAT-AP.de is the German profile of DCAT-AP that GovData harvests. Beyond the European
profile it asks for the supplier's ID (``dcatde:contributorID``, convention 12), a
publisher on every dataset (convention 36), a licence from the DCAT-AP.de licence list on
every distribution (convention 31) and a format from the EU file-type list (convention
32). Controlled values are IRIs of the EU vocabularies (publications.europa.eu/resource/
authority/…) and typed with the classes DCAT-AP names for them. Every URL is absolute.

The graph is tested against the shapes in ``tests/dcat/`` (tests/test_opendata.py).
"""

from __future__ import annotations

from django.urls import reverse
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, XSD

from netzwerke.datasets import API_DOCS_PATH, API_PATH, API_SCHEMA_PATH, DATASETS
from netzwerke.opendata_meta import (
    ATTRIBUTION,
    CONTRIBUTOR_ID,
    DCAT_LICENCE_URI,
    LICENCE,
    PUBLISHER,
)

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"

LANGUAGE = URIRef(EU + "language/DEU")
COUNTRY = URIRef(EU + "country/DEU")
PUBLIC = URIRef(EU + "access-right/PUBLIC")
FREQUENCY = URIRef(EU + "frequency/IRREG")
THEMES = (URIRef(EU + "data-theme/ECON"), URIRef(EU + "data-theme/SOCI"))
GEOCODING_LEVEL = URIRef("http://dcat-ap.de/def/politicalGeocoding/Level/federal")

#: the serialisations of /daten/catalog.<fmt>: rdflib format and media type
FORMATS = {
    "ttl": ("turtle", "text/turtle"),
    "rdf": ("xml", "application/rdf+xml"),
    "jsonld": ("json-ld", "application/ld+json"),
}


def _typed(graph, iri, cls):
    graph.add((iri, RDF.type, cls))
    return iri


def _text(value):
    return Literal(str(value), lang="de")


def _when(value):
    return Literal(value.isoformat(), datatype=XSD.dateTime) if value else None


def catalog_graph(*, base: str, modified: dict) -> Graph:
    """The catalogue for the site at ``base`` (scheme and host, no slash at the end);
    ``modified`` maps a dataset's ``modified_from`` to its last change
    (``netzwerke.datasets.modified_dates``)."""
    graph = Graph()
    for prefix, namespace in (
        ("dcat", DCAT),
        ("dct", DCTERMS),
        ("dcatde", DCATDE),
        ("foaf", FOAF),
        ("vcard", VCARD),
        ("skos", SKOS),
    ):
        graph.bind(prefix, namespace)
    page = f"{base}/daten/"

    licence = _typed(graph, URIRef(DCAT_LICENCE_URI), DCTERMS.LicenseDocument)
    graph.add((licence, DCTERMS.title, Literal(LICENCE["name"], lang="de")))
    publisher = _typed(graph, URIRef(page + "#herausgeber"), FOAF.Agent)
    graph.add((publisher, RDF.type, FOAF.Organization))
    graph.add((publisher, FOAF.name, _text(PUBLISHER)))
    graph.add((publisher, FOAF.homepage, URIRef(base + "/")))
    contact = _typed(graph, BNode(), VCARD.Organization)
    graph.add((contact, RDF.type, VCARD.Kind))
    graph.add((contact, VCARD.fn, _text(PUBLISHER)))
    graph.add((contact, VCARD.hasURL, URIRef(base + reverse("website:impressum"))))
    for iri, cls in (
        (LANGUAGE, DCTERMS.LinguisticSystem),
        (COUNTRY, DCTERMS.Location),
        (PUBLIC, DCTERMS.RightsStatement),
        (FREQUENCY, DCTERMS.Frequency),
        *((theme, SKOS.Concept) for theme in THEMES),
    ):
        _typed(graph, iri, cls)

    catalog = _typed(graph, URIRef(page + "catalog"), DCAT.Catalog)
    graph.add((catalog, DCTERMS.title, _text("Netzwerkdatenbank Fachkräftesicherung")))
    graph.add(
        (
            catalog,
            DCTERMS.description,
            _text(
                "Offene Daten der Netzwerkdatenbank Fachkräftesicherung: regionale "
                "Fachkräftenetzwerke, ihre Projekte und Veranstaltungen, Statistiken."
            ),
        )
    )
    graph.add((catalog, DCTERMS.publisher, publisher))
    graph.add((catalog, DCTERMS.language, LANGUAGE))
    graph.add((catalog, DCTERMS.license, licence))
    graph.add((catalog, DCTERMS.spatial, COUNTRY))
    graph.add((catalog, FOAF.homepage, URIRef(page)))
    latest = max((value for value in modified.values() if value), default=None)
    if latest:
        graph.add((catalog, DCTERMS.modified, _when(latest)))

    served = []
    for dataset in DATASETS:
        node = _dataset(graph, dataset, base=base, modified=modified.get(dataset.modified_from))
        for prop, obj in (
            (DCTERMS.publisher, publisher),
            (DCAT.contactPoint, contact),
            (DCTERMS.language, LANGUAGE),
            (DCTERMS.spatial, COUNTRY),
            (DCTERMS.accessRights, PUBLIC),
            (DCTERMS.accrualPeriodicity, FREQUENCY),
            (DCATDE.contributorID, URIRef(CONTRIBUTOR_ID)),
            (DCATDE.politicalGeocodingLevelURI, GEOCODING_LEVEL),
            *((DCAT.theme, theme) for theme in THEMES),
        ):
            graph.add((node, prop, obj))
        for distribution in graph.objects(node, DCAT.distribution):
            graph.add((distribution, DCTERMS.license, licence))
        graph.add((catalog, DCAT.dataset, node))
        if dataset.in_api:
            served.append(node)

    service = _typed(graph, URIRef(page + "#api"), DCAT.DataService)
    graph.add((service, DCTERMS.title, _text("Lese-API der Netzwerkdatenbank")))
    graph.add((service, DCAT.endpointURL, URIRef(base + API_PATH)))
    graph.add((service, DCAT.endpointDescription, URIRef(base + API_SCHEMA_PATH)))
    graph.add((service, FOAF.page, URIRef(base + API_DOCS_PATH)))
    graph.add((service, DCTERMS.license, licence))
    graph.add((service, DCTERMS.accessRights, PUBLIC))
    graph.add((service, DCTERMS.publisher, publisher))
    for node in served:
        graph.add((service, DCAT.servesDataset, node))
    graph.add((catalog, DCAT.service, service))
    return graph


def _dataset(graph, dataset, *, base, modified):
    node = _typed(graph, URIRef(f"{base}/daten/#{dataset.key}"), DCAT.Dataset)
    graph.add((node, DCTERMS.identifier, Literal(f"{base}/daten/#{dataset.key}")))
    graph.add((node, DCTERMS.title, _text(dataset.title)))
    graph.add((node, DCTERMS.description, _text(dataset.description)))
    graph.add((node, DCAT.landingPage, URIRef(base + dataset.landing_path())))
    for keyword in dataset.keywords:
        graph.add((node, DCAT.keyword, Literal(keyword, lang="de")))
    if modified:
        graph.add((node, DCTERMS.modified, _when(modified)))
    for distribution in dataset.distributions:
        url = URIRef(base + distribution.path())
        item = URIRef(f"{base}/daten/#{dataset.key}-{distribution.key}")
        _typed(graph, item, DCAT.Distribution)
        graph.add((item, DCTERMS.title, _text(distribution.title)))
        graph.add((item, DCAT.accessURL, url))
        graph.add((item, DCAT.downloadURL, url))
        media_type = _typed(graph, URIRef(IANA + distribution.format.media_type), DCTERMS.MediaType)
        graph.add((item, DCAT.mediaType, media_type))
        file_type = URIRef(EU + "file-type/" + distribution.format.eu_file_type)
        graph.add((item, DCTERMS.format, _typed(graph, file_type, DCTERMS.MediaTypeOrExtent)))
        graph.add((item, DCATDE.licenseAttributionByText, _text(ATTRIBUTION)))
        if modified:
            graph.add((item, DCTERMS.modified, _when(modified)))
        graph.add((node, DCAT.distribution, item))
    return node


def catalog_bytes(graph: Graph, fmt: str) -> bytes:
    rdflib_format, _media_type = FORMATS[fmt]
    return graph.serialize(format=rdflib_format, encoding="utf-8")
