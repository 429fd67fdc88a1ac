"""Query budgets: the page's query count does not depend on the number of networks."""

import pytest
from django.urls import reverse
from django.utils import timezone

from netzwerke.models import Membership, Network, Project
from netzwerke.places import GROUP_LIMIT

LIST = reverse("netzwerke:network-list")

# sessions/auth are not touched by anonymous public pages; the numbers are the page's own
# plus one: the data version, read once per request (netzwerke/dataversion.py).
# The list: version, 5 lookups of the filter values, the page and its 2 prefetches; the
# facets, the total and the order come from the facet index, which the first request
# after a write builds in a fixed number of queries.
LIST_QUERIES = 1 + 5 + 1 + 2
INDEX_QUERIES = 16  # with the demo networks (the home page notice) and the regions abroad
# version, network, 8 prefetches (regions abroad too), next events, the similar networks
# (netzwerke/similarity.py); the recommended Praxisbeispiele of the same fields add one
# more when there are any
PROFILE_QUERIES = 1 + 1 + 8 + 1 + 1

HOME_PLACE_QUERIES = 1 + 4  # version; Kreise of the PLZ, networks, 2 prefetches
FEED_QUERIES = 3  # version, the Land of the filter, the items


def populate(world, n):
    """``n`` published networks in the world's Kreise, with vocabularies and partners."""
    now = timezone.now()
    networks = Network.objects.bulk_create(
        Network(
            name=f"Bulk-Netzwerk {i:04d}",
            slug=f"bulk-{i:04d}",
            network_type=Network.Type.NETWORK if i % 2 else Network.Type.ALLIANCE,
            status=Network.Status.PUBLISHED,
            published_at=now,
            short_description="Ausbildung in der Region",
        )
        for i in range(n)
    )
    districts = [world.bielefeld, world.guetersloh, world.muenchen]
    Network.districts.through.objects.bulk_create(
        Network.districts.through(network=net, district=districts[i % 3])
        for i, net in enumerate(networks)
    )
    Network.action_fields.through.objects.bulk_create(
        Network.action_fields.through(network=net, actionfield=world.ausbildung) for net in networks
    )
    Network.target_groups.through.objects.bulk_create(
        Network.target_groups.through(network=net, targetgroup=world.schueler) for net in networks
    )
    Membership.objects.bulk_create(
        Membership(network=net, actor=world.owl.memberships.first().actor, binding=True)
        for net in networks
    )
    Project.objects.bulk_create(
        Project(network=net, title="Projekt", slug="projekt") for net in networks
    )


FILTERED = (
    "land=NW&kreis=05754&kreis=05711&handlungsfeld=aus-und-weiterbildung"
    "&zielgruppe=schulabgaenger&akteurstyp=ihk&typ=netzwerk&typ=buendnis&sort=partner"
)


@pytest.mark.parametrize("n", [10, 1000])
def test_list_query_budget(client, directory_world, django_assert_num_queries, n):
    populate(directory_world, n)
    with django_assert_num_queries(LIST_QUERIES + INDEX_QUERIES):
        response = client.get(f"{LIST}?{FILTERED}")
    assert len(response.context["object_list"]) == min(20, response.context["total"])
    assert response.context["total"] > n // 2
    with django_assert_num_queries(LIST_QUERIES):
        client.get(f"{LIST}?{FILTERED}&page=3")


@pytest.mark.parametrize("n", [10, 1000])
def test_list_query_budget_unfiltered(client, directory_world, django_assert_num_queries, n):
    populate(directory_world, n)
    client.get(f"{LIST}?land=BY")  # builds the index
    with django_assert_num_queries(1 + 1 + 2):  # version, page, 2 prefetches
        client.get(LIST)


@pytest.mark.parametrize("partners", [1, 40])
def test_profile_query_budget(client, directory_world, django_assert_num_queries, partners):
    from tests.factories import ActorFactory, MembershipFactory, ProjectFactory

    owl = directory_world.owl
    for i in range(partners):
        MembershipFactory(network=owl, actor=ActorFactory(name=f"Extra {i}"))
        ProjectFactory(network=owl, title=f"Extra-Projekt {i}")
    client.get(owl.get_absolute_url())  # builds the facet and project index
    with django_assert_num_queries(PROFILE_QUERIES):
        response = client.get(owl.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("n", [10, 1000])
def test_home_query_budget(client, directory_world, django_assert_num_queries, n):
    populate(directory_world, n)
    # version, the facet index (counts, figures), the Länder for the cached map fragment
    with django_assert_num_queries(1 + INDEX_QUERIES + 1):
        client.get(reverse("netzwerke:home"))
    # then, until the next write, the version only: map and tables come from the cache
    with django_assert_num_queries(1):
        client.get(reverse("netzwerke:home"))
    with django_assert_num_queries(HOME_PLACE_QUERIES):
        response = client.get(reverse("netzwerke:home"), {"ort": "33649"})
    # the page shows a bounded number of cards whatever the Kreis holds
    assert response.context["place_total"] > n // 3
    groups = response.context["place_groups"]
    assert [len(g.networks) for g in groups] == [min(g.total, GROUP_LIMIT) for g in groups]


@pytest.mark.parametrize("n", [10, 1000])
def test_list_query_budget_with_search(client, directory_world, django_assert_num_queries, n):
    populate(directory_world, n)
    client.get(LIST)  # builds the index
    # the matches and their rank in one query; the index does the rest
    with django_assert_num_queries(LIST_QUERIES + 1):
        response = client.get(f"{LIST}?{FILTERED}&q=Ausbildung")
    assert response.context["total"] > n // 2


@pytest.mark.parametrize("n", [10, 1000])
def test_region_pages_query_budget(client, directory_world, django_assert_num_queries, n):
    populate(directory_world, n)
    client.get(reverse("netzwerke:home"))  # builds the index
    # version, the Land, its Kreise, the first networks and their 2 prefetches
    with django_assert_num_queries(1 + 1 + 1 + 1 + 2):
        response = client.get(reverse("netzwerke:region-state", kwargs={"land": "NW"}))
    assert response.context["total"] > n // 2
    # version, the Kreis, the first networks and their 2 prefetches
    with django_assert_num_queries(1 + 1 + 1 + 2):
        response = client.get(
            reverse("netzwerke:region-district", kwargs={"land": "NW", "ags": "05754"})
        )
    assert response.context["total"] > n // 3


@pytest.mark.parametrize("n", [10, 1000])
def test_feed_query_budget(client, directory_world, django_assert_num_queries, n):
    populate(directory_world, n)
    with django_assert_num_queries(FEED_QUERIES):
        response = client.get(reverse("netzwerke:network-feed"), {"land": "NW"})
    in_nw = Network.objects.published().in_state("NW").count()
    assert response.content.count(b"<entry>") == min(50, in_nw)
