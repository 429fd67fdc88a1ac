"""Workflows of the Netzwerkerhebung that span models.

The only writer that reaches both the survey and the directory. Every function
is keyword-only and runs in one transaction; views, the admin, commands and
tests call the same functions.
"""

from __future__ import annotations

import copy
import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from netzwerke.models import (
    ActionField,
    Actor,
    ActorType,
    Membership,
    Network,
    Project,
    Sector,
    TargetGroup,
)
from survey import questionnaire as q
from survey.models import (
    FocusTopic,
    Invitation,
    Submission,
    SubmissionEvent,
    Survey,
    TopicRating,
)

User = get_user_model()
INVITATION_VALID_DAYS = 14


class SubmissionError(Exception):
    """A transition that is not possible; the message is German and shown to the user."""


class SurveyClosed(SubmissionError):
    pass


class AlreadyDecided(SubmissionError):
    pass


class QuestionnaireIncomplete(SubmissionError):
    def __init__(self, errors):
        super().__init__(_("Der Fragebogen ist noch nicht vollständig."))
        self.errors = errors


# --- invitations and registration ---------------------------------------------------------


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_find(*, token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("network").filter(token_hash=_hash_token(token)).first()
    )


def _send(subject: str, template: str, context: dict, to: list[str]) -> None:
    recipients = [address for address in to if address]
    if not recipients:
        return
    body = render_to_string(template, {"site_name": settings.SITE_NAME, **context})
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients))


@transaction.atomic
def invitation_create(
    *,
    email: str,
    base_url: str,
    network: Network | None = None,
    network_name: str = "",
    invited_by=None,
) -> tuple[Invitation, str]:
    """Create an invitation (or, without network, a registration) and e-mail the link.

    ``base_url`` is the absolute site root, e.g. ``https://example.org``.
    Returns the invitation and the clear-text token (only ever in the e-mail).
    """
    token = secrets.token_urlsafe(32)
    kind = Invitation.Kind.INVITATION if network else Invitation.Kind.REGISTRATION
    invitation = Invitation.objects.create(
        kind=kind,
        email=email.strip().lower(),
        network=network,
        network_name=network_name.strip(),
        token_hash=_hash_token(token),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=INVITATION_VALID_DAYS),
    )
    from django.urls import reverse

    link = base_url.rstrip("/") + reverse("survey:invitation", kwargs={"token": token})
    if network:
        subject = _("Einladung zur Netzwerkerhebung: %(network)s") % {"network": network}
    else:
        subject = _("Bitte bestätigen Sie Ihre E-Mail-Adresse")
    _send(
        subject,
        "survey/email/invitation.txt",
        {"invitation": invitation, "link": link, "valid_days": INVITATION_VALID_DAYS},
        [invitation.email],
    )
    return invitation, token


def _unique_slug(model, base: str, **scope) -> str:
    base = (slugify(base) or "netzwerk")[:180]
    slug, n = base, 2
    while model.objects.filter(slug=slug, **scope).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Network:
    """Redeem an invitation for ``user``: make them coordinator of the network.

    A registration creates the network as a draft, which stays out of the
    directory until a submission for it is accepted.
    """
    from survey.models import Coordinator

    updated = Invitation.objects.filter(
        pk=invitation.pk, used_at__isnull=True, expires_at__gt=timezone.now()
    ).update(used_at=timezone.now(), user=user)
    if not updated:
        raise SubmissionError(_("Dieser Link ist abgelaufen oder wurde bereits verwendet."))
    network = invitation.network
    if network is None:
        network = Network.objects.create(
            name=invitation.network_name,
            slug=_unique_slug(Network, invitation.network_name),
            status=Network.Status.DRAFT,
            coordination_email=invitation.email,
        )
        Invitation.objects.filter(pk=invitation.pk).update(network=network)
    Coordinator.objects.get_or_create(user=user, network=network)
    return network


# --- drafts --------------------------------------------------------------------------------


