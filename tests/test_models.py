import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from netzwerke import models as nw
from tests import factories as f

pytestmark = pytest.mark.django_db


def _violates(factory, **kwargs):
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**kwargs)


def test_district_ags_has_five_digits():
    state = f.StateFactory()
    _violates(nw.District.objects.create, ags="571", name="Kurz", state=state)


def test_postal_code_row_is_unique():
    district = f.DistrictFactory()
    nw.PostalCode.objects.create(code="33602", place="Bielefeld", district=district)
    _violates(nw.PostalCode.objects.create, code="33602", place="Bielefeld", district=district)


@pytest.mark.parametrize(
    "factory", [f.ActionFieldFactory, f.TargetGroupFactory, f.ActorTypeFactory]
)
def test_vocabulary_slugs_are_unique(factory):
    model = factory._meta.model
    model.objects.create(slug="gleich", name="Eins")
    _violates(model.objects.create, slug="gleich", name="Zwei")


def test_sector_code_is_unique():
    nw.Sector.objects.create(slug="bau", name="Baugewerbe", code="F")
    _violates(nw.Sector.objects.create, slug="bau-2", name="Bau", code="F")


def test_network_slug_is_unique():
    f.NetworkFactory(slug="owl")
    _violates(f.NetworkFactory, slug="owl")


@pytest.mark.parametrize("year", [1949, 2101])
def test_network_founding_year_in_range(year):
    _violates(f.NetworkFactory, founded_year=year)


def test_network_founding_year_bounds_are_allowed():
    f.NetworkFactory(founded_year=nw.FOUNDED_YEAR_MIN)
    f.NetworkFactory(founded_year=None)
    assert nw.Network.objects.count() == 2


def test_published_network_needs_a_publication_date():
    _violates(f.NetworkFactory, status=nw.Network.Status.PUBLISHED, published_at=None)
    _violates(f.NetworkFactory, status=nw.Network.Status.ARCHIVED, published_at=None)
    f.NetworkFactory(status=nw.Network.Status.DRAFT, published_at=None)


def test_actor_slug_is_unique():
    f.ActorFactory(slug="ihk")
    _violates(f.ActorFactory, slug="ihk")


def test_one_membership_per_network_and_actor():
    membership = f.MembershipFactory()
    _violates(f.MembershipFactory, network=membership.network, actor=membership.actor)


def test_membership_since_in_range():
    _violates(f.MembershipFactory, since=1800)


def test_project_slug_unique_per_network_only():
    project = f.ProjectFactory(slug="azubi-tag")
    f.ProjectFactory(slug="azubi-tag")  # another network may reuse it
    _violates(f.ProjectFactory, network=project.network, slug="azubi-tag")


def test_project_ends_after_it_starts():
    _violates(
        f.ProjectFactory,
        start_date=datetime.date(2024, 5, 1),
        end_date=datetime.date(2024, 4, 30),
    )
    f.ProjectFactory(start_date=datetime.date(2024, 5, 1), end_date=datetime.date(2024, 5, 1))


def _network(
    *, binding=3, loose=0, unknown=0, reported=None, projects=1, fields=1, data=True, evaluated=True
):
    network = f.NetworkFactory(
        goals_based_on_data=data, results_evaluated=evaluated, partner_count_reported=reported
    )
    f.MembershipFactory.create_batch(binding, network=network, binding=True)
    f.MembershipFactory.create_batch(loose, network=network, binding=False)
    f.MembershipFactory.create_batch(unknown, network=network, binding=None)
    f.ProjectFactory.create_batch(projects, network=network)
    if fields:
        network.action_fields.set(f.ActionFieldFactory.create_batch(fields))
    return network


CASES = {
    "all": ({}, [True, True, True, True]),
    "two binding": ({"binding": 2, "loose": 5}, [False, True, True, True]),
    "no data": ({"data": False}, [True, False, True, True]),
    # listed projects are examples: none listed says nothing about the measures
    "no projects": ({"projects": 0}, [True, True, None, True]),
    "no fields": ({"fields": 0}, [True, True, None, True]),
    "not evaluated": ({"evaluated": False}, [True, True, True, False]),
    "nothing": (
        {"binding": 0, "projects": 0, "fields": 0, "data": False, "evaluated": False},
        [False, False, None, False],
    ),
    # keine Angabe is never counted as met, nor as not met
    "unknown flags": ({"data": None, "evaluated": None}, [True, None, True, None]),
    "binding unknown": ({"binding": 2, "loose": 1, "unknown": 3}, [None, True, True, True]),
    "more reported than listed": (
        {"binding": 2, "loose": 1, "reported": 73},
        [None, True, True, True],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_criteria_property_annotations_and_queryset_agree(case):
    kwargs, expected = CASES[case]
    network = _network(**kwargs)
    plain = [met for _label, met in network.criteria]
    annotated = nw.Network.objects.with_criteria().get(pk=network.pk)
    assert plain == expected
    assert [met for _label, met in annotated.criteria] == expected
    confirmed = all(met is True for met in expected)
    assert network.meets_all_criteria is confirmed
    in_db = nw.Network.objects.meeting_criteria().filter(pk=network.pk).exists()
    assert in_db is confirmed


def test_criteria_states_name_each_state_in_words():
    network = _network(binding=2, loose=1, projects=0, data=False, evaluated=None)
    words = [str(word) for _label, _met, word in network.criteria_states]
    assert words == ["nicht erfüllt", "nicht erfüllt", "keine Angabe", "keine Angabe"]


def test_meeting_criteria_counts_each_network_once():
    good = _network(binding=5, projects=3, fields=2)
    _network(binding=1)
    assert list(nw.Network.objects.meeting_criteria()) == [good]


def test_set_status_is_the_one_publication_rule(db):
    now = timezone.now()
    earlier = now - timezone.timedelta(days=30)
    draft = f.NetworkFactory(status=nw.Network.Status.DRAFT, published_at=None)
    draft.publish(now=now)
    assert (draft.status, draft.published_at) == (nw.Network.Status.PUBLISHED, now)

    public = f.NetworkFactory(published_at=earlier)
    public.publish(now=now)
    assert public.published_at == earlier  # already public: keeps its date

    public.set_status(nw.Network.Status.ARCHIVED, now=now)
    assert public.published_at == earlier
    public.publish(now=now)
    assert public.published_at == now  # public again: stamped again

    never = f.NetworkFactory(status=nw.Network.Status.DRAFT, published_at=None)
    never.set_status(nw.Network.Status.ARCHIVED, now=now)
    assert never.published_at == now  # the database wants a date outside drafts
    never.set_status(nw.Network.Status.PUBLISHED, published_at=earlier, now=now)
    assert never.published_at == earlier  # a given date wins
    never.save()
