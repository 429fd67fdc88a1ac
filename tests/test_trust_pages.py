"""What the public sees of demo data and of unknown facts."""

import csv
import io
import json

import pytest
from django.urls import reverse

from netzwerke import csvformat
from netzwerke.dataversion import data_version_bump
from netzwerke.models import Network
from tests import factories as f
from tests.test_directory_pages import streamed

pytestmark = pytest.mark.django_db

BADGE = "Demo-Daten"


@pytest.fixture
def demo_and_real(directory_world):
    demo = f.NetworkFactory(
        name="Fachkräftenetzwerk Demo Bielefeld",
        slug="demo-bielefeld",
        districts=[directory_world.bielefeld],
        source=Network.Source.DEMO,
    )
    return directory_world.owl, demo


def test_demo_network_carries_the_badge_on_card_and_profile(client, demo_and_real):
    real, demo = demo_and_real
    listing = client.get(reverse("netzwerke:network-list"), {"kreis": "05711"}).content.decode()
    card = listing.split(demo.name)[1].split("</article>")[0]
    assert BADGE in card
    real_card = listing.split(real.name)[1].split("</article>")[0]
    assert BADGE not in real_card
    assert BADGE in client.get(demo.get_absolute_url()).content.decode()
    assert BADGE not in client.get(real.get_absolute_url()).content.decode()


def test_home_says_how_many_networks_are_demo_data(client, demo_and_real):
    html = client.get(reverse("netzwerke:home")).content.decode()
    assert "Diese Datenbank enthält 1 synthetisches Demo-Netzwerk" in html
    Network.objects.demo().delete()
    html = client.get(reverse("netzwerke:home")).content.decode()
    assert BADGE not in html and "synthetisch" not in html


def test_exports_mark_demo_networks(client, demo_and_real):
    real, demo = demo_and_real
    rows = json.loads(streamed(client.get(reverse("netzwerke:network-export-json"))))["netzwerke"]
    assert {r["slug"]: r["demo"] for r in rows}[demo.slug] is True
    assert {r["slug"]: r["herkunft"] for r in rows}[real.slug] == "curated"
    text = streamed(client.get(reverse("netzwerke:network-export-csv"))).decode("utf-8-sig")
    sources = {
        r["kuerzel"]: r["herkunft"] for r in csv.DictReader(io.StringIO(text), delimiter=";")
    }
    assert sources[demo.slug] == "demo" and sources[real.slug] == "curated"


def test_profile_names_three_states_of_the_criteria(client, directory_world):
    network = directory_world.owl  # three binding partners, a project, an action field
    network.goals_based_on_data = None
    network.results_evaluated = False
    network.save()
    response = client.get(network.get_absolute_url())
    states = [(met, str(word)) for _label, met, word in response.context["criteria"]]
    assert states == [
        (True, "erfüllt"),
        (None, "keine Angabe"),
        (True, "erfüllt"),
        (False, "nicht erfüllt"),
    ]
    html = response.content.decode()
    assert "Ziele auf Basis aussagekräftiger regionaler Daten: " in html
    assert '<span class="criterion-state">keine Angabe</span>' in html
    assert '<span class="criterion-state">nicht erfüllt</span>' in html


def test_profile_shows_reported_partners_beside_the_listed_ones(client, directory_world):
    network = f.NetworkFactory(partner_count_reported=73)
    f.MembershipFactory(network=network, binding=None)
    html = " ".join(client.get(network.get_absolute_url()).content.decode().split())
    assert "73 Partner laut Netzwerk, 1 davon hier eingetragen" in html
    assert "ohne Angabe: 1" in html


def test_criteria_filter_counts_only_confirmed_criteria(client, directory_world):
    url = reverse("netzwerke:network-list")
    listed = [n.slug for n in client.get(url, {"kriterien": "alle"}).context["object_list"]]
    assert listed == ["fachkraeftebuendnis-owl"]
    Network.objects.filter(slug="fachkraeftebuendnis-owl").update(results_evaluated=None)
    data_version_bump()  # a bulk update sends no signal
    listed = [n.slug for n in client.get(url, {"kriterien": "alle"}).context["object_list"]]
    assert listed == []
    owl = directory_world.owl
    owl.memberships.update(binding=None)
    Network.objects.filter(pk=owl.pk).update(results_evaluated=True)
    data_version_bump()
    assert client.get(url, {"kriterien": "alle"}).context["object_list"] == []


def test_csv_reads_and_writes_an_empty_cell_as_unknown(directory_world):
    data = (
        "kuerzel;name;hauptamtliches_management;ziele_datenbasiert;ergebnisse_evaluiert;partner\n"
        'neu;Neues Netzwerk;;nein;ja;"Partner A|ihk||partner|\nPartner B|ihk||partner|nein"\n'
    )
    assert csvformat.import_networks(data).ok
    network = Network.objects.get(slug="neu")
    assert network.full_time_management is None
    assert network.goals_based_on_data is False and network.results_evaluated is True
    bindings = dict(network.memberships.values_list("actor__name", "binding"))
    assert bindings == {"Partner A": None, "Partner B": False}
    assert network.source == "imported"
    out = io.StringIO()
    csvformat.write_networks(csvformat.export_queryset(Network.objects.filter(pk=network.pk)), out)
    row = next(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff")), delimiter=";"))
    assert row["hauptamtliches_management"] == "" and row["ziele_datenbasiert"] == "nein"
    assert row["entwicklungspartnerschaft"] == ""
    assert row["partner"].splitlines() == ["Partner A|ihk||partner", "Partner B|ihk||partner|nein"]
