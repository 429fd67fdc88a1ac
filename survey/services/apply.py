"""Accepted answers written to the directory: the network, its partners and its projects."""

from __future__ import annotations

from datetime import datetime

from django.utils.text import slugify

from netzwerke.models import Network, Project
from netzwerke.services import PartnerSpec, memberships_sync
from netzwerke.vocabularies import NETWORK_VOCABULARIES
from survey import questionnaire as q
from survey.models import ProjectChange


def unique_slug(model, base: str, **scope) -> str:
    base = (slugify(base) or "netzwerk")[:180]
    slug, n = base, 2
    while model.objects.filter(slug=slug, **scope).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def results_evaluated(evaluation: dict) -> bool:
    return evaluation["evaluation_frequency"] != "nie" and bool(evaluation["goals_adjusted"])


def apply_to_network(
    *, network: Network, cleaned: q.CleanedAnswers, user, started_at: datetime | None = None
) -> None:
    master = cleaned.sections["stammdaten"]
    coord = cleaned.sections["koordination"]
    fields = cleaned.sections["handlungsfelder"]
    evaluation = cleaned.sections["evaluation"]
    partners = cleaned.rows.get("partner", [])

    for name in (
        "name",
        "network_type",
        "short_description",
        "description",
        "founded_year",
        "organisation_form",
        "website",
    ):
        setattr(network, name, master[name])
    for name in (
        "coordination_person",
        "coordination_role",
        "coordination_email",
        "coordination_phone",
        "full_time_management",
        "development_partnership",
    ):
        setattr(network, name, coord[name])
    network.partner_count_reported = cleaned.sections["partner"].get("partner_total") or len(
        partners
    )
    # the facts of the network's type; the other type's stored facts stay as they are
    for name, value in cleaned.sections.get("typangaben", {}).items():
        setattr(network, name, value)
    network.goals_based_on_data = bool(cleaned.sections["ziele"]["goals_based_on_data"])
    network.results_evaluated = results_evaluated(evaluation)
    # the person is shown only with the separate consent of this very submission
    network.contact_public = bool(cleaned.sections["einwilligung"].get("contact_publish"))
    if network.status == Network.Status.DRAFT:
        network.publish()
    network.save()
    network.districts.set(master["districts"])
    for vocabulary in NETWORK_VOCABULARIES:
        getattr(network, vocabulary.field).set(fields[vocabulary.field])
    _apply_partners(network=network, rows=partners, user=user)
    _apply_projects(network=network, rows=cleaned.rows.get("projekte", []), started_at=started_at)


def _apply_partners(*, network: Network, rows: list[dict], user) -> None:
    # the coordinator states institution, type and binding; role and "since" stay curated
    memberships_sync(
        network=network,
        partners=[
            PartnerSpec(name=row["name"], actor_type=row["actor_type"], binding=row["binding"])
            for row in rows
        ],
        user=user,
        fields=["binding"],
    )


def _apply_projects(
    *, network: Network, rows: list[dict], started_at: datetime | None = None
) -> None:
    # a project accepted between waves after the coordinator started this submission was
    # never shown in it: the submission neither overwrites it with an older state nor
    # deletes it as "left out" (README "Projects between waves")
    newer = set()
    if started_at is not None:
        newer = set(
            network.projects.filter(
                changes__review_status=ProjectChange.ReviewStatus.ACCEPTED,
                changes__decided_at__gt=started_at,
            ).values_list("pk", flat=True)
        )
    existing = {p.slug: p for p in network.projects.all()}
    keep = set(newer)
    for row in rows:
        base = slugify(row["title"])[:240] or "projekt"
        project = existing.get(base)
        if project is not None and project.pk in newer:
            continue
        if project is None or project.pk in keep:
            project = Project(network=network, slug=unique_slug(Project, base, network=network))
        project.title = row["title"]
        project.description = row["description"]
        project.aim_retain = "halten" in row["aims"]
        project.aim_train = "ausbilden" in row["aims"]
        project.aim_attract = "gewinnen" in row["aims"]
        project.status = row["status"]
        project.start_date = row["start_date"]
        project.end_date = row["end_date"]
        project.results = row["results"]
        project.evaluated = row["evaluated"]
        project.save()
        project.action_fields.set(row["action_fields"])
        keep.add(project.pk)
    for project in network.projects.exclude(pk__in=keep):
        project.delete()
