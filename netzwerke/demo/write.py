"""``generate_demo``: the generator's networks written in one transaction (``bulk_create``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from netzwerke.dataversion import data_version_bump
from netzwerke.demo.generator import BASE_DATE, Generator
from netzwerke.models import Actor, Event, Membership, Network, Project

BATCH = 2000


@dataclass
class Stats:
    networks: int = 0
    actors: int = 0
    memberships: int = 0
    projects: int = 0
    events: int = 0
    per_state: dict[str, int] = field(default_factory=dict)


@transaction.atomic
def generate_demo(*, networks: int, seed: int) -> Stats:
    """Create ``networks`` demo networks with actors, memberships and projects."""
    generator = Generator(seed)
    built = [generator.network(i) for i in range(networks)]
    generator.cross_border(built)

    Actor.objects.bulk_create(generator.new_actors, batch_size=BATCH)
    Network.objects.bulk_create([n for n, _r in built], batch_size=BATCH)
    # some backends leave pks unset after bulk_create; fetch them by slug then
    if built and built[0][0].pk is None:
        ids = dict(
            Network.objects.filter(slug__in=[n.slug for n, _r in built]).values_list("slug", "pk")
        )
        for network, _related in built:
            network.pk = ids[network.slug]
    if generator.new_actors and generator.new_actors[0].pk is None:
        ids = dict(
            Actor.objects.filter(slug__in=[a.slug for a in generator.new_actors]).values_list(
                "slug", "pk"
            )
        )
        for actor in generator.new_actors:
            actor.pk = ids[actor.slug]

    through = {
        name: Network._meta.get_field(name).remote_field.through
        for name in ("districts", "foreign_regions", "action_fields", "target_groups", "sectors")
    }
    target_column = {
        "districts": "district_id",
        "foreign_regions": "foreignregion_id",
        "action_fields": "actionfield_id",
        "target_groups": "targetgroup_id",
        "sectors": "sector_id",
    }
    for name, model in through.items():
        rows = [
            model(network_id=network.pk, **{target_column[name]: value})
            for network, related in built
            for value in related[name]
        ]
        model.objects.bulk_create(rows, batch_size=BATCH)

    memberships, projects, project_fields = [], [], []
    for network, related in built:
        for membership in related["memberships"]:
            membership.network_id = network.pk
            membership.actor_id = membership.actor.pk
            memberships.append(membership)
        for project, _fields in related["projects"]:
            project.network_id = network.pk
            projects.append(project)
    Membership.objects.bulk_create(memberships, batch_size=BATCH)
    Project.objects.bulk_create(projects, batch_size=BATCH)
    if projects and projects[0].pk is None:
        ids = {
            (n, s): pk
            for pk, n, s in Project.objects.filter(
                network_id__in=[n.pk for n, _r in built]
            ).values_list("pk", "network_id", "slug")
        }
        for project in projects:
            project.pk = ids[(project.network_id, project.slug)]
    project_through = Project._meta.get_field("action_fields").remote_field.through
    for _network, related in built:
        for project, field_ids in related["projects"]:
            project_fields.extend(
                project_through(project_id=project.pk, actionfield_id=f) for f in field_ids
            )
    project_through.objects.bulk_create(project_fields, batch_size=BATCH)

    if built:
        # created_at/updated_at come from the clock; pin them so a seed gives identical rows
        pks = [n.pk for n, _r in built]
        Network.objects.filter(pk__range=(min(pks), max(pks))).update(
            created_at=BASE_DATE, updated_at=BASE_DATE
        )

    events = _write_events(built)

    data_version_bump()  # bulk_create sends no signals
    stats = Stats(
        networks=len(built),
        actors=len(generator.new_actors),
        memberships=len(memberships),
        projects=len(projects),
        events=events,
    )
    for _network, related in built:
        state = related["districts"][0][:2]
        stats.per_state[state] = stats.per_state.get(state, 0) + 1
    return stats


def _write_events(built) -> int:
    """The demo events of ``built`` networks, with their vocabularies; returns the count."""
    rows = []
    for network, related in built:
        for event, fields, groups in related["events"]:
            event.network_id = network.pk
            rows.append((event, fields, groups))
    Event.objects.bulk_create([event for event, _f, _g in rows], batch_size=BATCH)
    if rows and rows[0][0].pk is None:
        ids = dict(
            Event.objects.filter(slug__in=[e.slug for e, _f, _g in rows]).values_list("slug", "pk")
        )
        for event, _fields, _groups in rows:
            event.pk = ids[event.slug]
    fields_through = Event.action_fields.through
    groups_through = Event.target_groups.through
    fields_through.objects.bulk_create(
        [fields_through(event_id=e.pk, actionfield_id=f) for e, fs, _g in rows for f in fs],
        batch_size=BATCH,
    )
    groups_through.objects.bulk_create(
        [groups_through(event_id=e.pk, targetgroup_id=g) for e, _f, gs in rows for g in gs],
        batch_size=BATCH,
    )
    if rows:
        pks = [e.pk for e, _f, _g in rows]
        Event.objects.filter(pk__in=pks).update(created_at=BASE_DATE, updated_at=BASE_DATE)
    return len(rows)
