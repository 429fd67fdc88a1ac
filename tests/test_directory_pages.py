import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from netzwerke.dataversion import data_version_bump
from netzwerke.models import Network

HOME = reverse("netzwerke:home")
LIST = reverse("netzwerke:network-list")
ATOM = "{http://www.w3.org/2005/Atom}"


def detail_url(slug):
    return reverse("netzwerke:network-detail", kwargs={"slug": slug})


# -- home: place search ---------------------------------------------------------


def test_postal_code_finds_the_networks_of_its_kreis(client, directory_world):
    response = client.get(HOME, {"ort": "33602"})
    assert [d.ags for d in response.context["place_districts"]] == ["05711"]
    assert [n.slug for n in response.context["place_networks"]] == ["fachkraeftebuendnis-owl"]
    html = response.content.decode()
    # the contact is on the result card: postal code → contact needs no further click
    assert "kontakt@fachkraeftebuendnis-owl.example.org" in html
    assert detail_url("fachkraeftebuendnis-owl") in html


def test_postal_code_in_several_kreise_returns_all(client, directory_world):
    response = client.get(HOME, {"ort": "33649"})
    assert {d.ags for d in response.context["place_districts"]} == {"05711", "05754"}
    assert {n.slug for n in response.context["place_networks"]} == {
        "fachkraeftebuendnis-owl",
        "netzwerk-guetersloh",
    }
    assert "mehreren Kreisen" in response.content.decode()


@pytest.mark.parametrize("place", ["Gütersloh", "gütersloh", "Güters"])
def test_place_name_finds_the_kreis(client, directory_world, place):
    response = client.get(HOME, {"ort": place})
    assert [d.ags for d in response.context["place_districts"]] == ["05754"]


@pytest.mark.parametrize("place", ["12", "Atlantis", "99999"])
def test_unknown_place_gives_a_message(client, directory_world, place):
    response = client.get(HOME, {"ort": place})
    assert response.status_code == 200
    assert response.context["place_error"]


def test_home_shows_figures_and_the_table_of_laender(client, directory_world):
    response = client.get(HOME)
    assert response.context["figures"] == {
        "networks": 3,
        "demo": 0,
        "criteria": 1,
        "states": 2,
        "districts": 3,
    }
    html = response.content.decode()
    assert f'href="{LIST}?land=NW">2</a>' in html


# -- profile ----------------------------------------------------------------------


def test_profile_shows_partners_projects_criteria_and_contact(client, directory_world):
    response = client.get(detail_url("fachkraeftebuendnis-owl"))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "OWL-Partner 0",
        "IHK",
        "verbindlich",
        "Ausbildungsbotschafter",
        "Mindestens drei regionale Akteure",
        "kontakt@fachkraeftebuendnis-owl.example.org",
        "Zuletzt aktualisiert",
        "Gütersloh",
    ):
        assert text in html
    groups = [(t.name, len(ms)) for t, ms in response.context["partner_groups"]]
    assert groups == [("IHK", 1), ("Unternehmen", 2)]
    assert all(met is True for _label, met, _word in response.context["criteria"])


def test_profile_has_json_ld_organization(client, directory_world):
    html = client.get(detail_url("fachkraeftebuendnis-owl")).content.decode()
    start = html.index('<script type="application/ld+json"')
    body = html[html.index(">", start) + 1 : html.index("</script>", start)]
    data = json.loads(body)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Fachkräftebündnis OWL"
    assert {a["identifier"] for a in data["areaServed"]} == {"05711", "05754"}
    assert len(data["member"]) == 3


def test_json_ld_cannot_break_out_of_its_script(client, directory_world):
    Network.objects.filter(slug="qv-muenchen").update(short_description="</script><b>x</b>")
    html = client.get(detail_url("qv-muenchen")).content.decode()
    assert "</script><b>" not in html


@pytest.mark.parametrize("status", [Network.Status.DRAFT, Network.Status.ARCHIVED])
def test_unpublished_networks_answer_404(client, directory_world, status):
    Network.objects.filter(slug="qv-muenchen").update(status=status)
    assert client.get(detail_url("qv-muenchen")).status_code == 404
    assert client.get(detail_url("entwurf-bielefeld")).status_code == 404


# -- regions ----------------------------------------------------------------------


def test_state_page(client, directory_world):
    response = client.get(reverse("netzwerke:region-state", kwargs={"land": "NW"}))
    assert {n.slug for n in response.context["networks"]} == {
        "fachkraeftebuendnis-owl",
        "netzwerk-guetersloh",
    }
    assert response.context["covered"] == 2
    assert f"{LIST}?land=NW" in response.content.decode()
    assert client.get("/regionen/XX/").status_code == 404


def test_district_page(client, directory_world):
    url = reverse("netzwerke:region-district", kwargs={"land": "NW", "ags": "05754"})
    response = client.get(url)
    assert response.context["total"] == 2
    assert f"{LIST}?kreis=05754" in response.content.decode()
    # a Kreis under the wrong Land is not found
    assert client.get("/regionen/BY/05754/").status_code == 404


