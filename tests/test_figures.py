"""The directory's figures share the directory's definitions (one partner count)."""

import json

import pytest
from django.urls import reverse

from netzwerke.figures import directory_figures
from netzwerke.models import Network, State
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def networks():
    bielefeld = f.DistrictFactory()
    muenchen = f.DistrictFactory(
        ags="09162", name="München", state=f.StateFactory(code="BY", ags="09", name="Bayern")
    )
    # one recorded partner, but 30 reported: the network has 30 partners
    large = f.NetworkFactory(
        slug="gross", partner_count_reported=30, districts=[bielefeld, muenchen]
    )
    f.MembershipFactory(network=large)
    medium = f.NetworkFactory(slug="mittel", partner_count_reported=2, districts=[bielefeld])
    f.MembershipFactory.create_batch(3, network=medium)
    f.NetworkFactory(slug="leer", network_type=Network.Type.ALLIANCE, districts=[muenchen])
    f.NetworkFactory(slug="entwurf", status=Network.Status.DRAFT, published_at=None)


def test_partner_figures_count_like_the_list_sorts(client, networks, django_assert_num_queries):
    with django_assert_num_queries(4):  # Länder, types, partner bins, type facts
        figures = directory_figures()
    assert dict(figures.partner_bins) == {
        "keine": 1,
        "1–2": 0,
        "3–5": 1,
        "6–10": 0,
        "11–20": 0,
        "21 und mehr": 1,
    }
    assert figures.partner_mean == pytest.approx((30 + 3 + 0) / 3)

    listed = client.get(reverse("netzwerke:network-list"), {"sort": "partner"})
    assert [n.slug for n in listed.context["object_list"]] == ["gross", "mittel", "leer"]
    exported = json.loads(client.get(reverse("netzwerke:network-export-json")).getvalue())[
        "netzwerke"
    ]
    assert {n["slug"]: n["partner_anzahl"] for n in exported} == {
        "gross": 30,
        "mittel": 3,
        "leer": 0,
    }


def test_land_and_type_figures(networks):
    figures = directory_figures()
    assert figures.per_land == [("Bayern", 2), ("Nordrhein-Westfalen", 2)]
    assert figures.total == 3
    assert dict(figures.per_type)[dict(Network.Type.choices)[Network.Type.ALLIANCE]] == 1
    only_by = directory_figures(
        Network.objects.published().in_state("BY"), states=State.objects.filter(code="BY")
    )
    assert only_by.per_land == [("Bayern", 2)] and only_by.total == 2


def test_admin_lists_the_same_partner_count(client, networks):
    client.force_login(f.StaffFactory())
    response = client.get(reverse("admin:netzwerke_network_changelist"))
    shown = {n.slug: n.partner_count for n in response.context["cl"].result_list}
    assert shown == {"gross": 30, "mittel": 3, "leer": 0, "entwurf": 0}
