import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from netzwerke.models import Network
from survey import services
from survey.models import Submission, SubmissionEvent, Survey, TopicRating
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave():
    survey = f.SurveyFactory()
    survey.topics.add(
        f.FocusTopicFactory(),
        f.FocusTopicFactory(name="Fachkräfte halten", slug="fachkraefte-halten"),
    )
    return survey


def submitted(wave, network, **kwargs):
    return f.SubmissionFactory(
        survey=wave,
        network=network,
        state=Submission.State.SUBMITTED,
        answers=f.complete_answers(wave, **kwargs),
    )


def test_accept_applies_answers_and_records_facts(wave, settings):
    network = f.NetworkFactory(name="Altes Netzwerk")
    old_partner = f.MembershipFactory(network=network)
    f.ProjectFactory(network=network, title="Altes Projekt")
    submission = submitted(wave, network, name="Neuer Name")
    reviewer = f.StaffFactory()

    services.submission_accept(submission=submission, reviewer=reviewer)

    network.refresh_from_db()
    assert network.name == "Neuer Name"
    assert network.full_time_management is True
    assert [m.actor.name for m in network.memberships.order_by("actor__name")] == [
        "Partner 1",
        "Partner 2",
        "Partner 3",
    ]
    assert not network.memberships.filter(pk=old_partner.pk).exists()
    assert list(network.projects.values_list("title", flat=True)) == ["Ausbildungsbörse"]
    assert network.meets_all_criteria
    submission.refresh_from_db()
    assert submission.state == Submission.State.ACCEPTED
    assert submission.land_id == "NW"
    assert submission.founded_year == 2012
    assert submission.partner_count == 3
    assert (
        submission.criterion_partners,
        submission.criterion_data,
        submission.criterion_measures,
        submission.criterion_evaluation,
    ) == (True, True, True, True)
    assert list(submission.sectors.values_list("code", flat=True)) == ["C"]
    assert list(submission.partner_types.values_list("slug", flat=True)) == ["kammer"]
    assert sorted(
        TopicRating.objects.filter(submission=submission).values_list("topic__slug", "rating")
    ) == [("fachkraefte-halten", "zentral"), ("qualifizierung-fur-die-digitalisierung", "zentral")]
    event = SubmissionEvent.objects.filter(submission=submission).last()
    assert (event.from_state, event.to_state, event.user) == ("submitted", "accepted", reviewer)


def test_second_accept_is_refused(wave):
    submission = submitted(wave, f.NetworkFactory())
    other_copy = Submission.objects.get(pk=submission.pk)
    services.submission_accept(submission=submission, reviewer=f.StaffFactory())
    with pytest.raises(services.AlreadyDecided):
        services.submission_accept(submission=other_copy, reviewer=f.StaffFactory())
    assert SubmissionEvent.objects.filter(submission=submission, to_state="accepted").count() == 1


def test_one_open_submission_per_network_and_wave(wave):
    network = f.NetworkFactory()
    f.SubmissionFactory(survey=wave, network=network)
    with pytest.raises(IntegrityError), transaction.atomic():
        f.SubmissionFactory(survey=wave, network=network)
    # the service hands back the open one instead of failing
    again = services.submission_get_or_start(network=network, survey=wave, user=None)
    assert Submission.objects.filter(network=network).count() == 1
    assert again.state == Submission.State.DRAFT


def test_submit_after_close_keeps_draft(wave):
    submission = f.SubmissionFactory(survey=wave, answers=f.complete_answers(wave))
    wave.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    wave.opens_at = timezone.now() - datetime.timedelta(days=60)
    wave.save()
    with pytest.raises(services.SurveyClosed):
        services.submission_submit(submission=submission, user=None)
    submission.refresh_from_db()
    assert submission.state == Submission.State.DRAFT
    assert submission.answers["stammdaten"]["fields"]["name"] == "Fachkräftenetzwerk Ostwestfalen"