# -- open data ----------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "land=NW", "handlungsfeld=vereinbarkeit&sort=neueste"])
def test_json_export_equals_the_list_result(client, directory_world, query):
    from tests.factories import NetworkFactory

    NetworkFactory.create_batch(22, districts=[directory_world.guetersloh])
    listed = []
    page = 1
    while True:
        response = client.get(f"{LIST}?{query}&page={page}")
        listed += [n.slug for n in response.context["object_list"]]
        if not response.context["page_obj"].has_next():
            break
        page += 1
    response = client.get(f"{reverse('netzwerke:network-export-json')}?{query}")
    assert response["Content-Type"] == "application/json"
    data = json.loads(streamed(response))["netzwerke"]
    assert [row["slug"] for row in data] == listed
    assert len(listed) > 20 or query


def test_json_export_fields(client, directory_world):
    response = client.get(f"{reverse('netzwerke:network-export-json')}?kreis=05711")
    (row,) = json.loads(streamed(response))["netzwerke"]
    assert row["slug"] == "fachkraeftebuendnis-owl"
    assert row["typ"] == "buendnis"
    assert row["kreise"] == ["05711", "05754"]
    assert row["laender"] == ["NW"]
    assert row["handlungsfelder"] == ["aus-und-weiterbildung"]
    assert row["partner_anzahl"] == 3
    assert row["url"] == "http://testserver/netzwerke/fachkraeftebuendnis-owl/"
    assert row["herkunft"] == "curated" and row["demo"] is False
    assert row["ziele_datenbasiert"] is True and row["hauptamtliches_management"] is None
    assert "coordination_email" not in row


def test_atom_feed_for_the_current_filter(client, directory_world):
    response = client.get(f"{reverse('netzwerke:network-feed')}?land=NW")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert "Nordrhein-Westfalen" in root.find(f"{ATOM}title").text
    titles = {e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")}
    assert titles == {"Fachkräftebündnis OWL", "Netzwerk Gütersloh"}
    for entry in root.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/netzwerke/")
        assert entry.find(f"{ATOM}updated") is not None


def test_feed_ignores_invalid_values(client, directory_world):
    response = client.get(f"{reverse('netzwerke:network-feed')}?land=XX&page=x")
    assert response.status_code == 200
    assert len(ET.fromstring(response.content).findall(f"{ATOM}entry")) == 3


def test_sitemap_and_robots(client, directory_world):
    from tests.test_scale import sitemap_locations

    locs = sitemap_locations(client)
    assert "http://testserver/netzwerke/fachkraeftebuendnis-owl/" in locs
    assert "http://testserver/netzwerke/entwurf-bielefeld/" not in locs
    assert "http://testserver/regionen/NW/05711/" in locs
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/?ort=%00",
        "/netzwerke/?q=%00",
        "/netzwerke/?kreis=%00&land=N%00",
        "/netzwerke/export.json?typ=%00",
        "/netzwerke/feed/?handlungsfeld=%00",
        "/regionen/%00/",
        "/regionen/NW/%00/",
    ],
)
def test_nul_bytes_never_give_a_500(client, directory_world, url):
    assert client.get(url).status_code in (200, 404)


def streamed(response):
    """The whole body of a streamed export."""
    assert response.streaming
    return b"".join(response.streaming_content)


def all_listed(client, query):
    listed, page = [], 1
    while True:
        response = client.get(f"{LIST}?{query}&page={page}")
        listed += [n.slug for n in response.context["object_list"]]
        if not response.context["page_obj"].has_next():
            return listed
        page += 1


@pytest.mark.parametrize("query", ["", "land=NW", "typ=netzwerk&typ=buendnis&sort=partner"])
def test_csv_export_equals_the_list_result_without_personal_data(client, directory_world, query):
    import csv
    import io

    from tests.factories import NetworkFactory

    NetworkFactory.create_batch(21, districts=[directory_world.bielefeld])
    Network.objects.update(contact_public=False)
    data_version_bump()  # a bulk update sends no signal
    response = client.get(f"{reverse('netzwerke:network-export-csv')}?{query}")
    assert response["Content-Type"].startswith("text/csv")
    assert response.streaming  # the whole directory never sits in memory as one text
    text = streamed(response).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    assert [r["kuerzel"] for r in rows] == all_listed(client, query)
    assert all(r["koordination_email"] == r["koordination_person"] == "" for r in rows)
    assert "kontakt@" not in text


def test_sources_page_credits_the_reference_data(client, db):
    html = client.get(reverse("netzwerke:sources")).content.decode()
    for text in ("Destatis", "GeoNames", "BKG", "CC BY 4.0"):
        assert text in html


@pytest.mark.parametrize("n", [5, 60])
def test_export_query_budget(client, directory_world, django_assert_max_num_queries, n):
    from tests.factories import NetworkFactory

    NetworkFactory.create_batch(n, districts=[directory_world.bielefeld])
    # the exports stream: the queries run while the body is read
    with django_assert_max_num_queries(12):
        streamed(client.get(f"{reverse('netzwerke:network-export-json')}?land=NW&land=BY"))
    with django_assert_max_num_queries(12):
        streamed(client.get(f"{reverse('netzwerke:network-export-csv')}?land=NW&land=BY"))
