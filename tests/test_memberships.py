"""One actor-matching rule for every writer of partners (CSV import and survey acceptance)."""

import pytest

from netzwerke import csvformat
from netzwerke.models import Actor, Membership, Network
from netzwerke.services import ActorMatcher, PartnerSpec, memberships_sync
from survey import services as survey_services
from survey.models import Submission
from tests import factories as f

pytestmark = pytest.mark.django_db


def _accept_survey(network, partner_names):
    wave = f.SurveyFactory()
    answers = f.complete_answers(wave, partners=len(partner_names))
    for row, name in zip(answers["partner"]["rows"], partner_names, strict=True):
        row["name"] = name
    submission = f.SubmissionFactory(
        survey=wave, network=network, state=Submission.State.SUBMITTED, answers=answers
    )
    survey_services.submission_accept(submission=submission, reviewer=f.StaffFactory())


def test_a_partner_entered_through_import_and_survey_is_one_actor():
    f.ActorTypeFactory(name="Kammer", slug="kammer")
    result = csvformat.import_networks(
        "kuerzel;name;status;partner\n"
        'owl;Bündnis OWL;published;"IHK Ostwestfalen|kammer\n'
        'Handwerkskammer OWL|kammer|||||hwk-eigen"\n'
    )
    assert result.ok, result.errors
    assert Actor.objects.count() == 2

    # the survey spells them differently: case, spacing, punctuation
    _accept_survey(
        f.NetworkFactory(slug="lippe"), ["IHK  ostwestfalen", "HANDWERKSKAMMER OWL", "Neue GmbH"]
    )
    assert Actor.objects.count() == 3
    ihk = Actor.objects.get(slug="ihk-ostwestfalen")
    hwk = Actor.objects.get(slug="hwk-eigen")  # found by its name, not its Kürzel
    assert set(Membership.objects.filter(actor=ihk).values_list("network__slug", flat=True)) == {
        "owl",
        "lippe",
    }
    assert Membership.objects.filter(actor=hwk).count() == 2
    # a coordinator's spelling does not rename the curated actor
    assert ihk.name == "IHK Ostwestfalen"

    # and the survey's new actor is the one a later import means
    assert csvformat.import_networks('kuerzel;name;partner\nneu;Neues Netz;"neue gmbh|kammer"\n').ok
    assert Actor.objects.count() == 3
    assert Network.objects.get(slug="neu").memberships.get().actor.slug == "neue-gmbh"


def test_matcher_prefers_the_derived_slug_then_the_normalised_name():
    kammer = f.ActorTypeFactory(name="Kammer", slug="kammer")
    f.ActorFactory(name="IHK Bielefeld", slug="ihk-bielefeld", actor_type=kammer)
    f.ActorFactory(name="Agentur für Arbeit", slug="afa-eigen", actor_type=kammer)
    matcher = ActorMatcher()
    assert matcher.resolve("IHK-Bielefeld") == "ihk-bielefeld"
    assert matcher.resolve(" agentur  FÜR arbeit ") == "afa-eigen"
    assert matcher.resolve("Agentur für Arbeit", "andere") == "andere"
    assert matcher.resolve("Ganz Neu AG") == "ganz-neu-ag"
    assert matcher.resolve("ganz  neu ag") == "ganz-neu-ag"
    assert matcher.resolve("???") == "akteur"


def test_memberships_sync_keeps_fields_the_source_does_not_state():
    kammer = f.ActorTypeFactory(name="Kammer", slug="kammer")
    network = f.NetworkFactory()
    carrier = f.MembershipFactory(
        network=network,
        actor=f.ActorFactory(name="IHK Bielefeld", actor_type=kammer),
        role=Membership.Role.CARRIER,
        since=2011,
        binding=False,
    )
    dropped = f.MembershipFactory(network=network)
    user = f.StaffFactory()
    changed = memberships_sync(
        network=network,
        partners=[PartnerSpec(name="ihk bielefeld", actor_type=kammer, binding=True)],
        user=user,
        fields=["binding"],
    )
    assert changed
    carrier.refresh_from_db()
    assert (carrier.role, carrier.since, carrier.binding) == ("traeger", 2011, True)
    assert not Membership.objects.filter(pk=dropped.pk).exists()
    assert Membership.history.filter(id=dropped.pk, history_type="-").get().history_user == user
    assert not memberships_sync(
        network=network,
        partners=[PartnerSpec(name="IHK Bielefeld", actor_type=kammer, binding=True)],
        user=user,
        fields=["binding"],
    )
