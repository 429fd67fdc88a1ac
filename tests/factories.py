import datetime
import importlib

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from netzwerke import models as nw
from survey import models as sv
from website import models as web


def m2m(field):
    """A post-generation hook: ``Factory(field=[…])`` sets that many-to-many field."""

    def setter(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, field).set(extracted)

    return factory.PostGeneration(setter)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "geheim-passwort-123")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


def editorial_group(name):
    """The group as the data migration made it (a flushed test database has lost it)."""
    from django.contrib.auth.models import Group, Permission

    grants = dict(importlib.import_module("survey.migrations.0005_editorial_groups").GROUPS[name])
    for later in ("0008_event_and_region_rights", "0010_project_changes"):
        grants.update(importlib.import_module(f"survey.migrations.{later}").GRANTS.get(name, {}))
    group, created = Group.objects.get_or_create(name=name)
    if created:
        for label, actions in grants.items():
            app_label, model = label.split(".")
            codenames = [a if "_" in a else f"{a}_{model}" for a in actions]
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )
    return group


class ReviewerFactory(UserFactory):
    """Staff whose rights come only from the group "Redaktion"."""

    username = factory.Sequence(lambda n: f"redaktion{n}")
    is_staff = True

    @factory.post_generation
    def group(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(editorial_group("Redaktion"))


class CuratorFactory(ReviewerFactory):
    """Staff whose rights come only from the group "Kuratierung"."""

    username = factory.Sequence(lambda n: f"kuratierung{n}")

    @factory.post_generation
    def group(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(editorial_group("Kuratierung"))


class StateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = nw.State
        django_get_or_create = ("code",)

    code = "NW"
    ags = "05"
    name = "Nordrhein-Westfalen"


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = nw.District
        django_get_or_create = ("ags",)

    ags = "05711"
    name = "Bielefeld"
    kind = "Kreisfreie Stadt"
    state = factory.SubFactory(StateFactory)


class VocabularyFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Begriff {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ActionFieldFactory(VocabularyFactory):
    class Meta:
        model = nw.ActionField


class TargetGroupFactory(VocabularyFactory):
    class Meta:
        model = nw.TargetGroup


class SectorFactory(VocabularyFactory):
    class Meta:
        model = nw.Sector

    code = factory.Sequence(lambda n: "ABCDEFGHIJKLMNOPQRSTU"[n % 21])


class ActorTypeFactory(VocabularyFactory):
    class Meta:
        model = nw.ActorType


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = nw.Network
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Fachkräftenetzwerk {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    short_description = "Gemeinsam Fachkräfte für die Region sichern."
    status = nw.Network.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    founded_year = 2015
    coordination_person = "Erika Mustermann"
    coordination_email = factory.LazyAttribute(lambda o: f"kontakt@{o.slug}.example.org")
    # the person agreed to be shown; tests of the consent rule set it to False
    contact_public = True

    districts = m2m("districts")
    action_fields = m2m("action_fields")
    target_groups = m2m("target_groups")
    sectors = m2m("sectors")


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = nw.Actor

    name = factory.Sequence(lambda n: f"Akteur {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    actor_type = factory.SubFactory(ActorTypeFactory, name="Unternehmen")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = nw.Membership

    network = factory.SubFactory(NetworkFactory)
    actor = factory.SubFactory(ActorFactory)
    role = nw.Membership.Role.PARTNER
    binding = True


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = nw.Project

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    status = nw.Project.Status.RUNNING
    start_date = datetime.date(2024, 1, 1)


class EventFactory(factory.django.DjangoModelFactory):
    """A public event a week from now, 10–12 o'clock Berlin time."""

    class Meta:
        model = nw.Event
        skip_postgeneration_save = True

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Beratertag {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    description = "Beratung für kleine und mittlere Unternehmen."
    starts_at = factory.LazyFunction(
        lambda: (
            timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
            + datetime.timedelta(days=7)
        )
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    address = "Rathaus, Niederwall 23, 33602 Bielefeld"
    cost = nw.Event.Cost.FREE

    action_fields = m2m("action_fields")
    target_groups = m2m("target_groups")


class FocusTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sv.FocusTopic
        django_get_or_create = ("slug",)

    name = "Qualifizierung für die Digitalisierung"
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sv.Survey
        django_get_or_create = ("slug",)

    title = "Netzwerkerhebung 2026"
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    questionnaire_version = "2026.1"


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sv.Submission

    survey = factory.SubFactory(SurveyFactory)
    network = factory.SubFactory(NetworkFactory)
    questionnaire_version = factory.LazyAttribute(lambda o: o.survey.questionnaire_version)


class PostalCodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = nw.PostalCode
        django_get_or_create = ("code", "place", "district")

    code = "33602"
    place = "Bielefeld"
    district = factory.SubFactory(DistrictFactory)


class CoordinatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sv.Coordinator

    user = factory.SubFactory(UserFactory)
    network = factory.SubFactory(NetworkFactory)


class SubmissionEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sv.SubmissionEvent

    submission = factory.SubFactory(SubmissionFactory)
    to_state = sv.Submission.State.DRAFT


def survey_vocabulary():
    """The few terms a complete questionnaire needs."""
    return {
        "district": DistrictFactory(),
        "action_field": ActionFieldFactory(name="Aus- und Weiterbildung", official=True),
        "target_group": TargetGroupFactory(name="Schulabgänger"),
        "sector": SectorFactory(name="Verarbeitendes Gewerbe", code="C"),
        "actor_type": ActorTypeFactory(name="Kammer"),
    }


def complete_answers(survey, *, name="Fachkräftenetzwerk Ostwestfalen", partners=3, **overrides):
    """Raw answers that pass every section of the questionnaire."""
    vocab = survey_vocabulary()
    answers = {
        "stammdaten": {
            "fields": {
                "name": name,
                "network_type": "netzwerk",
                "short_description": "Gemeinsam für Fachkräfte.",
                "description": "",
                "founded_year": "2012",
                "organisation_form": "verein",
                "districts": [vocab["district"].ags],
                "website": "https://example.org",
            }
        },
        "koordination": {
            "fields": {
                "coordination_person": "Erika Mustermann",
                "coordination_role": "Netzwerkmanagerin",
                "coordination_email": "erika@example.org",
                "coordination_phone": "",
                "full_time_management": "ja",
                "full_time_extent": "1,5",
                "development_partnership": False,
            }
        },
        "partner": {
            "fields": {"partner_total": ""},
            "rows": [
                {"name": f"Partner {i}", "actor_type": vocab["actor_type"].slug, "binding": True}
                for i in range(1, partners + 1)
            ],
        },
        "ziele": {
            "fields": {
                "goals_set": "ja",
                "goals_text": "",
                "goals_based_on_data": "ja",
                "data_sources": ["ba"],
                "data_other": "",
            }
        },
        "handlungsfelder": {
            "fields": {
                "action_fields": [vocab["action_field"].slug],
                "target_groups": [vocab["target_group"].slug],
                "sectors": [vocab["sector"].code],
            }
        },
        "themen": {"fields": {f"thema_{t.slug}": "zentral" for t in survey.topics.all()}},
        "projekte": {
            "rows": [
                {
                    "title": "Ausbildungsbörse",
                    "description": "",
                    "action_fields": [vocab["action_field"].slug],
                    "aims": ["ausbilden"],
                    "status": "laufend",
                    "start_date": "01.03.2024",
                    "end_date": "",
                    "results": "",
                    "evaluated": True,
                }
            ]
        },
        "evaluation": {"fields": {"evaluation_frequency": "jaehrlich", "goals_adjusted": "ja"}},
        "einwilligung": {"fields": {"consent_publish": True}},
    }
    answers.update(overrides)
    return answers


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sv.Invitation

    email = factory.Sequence(lambda n: f"eingeladen{n}@example.org")
    network = factory.SubFactory(NetworkFactory)
    token_hash = factory.Sequence(lambda n: f"{n:064x}")
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))


class AcceptedSubmissionFactory(SubmissionFactory):
    """An accepted submission with its facts filled, as accept or import leaves it.

    ``ratings={topic: "zentral", …}`` adds topic ratings; the many-to-many facts
    take lists, e.g. ``action_fields=[field]``.
    """

    class Meta:
        skip_postgeneration_save = True

    state = sv.Submission.State.ACCEPTED
    decided_at = factory.LazyFunction(timezone.now)
    land = factory.SubFactory(StateFactory)
    network_type = nw.Network.Type.NETWORK
    founded_year = 2015
    full_time_management = True
    partner_count = 8
    criterion_partners = True
    criterion_data = True
    criterion_measures = True
    criterion_evaluation = False

    @factory.post_generation
    def ratings(obj, create, extracted, **kwargs):
        if create and extracted:
            sv.TopicRating.objects.bulk_create(
                sv.TopicRating(submission=obj, topic=topic, rating=rating)
                for topic, rating in extracted.items()
            )

    action_fields = m2m("action_fields")
    target_groups = m2m("target_groups")
    sectors = m2m("sectors")
    partner_types = m2m("partner_types")


class SiteOperatorFactory(factory.django.DjangoModelFactory):
    """Every detail the legal pages need, filled in."""

    class Meta:
        model = web.SiteOperator

    name = "Landesamt für Fachkräftesicherung"
    address = "Musterstraße 1\n12345 Musterstadt"
    represented_by = "Dr. Erika Mustermann, Präsidentin"
    email = "info@landesamt.example.org"
    phone = "030 23125 000"
    responsible_person = "Max Mustermann, Musterstraße 1, 12345 Musterstadt"
    data_protection_officer = "Datenschutzbeauftragte, datenschutz@landesamt.example.org"
    supervisory_authority = "Landesbeauftragte für Datenschutz, Postfach 1, 12345 Musterstadt"
    accessibility_email = "barrierefrei@landesamt.example.org"
    accessibility_phone = "030 23125 001"
    enforcement_body = "Schlichtungsstelle nach § 16 BGG, Mauerstraße 53, 10117 Berlin"
    accessibility_reviewed_on = datetime.date(2026, 11, 2)


class CorrectionSuggestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = web.CorrectionSuggestion

    network = factory.SubFactory(NetworkFactory)
    text = "Das Gründungsjahr ist 2012, nicht 2013."
    email = "leserin@example.org"
