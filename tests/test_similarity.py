"""The similarity of networks (netzwerke/similarity.py) on a known constellation, and the
profile's "ähnlicher Schwerpunkt in der Region" and "Von anderen lernen"."""

import pytest

from netzwerke.dataversion import data_version_read
from netzwerke.similarity import jaccard, peers
from tests import factories as f


@pytest.fixture
def constellation(db):
    """Three networks in Kreis Ludwigsburg, one in Bielefeld (another Land).

    ==========  =================  ============================  ===========  =======
    network     Kreise             Handlungsfelder               Zielgruppen  Branche
    ==========  =================  ============================  ===========  =======
    A           Ludwigsburg        ausbildung, vereinbarkeit     azubis       –
    B           Ludwigsburg, Böbl. ausbildung, vereinbarkeit     azubis       pflege
    C           Ludwigsburg        gesundheit                    aeltere      –
    D           Bielefeld (NW)     ausbildung                    azubis       –
    ==========  =================  ============================  ===========  =======
    """
    from types import SimpleNamespace

    bw = f.StateFactory(code="BW", ags="08", name="Baden-Württemberg")
    nw = f.StateFactory(code="NW", ags="05", name="Nordrhein-Westfalen")
    ludwigsburg = f.DistrictFactory(ags="08118", name="Ludwigsburg", state=bw)
    boeblingen = f.DistrictFactory(ags="08115", name="Böblingen", state=bw)
    bielefeld = f.DistrictFactory(ags="05711", name="Bielefeld", state=nw)
    ausbildung = f.ActionFieldFactory(slug="ausbildung", name="Aus- und Weiterbildung")
    vereinbarkeit = f.ActionFieldFactory(slug="vereinbarkeit", name="Vereinbarkeit")
    gesundheit = f.ActionFieldFactory(slug="gesundheit", name="Gesundheit")
    azubis = f.TargetGroupFactory(slug="azubis", name="Auszubildende")
    aeltere = f.TargetGroupFactory(slug="aeltere", name="Ältere")
    pflege = f.SectorFactory(slug="pflege", name="Pflege", code="Q")
    a = f.NetworkFactory(
        name="A-Netz",
        districts=[ludwigsburg],
        action_fields=[ausbildung, vereinbarkeit],
        target_groups=[azubis],
    )
    b = f.NetworkFactory(
        name="B-Bündnis",
        districts=[ludwigsburg, boeblingen],
        action_fields=[ausbildung, vereinbarkeit],
        target_groups=[azubis],
        sectors=[pflege],
    )
    c = f.NetworkFactory(
        name="C-Verbund",
        districts=[ludwigsburg],
        action_fields=[gesundheit],
        target_groups=[aeltere],
    )
    d = f.NetworkFactory(
        name="D-Netz Bielefeld",
        districts=[bielefeld],
        action_fields=[ausbildung],
        target_groups=[azubis],
    )
    return SimpleNamespace(**locals())


def test_jaccard():
    assert jaccard(frozenset(), frozenset()) == 0
    assert jaccard(frozenset("ab"), frozenset("abc")) == pytest.approx(2 / 3)


def test_peers_in_the_region_and_elsewhere(constellation):
    w = constellation
    version = data_version_read()
    regional = peers(version, w.a.pk, regional=True)
    # B shares 3 of A's 3 items and adds a sector: 3/4; C shares nothing: not listed
    assert [(p.pk, p.similarity, p.shared) for p in regional] == [
        (w.b.pk, 0.75, ["Aus- und Weiterbildung", "Vereinbarkeit", "Auszubildende"])
    ]
    elsewhere = peers(version, w.a.pk, regional=False)
    # D (NW) shares 2 of 3: 2/3; B and C are in A's Land
    assert [(p.pk, round(p.similarity, 3), p.shared) for p in elsewhere] == [
        (w.d.pk, 0.667, ["Aus- und Weiterbildung", "Auszubildende"])
    ]
    assert peers(version, w.c.pk, regional=True) == []
    # D's peers in other Länder, most similar first: A (2/3), then B (2/4)
    assert [(p.pk, round(p.similarity, 3)) for p in peers(version, w.d.pk, regional=False)] == [
        (w.a.pk, 0.667),
        (w.b.pk, 0.5),
    ]


def test_profile_names_the_peers_and_recommended_projects(client, constellation):
    w = constellation
    good = f.ProjectFactory(network=w.d, title="Azubi-Scouts", recommended=True)
    good.action_fields.set([w.ausbildung])
    f.ProjectFactory(network=w.d, title="Nicht empfohlen").action_fields.set([w.ausbildung])
    response = client.get(w.a.get_absolute_url())
    html = response.content.decode()
    assert [p.network.name for p in response.context["peers_regional"]] == ["B-Bündnis"]
    assert [p.network.name for p in response.context["peers_elsewhere"]] == ["D-Netz Bielefeld"]
    assert [p.title for p in response.context["peer_projects"]] == ["Azubi-Scouts"]
    assert "Netzwerke mit ähnlichem Schwerpunkt in der Region" in html
    assert "gemeinsam: Aus- und Weiterbildung, Vereinbarkeit, Auszubildende" in html
    assert "Von anderen lernen" in html
    assert good.get_absolute_url() in html


