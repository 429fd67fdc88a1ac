"""The Praxisbeispiele catalogue: filters and counts (against its JSON export), the project
page, the recommended flag, exports, feed, sitemap and query budgets."""

import datetime
import json
import random
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from netzwerke.models import Network, Project
from tests import factories as f

LIST = reverse("netzwerke:project-list")
EXPORT_JSON = reverse("netzwerke:project-export-json")
EXPORT_CSV = reverse("netzwerke:project-export-csv")
FEED = reverse("netzwerke:project-feed")


@pytest.fixture
def catalogue(directory_world):
    """The directory world's two projects plus four more, one of a draft network.

    ==================  =========  ===============  =========  =============  =========
    project             network    aims             status     fields         evaluated
    ==================  =========  ===============  =========  =============  =========
    Ausbildungsbotsch.  owl        –                laufend    –              –
    Pflege-Azubis       muenchen   –                laufend    –              –
    Azubi-Speeddating   owl        ausbilden        laufend    ausbildung     ja
    Mentoring 50+       guetersl   halten           abgeschl.  familie        nein
    Kita-Allianz        muenchen   halten, gewinnen geplant    familie,       ja
                                                               ausbildung
    Entwurfsprojekt     draft      ausbilden        laufend    ausbildung     ja
    ==================  =========  ===============  =========  =============  =========
    """
    w = directory_world
    w.speeddating = f.ProjectFactory(
        network=w.owl,
        title="Azubi-Speeddating",
        description="Betriebe treffen Schulabgänger.",
        results="120 Gespräche, 14 Ausbildungsverträge.",
        aim_train=True,
        evaluated=True,
        start_date=datetime.date(2025, 3, 1),
    )
    w.speeddating.action_fields.set([w.ausbildung])
    w.mentoring = f.ProjectFactory(
        network=w.guetersl,
        title="Mentoring 50+",
        description="Erfahrene Beschäftigte begleiten Neue.",
        aim_retain=True,
        evaluated=False,
        status=Project.Status.DONE,
        start_date=datetime.date(2022, 1, 1),
        end_date=datetime.date(2023, 12, 31),
    )
    w.mentoring.action_fields.set([w.familie])
    w.kita = f.ProjectFactory(
        network=w.muenchen_net,
        title="Kita-Allianz",
        description="Betriebskitas für Pflegekräfte.",
        aim_retain=True,
        aim_attract=True,
        evaluated=True,
        status=Project.Status.PLANNED,
        start_date=datetime.date(2026, 9, 1),
    )
    w.kita.action_fields.set([w.familie, w.ausbildung])
    w.hidden = f.ProjectFactory(
        network=w.draft, title="Entwurfsprojekt", aim_train=True, evaluated=True
    )
    w.hidden.action_fields.set([w.ausbildung])
    return w


def _export(client, query=""):
    response = client.get(f"{EXPORT_JSON}?{query}")
    assert response.status_code == 200
    return json.loads(b"".join(response.streaming_content))["projekte"]


def _titles(client, query=""):
    return [p["titel"] for p in _export(client, query)]


def test_catalogue_lists_projects_of_published_networks_only(client, catalogue):
    response = client.get(LIST)
    assert response.status_code == 200
    titles = [p.title for p in response.context["object_list"]]
    assert titles == [
        "Ausbildungsbotschafter",
        "Azubi-Speeddating",
        "Kita-Allianz",
        "Mentoring 50+",
        "Pflege-Azubis",
    ]
    assert _titles(client) == titles
    assert "Entwurfsprojekt" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ziel=halten", ["Kita-Allianz", "Mentoring 50+"]),
        ("ziel=halten&ziel=ausbilden", ["Azubi-Speeddating", "Kita-Allianz", "Mentoring 50+"]),
        ("handlungsfeld=aus-und-weiterbildung", ["Azubi-Speeddating", "Kita-Allianz"]),
        ("handlungsfeld=aus-und-weiterbildung&ziel=halten", ["Kita-Allianz"]),
        ("status=abgeschlossen", ["Mentoring 50+"]),
        ("evaluiert=ja", ["Azubi-Speeddating", "Kita-Allianz"]),
        ("evaluiert=nein", ["Mentoring 50+"]),
        ("land=BY", ["Kita-Allianz", "Pflege-Azubis"]),
        ("kreis=05754", ["Ausbildungsbotschafter", "Azubi-Speeddating", "Mentoring 50+"]),
        ("typ=buendnis", ["Ausbildungsbotschafter", "Azubi-Speeddating"]),
        ("zielgruppe=aeltere", ["Mentoring 50+"]),
        ("q=Verträge", ["Azubi-Speeddating"]),  # a substring of a word
        ("q=Ausbildungsverträge", ["Azubi-Speeddating"]),  # in the results
        ("q=Pflegekraefte", ["Kita-Allianz"]),  # transliterated umlaut
        ("q=Azubis", ["Pflege-Azubis", "Ausbildungsbotschafter"]),  # title hit ranks first
    ],
)
def test_filters_match_the_json_export(client, catalogue, query, expected):
    response = client.get(f"{LIST}?{query}")
    assert [p.title for p in response.context["object_list"]] == expected
    assert response.context["total"] == len(expected)
    assert _titles(client, query) == expected


