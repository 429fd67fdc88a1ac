"""Cross-border networks: NUTS-3 regions abroad in the import, on the profile, in the
list filter ``grenzueberschreitend=ja`` and in the exports."""

import io
import json
import re

import pytest

from netzwerke import csvformat
from netzwerke.management.commands.load_reference_data import read_foreign_regions
from netzwerke.models import ForeignRegion, Network
from tests import factories as f

LIST = "/netzwerke/"


@pytest.fixture
def abroad(directory_world):
    """Ostbelgien-like: a network in Aachen and the German-speaking Community of Belgium."""
    w = directory_world
    verviers = ForeignRegion.objects.create(
        code="BE336", name="Bezirk Verviers – Deutschsprachige Gemeinschaft", country="BE"
    )
    ForeignRegion.objects.create(code="NL423", name="Zuid-Limburg", country="NL")
    aachen = f.DistrictFactory(ags="05334", name="Städteregion Aachen", state=w.nw)
    network = f.NetworkFactory(
        name="Fachkräftebündnis Ostbelgien-Aachen",
        slug="ostbelgien-aachen",
        districts=[aachen],
        action_fields=[w.ausbildung],
    )
    network.foreign_regions.set([verviers])
    w.verviers, w.aachen, w.ostbelgien = verviers, aachen, network
    return w


def test_the_committed_table_fits_the_model(db):
    rows = read_foreign_regions()
    countries = {row["fields"]["country"] for row in rows}
    assert countries == {"BE", "NL", "LU", "FR", "CH", "AT", "CZ", "PL", "DK"}
    assert "BE336" in {row["pk"] for row in rows}
    # the database constraints check code shape and country
    ForeignRegion.objects.bulk_create(
        [ForeignRegion(code=row["pk"], **row["fields"]) for row in rows]
    )
    assert ForeignRegion.objects.count() == len(rows)


def test_a_region_code_must_belong_to_its_country(db):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ForeignRegion.objects.create(code="NL423", name="Falsch", country="BE")
    with pytest.raises(IntegrityError), transaction.atomic():
        ForeignRegion.objects.create(code="DEA41", name="Deutsch", country="DE")


def test_profile_shows_the_regions_abroad(client, abroad):
    response = client.get(abroad.ostbelgien.get_absolute_url())
    html = response.content.decode()
    assert "Regionen im Ausland" in html
    assert "Bezirk Verviers – Deutschsprachige Gemeinschaft" in html and "NUTS BE336" in html
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert {a["identifier"] for a in data["areaServed"]} == {"05334", "BE336"}


def test_filter_grenzueberschreitend(client, abroad):
    response = client.get(LIST, {"grenzueberschreitend": "ja"})
    assert [n.slug for n in response.context["object_list"]] == ["ostbelgien-aachen"]
    facet = response.context["facets"]["grenzueberschreitend"]
    assert [(o.value, o.count, o.selected) for o in facet.options] == [("ja", 1, True)]
    unfiltered = client.get(LIST).context
    assert unfiltered["total"] == 4
    assert unfiltered["facets"]["grenzueberschreitend"].options[0].count == 1
    assert "grenzüberschreitend" in response.context["title"]


def test_filter_grenzueberschreitend_sql_reference_agrees(abroad, rf):
    from netzwerke.facets import compute_facets
    from netzwerke.filters import NetworkFilter

    request = rf.get(LIST, {"grenzueberschreitend": "ja", "land": "NW"})
    filterset = NetworkFilter(request.GET, queryset=Network.objects.published())
    facets, total = compute_facets(filterset)
    assert total == 1
    assert facets["grenzueberschreitend"].options[0].count == 1


def test_unknown_filter_value_is_a_notice(client, abroad):
    response = client.get(LIST, {"grenzueberschreitend": "vielleicht"})
    assert response.status_code == 200
    assert response.context["total"] == 4
    assert any("vielleicht" in n for n in response.context["notices"])


def test_exports_carry_the_regions_abroad(client, abroad):
    import csv

    response = client.get("/netzwerke/export.csv?grenzueberschreitend=ja")
    text = response.getvalue().decode("utf-8-sig")
    header, row, *rest = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rest == []
    assert row[header.index("regionen_ausland")] == "BE336"
    response = client.get("/netzwerke/export.json", {"grenzueberschreitend": "ja"})
    data = json.loads(response.getvalue())["netzwerke"]
    assert [n["regionen_ausland"] for n in data] == [["BE336"]]


def test_import_and_round_trip(abroad):
    data = (
        "kuerzel;name;typ;kreise;regionen_ausland\r\n"
        "euregio;Euregio-Fachkräfte;netzwerk;05334;BE336|nl423\r\n"
    ).encode()
    result = csvformat.import_networks(data)
    assert result.ok, result.errors
    network = Network.objects.get(slug="euregio")
    assert sorted(network.foreign_regions.values_list("code", flat=True)) == ["BE336", "NL423"]
    assert list(network.districts.values_list("ags", flat=True)) == ["05334"]
    out = io.StringIO()
    csvformat.write_networks(csvformat.export_queryset(Network.objects.all()), out)
    network.foreign_regions.clear()
    assert csvformat.import_networks(out.getvalue().encode()).ok
    assert network.foreign_regions.count() == 2


@pytest.mark.parametrize(
    ("kreise", "abroad_cell", "column", "fragment"),
    [
        ("05334", "BE999", "regionen_ausland", "Unbekannte Regionen im Ausland"),
        ("05334", "05711", "regionen_ausland", "stehen als Kreis"),
        ("05334", "DEA2D", "regionen_ausland", "stehen als Kreis"),
        ("05334|BE336", "", "kreise", "gehören in die Spalte „regionen_ausland“"),
    ],
)
def test_import_errors_are_located(abroad, kreise, abroad_cell, column, fragment):
    data = (
        "kuerzel;name;kreise;regionen_ausland\r\n"
        "gut;Gutes Netzwerk;05334;\r\n"
        f"neu;Neues Netzwerk;{kreise};{abroad_cell}\r\n"
    ).encode()
    result = csvformat.import_networks(data)
    assert not result.ok
    (error,) = [str(e) for e in result.errors]
    assert error.startswith(f"Zeile 3, Spalte „{column}“"), error
    assert fragment in error
    assert not Network.objects.filter(slug__in=["gut", "neu"]).exists()


def test_sources_page_names_eurostat(client, db):
    html = client.get("/quellen/").content.decode()
    assert "NUTS" in html and "EuroGeographics" in html and "Eurostat" in html


def test_profile_query_count_does_not_grow_with_regions(client, abroad):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = abroad.ostbelgien.get_absolute_url()
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    abroad.ostbelgien.foreign_regions.add(ForeignRegion.objects.get(code="NL423"))
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)