def accepted_answers(network: Network) -> dict:
    """The accepted state: the last accepted answers, overlaid with the live profile."""
    last = (
        Submission.objects.accepted()
        .filter(network=network, imported=False)
        .order_by("-decided_at", "-pk")
        .first()
    )
    answers = copy.deepcopy(last.answers) if last else {}
    answers.pop("einwilligung", None)
    if network.status == Network.Status.DRAFT and not last:
        # a registered network has only its name yet; keep the rest empty
        prefill = {
            "stammdaten": {"fields": {"name": network.name}},
            "koordination": {"fields": {"coordination_email": network.coordination_email}},
        }
    else:
        prefill = q.answers_from_network(network)
    for slug, raw in prefill.items():
        merged = answers.get(slug, {})
        merged.update(raw)
        answers[slug] = merged
    return answers


def submission_get_or_start(*, network: Network, survey: Survey, user) -> Submission:
    """The network's open submission in the wave, or a new one prefilled from its profile."""
    existing = Submission.objects.open().filter(network=network, survey=survey).first()
    if existing:
        return existing
    if not survey.is_open():
        raise SurveyClosed(_("Die Erhebung „%(survey)s“ ist geschlossen.") % {"survey": survey})
    try:
        with transaction.atomic():
            answers = accepted_answers(network)
            cleaned = q.clean_answers(survey=survey, answers=answers)
            invalid = {e.section.slug for e in cleaned.errors}
            submission = Submission.objects.create(
                survey=survey,
                network=network,
                questionnaire_version=q.QUESTIONNAIRE_VERSION,
                answers=answers,
                section_status={
                    s.slug: s.slug not in invalid for s in q.SECTIONS if s.slug in answers
                },
                created_by=user,
            )
            SubmissionEvent.objects.create(
                submission=submission, user=user, from_state="", to_state=Submission.State.DRAFT
            )
    except IntegrityError:
        # someone else (another tab, another coordinator) started one at the same moment
        existing = Submission.objects.open().filter(network=network, survey=survey).first()
        if existing is None:
            raise
        return existing
    return submission


@transaction.atomic
def submission_save_section(*, submission: Submission, section: str, data, user) -> Submission:
    """Store one section's input as typed, without validating it."""
    sec = q.SECTIONS_BY_SLUG[section]
    raw = sec.extract(survey=submission.survey, data=data)
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if not locked.is_editable:
        raise SubmissionError(
            _("Diese Einreichung ist %(state)s und kann nicht mehr bearbeitet werden.")
            % {"state": locked.get_state_display()}
        )
    locked.answers[section] = raw
    locked.section_status[section] = q.section_is_complete(sec, survey=submission.survey, raw=raw)
    update = ["answers", "section_status", "updated_at"]
    if section == "einwilligung":
        if raw.get("fields", {}).get("consent_publish"):
            locked.consent_at = locked.consent_at or timezone.now()
            locked.consent_version = q.CONSENT_VERSION
        else:
            locked.consent_at, locked.consent_version = None, ""
        update += ["consent_at", "consent_version"]
    locked.save(update_fields=update)
    submission.answers, submission.updated_at = locked.answers, locked.updated_at
    submission.section_status = locked.section_status
    submission.consent_at, submission.consent_version = locked.consent_at, locked.consent_version
    return locked


def _transition(
    *, submission: Submission, from_states, to_state, user, comment="", **values
) -> None:
    """Move the submission to ``to_state`` if it is still in one of ``from_states``.

    A conditional UPDATE decides, so two reviewers clicking at once cannot both win.
    """
    now = timezone.now()
    updated = Submission.objects.filter(pk=submission.pk, state__in=from_states).update(
        state=to_state, updated_at=now, **values
    )
    if not updated:
        current = Submission.objects.filter(pk=submission.pk).values_list("state", flat=True)
        state = Submission.State(current.first()).label if current else "?"
        raise AlreadyDecided(
            _("Die Einreichung ist inzwischen „%(state)s“; die Aktion wurde nicht ausgeführt.")
            % {"state": state}
        )
    SubmissionEvent.objects.create(
        submission=submission,
        user=user,
        created_at=now,
        from_state=submission.state,
        to_state=to_state,
        comment=comment,
    )
    submission.state = to_state
    for key, value in values.items():
        setattr(submission, key, value)


