"""The facet index gives exactly what the SQL facets (the previous implementation) give.

Seeded random directories and random filter combinations; runs on SQLite and on
PostgreSQL (DATABASE_URL), where collation, full text and ranking differ.
"""

import random

import pytest
from django.http import QueryDict
from django.utils import timezone

from netzwerke.facetindex import build_index, search_result
from netzwerke.facets import compute_facets
from netzwerke.filters import NetworkFilter
from netzwerke.models import Network
from netzwerke.views.pages import public_networks
from tests import factories as f

WORDS = ["Pflege", "Ausbildung", "Handwerk", "Digital", "Region", "Zukunft", "Öko"]


def random_directory(rng):
    states = [
        f.StateFactory(code=code, ags=ags, name=name)
        for code, ags, name in (("NW", "05", "Nordrhein-Westfalen"), ("BY", "09", "Bayern"))
    ] + [f.StateFactory(code="SN", ags="14", name="Sachsen")]
    districts = [
        f.DistrictFactory(
            ags=f"{state.ags}{i:03d}",
            name=rng.choice(["Stadt", "Kreis", "Land"]) + f" {state.code}{i}",
            kind=rng.choice(["Kreis", "Kreisfreie Stadt", ""]),
            state=state,
        )
        for state in states
        for i in range(1, 4)
    ]
    fields = [f.ActionFieldFactory(slug=f"feld-{i}", name=f"Feld {i}") for i in range(4)]
    groups = [f.TargetGroupFactory(slug=f"gruppe-{i}", name=f"Gruppe {i}") for i in range(3)]
    sectors = [f.SectorFactory(slug=f"branche-{c}", name=f"Branche {c}", code=c) for c in "ACQ"]
    actor_types = [f.ActorTypeFactory(slug=f"typ-{i}", name=f"Akteurstyp {i}") for i in range(3)]
    actors = [
        f.ActorFactory(name=f"Akteur {i} {rng.choice(WORDS)}", actor_type=rng.choice(actor_types))
        for i in range(12)
    ]
    now = timezone.now()
    for i in range(40):
        status = rng.choice(["published"] * 4 + ["draft", "archived"])
        network = f.NetworkFactory(
            name=f"{rng.choice(WORDS)} {rng.choice(['Bündnis', 'netz', 'Allianz'])} {i % 7}",
            slug=f"netz-{i}",
            network_type=rng.choice(Network.Type.values),
            status=status,
            published_at=None
            if status == "draft"
            else now - timezone.timedelta(days=rng.randrange(30)),
            description=" ".join(rng.sample(WORDS, 2)),
            partner_count_reported=rng.choice([None, 2, 5, 40]),
            goals_based_on_data=rng.random() < 0.7,
            results_evaluated=rng.random() < 0.7,
            districts=rng.sample(districts, rng.randrange(0, 4)),
            action_fields=rng.sample(fields, rng.randrange(0, 3)),
            target_groups=rng.sample(groups, rng.randrange(0, 3)),
            sectors=rng.sample(sectors, rng.randrange(0, 2)),
        )
        for actor in rng.sample(actors, rng.randrange(0, 6)):
            f.MembershipFactory(network=network, actor=actor, binding=rng.random() < 0.6)
        if rng.random() < 0.6:
            f.ProjectFactory(network=network, title=f"Projekt {rng.choice(WORDS)}")
    return {
        "land": [s.code for s in states] + ["XX"],
        "kreis": [d.ags for d in districts],
        "handlungsfeld": [v.slug for v in fields],
        "zielgruppe": [v.slug for v in groups],
        "branche": [v.slug for v in sectors],
        "akteurstyp": [v.slug for v in actor_types],
        "typ": list(Network.Type.values),
        "kriterien": ["alle"],
        "sort": ["name", "neueste", "partner", "relevanz"],
        "q": [*WORDS, "Akteur", "Projekt", "nichts"],
    }


def random_query(rng, values):
    query = QueryDict(mutable=True)
    for name, choices in values.items():
        if rng.random() < 0.35:
            many = 1 if name in ("kriterien", "sort", "q") else rng.randrange(1, 3)
            query.setlist(name, rng.sample(choices, min(many, len(choices))))
    return query


def as_data(facets):
    return {
        name: (
            [(o.value, o.label, o.count, o.selected, o.detail) for o in facet.options],
            str(facet.hint),
            facet.top,
        )
        for name, facet in facets.items()
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_index_facets_equal_the_sql_facets(db, seed):
    rng = random.Random(seed)
    values = random_directory(rng)
    index = build_index()
    for _ in range(40):
        query = random_query(rng, values)
        filterset = NetworkFilter(query, queryset=public_networks())
        expected_facets, expected_total = compute_facets(filterset)
        expected_order = list(filterset.qs.values_list("pk", flat=True))

        filterset = NetworkFilter(query, queryset=public_networks())
        result = search_result(filterset, index, search=filterset.search_ranks())
        assert as_data(result.facets) == as_data(expected_facets), query.urlencode()
        assert result.total == expected_total == len(expected_order), query.urlencode()
        assert result.pks == expected_order, query.urlencode()


def test_the_index_follows_the_data_version(client, directory_world):
    from django.urls import reverse

    url = reverse("netzwerke:network-list")
    assert client.get(url).context["total"] == 3
    directory_world.draft.status = Network.Status.PUBLISHED
    directory_world.draft.published_at = timezone.now()
    directory_world.draft.save()
    assert client.get(url).context["total"] == 4