def test_request_changes_and_reject_notify_coordinator(
    wave, settings, django_capture_on_commit_callbacks
):
    settings.REVIEW_NOTIFY_EMAILS = ["redaktion@example.org"]
    coordinator = f.CoordinatorFactory(user__email="koordination@example.org")
    submission = submitted(wave, coordinator.network)
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_request_changes(
            submission=submission, reviewer=f.StaffFactory(), comment="Bitte Projekte ergänzen."
        )
    assert submission.state == Submission.State.CHANGES_REQUESTED
    assert [m.to for m in mail.outbox] == [["koordination@example.org"]]
    assert mail.outbox[0].subject.startswith("Rückfrage zu Ihrer Einreichung")
    assert "Bitte Projekte ergänzen." in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        services.submission_submit(submission=submission, user=coordinator.user)
    assert [m.to for m in mail.outbox[1:]] == [
        ["redaktion@example.org"],
        ["koordination@example.org"],
    ]
    assert mail.outbox[2].subject.startswith("Eingang bestätigt")

    with django_capture_on_commit_callbacks(execute=True):
        services.submission_reject(
            submission=submission, reviewer=f.StaffFactory(), reason="Doppelt"
        )
    assert [m.to for m in mail.outbox[3:]] == [["koordination@example.org"]]
    assert mail.outbox[3].subject.startswith("Ihre Einreichung wurde abgelehnt")
    assert "Doppelt" in mail.outbox[3].body
    assert Submission.objects.get(pk=submission.pk).state == Submission.State.REJECTED
    assert [e.to_state for e in submission.events.all()] == [
        "changes_requested",
        "submitted",
        "rejected",
    ]


def test_registration_network_published_only_on_accept(wave, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = services.invitation_create(
            email="neu@example.org", network_name="Neues Bündnis", base_url="http://testserver"
        )
    assert mail.outbox[0].to == ["neu@example.org"]
    assert f"http://testserver/einladung/{token}/" in mail.outbox[0].body
    user = f.UserFactory(email="neu@example.org")
    network = services.invitation_accept(invitation=invitation, user=user)
    assert network.status == Network.Status.DRAFT
    assert not Network.objects.published().filter(pk=network.pk).exists()
    submission = services.submission_get_or_start(network=network, survey=wave, user=user)
    submission.answers = f.complete_answers(wave, name="Neues Bündnis")
    submission.save()
    services.submission_submit(submission=submission, user=user)
    services.submission_accept(submission=submission, reviewer=f.StaffFactory())
    assert Network.objects.published().filter(pk=network.pk, name="Neues Bündnis").exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_accept_in_two_threads_applies_once(wave):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the conditional UPDATE is tested above")
    import threading

    from django.db import connections

    submission = submitted(wave, f.NetworkFactory())
    reviewer = f.StaffFactory()
    barrier = threading.Barrier(2)
    results = []

    def accept():
        try:
            barrier.wait()
            services.submission_accept(
                submission=Submission.objects.get(pk=submission.pk), reviewer=reviewer
            )
            results.append("ok")
        except services.AlreadyDecided:
            results.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["ok", "refused"]
    assert SubmissionEvent.objects.filter(submission=submission, to_state="accepted").count() == 1
    assert TopicRating.objects.filter(submission=submission).count() == 2


def test_setup_survey_demo_is_idempotent():
    from io import StringIO

    from django.core.management import call_command

    vocab = f.survey_vocabulary()
    for i in range(12):
        network = f.NetworkFactory(
            districts=[vocab["district"]],
            action_fields=[vocab["action_field"]],
            target_groups=[vocab["target_group"]],
            full_time_management=i % 2 == 0,
            source=Network.Source.DEMO,
        )
        for _ in range(3):
            f.MembershipFactory(network=network, actor__actor_type=vocab["actor_type"])
    out = StringIO()
    call_command("setup_survey_demo", stdout=out)
    assert "Benutzer „koordination“" in out.getvalue()
    historic = Survey.objects.get(slug="netzwerkerhebung-2024")
    assert historic.submissions.accepted().count() == 150
    digital = TopicRating.objects.filter(
        submission__survey=historic, topic__slug="qualifizierung-digitalisierung"
    )
    assert digital.filter(rating="zentral").count() == 30
    assert digital.filter(rating="agenda").count() == 54
    current = Survey.objects.get(slug="netzwerkerhebung-2026")
    assert current.is_open()
    states = set(current.submissions.values_list("state", flat=True))
    assert states == set(Submission.State.values)
    count = Submission.objects.count()
    call_command("setup_survey_demo", stdout=StringIO())
    assert Submission.objects.count() == count
