"""The survey demo: an open wave with submissions in every state, a coordinator login,
and a closed historic wave whose ~150 responses make the statistics pages meaningful.

Idempotent: a second run finds the waves, topics and login and adds nothing.
Run by ``manage.py setup_survey_demo`` after ``setup_demo``.

It writes only to demo data: demo networks (``Network.source == "demo"``, generated
here when ``setup_demo`` made none), demo waves (``Survey.is_demo``) and its own
coordinator login. A real network, a real wave or a real user of the same name is
never touched (``notes`` says why something was skipped).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from netzwerke.demo import generate_demo
from netzwerke.models import Network
from survey import questionnaire as q
from survey import services
from survey.models import Coordinator, FocusTopic, Survey

DEMO_USER = "koordination"
DEMO_PASSWORD = "Erhebung-2026"
HISTORIC_RESPONSES = 150
# the open wave needs one network for the coordinator and seven for the states
MIN_DEMO_NETWORKS = 8
OWN_DEMO_NETWORKS = 24
OWN_DEMO_SEED = 2027

# slug, name, share "zentral", share "auf der Agenda" in the historic wave
TOPICS = [
    ("qualifizierung-digitalisierung", "Qualifizierung für die Digitalisierung", 0.20, 0.36),
    ("fachkraefte-halten", "Fachkräfte halten", 0.46, 0.38),
    ("fachkraefte-gewinnen", "Fachkräfte gewinnen", 0.58, 0.30),
    ("ausbildung", "Ausbildung junger Menschen", 0.52, 0.33),
    ("zuwanderung", "Integration Zugewanderter", 0.31, 0.44),
    ("vereinbarkeit", "Vereinbarkeit von Beruf und Familie", 0.24, 0.47),
]
#: the topics' English names (editable in the admin like the vocabularies')
TOPICS_EN = {
    "qualifizierung-digitalisierung": "Upskilling for digitalisation",
    "fachkraefte-halten": "Retaining skilled workers",
    "fachkraefte-gewinnen": "Attracting skilled workers",
    "ausbildung": "Training young people",
    "zuwanderung": "Integrating immigrants",
    "vereinbarkeit": "Work–family balance",
}


@dataclass
class SurveyDemo:
    # None when a real wave of the same name exists
    current: Survey | None
    historic: Survey | None
    # None when there was no demo network to tie the login to
    user: object | None
    notes: list[str] = field(default_factory=list)


def survey_demo_setup(*, seed: int = 2026) -> SurveyDemo:
    """Create (or find) the demo waves, submissions and coordinator login."""
    rng = random.Random(seed)
    notes = []
    if Network.objects.published().demo().count() < MIN_DEMO_NETWORKS:
        try:
            generate_demo(networks=OWN_DEMO_NETWORKS, seed=OWN_DEMO_SEED)
        except LookupError as exc:
            notes.append(str(exc))
    topics = _topics()
    networks = list(
        Network.objects.published()
        .demo()
        .prefetch_related(
            "districts",
            "action_fields",
            "target_groups",
            "sectors",
            "memberships__actor__actor_type",
        )
        .order_by("pk")
    )
    with override_settings(REVIEW_NOTIFY_EMAILS=[]), transaction.atomic():
        historic = _historic_wave(topics, networks, rng, notes)
        current = _current_wave(topics, notes)
        user = _coordinator(networks, notes)
        if historic is not None and current is not None:
            _current_submissions(current, networks, user, rng)
    return SurveyDemo(current=current, historic=historic, user=user, notes=notes)


def _real_wave(survey, notes):
    notes.append(
        f"Die Erhebung „{survey.slug}“ ist keine Demo-Erhebung; sie bleibt unverändert, "
        f"und es werden keine Demo-Einreichungen angelegt."
    )
    return None


def _topics():
    topics = []
    for order, (slug, name, _central, _agenda) in enumerate(TOPICS):
        topic, _created = FocusTopic.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "name_en": TOPICS_EN.get(slug, ""), "order": order * 10},
        )
        topics.append(topic)
    return topics


def _historic_wave(topics, networks, rng, notes):
    survey, created = Survey.objects.get_or_create(
        slug="netzwerkerhebung-2024",
        defaults={
            "title": "Netzwerkerhebung 2024",
            "opens_at": datetime.datetime(2024, 3, 1, tzinfo=datetime.UTC),
            "closes_at": datetime.datetime(2024, 6, 30, tzinfo=datetime.UTC),
            "questionnaire_version": "2024.1",
            "is_demo": True,
        },
    )
    if not survey.is_demo:
        return _real_wave(survey, notes)
    survey.topics.add(*topics)
    if survey.submissions.exists():
        return survey
    ratings = {}
    for topic, (_slug, _name, central, agenda) in zip(topics, TOPICS, strict=True):
        n_central = round(central * HISTORIC_RESPONSES)
        n_agenda = round(agenda * HISTORIC_RESPONSES)
        values = ["zentral"] * n_central + ["agenda"] * n_agenda
        values += ["kein"] * (HISTORIC_RESPONSES - len(values))
        rng.shuffle(values)
        ratings[topic.slug] = values
    sample = networks[:HISTORIC_RESPONSES]
    for i in range(HISTORIC_RESPONSES):
        network = sample[i] if i < len(sample) else None
        facts = _facts(network, rng) if network else _random_facts(networks, rng)
        facts.ratings = {slug: values[i] for slug, values in ratings.items()}
        services.submission_import(survey=survey, facts=facts, network=network)
    return survey


def _facts(network, rng):
    districts = list(network.districts.all())
    memberships = list(network.memberships.all())
    binding = sum(1 for m in memberships if m.binding)
    has_fields = bool(network.action_fields.all())
    return services.Facts(
        land=districts[0].state_id if districts else None,
        network_type=network.network_type,
        founded_year=network.founded_year,
        full_time_management=network.full_time_management,
        partner_count=network.partner_count_reported or len(memberships),
        criterion_partners=binding >= Network.MIN_BINDING_PARTNERS,
        criterion_data=network.goals_based_on_data,
        criterion_measures=has_fields and rng.random() < 0.8,
        criterion_evaluation=network.results_evaluated,
        action_fields=[a.slug for a in network.action_fields.all()],
        target_groups=[t.slug for t in network.target_groups.all()],
        sectors=[s.code for s in network.sectors.all()],
        partner_types=sorted({m.actor.actor_type.slug for m in memberships}),
    )


def _random_facts(networks, rng):
    template = rng.choice(networks) if networks else None
    facts = _facts(template, rng) if template else services.Facts(network_type="netzwerk")
    facts.founded_year = rng.randint(2000, 2023)
    facts.full_time_management = rng.random() < 0.55
    facts.partner_count = rng.randint(3, 60)
    return facts


def _current_wave(topics, notes):
    now = timezone.now()
    survey, _created = Survey.objects.get_or_create(
        slug="netzwerkerhebung-2026",
        defaults={
            "title": "Netzwerkerhebung 2026",
            "opens_at": now - datetime.timedelta(days=30),
            "closes_at": now + datetime.timedelta(days=90),
            "questionnaire_version": q.QUESTIONNAIRE_VERSION,
            "is_demo": True,
        },
    )
    if not survey.is_demo:
        return _real_wave(survey, notes)
    if not survey.is_open():
        # keep the demo usable when the database is older than the wave
        survey.opens_at = now - datetime.timedelta(days=30)
        survey.closes_at = now + datetime.timedelta(days=90)
        survey.save(update_fields=["opens_at", "closes_at"])
    survey.topics.add(*topics[:3])
    return survey


def _coordinator(networks, notes):
    user_model = get_user_model()
    existing = user_model.objects.filter(
        username=DEMO_USER, coordinations__network__source=Network.Source.DEMO
    ).first()
    if existing:
        return existing
    if not networks:
        notes.append("Keine Demo-Netzwerke – bitte zuerst setup_demo.")
        return None
    user, created = user_model.objects.get_or_create(
        username=DEMO_USER, defaults={"email": "koordination@example.org"}
    )
    if not created and user.coordinations.exists():
        notes.append(
            f"Der Benutzer „{DEMO_USER}“ koordiniert ein echtes Netzwerk und wird nicht "
            f"als Demo-Login verwendet."
        )
        return None
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    Coordinator.objects.create(user=user, network=networks[0])
    return user


def _current_submissions(survey, networks, user, rng):
    if survey.submissions.exists() or not networks or user is None:
        return
    reviewer = get_user_model().objects.filter(is_superuser=True).first()
    own = user.coordinations.filter(network__source=Network.Source.DEMO).first().network
    draft = services.submission_get_or_start(network=own, survey=survey, user=user)
    draft.answers.setdefault("themen", {})["fields"] = {
        q.topic_field_name(t.slug): "agenda" for t in survey.topics.all()[:1]
    }
    draft.save(update_fields=["answers"])

    plan = [
        "draft",
        "submitted",
        "submitted",
        "changes_requested",
        "accepted",
        "accepted",
        "rejected",
    ]
    for network in networks[1:]:
        if not plan:
            break
        submission = services.submission_get_or_start(network=network, survey=survey, user=None)
        _complete(submission, survey, rng)
        if not q.clean_answers(survey=survey, answers=submission.answers).is_valid:
            submission.delete()
            continue
        state = plan.pop(0)
        if state != "draft":
            services.submission_submit(submission=submission, user=None)
        if state == "changes_requested":
            services.submission_request_changes(
                submission=submission,
                reviewer=reviewer,
                comment="Bitte ergänzen Sie die Projekte des letzten Jahres.",
            )
        elif state == "accepted":
            services.submission_accept(submission=submission, reviewer=reviewer)
        elif state == "rejected":
            services.submission_reject(
                submission=submission,
                reviewer=reviewer,
                reason="Doppelte Einreichung; das Netzwerk hat bereits geantwortet.",
            )


def _complete(submission, survey, rng):
    answers = submission.answers
    master = answers.setdefault("stammdaten", {}).setdefault("fields", {})
    # a visible change for the reviewer's comparison
    master["short_description"] = (
        master.get("short_description", "") + " Neu: Qualifizierung für die Digitalisierung."
    ).strip()[:300]
    master["website"] = master.get("website") or "https://www.example.org/netzwerk"
    coord = answers.setdefault("koordination", {}).setdefault("fields", {})
    # facts the directory leaves open ("keine Angabe") are answered in the demo
    coord["full_time_management"] = coord.get("full_time_management") or rng.choice(["ja", "nein"])
    if coord.get("full_time_management") == "ja":
        coord["full_time_extent"] = "1"
    coord.setdefault("coordination_person", "Demo Koordination")
    if not coord.get("coordination_person"):
        coord["coordination_person"] = "Demo Koordination"
    if not coord.get("coordination_email"):
        coord["coordination_email"] = "netzwerk@example.org"
    goals = answers.setdefault("ziele", {}).setdefault("fields", {})
    goals["goals_set"] = "ja"
    goals["goals_based_on_data"] = goals.get("goals_based_on_data") or rng.choice(["ja", "nein"])
    if goals.get("goals_based_on_data") == "ja":
        goals["data_sources"] = ["ba", "engpass"]
    answers["themen"] = {
        "fields": {
            q.topic_field_name(t.slug): rng.choice(["zentral", "agenda", "kein"])
            for t in survey.topics.all()
        }
    }
    answers["evaluation"] = {
        "fields": {"evaluation_frequency": "jaehrlich", "goals_adjusted": "ja"}
    }
    # the demo contacts are fictitious, so they may be shown
    answers["einwilligung"] = {"fields": {"consent_publish": True, "contact_publish": True}}
    submission.consent_at = timezone.now()
    submission.consent_version = q.CONSENT_VERSION
    submission.save()