def _coordinator_emails(submission: Submission) -> list[str]:
    if submission.network_id is None:
        return []
    users = User.objects.filter(coordinations__network_id=submission.network_id)
    return sorted({u.email for u in users if u.email})


@transaction.atomic
def submission_submit(*, submission: Submission, user) -> Submission:
    """Validate every section and hand the submission in for review.

    Refused with ``SurveyClosed`` after the wave closed, with
    ``QuestionnaireIncomplete`` (carrying every error) if a section is invalid;
    in both cases the draft stays as it is.
    """
    if not submission.is_editable:
        raise SubmissionError(
            _("Diese Einreichung ist bereits %(state)s.")
            % {"state": submission.get_state_display()}
        )
    if not submission.survey.is_open():
        raise SurveyClosed(
            _(
                "Die Erhebung „%(survey)s“ ist seit %(date)s geschlossen. Ihr Entwurf bleibt "
                "gespeichert; bitte wenden Sie sich an die Redaktion."
            )
            % {
                "survey": submission.survey,
                "date": timezone.localtime(submission.survey.closes_at).strftime("%d.%m.%Y"),
            }
        )
    cleaned = q.clean_answers(survey=submission.survey, answers=submission.answers)
    if not cleaned.is_valid:
        raise QuestionnaireIncomplete(cleaned.errors)
    _transition(
        submission=submission,
        from_states=[Submission.State.DRAFT, Submission.State.CHANGES_REQUESTED],
        to_state=Submission.State.SUBMITTED,
        user=user,
        submitted_at=timezone.now(),
        questionnaire_version=q.QUESTIONNAIRE_VERSION,
    )
    _send(
        _("Neue Einreichung: %(network)s") % {"network": _network_name(submission)},
        "survey/email/submitted.txt",
        {"submission": submission},
        list(settings.REVIEW_NOTIFY_EMAILS),
    )
    _send(
        _("Eingang bestätigt: %(network)s") % {"network": _network_name(submission)},
        "survey/email/received.txt",
        {"submission": submission},
        _coordinator_emails(submission),
    )
    return submission


def _network_name(submission: Submission) -> str:
    name = (submission.answers.get("stammdaten", {}).get("fields", {}) or {}).get("name")
    return name or str(submission.network or "")


@transaction.atomic
def submission_request_changes(*, submission: Submission, reviewer, comment: str) -> Submission:
    if not comment.strip():
        raise SubmissionError(_("Bitte schreiben Sie, was geändert werden soll."))
    _transition(
        submission=submission,
        from_states=[Submission.State.SUBMITTED],
        to_state=Submission.State.CHANGES_REQUESTED,
        user=reviewer,
        comment=comment.strip(),
    )
    _send(
        _("Rückfrage zu Ihrer Einreichung: %(network)s") % {"network": _network_name(submission)},
        "survey/email/changes_requested.txt",
        {"submission": submission, "comment": comment.strip()},
        _coordinator_emails(submission),
    )
    return submission


@transaction.atomic
def submission_reject(*, submission: Submission, reviewer, reason: str) -> Submission:
    if not reason.strip():
        raise SubmissionError(_("Bitte geben Sie einen Grund an."))
    _transition(
        submission=submission,
        from_states=[Submission.State.SUBMITTED],
        to_state=Submission.State.REJECTED,
        user=reviewer,
        comment=reason.strip(),
        decided_at=timezone.now(),
    )
    _send(
        _("Ihre Einreichung wurde abgelehnt: %(network)s") % {"network": _network_name(submission)},
        "survey/email/rejected.txt",
        {"submission": submission, "comment": reason.strip()},
        _coordinator_emails(submission),
    )
    return submission


