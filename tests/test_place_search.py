"""The place search on the home page, against the real reference data (both databases)."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse

from netzwerke.models import District, Network, Place, PostalCode, Region, State
from netzwerke.places import GROUP_LIMIT, parse_place, place_key
from tests import factories as f

HOME = reverse("netzwerke:home")

OWL = {"05711", "05754", "05758", "05762", "05766", "05770", "05774"}
ALLGAEU = {"09763", "09762", "09764", "09780", "09777", "09778", "09776"}
STUTTGART = {"08111", "08115", "08116", "08117", "08118", "08119"}
RUHR = {
    "05911",
    "05512",
    "05913",
    "05112",
    "05113",
    "05513",
    "05914",
    "05915",
    "05916",
    "05117",
    "05119",
    "05954",
    "05562",
    "05978",
    "05170",
}
EMS_ACHSE = {"03454", "03456", "03457", "03452", "03462", "03402"}
LAUSITZ = {"12052", "12061", "12062", "12066", "12071", "14625", "14626"}
RHEIN_NECKAR = {
    "08222",
    "08221",
    "08226",
    "08225",
    "07314",
    "07311",
    "07318",
    "07319",
    "07316",
    "07313",
    "07338",
    "07332",
    "07334",
    "07337",
    "06431",
}


@pytest.fixture(scope="module")
def places_db(django_db_setup, django_db_blocker):
    """The 400 Kreise, PLZ, places and regions, loaded once for this module."""
    with django_db_blocker.unblock():
        # a region left by another module may have lost its Kreise; seed them afresh
        Region.objects.all().delete()
        call_command("load_reference_data", stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        Region.objects.all().delete()
        Place.objects.all().delete()
        PostalCode.objects.all().delete()
        Network.objects.all().delete()
        District.objects.all().delete()
        State.objects.all().delete()


@pytest.fixture
def places(places_db, db):
    return None


# Every input of the issue's "Why", then more real names, spellings and prefixes:
# (input, the Kreise found) or (input, None, the candidates in order) for a choice.
FOUND = [
    ("Landkreis Göttingen", {"03159"}),
    ("Landkreis Cham", {"09372"}),
    ("Kreis Gütersloh", {"05754"}),
    ("Stadt Göttingen", {"03159"}),
    ("Frankfurt Oder", {"12053"}),
    ("D-33602", {"05711"}),
    ("Guetersloh", {"05754"}),
    ("OWL", OWL),
    ("Ostwestfalen", OWL),
    ("Allgäu", ALLGAEU),
    ("Region Stuttgart", STUTTGART),
    ("Ruhrgebiet", RUHR),
    ("17337", {"13071", "12073", "13075"}),
    # more names, spellings and prefixes
    ("Ostwestfalen-Lippe", OWL),
    ("owl", OWL),
    ("Allgaeu", ALLGAEU),
    ("Metropole Ruhr", RUHR),
    ("Ems-Achse", EMS_ACHSE),
    ("Emsland-Achse", EMS_ACHSE),
    ("Lausitz", LAUSITZ),
    ("Rhein-Neckar", RHEIN_NECKAR),
    ("Emsland", {"03454"}),
    ("Landkreis Emsland", {"03454"}),
    ("Köln", {"05315"}),
    ("Koeln", {"05315"}),
    ("KÖLN", {"05315"}),
    ("  gütersloh  ", {"05754"}),
    ("Stadt München", {"09162"}),
    ("Landkreis München", {"09184"}),
    ("LK Kassel", {"06633"}),
    ("Stadt Kassel", {"06611"}),
    ("Kreisfreie Stadt Kassel", {"06611"}),
    ("Lkr. Cham", {"09372"}),
    ("Stadtkreis Heilbronn", {"08121"}),
    ("Halle (Saale)", {"15002"}),
    ("Halle an der Saale", {"15002"}),
    ("Halle (Westf.)", {"05754"}),
    ("Frankfurt am Main", {"06412"}),
    ("Frankfurt/Main", {"06412"}),
    ("Frankfurt (Oder)", {"12053"}),
    ("Frankfurt an der Oder", {"12053"}),
    ("Mühldorf am Inn", {"09183"}),
    ("Muehldorf a. Inn", {"09183"}),
    ("Pfaffenhofen an der Ilm", {"09186"}),
    ("Weiden in der Oberpfalz", {"09363"}),
    ("St. Wendel", {"10046"}),
    ("Sankt Wendel", {"10046"}),
    ("Region Hannover", {"03241"}),
    ("Hannover", {"03241"}),
    ("Berlin", {"11000"}),
    ("Hamburg", {"02000"}),
    ("Duesseldorf", {"05111"}),
    ("Kreis Lippe", {"05766"}),
    ("Hochsauerlandkreis", {"05958"}),
    ("Sylt", {"01054"}),
    ("Norderstedt", {"01060"}),
    ("Goerlitz", {"14626"}),
    ("Wolfsburg", {"03103"}),
    ("Saarbrücken", {"10041"}),
    ("D 80331", {"09162"}),
    ("Landkreis Rostock", {"13072"}),
    ("Güters", {"05754"}),
    ("Sauerland", {"05958", "05962", "05966"}),
    ("Münsterland", {"05515", "05554", "05558", "05566", "05570"}),
]

AMBIGUOUS = [
    ("Emden", ["03402", "15083"]),
    ("Frankfurt", ["06412", "12053"]),
    ("München", ["09162", "09184"]),
    ("Muenchen", ["09162", "09184"]),
    ("Halle", ["15002", "05754", "03255", "03456"]),
    ("Leipzig", ["14713", "14729"]),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_home_search_finds_the_kreise(client, places, text, expected):
    response = client.get(HOME, {"ort": text})
    assert response.status_code == 200
    assert {d.ags for d in response.context["place_districts"]} == expected


@pytest.mark.parametrize(("text", "expected"), AMBIGUOUS)
def test_ambiguous_names_ask_which_place_by_population(client, places, text, expected):
    response = client.get(HOME, {"ort": text})
    match = response.context["place_match"]
    assert [c.district.ags for c in match.candidates] == expected
    # a choice, not a mixed list of networks
    assert "place_groups" not in response.context


def test_choice_page_links_each_candidate(client, places):
    response = client.get(HOME, {"ort": "Frankfurt"})
    html = response.content.decode()
    assert "Welches „Frankfurt“ meinen Sie?" in html
    assert "<title>Welches „Frankfurt“?" in html
    assert "?ort=Frankfurt&amp;kreis=06412" in html
    assert "Brandenburg" in html and "Hessen" in html
    chosen = client.get(HOME, {"ort": "Frankfurt", "kreis": "12053"})
    assert [d.ags for d in chosen.context["place_districts"]] == ["12053"]


def test_emden_the_city_comes_before_the_village(client, places):
    candidates = client.get(HOME, {"ort": "Emden"}).context["place_match"].candidates
    assert [c.district.name for c in candidates] == ["Emden", "Börde"]
    assert candidates[0].population > 40000


def test_networks_grouped_by_kreis(client, places):
    uckermark = District.objects.get(ags="12073")
    seenplatte = District.objects.get(ags="13071")
    f.NetworkFactory(name="Netz Uckermark", slug="netz-uckermark", districts=[uckermark])
    f.NetworkFactory(
        name="Bündnis Nordost", slug="buendnis-nordost", districts=[uckermark, seenplatte]
    )
    response = client.get(HOME, {"ort": "17337"})
    groups = response.context["place_groups"]
    assert [(g.district and g.district.ags, [n.slug for n in g.networks]) for g in groups] == [
        (None, ["buendnis-nordost"]),
        ("13071", []),
        ("12073", ["netz-uckermark"]),
        ("13075", []),
    ]
    html = response.content.decode()
    assert "In mehreren dieser Kreise" in html
    assert html.index("Mecklenburgische Seenplatte") < html.index("Netz Uckermark")


def test_a_full_kreis_shows_its_first_networks_and_links_to_all(client, places):
    uckermark = District.objects.get(ags="12073")
    seenplatte = District.objects.get(ags="13071")
    for i in range(GROUP_LIMIT + 3):
        f.NetworkFactory(
            name=f"Netz Uckermark {i:02}", slug=f"netz-um-{i:02}", districts=[uckermark]
        )
    for i in range(GROUP_LIMIT + 1):
        f.NetworkFactory(
            name=f"Bündnis Nordost {i:02}",
            slug=f"nordost-{i:02}",
            districts=[uckermark, seenplatte],
        )
    response = client.get(HOME, {"ort": "17337"})
    groups = {g.district and g.district.ags: g for g in response.context["place_groups"]}
    assert response.context["place_total"] == 2 * GROUP_LIMIT + 4
    assert [n.slug for n in groups["12073"].networks] == [
        f"netz-um-{i:02}" for i in range(GROUP_LIMIT)
    ]
    assert (groups["12073"].total, groups["12073"].more) == (GROUP_LIMIT + 3, 3)
    assert (groups[None].total, len(groups[None].networks)) == (GROUP_LIMIT + 1, GROUP_LIMIT)
    html = response.content.decode()
    assert f"Alle {GROUP_LIMIT + 3} Netzwerke anzeigen – Uckermark" in html
    assert '/netzwerke/?kreis=12073"' in html
    # the shared group's link lists all Kreise of the place
    assert "/netzwerke/?kreis=13071&amp;kreis=12073&amp;kreis=13075" in html
    # the two full groups link to the rest; the empty Kreise do not
    assert html.count("Netzwerke anzeigen") == 2


def test_kreis_without_network_suggests_its_neighbours(client, places):
    osnabrueck = District.objects.get(ags="03459")  # borders Gütersloh
    munich = District.objects.get(ags="09162")
    f.NetworkFactory(name="Netz Osnabrücker Land", slug="netz-os", districts=[osnabrueck])
    f.NetworkFactory(name="Netz München", slug="netz-muc", districts=[munich])
    response = client.get(HOME, {"ort": "Kreis Gütersloh"})
    assert response.context["place_total"] == 0
    nearby = response.context["nearby_groups"]
    assert [(g.district.ags, [n.slug for n in g.networks]) for g in nearby] == [
        ("03459", ["netz-os"])
    ]
    html = response.content.decode()
    assert "In der Nähe" in html
    assert "?land=NW" in html


def test_no_place_falls_back_to_the_full_text_search(client, places):
    f.NetworkFactory(
        name="Pflegeallianz Nord", slug="pflegeallianz", districts=[District.objects.first()]
    )
    response = client.get(HOME, {"ort": "Pflegeallianz"})
    assert response.context["place_error"]
    assert [n.slug for n in response.context["fallback_networks"]] == ["pflegeallianz"]
    assert "Volltextsuche" in response.content.decode()


@pytest.mark.parametrize("text", ["Atlantis", "!!", "- -", "D-"])
def test_nothing_at_all_says_so_without_fallback_results(client, places, text):
    response = client.get(HOME, {"ort": text})
    assert response.status_code == 200
    assert response.context["place_error"]
    assert response.context["fallback_networks"] == []


def test_every_seeded_region_has_its_kreise(places):
    from netzwerke.reference import REGIONS

    counts = dict(Region.objects.values_list("name").annotate(n=Count("districts")))
    for name, _other, codes in REGIONS:
        assert counts[name] >= len([c for c in codes.split() if not c.endswith("*")]), name
        assert counts[name] > 0, name


def test_region_edited_in_the_admin_keeps_its_names(places):
    region = Region.objects.get(name="Allgäu")
    region.other_names = "Westallgäu\nAllgäuer Land"
    region.save()
    assert "|westallgaeu|" in region.search_keys
    call_command("load_reference_data", stdout=io.StringIO())
    assert Region.objects.get(name="Allgäu").other_names == "Westallgäu\nAllgäuer Land"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Gütersloh", "guetersloh"),
        ("Guetersloh", "guetersloh"),
        ("Frankfurt (Oder)", "frankfurt oder"),
        ("Frankfurt an der Oder", "frankfurt oder"),
        ("Pfaffenhofen a.d.Ilm", "pfaffenhofen ilm"),
        ("St. Wendel", "sankt wendel"),
        ("Groß-Gerau", "gross gerau"),
        ("Bad Tölz", "bad toelz"),
    ],
)
def test_place_key(text, key):
    assert place_key(text) == key


@pytest.mark.parametrize(
    ("text", "kind", "bare"),
    [
        ("Landkreis Göttingen", "district", "goettingen"),
        ("LK Cham", "district", "cham"),
        ("Lkr. Cham", "district", "cham"),
        ("Kreis Gütersloh", "district", "guetersloh"),
        ("Stadt Göttingen", "city", "goettingen"),
        ("Stadtkreis Heilbronn", "city", "heilbronn"),
        ("Region Stuttgart", "region", "stuttgart"),
        ("Göttingen", "", ""),
    ],
)
def test_prefixes(text, kind, bare):
    query = parse_place(text)
    assert (query.kind, query.bare_key) == (kind, bare)


@pytest.mark.parametrize("text", ["D-33602", "d 33602", "D33602", "33602"])
def test_postal_code_with_country_prefix(text):
    assert parse_place(text).plz == "33602"


def test_regions_are_edited_in_the_admin(client, places):
    client.force_login(f.StaffFactory())
    region = Region.objects.get(name="Ostwestfalen-Lippe")
    changelist = client.get(reverse("admin:netzwerke_region_changelist"))
    assert "Ostwestfalen-Lippe" in changelist.content.decode()
    response = client.post(
        reverse("admin:netzwerke_region_change", args=[region.pk]),
        {
            "name": "Ostwestfalen-Lippe",
            "other_names": "OWL\nTeutoburger Wald",
            "districts": ["05711"],
        },
    )
    assert response.status_code == 302
    found = client.get(HOME, {"ort": "Teutoburger Wald"}).context["place_districts"]
    assert [d.ags for d in found] == ["05711"]


@pytest.mark.parametrize(
    ("text", "queries"),
    [
        # the home page's 1 (the data version; its map and figures are cached), then the search
        ("Frankfurt", 4),  # choice page: region, Kreise, places
        ("OWL", 6),  # region, its Kreise, networks + 2 prefetches
        ("Kreis Gütersloh", 7),  # no network (from the index): neighbours and their networks
        ("Pflegeallianz", 8),  # full-text fallback
    ],
)
@pytest.mark.parametrize("n", [2, 40])
def test_place_search_query_budget(client, places, django_assert_num_queries, text, queries, n):
    bielefeld = District.objects.get(ags="05711")
    osnabrueck = District.objects.get(ags="03459")
    for i in range(n):
        f.NetworkFactory(
            name=f"Pflegeallianz {i}", slug=f"pa-{i}", districts=[bielefeld, osnabrueck]
        )
    client.get(HOME)  # the home page's own figures are pinned elsewhere
    with django_assert_num_queries(queries):
        response = client.get(HOME, {"ort": text})
    assert response.status_code == 200