def test_facet_counts_agree_with_the_export(client, catalogue):
    """Each facet option's count is the size of the export with that value added (OR within)."""
    rng = random.Random(11)
    queries = ["", "land=NW", "ziel=halten", "handlungsfeld=vereinbarkeit&evaluiert=ja"]
    for _ in range(4):
        queries.append(
            rng.choice(queries[1:]) + "&" + rng.choice(["typ=netzwerk", "status=laufend"])
        )
    for query in queries:
        facets = client.get(f"{LIST}?{query}").context["facets"]
        for name, facet in facets.items():
            for option in facet.options:
                if option.selected:
                    continue
                base = "&".join(p for p in query.split("&") if p and not p.startswith(f"{name}="))
                narrowed = _export(client, f"{base}&{name}={option.value}")
                assert option.count == len(narrowed), (query, name, option.value)


def test_unknown_parameters_are_ignored_with_a_notice(client, catalogue):
    response = client.get(f"{LIST}?ziel=reich&land=XX&status=laufend")
    notices = response.context["notices"]
    assert any("reich" in n for n in notices) and any("XX" in n for n in notices)
    assert [p.title for p in response.context["object_list"]] == [
        "Ausbildungsbotschafter",
        "Azubi-Speeddating",
        "Pflege-Azubis",
    ]


def test_sort_newest_and_title(client, catalogue):
    newest = client.get(f"{LIST}?sort=neueste").context["object_list"]
    assert [p.title for p in newest][:3] == [
        "Kita-Allianz",
        "Azubi-Speeddating",
        "Ausbildungsbotschafter",  # same start as Pflege-Azubis: then by title
    ]
    assert _titles(client, "sort=neueste")[:3] == [p.title for p in newest][:3]


def test_recommended_projects_come_first_with_badge_and_reason(client, catalogue):
    catalogue.mentoring.recommended = True
    catalogue.mentoring.recommended_reason = "Halbiert die Fluktuation im ersten Jahr."
    catalogue.mentoring.save()
    response = client.get(LIST)
    titles = [p.title for p in response.context["object_list"]]
    assert titles[0] == "Mentoring 50+"
    html = response.content.decode()
    assert "Halbiert die Fluktuation" in html
    assert html.count(">Praxisbeispiel</span>") == 1
    assert _titles(client, "sort=neueste")[0] == "Mentoring 50+"
    exported = _export(client)[0]
    assert exported["praxisbeispiel"] is True
    assert exported["begruendung"].startswith("Halbiert")


def test_reason_needs_the_recommendation(catalogue):
    from django.db import IntegrityError, transaction

    catalogue.kita.recommended_reason = "ohne Empfehlung"
    with pytest.raises(IntegrityError), transaction.atomic():
        catalogue.kita.save()


def test_project_page(client, catalogue):
    w = catalogue
    w.kita.recommended = True
    w.kita.save()
    url = w.speeddating.get_absolute_url()
    assert url == "/praxisbeispiele/fachkraeftebuendnis-owl/azubi-speeddating/"
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Azubi-Speeddating",
        "Fachkräftebündnis OWL",
        "Bielefeld",
        "Nordrhein-Westfalen",
        "Aus- und Weiterbildung",
        "14 Ausbildungsverträge",
        "Das Projekt wurde evaluiert.",
        "März 2025",
        w.owl.coordination_email,
    ):
        assert text in html, text
    # same aim (ausbilden) and field in another region: none but the draft's, which is hidden;
    # Kita-Allianz shares the field but not the aim
    assert response.context["similar"] == []
    jsonld = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert jsonld["@type"] == "CreativeWork"
    assert jsonld["creator"]["name"] == "Fachkräftebündnis OWL"
    assert jsonld["temporalCoverage"] == "2025-03-01/.."
    assert jsonld["spatialCoverage"][0]["identifier"] == "05711"