@transaction.atomic
def submission_accept(*, submission: Submission, reviewer, comment: str = "") -> Network:
    """Apply the answers to the network, its partners and projects, and record the facts.

    Exactly one of two concurrent calls applies; the other raises ``AlreadyDecided``.
    """
    cleaned = q.clean_answers(survey=submission.survey, answers=submission.answers)
    if not cleaned.is_valid:
        raise QuestionnaireIncomplete(cleaned.errors)
    _transition(
        submission=submission,
        from_states=[Submission.State.SUBMITTED],
        to_state=Submission.State.ACCEPTED,
        user=reviewer,
        comment=comment,
        decided_at=timezone.now(),
    )
    network = Network.objects.select_for_update().get(pk=submission.network_id)
    _apply_to_network(network=network, cleaned=cleaned)
    facts = facts_from_cleaned(cleaned, survey=submission.survey)
    _store_facts(submission=submission, facts=facts)
    _send(
        _("Ihre Einreichung wurde angenommen: %(network)s") % {"network": network},
        "survey/email/accepted.txt",
        {"submission": submission, "network": network, "comment": comment},
        _coordinator_emails(submission),
    )
    return network


def _apply_to_network(*, network: Network, cleaned: q.CleanedAnswers) -> None:
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
    network.goals_based_on_data = bool(cleaned.sections["ziele"]["goals_based_on_data"])
    network.results_evaluated = _results_evaluated(evaluation)
    # the person is shown only with the separate consent of this very submission
    network.contact_public = bool(cleaned.sections["einwilligung"].get("contact_publish"))
    if network.status == Network.Status.DRAFT:
        network.status = Network.Status.PUBLISHED
        network.published_at = timezone.now()
    network.save()
    network.districts.set(master["districts"])
    network.action_fields.set(fields["action_fields"])
    network.target_groups.set(fields["target_groups"])
    network.sectors.set(fields["sectors"])
    _apply_partners(network=network, rows=partners)
    _apply_projects(network=network, rows=cleaned.rows.get("projekte", []))


def _results_evaluated(evaluation: dict) -> bool:
    return evaluation["evaluation_frequency"] != "nie" and bool(evaluation["goals_adjusted"])


def _apply_partners(*, network: Network, rows: list[dict]) -> None:
    existing = {m.actor.name.casefold(): m for m in network.memberships.select_related("actor")}
    keep = set()
    for row in rows:
        key = row["name"].casefold()
        membership = existing.get(key)
        if membership is None:
            actor = Actor.objects.filter(name__iexact=row["name"]).first()
            if actor is None:
                actor = Actor.objects.create(
                    name=row["name"],
                    slug=_unique_slug(Actor, row["name"]),
                    actor_type=row["actor_type"],
                )
            membership, _created = Membership.objects.get_or_create(
                network=network, actor=actor, defaults={"binding": row["binding"]}
            )
        if membership.binding != row["binding"]:
            membership.binding = row["binding"]
            membership.save(update_fields=["binding"])
        if membership.actor.actor_type_id != row["actor_type"].pk:
            membership.actor.actor_type = row["actor_type"]
            membership.actor.save(update_fields=["actor_type"])
        keep.add(membership.pk)
    for membership in network.memberships.exclude(pk__in=keep):
        membership.delete()  # one by one, so that the history records who removed it


def _apply_projects(*, network: Network, rows: list[dict]) -> None:
    existing = {p.slug: p for p in network.projects.all()}
    keep = set()
    for row in rows:
        base = slugify(row["title"])[:240] or "projekt"
        project = existing.get(base)
        if project is None or project.pk in keep:
            project = Project(network=network, slug=_unique_slug(Project, base, network=network))
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


# --- facts for the statistics -----------------------------------------------------------


@dataclass
class Facts:
    """What the statistics aggregate, per submission."""

    land: str | None = None
    network_type: str = ""
    founded_year: int | None = None
    full_time_management: bool | None = None
    partner_count: int | None = None
    criterion_partners: bool | None = None
    criterion_data: bool | None = None
    criterion_measures: bool | None = None
    criterion_evaluation: bool | None = None
    action_fields: list[str] = field(default_factory=list)  # slugs
    target_groups: list[str] = field(default_factory=list)  # slugs
    sectors: list[str] = field(default_factory=list)  # codes
    partner_types: list[str] = field(default_factory=list)  # slugs
    ratings: dict[str, str] = field(default_factory=dict)  # topic slug → rating


