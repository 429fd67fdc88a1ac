"""Removing demo data: exactly the rows the demo commands made, with a count.

The demo commands mark what they write (``Network.source`` and ``Actor.source`` =
"demo", ``Survey.is_demo``, the coordinator login ``DEMO_USER``), so removal needs no
guessing. It lives in ``survey`` because it reaches both apps (survey may import from
netzwerke, never the other way round).
"""

from dataclasses import dataclass, fields

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction

from netzwerke.models import Actor, Event, Membership, Network, Project, Source
from survey.demo import DEMO_USER, TOPICS
from survey.models import Coordinator, FocusTopic, Submission, Survey

CHUNK = 5000


@dataclass
class DemoCounts:
    networks: int = 0
    actors: int = 0
    memberships: int = 0
    projects: int = 0
    events: int = 0
    waves: int = 0
    submissions: int = 0
    topics: int = 0
    users: int = 0
    history: int = 0

    LABELS = {
        "networks": "Netzwerke",
        "actors": "Akteure",
        "memberships": "Mitgliedschaften",
        "projects": "Projekte",
        "events": "Veranstaltungen",
        "waves": "Erhebungen",
        "submissions": "Einreichungen",
        "topics": "Schwerpunktthemen",
        "users": "Benutzer",
        "history": "Verlaufseinträge",
    }

    def summary(self) -> str:
        return ", ".join(f"{getattr(self, f.name)} {self.LABELS[f.name]}" for f in fields(self))

    @property
    def total(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))


def demo_counts() -> DemoCounts:
    """What ``demo_data_remove`` would delete, without deleting it."""
    with transaction.atomic():
        counts = demo_data_remove()
        transaction.set_rollback(True)
    return counts


@transaction.atomic
def demo_data_remove() -> DemoCounts:
    """Delete every demo row and its history; real rows are left exactly as they were."""
    counts = DemoCounts()
    networks = Network.objects.demo()
    network_ids = list(networks.values_list("pk", flat=True))
    demo_waves = Survey.objects.filter(is_demo=True)
    user = (
        get_user_model()
        .objects.filter(username=DEMO_USER, is_staff=False, is_superuser=False)
        .exclude(coordinations__network__in=Network.objects.real())
        .first()
    )

    submissions = Submission.objects.filter(survey__in=demo_waves) | Submission.objects.filter(
        network_id__in=network_ids
    )
    counts.submissions = submissions.count()
    submissions.delete()
    counts.waves = demo_waves.count()
    demo_waves.delete()

    # demo events, and every event of a demo network
    events = Event.objects.demo() | Event.objects.filter(network_id__in=network_ids)
    event_ids = list(events.values_list("pk", flat=True))
    counts.events = len(event_ids)
    Event.objects.filter(pk__in=event_ids).delete()

    memberships = Membership.objects.filter(network_id__in=network_ids)
    membership_ids = list(memberships.values_list("pk", flat=True))
    project_ids = list(
        Project.objects.filter(network_id__in=network_ids).values_list("pk", flat=True)
    )
    counts.memberships, counts.projects = len(membership_ids), len(project_ids)
    counts.networks = len(network_ids)
    Coordinator.objects.filter(network_id__in=network_ids).delete()
    networks.delete()
    # a demo actor a curator has since put into a real network is real data now
    actors = Actor.objects.filter(source=Source.DEMO).exclude(
        pk__in=Membership.objects.values("actor_id")
    )
    actor_ids = list(actors.values_list("pk", flat=True))
    counts.actors = len(actor_ids)
    actors.delete()

    # deleting wrote "-" history records; the demo rows' history goes with them
    for model, ids in (
        (Network, network_ids),
        (Membership, membership_ids),
        (Project, project_ids),
        (Actor, actor_ids),
        (Event, event_ids),
    ):
        # in chunks: SQLite limits the parameters of one statement
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            if model in (Network, Event):
                # the many-to-many snapshots do not cascade with their history record
                name = model._meta.model_name
                for m2m in model.history.model._history_m2m_fields:
                    snapshots = apps.get_model(
                        "netzwerke", f"Historical{model.__name__}_{m2m.name}"
                    )
                    deleted, _per_model = snapshots.objects.filter(
                        **{f"{name}_id__in": chunk}
                    ).delete()
                    counts.history += deleted
            deleted, _per_model = model.history.filter(id__in=chunk).delete()
            counts.history += deleted

    topics = FocusTopic.objects.filter(
        slug__in=[slug for slug, *_rest in TOPICS], surveys__isnull=True, ratings__isnull=True
    )
    counts.topics = topics.count()
    topics.delete()
    if user is not None:
        user.delete()
        counts.users = 1
    return counts