# -- overlaps (netzwerke/overlaps.py) -----------------------------------------------


def test_kreis_page_matrix_and_similar_pair(client, constellation):
    response = client.get("/regionen/BW/08118/")
    assert response.status_code == 200
    networks = [n.name for n in response.context["networks"]]
    assert networks == ["A-Netz", "B-Bündnis", "C-Verbund"]
    fields, groups = (
        [(row.label, row.cells) for row in rows] for rows, _c in response.context["matrices"]
    )
    assert fields == [
        ("Aus- und Weiterbildung", [True, True, False]),
        ("Vereinbarkeit", [True, True, False]),
        ("Gesundheit", [False, False, True]),
    ]
    assert groups == [("Auszubildende", [True, True, False]), ("Ältere", [False, False, True])]
    pairs = response.context["similar_pairs"]
    assert [(p.a.name, p.b.name, p.fields, p.groups) for p in pairs] == [
        ("A-Netz", "B-Bündnis", ["Aus- und Weiterbildung", "Vereinbarkeit"], ["Auszubildende"])
    ]
    assert "Ähnlicher Schwerpunkt" in response.content.decode()


def test_overlaps_page_ranking_and_white_spots(client, constellation):
    response = client.get("/ueberschneidungen/?land=BW&handlungsfeld=ausbildung")
    assert response.status_code == 200
    ranking = [(d.name, d.networks, d.overlap, d.field) for d in response.context["ranking"]]
    assert ranking == [("Ludwigsburg", 3, 2, "Aus- und Weiterbildung")]
    # Böblingen has B, which works on Ausbildung; no white spot in BW for it
    assert response.context["spots"] == []
    gesundheit = client.get("/ueberschneidungen/?land=BW&handlungsfeld=gesundheit")
    assert gesundheit.context["spots"] == [("08115", "Böblingen")]
    germany = client.get("/ueberschneidungen/?handlungsfeld=vereinbarkeit")
    assert germany.context["spots"] == [("05711", "Bielefeld")]
    html = germany.content.decode()
    assert "Wie wir Ähnlichkeit berechnen" in html and "<svg" in html


def test_overlaps_page_has_a_map_and_table_for_every_field(client, constellation):
    response = client.get("/ueberschneidungen/?land=BW")
    maps = response.context["field_maps"]
    # every Handlungsfeld, by name; the Kreise of BW with and without a network on it
    assert [(m.label, m.covered, m.spots) for m in maps] == [
        ("Aus- und Weiterbildung", 2, []),
        ("Gesundheit", 1, [("08115", "Böblingen")]),
        ("Vereinbarkeit", 2, []),
    ]
    # each map colours every Kreis of Germany; Bielefeld has no network on Gesundheit
    steps = {ags: css_class for css_class, codes in maps[1].steps for ags in codes}
    assert steps["08118"] == "nw-map__step-1" and steps["05711"] == "nw-map__step-0"
    assert len(steps) == 400
    html = response.content.decode()
    for key in ("ausbildung", "gesundheit", "vereinbarkeit"):
        assert f'id="h-feld-{key}"' in html and f'aria-labelledby="karte-{key}"' in html
    assert html.count('<use href="#k-08118"/>') == 3
    assert html.count('<path id="k-08118"') == 1  # the outlines once, referenced by all
    assert "<td>Böblingen</td><td>08115</td>" in html
    # an older link's field comes first, its table open and marked
    chosen = client.get("/ueberschneidungen/?land=BW&handlungsfeld=gesundheit")
    assert [m.key for m in chosen.context["field_maps"]] == [
        "gesundheit",
        "ausbildung",
        "vereinbarkeit",
    ]
    assert "<details open>" in chosen.content.decode()
    # an unknown field is ignored: the order by name, no table open
    unknown = client.get("/ueberschneidungen/?land=BW&handlungsfeld=quatsch")
    assert unknown.status_code == 200 and unknown.context["chosen"] == ""
    assert "<details open>" not in unknown.content.decode()


def test_white_spots_csv(client, constellation):
    response = client.get("/ueberschneidungen/weisse-flecken.csv?land=BW")
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert lines == [
        "Handlungsfeld;AGS;Kreis",
        "Gesundheit;08115;Böblingen",
    ]


@pytest.mark.parametrize("extra", [0, 30])
def test_overlap_pages_query_budget(client, constellation, django_assert_num_queries, extra):
    for i in range(extra):
        f.NetworkFactory(
            name=f"Extra {i}",
            districts=[constellation.ludwigsburg],
            action_fields=[constellation.ausbildung],
            target_groups=[constellation.azubis],
        )
    url = "/ueberschneidungen/?land=BW&handlungsfeld=ausbildung"
    client.get(url)  # builds the facet index
    with django_assert_num_queries(3):  # version, its Kreise, the Länder to choose
        assert client.get("/ueberschneidungen/").status_code == 200
    with django_assert_num_queries(4):  # version, the Land, its Kreise, the Länder to choose
        assert client.get(url).status_code == 200
    with django_assert_num_queries(3):  # version, the Land, its Kreise
        assert client.get("/ueberschneidungen/weisse-flecken.csv?land=BW").status_code == 200