def facts_from_cleaned(cleaned: q.CleanedAnswers, *, survey: Survey) -> Facts:
    """Facts computed like ``Network.criteria``, from validated answers."""
    master = cleaned.sections.get("stammdaten", {})
    coord = cleaned.sections.get("koordination", {})
    fields = cleaned.sections.get("handlungsfelder", {})
    topics = cleaned.sections.get("themen", {})
    partners = cleaned.rows.get("partner")
    projects = cleaned.rows.get("projekte")
    districts = list(master.get("districts") or [])
    facts = Facts(
        land=districts[0].state_id if districts else None,
        network_type=master.get("network_type", ""),
        founded_year=master.get("founded_year"),
        full_time_management=coord.get("full_time_management"),
    )
    if partners is not None:
        total = (cleaned.sections.get("partner") or {}).get("partner_total")
        facts.partner_count = total or len(partners)
        facts.criterion_partners = (
            sum(1 for p in partners if p["binding"]) >= Network.MIN_BINDING_PARTNERS
        )
        facts.partner_types = sorted({p["actor_type"].slug for p in partners})
    if "ziele" in cleaned.sections:
        facts.criterion_data = bool(cleaned.sections["ziele"]["goals_based_on_data"])
    if fields:
        facts.action_fields = [a.slug for a in fields["action_fields"]]
        facts.target_groups = [t.slug for t in fields["target_groups"]]
        facts.sectors = [s.code for s in fields["sectors"]]
    if projects is not None and fields:
        facts.criterion_measures = bool(projects) and bool(fields["action_fields"])
    if "evaluation" in cleaned.sections:
        facts.criterion_evaluation = _results_evaluated(cleaned.sections["evaluation"])
    for topic in survey.topics.all():
        value = topics.get(q.topic_field_name(topic.slug))
        if value:
            facts.ratings[topic.slug] = value
    return facts


def _store_facts(*, submission: Submission, facts: Facts) -> None:
    submission.land_id = facts.land
    for name in Submission.FACT_FIELDS:
        if name != "land":
            setattr(submission, name, getattr(facts, name))
    submission.save(update_fields=list(Submission.FACT_FIELDS))
    submission.action_fields.set(ActionField.objects.filter(slug__in=facts.action_fields))
    submission.target_groups.set(TargetGroup.objects.filter(slug__in=facts.target_groups))
    submission.sectors.set(Sector.objects.filter(code__in=facts.sectors))
    submission.partner_types.set(ActorType.objects.filter(slug__in=facts.partner_types))
    topics = {t.slug: t for t in FocusTopic.objects.filter(slug__in=facts.ratings)}
    TopicRating.objects.filter(submission=submission).delete()
    TopicRating.objects.bulk_create(
        TopicRating(submission=submission, topic=topics[slug], rating=rating)
        for slug, rating in facts.ratings.items()
    )


def submission_import(
    *,
    survey: Survey,
    facts: Facts,
    network: Network | None = None,
    state: str = Submission.State.ACCEPTED,
    questionnaire_version: str = "",
    submitted_at=None,
    decided_at=None,
) -> Submission:
    """Store one historic response (see ``import_survey_responses``); caller holds the atomic."""
    submission = Submission.objects.create(
        survey=survey,
        network=network,
        state=state,
        imported=True,
        questionnaire_version=questionnaire_version or survey.questionnaire_version,
        submitted_at=submitted_at or survey.closes_at,
        decided_at=decided_at or (survey.closes_at if state == Submission.State.ACCEPTED else None),
    )
    _store_facts(submission=submission, facts=facts)
    return submission


# --- retention ------------------------------------------------------------------------------


@transaction.atomic
def drafts_purge(*, months: int, now=None) -> tuple[int, int]:
    """Delete drafts nobody touched for ``months`` months.

    Networks registered through "Netzwerk eintragen" that never got past the draft
    go with them. Returns (drafts, networks) deleted.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=round(months * 30.44))
    stale = Submission.objects.filter(state=Submission.State.DRAFT, updated_at__lt=cutoff)
    drafts = stale.count()
    stale.delete()
    orphans = Network.objects.filter(
        status=Network.Status.DRAFT,
        invitations__kind=Invitation.Kind.REGISTRATION,
        updated_at__lt=cutoff,
        submissions__isnull=True,
    ).distinct()
    networks = 0
    for network in orphans:
        network.delete()
        networks += 1
    return drafts, networks
