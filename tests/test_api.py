"""The read API /api/v1/: every endpoint, the same filters and counts as the pages,
paging limits, conditional requests, the rate limit, CORS, and no private data."""

import csv
import io
import json

import pytest
from django.urls import reverse

from netzwerke.models import Network
from tests import factories as f
from tests.test_directory_pages import streamed

pytestmark = pytest.mark.django_db

API = "/api/v1/"


def get_json(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, (url, response.content[:300])
    assert response["Content-Type"].split(";")[0].endswith("json"), response["Content-Type"]
    return response.json()


@pytest.fixture
def world(directory_world):
    """The directory world with an event and a wave of twelve accepted responses."""
    w = directory_world
    w.event = f.EventFactory(network=w.owl, district=w.bielefeld, action_fields=[w.ausbildung])
    w.wave = f.SurveyFactory(title="Netzwerkerhebung 2026")
    topic = f.FocusTopicFactory(name="Fachkräfte halten")
    w.wave.topics.add(topic)
    for i, rating in enumerate(["zentral"] * 3 + ["agenda"] * 5 + ["kein"] * 4):
        f.AcceptedSubmissionFactory(
            survey=w.wave,
            network=None,
            land=w.nw if i % 3 else w.by,
            ratings={topic: rating},
            action_fields=[w.ausbildung],
        )
    return w


def endpoints(w):
    project = w.owl.projects.first()
    return [
        API,
        f"{API}networks/",
        f"{API}networks/{w.owl.slug}/",
        f"{API}projects/",
        f"{API}projects/{w.owl.slug}/{project.slug}/",
        f"{API}events/",
        f"{API}events/archive/",
        f"{API}states/",
        f"{API}districts/",
        f"{API}vocabularies/",
        f"{API}statistics/",
        f"{API}statistics/directory/partner/",
        f"{API}statistics/directory/trend/",
        f"{API}statistics/waves/{w.wave.slug}/",
        f"{API}statistics/waves/{w.wave.slug}/themen/",
    ]


def test_every_endpoint_answers_json_with_the_licence(client, world):
    for url in endpoints(world):
        data = get_json(client, url)
        assert data["licence"]["id"] == "dl-de/by-2-0", url
        assert data["licence"]["url"] == "https://www.govdata.de/dl-de/by-2-0"


def test_the_root_lists_every_endpoint(client, world):
    data = get_json(client, API)
    for url in data["endpoints"].values():
        get_json(client, url)
    assert get_json(client, data["schema"])["openapi"] == "3.1.0"
    assert client.get(data["documentation"]).status_code == 200


def test_unknown_objects_answer_404_in_json(client, world):
    for url in (
        f"{API}networks/gibt-es-nicht/",
        f"{API}networks/{world.draft.slug}/",
        f"{API}projects/{world.owl.slug}/gibt-es-nicht/",
        f"{API}statistics/directory/gibt-es-nicht/",
        f"{API}statistics/waves/gibt-es-nicht/",
        f"{API}statistics/waves/{world.wave.slug}/gibt-es-nicht/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "detail" in response.json()


def test_read_only(client, world):
    for url in (f"{API}networks/", f"{API}networks/{world.owl.slug}/"):
        assert client.post(url, {}).status_code == 405
        assert client.put(url, {}).status_code == 405
        assert client.delete(url).status_code == 405


# -- the same filters as the pages ------------------------------------------------------

NETWORK_QUERIES = [
    "",
    "land=NW",
    "land=NW&land=BY",
    "kreis=05754&handlungsfeld=aus-und-weiterbildung",
    "zielgruppe=schulabgaenger&typ=buendnis&typ=qualifizierungsverbund",
    "akteurstyp=ihk",
    "branche=gesundheit",
    "kriterien=alle",
    "sort=partner",
    "sort=neueste&land=NW",
    "q=Ausbildung",
    "land=XX&typ=kaputt&sort=irgendwie",
]


@pytest.mark.parametrize("query", NETWORK_QUERIES)
def test_network_filters_match_the_list_page(client, world, query):
    page = client.get(f"{reverse('netzwerke:network-list')}?{query}")
    data = get_json(client, f"{API}networks/?{query}&facets=1")
    assert data["count"] == page.context["total"]
    assert [n["slug"] for n in data["results"]] == [n.slug for n in page.context["object_list"]]
    assert data["notices"] == page.context["notices"]
    for name, facet in page.context["facets"].items():
        counts = {o["value"]: o["count"] for o in data["facets"][name]["options"]}
        assert counts == {o.value: o.count for o in facet.options}, name


PROJECT_QUERIES = ["", "ziel=ausbilden", "land=BY", "q=Azubis", "handlungsfeld=vereinbarkeit"]


@pytest.mark.parametrize("query", PROJECT_QUERIES)
def test_project_filters_match_the_catalogue(client, world, query):
    page = client.get(f"{reverse('netzwerke:project-list')}?{query}")
    data = get_json(client, f"{API}projects/?{query}&facets=1")
    assert data["count"] == page.context["total"]
    assert [p["slug"] for p in data["results"]] == [p.slug for p in page.context["object_list"]]
    for name, facet in page.context["facets"].items():
        counts = {o["value"]: o["count"] for o in data["facets"][name]["options"]}
        assert counts == {o.value: o.count for o in facet.options}, name


@pytest.mark.parametrize("query", ["", "land=NW", "online=nein&kreis=05711", "land=XX"])
def test_event_filters_match_the_event_list(client, world, query):
    page = client.get(f"{reverse('netzwerke:event-list')}?{query}")
    data = get_json(client, f"{API}events/?{query}")
    assert data["count"] == page.context["total"]
    assert [e["slug"] for e in data["results"]] == [e.slug for e in page.context["events"]]
    assert data["notices"] == page.context["notices"]


def test_districts_by_land_with_their_network_counts(client, world):
    data = get_json(client, f"{API}districts/?land=NW")
    counts = {d["ags"]: d["network_count"] for d in data["results"]}
    assert counts == {"05711": 1, "05754": 2}  # the draft in Bielefeld does not count
    data = get_json(client, f"{API}districts/?land=XX")
    assert data["count"] == 3 and "XX" in data["notices"][0]


def test_states_and_vocabularies_count_published_networks(client, world):
    states = {s["code"]: s["network_count"] for s in get_json(client, f"{API}states/")["results"]}
    assert states == {"BY": 1, "NW": 2}
    vocabularies = get_json(client, f"{API}vocabularies/")["results"]
    fields = {t["slug"]: t["network_count"] for t in vocabularies["action_fields"]["terms"]}
    assert fields == {"aus-und-weiterbildung": 2, "vereinbarkeit": 2}
    assert vocabularies["action_fields"]["param"] == "handlungsfeld"
    assert {t["code"] for t in vocabularies["sectors"]["terms"]} == {"C", "Q"}


# -- paging -------------------------------------------------------------------------------


def test_paging_limits_and_links(client, world):
    many = [f.NetworkFactory(name=f"Netz {i:03d}") for i in range(105)]
    assert len(many) == 105
    data = get_json(client, f"{API}networks/?page_size=1000")
    assert data["page_size"] == 100 and len(data["results"]) == 100
    assert data["count"] == 108 and data["pages"] == 2
    assert "Höchstens 100" in data["notices"][0]
    second = get_json(client, data["next"])
    assert len(second["results"]) == 8 and second["next"] is None
    assert get_json(client, second["previous"])["page"] == 1

    data = get_json(client, f"{API}networks/?page_size=5&page=3")
    assert data["page"] == 3 and len(data["results"]) == 5 and data["notices"] == []
    data = get_json(client, f"{API}networks/?page_size=null&page=x")
    assert data["page_size"] == 20 and data["page"] == 1 and len(data["notices"]) == 2
    data = get_json(client, f"{API}networks/?page=999")
    assert data["page"] == data["pages"] == 6
    assert "Seite 999 gibt es nicht" in data["notices"][0]
    data = get_json(client, f"{API}networks/?page_size=0&page=-1")
    assert data["page_size"] == 20 and data["page"] == 1


@pytest.mark.parametrize(
    "query",
    [
        "land=%00",
        "kreis=" + "9" * 500,
        "q=%00%00",
        "page=%00",
        "page_size=1e9",
        "facets=ja",
        "sort[]=x",
        "typ=buendnis&typ=buendnis",
    ],
)
def test_bad_parameters_are_notices_never_errors(client, world, query):
    for url in (f"{API}networks/", f"{API}projects/", f"{API}events/", f"{API}districts/"):
        get_json(client, f"{url}?{query}")
    get_json(client, f"{API}statistics/?land=ZZ&typ=%00")


# -- HTTP caching, rate limit, CORS, cookies ------------------------------------------


def test_a_repeated_conditional_request_gets_304_until_the_data_changes(client, world):
    url = f"{API}networks/?land=NW"
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"].startswith("public")
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    assert client.get(url, headers={"if-modified-since": modified}).status_code == 304
    # another request has another ETag
    assert client.get(f"{API}networks/?land=BY")["ETag"] != etag
    world.owl.name = "Fachkräftebündnis Ostwestfalen-Lippe"
    world.owl.save()
    again = client.get(url, headers={"if-none-match": etag})
    assert again.status_code == 200 and again["ETag"] != etag
    assert again.json()["results"][0]["name"] == "Fachkräftebündnis Ostwestfalen-Lippe"


def test_rate_limit_per_client_address(client, world, settings):
    settings.RATELIMITS = {"api": (3, 60)}
    url = f"{API}states/"
    for _ in range(3):
        assert client.get(url).status_code == 200
    refused = client.get(url)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert "Zu viele Anfragen" in refused.json()["detail"]
    # another address has its own budget
    assert client.get(url, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_cors_is_open_for_reading_the_api_only(client, world):
    origin = {"origin": "https://www.ihk.example"}
    response = client.get(f"{API}networks/", headers=origin)
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        f"{API}networks/",
        headers={**origin, "access-control-request-method": "GET"},
    )
    assert preflight.status_code == 200
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Credentials" not in preflight
    assert "Access-Control-Allow-Origin" not in client.get("/netzwerke/", headers=origin)


def test_no_cookie_and_no_session(client, world):
    for url in [*endpoints(world), f"{API}docs/", f"{API}docs/?script="]:
        response = client.get(url)
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url


# -- no private data ------------------------------------------------------------------

CONTACT = {
    "coordination_person": "Karla Kontaktlos",
    "coordination_role": "Netzwerkmanagerin im Ehrenamt",
    "coordination_email": "karla.kontaktlos@example.org",
    "coordination_phone": "030 23125 001",
}


def _everything(client, w):
    return "\n".join(
        client.get(url).content.decode()
        for url in [
            *endpoints(w),
            f"{API}networks/?page_size=100",
            f"{API}projects/?page_size=100",
            f"{API}networks/{w.guetersl.slug}/",
        ]
    )


def test_no_draft_no_archived_network_and_contacts_only_with_consent(client, world):
    archived = f.NetworkFactory(name="Archiviertes Netz", status=Network.Status.ARCHIVED)
    f.ProjectFactory(network=archived, title="Projekt des Archivs")
    f.ProjectFactory(network=world.draft, title="Projekt des Entwurfs")
    f.EventFactory(network=world.draft, title="Termin des Entwurfs")
    world.guetersl.__dict__.update(contact_public=False, **CONTACT)
    world.guetersl.save()
    world.owl.__dict__.update(
        contact_public=True,
        coordination_person="Jana Offen",
        coordination_role="Koordinatorin",
        coordination_email="jana.offen@example.org",
        coordination_phone="0521 998877",
    )
    world.owl.save()
    text = _everything(client, world)
    for hidden in ("Entwurf Bielefeld", "Archiviertes Netz", "des Archivs", "des Entwurfs"):
        assert hidden not in text
    for value in CONTACT.values():
        assert value not in text
    owl = get_json(client, f"{API}networks/{world.owl.slug}/")
    assert owl["contact"] == {
        "person": "Jana Offen",
        "role": "Koordinatorin",
        "email": "jana.offen@example.org",
        "phone": "0521 998877",
    }
    assert get_json(client, f"{API}networks/{world.guetersl.slug}/")["contact"] is None
    assert client.get(f"{API}networks/{archived.slug}/").status_code == 404


def test_demo_networks_are_marked(client, world):
    world.guetersl.source = "demo"
    world.guetersl.save()
    data = get_json(client, f"{API}networks/?page_size=100")
    assert {n["slug"]: n["demo"] for n in data["results"]} == {
        world.owl.slug: False,
        world.guetersl.slug: True,
        world.muenchen_net.slug: False,
    }


def test_network_entry_is_the_json_export_renamed(client, world):
    export = json.loads(streamed(client.get(reverse("netzwerke:network-export-json"))))["netzwerke"]
    api = get_json(client, f"{API}networks/")["results"]
    from netzwerke.api.fields import NETWORK_FIELDS

    assert len(export) == len(api)
    for old, new in zip(export, api, strict=True):
        for field in NETWORK_FIELDS:
            if field.name not in ("contact", "type_facts"):
                assert new[field.name] == old[field.export], field.name
    assert all(key == key.lower() and key.isascii() for key in api[0])


# -- statistics ------------------------------------------------------------------------


def _csv(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.mark.parametrize("query", ["", "?land=NW", "?land=BY", "?typ=netzwerk"])
def test_statistics_tables_are_the_csv_tables(client, world, query):
    slug = world.wave.slug
    table = get_json(client, f"{API}statistics/waves/{slug}/themen/{query}")["table"]
    rows = _csv(client.get(reverse("survey:statistics-wave-csv", args=[slug, "themen"]) + query))
    assert rows == [table["columns"]] + [
        [row["label"], *row["cells"]] for row in table["rows"] + table["footer"]
    ]
    directory = get_json(client, f"{API}statistics/directory/netzwerke-land/{query}")["table"]
    rows = _csv(client.get(reverse("survey:statistics-csv", args=["netzwerke-land"]) + query))
    assert rows[0] == directory["columns"]


def test_statistics_hide_small_groups(client, world):
    # four responses in Bayern: fewer than five, so no count is shown
    data = get_json(client, f"{API}statistics/waves/{world.wave.slug}/?land=BY")
    assert data["wave"]["responses"] == "< 5"
    cells = [c for t in data["tables"] for r in t["rows"] for c in r["cells"]]
    assert cells and set(cells) <= {"< 5", "x", "–"}
    assert data["disclosure"] == {"min_group": 5, "suppressed": "< 5", "secondary": "x"}
    assert data["filters"] == {"land": "BY"}


# -- the OpenAPI document and its documentation -----------------------------------------


def test_the_schema_is_valid_openapi_3_1(client, world):
    from openapi_spec_validator import validate

    schema = get_json(client, f"{API}schema/")
    validate(schema)
    assert schema["openapi"] == "3.1.0"
    assert schema["info"]["license"]["url"] == "https://www.govdata.de/dl-de/by-2-0"
    parameters = {p["name"] for p in schema["paths"]["/api/v1/networks/"]["get"]["parameters"]}
    assert {"land", "kreis", "handlungsfeld", "q", "sort", "page", "page_size", "facets"} <= (
        parameters
    )
    assert all(path.startswith("/api/v1/") for path in schema["paths"])


def test_docs_load_only_our_own_assets(client, world, settings):
    from django.contrib.staticfiles import finders

    response = client.get(f"{API}docs/")
    html = response.content.decode()
    assert response.status_code == 200
    sources = [part.split('"')[0] for part in html.split('src="')[1:] + html.split('href="')[1:]]
    assert sources
    for source in sources:
        assert not source.startswith(("http:", "https:", "//")), source
        if source.startswith(settings.STATIC_URL):
            assert finders.find(source.removeprefix(settings.STATIC_URL)), source
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    script = client.get(f"{API}docs/?script=")
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()
    assert "csrf" not in script.content.decode().lower()


# -- query budgets ------------------------------------------------------------------------

# version, the 2 filter values, the page and its 5 prefetches (Kreise, regions abroad,
# 3 vocabularies); facets, total and order come from the facet index, as on the page
LIST_QUERIES = 1 + 2 + 1 + 5
DETAIL_QUERIES = 1 + 1 + 5 + 1  # version, network, its 5 prefetches, its projects
PROJECT_QUERIES = 1 + 1 + 1 + 2  # version, the Land, the page, 2 prefetches


@pytest.mark.parametrize("n", [10, 300])
def test_query_budgets(client, directory_world, django_assert_num_queries, page_cache, n):
    from tests.test_directory_queries import populate

    populate(directory_world, n)
    url = f"{API}networks/?land=NW&handlungsfeld=aus-und-weiterbildung"
    client.get(f"{url}&page=2")  # builds the index
    with django_assert_num_queries(LIST_QUERIES):
        data = client.get(url).json()
    assert len(data["results"]) == min(20, data["count"]) and data["count"] > n // 2
    with django_assert_num_queries(LIST_QUERIES):
        client.get(f"{url}&facets=1&page_size=100")
    with django_assert_num_queries(1):  # the same request again: only the data version
        client.get(url)
    with django_assert_num_queries(DETAIL_QUERIES):
        client.get(f"{API}networks/{directory_world.owl.slug}/")
    client.get(f"{API}projects/?land=BY")  # builds the project index
    with django_assert_num_queries(PROJECT_QUERIES):
        data = client.get(f"{API}projects/?land=NW").json()
    assert len(data["results"]) == min(20, data["count"]) and data["count"] > n // 2


def test_the_readme_documents_every_field(settings):
    """The README's mapping tables name every API field with its JSON export key."""
    from netzwerke.api.fields import NETWORK_FIELDS, PROJECT_FIELDS

    readme = (settings.BASE_DIR / "README.md").read_text()
    section = readme.split("## API (`/api/v1/`)")[1].split("\n## ")[0]
    rows = {
        tuple(cell.strip().strip("`").split("`")[0] for cell in line.split("|")[1:3])
        for line in section.splitlines()
        if line.startswith("| `")
    }
    for field in (*NETWORK_FIELDS, *PROJECT_FIELDS):
        assert (field.name, field.export) in rows, field.name


def test_every_answer_matches_its_schema(client, world):
    """The bodies are plain dicts: the OpenAPI document must describe what they are."""
    from openapi_schema_validator import OAS31Validator, validate

    spec = get_json(client, f"{API}schema/")
    templates = {
        "/api/v1/networks/fachkraeftebuendnis-owl/": "/api/v1/networks/{slug}/",
        f"/api/v1/statistics/waves/{world.wave.slug}/": "/api/v1/statistics/waves/{slug}/",
        f"/api/v1/statistics/waves/{world.wave.slug}/themen/": (
            "/api/v1/statistics/waves/{slug}/{table}/"
        ),
    }
    world.owl.coordination_person = "Jana Offen"
    world.owl.save()
    for url in endpoints(world):
        if url.startswith(f"{API}projects/") and url.count("/") > 4:
            template = "/api/v1/projects/{network}/{slug}/"
        elif url.startswith(f"{API}statistics/directory/"):
            template = "/api/v1/statistics/directory/{table}/"
        else:
            template = templates.get(url, url)
        operation = spec["paths"][template]["get"]
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        for query in ("", "?facets=1"):
            body = get_json(client, url + query)
            validate(body, {**schema, "components": spec["components"]}, cls=OAS31Validator)