def test_similar_projects_share_aim_and_field_in_other_regions(client, catalogue):
    w = catalogue
    near = f.ProjectFactory(network=w.guetersl, title="Azubi-Tag Gütersloh", aim_train=True)
    near.action_fields.set([w.ausbildung])
    far = f.ProjectFactory(network=w.muenchen_net, title="Azubi-Tag München", aim_train=True)
    far.action_fields.set([w.ausbildung])
    response = client.get(w.speeddating.get_absolute_url())
    # Gütersloh shares a Kreis with OWL: not "another region"
    assert [p.title for p in response.context["similar"]] == ["Azubi-Tag München"]


def test_project_of_a_draft_network_is_not_found(client, catalogue):
    assert client.get(catalogue.hidden.get_absolute_url()).status_code == 404
    assert client.get("/praxisbeispiele/fachkraeftebuendnis-owl/gibt-es-nicht/").status_code == 404


def test_csv_export(client, catalogue):
    response = client.get(f"{EXPORT_CSV}?evaluiert=ja")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("Titel;Netzwerk;")
    assert len(lines) == 3
    assert "Azubi-Speeddating;Fachkräftebündnis OWL;05711, 05754;NW;ausbilden" in lines[1]


def test_feed(client, catalogue):
    response = client.get(f"{FEED}?land=NW")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.text for e in root.findall("a:entry/a:title", ns)]
    assert titles == [
        "Azubi-Speeddating (Fachkräftebündnis OWL)",
        "Ausbildungsbotschafter (Fachkräftebündnis OWL)",
        "Mentoring 50+ (Netzwerk Gütersloh)",
    ]


def test_sitemap_lists_the_projects(client, catalogue):
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-praxisbeispiele.xml" in index
    section = client.get("/sitemap-praxisbeispiele.xml").content.decode()
    assert "/praxisbeispiele/fachkraeftebuendnis-owl/azubi-speeddating/" in section
    assert "entwurfsprojekt" not in section
    assert "/praxisbeispiele/</loc>" in client.get("/sitemap-seiten.xml").content.decode()


def _more_projects(world, n):
    networks = [world.owl, world.guetersl, world.muenchen_net]
    projects = Project.objects.bulk_create(
        Project(
            network=networks[i % 3],
            title=f"Bulk-Projekt {i:04d}",
            slug=f"bulk-{i:04d}",
            aim_train=bool(i % 2),
            aim_retain=not i % 2,
        )
        for i in range(n)
    )
    Project.action_fields.through.objects.bulk_create(
        Project.action_fields.through(project=p, actionfield=world.ausbildung) for p in projects
    )
    from netzwerke.dataversion import data_version_bump

    data_version_bump()


# version; the filter's lookups (Land, Handlungsfeld); the page and its 2 prefetches
LIST_QUERIES = 1 + 2 + 1 + 2
# the network facet index and the project index (2 queries)
INDEX_QUERIES = 16 + 2
# version, the project with 3 prefetches, the similar projects and their 2 prefetches
DETAIL_QUERIES = 1 + 4 + 3


@pytest.mark.parametrize("n", [0, 60])
def test_query_budgets(client, catalogue, django_assert_num_queries, n):
    far = f.ProjectFactory(network=catalogue.muenchen_net, title="Azubi-Tag", aim_train=True)
    far.action_fields.set([catalogue.ausbildung])  # a similar project for the detail page
    _more_projects(catalogue, n)
    query = f"{LIST}?land=NW&handlungsfeld=aus-und-weiterbildung&ziel=ausbilden&sort=neueste"
    with django_assert_num_queries(LIST_QUERIES + INDEX_QUERIES):
        assert client.get(query).status_code == 200
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(query + "&page=1").status_code == 200
    with django_assert_num_queries(LIST_QUERIES + 1):  # the search
        assert client.get(query + "&q=Azubi").status_code == 200
    with django_assert_num_queries(DETAIL_QUERIES):
        assert client.get(catalogue.speeddating.get_absolute_url()).status_code == 200
    with django_assert_num_queries(1 + 1 + 1 + 2):  # version, Land, page of 50, 2 prefetches
        assert client.get(f"{FEED}?land=NW").status_code == 200


def test_index_moves_with_the_data(client, catalogue):
    assert "Neu im Katalog" not in client.get(LIST).content.decode()
    f.ProjectFactory(network=catalogue.owl, title="Neu im Katalog")
    assert "Neu im Katalog" in client.get(LIST).content.decode()
    Network.objects.filter(pk=catalogue.owl.pk).update(status=Network.Status.ARCHIVED)
    from netzwerke.dataversion import data_version_bump

    data_version_bump()
    assert "Neu im Katalog" not in client.get(LIST).content.decode()
