import pytest
from django.core.management import call_command

from netzwerke.demo import generate_demo, region_label
from netzwerke.models import Actor, District, Membership, Network, Project, State
from tests import factories as f

pytestmark = pytest.mark.django_db

STATES = [
    ("SH", "01"), ("HH", "02"), ("NI", "03"), ("HB", "04"), ("NW", "05"), ("HE", "06"),
    ("RP", "07"), ("BW", "08"), ("BY", "09"), ("SL", "10"), ("BE", "11"), ("BB", "12"),
    ("MV", "13"), ("SN", "14"), ("ST", "15"), ("TH", "16"),
]  # fmt: skip


@pytest.fixture
def regions(db):
    for code, ags in STATES:
        state = State.objects.create(code=code, ags=ags, name=f"Land {code}")
        District.objects.create(
            ags=f"{ags}001", name=f"Stadt{code}", kind="Kreisfreie Stadt", state=state
        )
        District.objects.create(ags=f"{ags}002", name=f"Au{code}", kind="Landkreis", state=state)
        District.objects.create(ags=f"{ags}003", name=f"{code}-Kreis", kind="Kreis", state=state)
    call_command("loaddata", "fixtures/vocabularies.json", verbosity=0)


def _snapshot():
    networks = [
        (
            n.slug,
            n.name,
            n.status,
            n.published_at,
            n.created_at,
            n.coordination_email,
            n.goals_based_on_data,
            tuple(sorted(d.ags for d in n.districts.all())),
            tuple(sorted(a.slug for a in n.action_fields.all())),
        )
        for n in Network.objects.order_by("slug").prefetch_related("districts", "action_fields")
    ]
    memberships = sorted(
        Membership.objects.values_list("network__slug", "actor__slug", "role", "binding", "since")
    )
    projects = sorted(
        Project.objects.values_list("network__slug", "slug", "status", "start_date", "end_date")
    )
    actors = sorted(Actor.objects.values_list("slug", "name", "actor_type__slug", "district_id"))
    return networks, memberships, projects, actors


def _wipe():
    Network.objects.all().delete()
    Actor.objects.all().delete()


def test_same_seed_gives_identical_data_and_another_seed_different(regions):
    generate_demo(networks=60, seed=7)
    first = _snapshot()
    _wipe()
    generate_demo(networks=60, seed=7)
    assert _snapshot() == first
    _wipe()
    generate_demo(networks=60, seed=8)
    assert _snapshot()[0] != first[0]


def test_demo_covers_every_land_with_varied_status_and_criteria(regions):
    stats = generate_demo(networks=200, seed=1)
    assert stats.networks == Network.objects.count() == 200
    assert len(stats.per_state) == 16
    assert State.objects.filter(districts__networks__isnull=False).distinct().count() == 16
    published = Network.objects.published().count()
    assert 0.7 * 200 < published < 200
    assert Network.objects.filter(status=Network.Status.DRAFT).exists()
    assert Network.objects.filter(status=Network.Status.ARCHIVED).exists()
    meeting = Network.objects.meeting_criteria().count()
    assert 0 < meeting < 200
    # every network has a carrier and slugs stay unique across a second run
    assert Membership.objects.filter(role="traeger").values("network").distinct().count() == 200
    generate_demo(networks=20, seed=1)
    assert Network.objects.count() == 220


def test_command_reports_counts(regions, capsys):
    call_command("generate_demo", "--networks", "20", "--seed", "3")
    assert "20 Netzwerke" in capsys.readouterr().out


def test_network_names_use_the_kreis_names():
    state = State(code="BY", ags="09", name="Bayern")
    assert region_label(District(ags="09372", name="Cham", kind="Landkreis", state=state)) == (
        "Landkreis Cham"
    )
    assert region_label(District(ags="05711", name="Bielefeld", kind="Kreisfreie Stadt")) == (
        "Bielefeld"
    )
    assert region_label(District(ags="05334", name="Städteregion Aachen", kind="Kreis")) == (
        "Städteregion Aachen"
    )


def test_demo_needs_reference_data(db):
    f.ActionFieldFactory()
    with pytest.raises(LookupError, match="load_reference_data"):
        generate_demo(networks=1, seed=1)


def test_demo_has_events_type_facts_and_one_cross_border_network(regions):
    from django.utils import timezone

    from netzwerke.models import Event, ForeignRegion

    aachen = District.objects.create(
        ags="05334", name="Städteregion Aachen", kind="Kreis", state_id="NW"
    )
    ForeignRegion.objects.create(
        code="BE336", name="Bezirk Verviers – Deutschsprachige Gemeinschaft", country="BE"
    )
    stats = generate_demo(networks=120, seed=5)
    events = Event.objects.all()
    assert stats.events == events.count() > 10
    assert set(events.values_list("source", flat=True)) == {"demo"}
    now = timezone.now()
    assert events.filter(ends_at__lt=now).exists() and events.filter(ends_at__gte=now).exists()
    assert set(events.values_list("network__source", flat=True)) == {"demo"}
    assert events.public().count() == events.count()  # demo networks are published
    qv = Network.objects.filter(network_type=Network.Type.QUALIFICATION)
    assert qv.filter(qv_member_firms__isnull=False).exists()
    assert qv.filter(qv_member_firms__isnull=True).exists()  # some stay unknown
    assert not Network.objects.filter(
        network_type=Network.Type.NETWORK, qv_member_firms__isnull=False
    ).exists()
    (cross,) = Network.objects.cross_border()
    assert cross.is_demo and "Ostbelgien" in cross.name
    assert list(cross.districts.all()) == [aachen]
    assert list(cross.foreign_regions.values_list("code", flat=True)) == ["BE336"]
    # a second run adds no second cross-border network
    generate_demo(networks=10, seed=6)
    assert Network.objects.cross_border().count() == 1


def test_same_seed_gives_identical_events(regions):
    from netzwerke.models import Event

    def events():
        return sorted(
            Event.objects.values_list("network__slug", "slug", "starts_at", "status", "online")
        )

    generate_demo(networks=40, seed=9)
    first = events()
    _wipe()
    generate_demo(networks=40, seed=9)
    assert events() == first


def test_demo_projects_cover_every_aim_and_field_and_some_are_praxisbeispiele(regions):
    from netzwerke.models import ActionField

    generate_demo(networks=120, seed=5)
    projects = Project.objects.all()
    for aim in ("aim_retain", "aim_train", "aim_attract"):
        assert projects.filter(**{aim: True}).exists(), aim
    used = set(projects.values_list("action_fields__slug", flat=True)) - {None}
    assert used == set(ActionField.objects.values_list("slug", flat=True))
    recommended = projects.filter(recommended=True)
    assert recommended.exists()
    assert not recommended.filter(evaluated=False).exists()
    assert not recommended.filter(recommended_reason="").exists()
    assert {p.network.source for p in recommended.select_related("network")} == {"demo"}
