"""Projects between survey waves: a coordinator proposes, a reviewer accepts or rejects,
and only then does the catalogue (and the profile, the exports) change."""

import json

import pytest
from django.urls import reverse

from netzwerke.models import Project
from survey import services
from survey.models import ProjectChange, Submission
from tests import factories as f

LIST = reverse("netzwerke:project-list")
EXPORT_JSON = reverse("netzwerke:project-export-json")
CHANGELIST = reverse("admin:survey_projectchange_changelist")


@pytest.fixture
def world(directory_world):
    w = directory_world
    w.coordinator = f.UserFactory(username="koordination@owl.example")
    f.CoordinatorFactory(user=w.coordinator, network=w.owl)
    w.project = w.owl.projects.get(title="Ausbildungsbotschafter")
    w.projects_url = reverse("survey:network-projects", args=[w.owl.slug])
    w.add_url = reverse("survey:network-project-add", args=[w.owl.slug])
    w.edit_url = reverse("survey:network-project-edit", args=[w.owl.slug, w.project.pk])
    return w


def _form(w, **changes):
    data = {
        "title": "Azubi-Speeddating Bielefeld",
        "description": "Betriebe treffen Schulabgänger.",
        "action_fields": [w.ausbildung.pk],
        "aim_train": "on",
        "status": "laufend",
        "start_date": "01.03.2026",
        "end_date": "",
        "results": "",
        "evaluated": "unknown",
        "website": "",
    }
    data.update(changes)
    return data


def _catalogue_titles(client):
    response = client.get(EXPORT_JSON)
    assert response.status_code == 200
    return {p["titel"] for p in json.loads(b"".join(response.streaming_content))["projekte"]}


def _accept(client, change, reviewer):
    client.force_login(reviewer)
    response = client.post(
        CHANGELIST, {"action": "accept_selected", "_selected_action": [change.pk]}
    )
    assert response.status_code == 302
    client.logout()


def test_new_project_between_waves_appears_only_after_acceptance(client, world):
    client.force_login(world.coordinator)
    response = client.post(world.add_url, _form(world), follow=True)
    assert "sobald die Redaktion ihn geprüft hat" in response.content.decode()
    change = ProjectChange.objects.get()
    assert change.pending and change.is_new and change.created_by == world.coordinator
    client.logout()

    # not public before acceptance: catalogue page, JSON export, profile
    assert "Azubi-Speeddating Bielefeld" not in client.get(LIST).content.decode()
    assert "Azubi-Speeddating Bielefeld" not in _catalogue_titles(client)
    profile = client.get(world.owl.get_absolute_url()).content.decode()
    assert "Azubi-Speeddating Bielefeld" not in profile
    assert not Project.objects.filter(title="Azubi-Speeddating Bielefeld").exists()

    _accept(client, change, f.ReviewerFactory())

    change.refresh_from_db()
    assert change.review_status == ProjectChange.ReviewStatus.ACCEPTED
    assert change.is_new  # still listed as a new project for the coordinator
    project = change.project
    assert project.network == world.owl and project.aim_train and not project.aim_retain
    assert list(project.action_fields.all()) == [world.ausbildung]
    assert "Azubi-Speeddating Bielefeld" in client.get(LIST).content.decode()
    assert "Azubi-Speeddating Bielefeld" in _catalogue_titles(client)
    assert client.get(project.get_absolute_url()).status_code == 200
    profile = client.get(world.owl.get_absolute_url()).content.decode()
    assert "Azubi-Speeddating Bielefeld" in profile


def test_change_to_public_project_waits_for_review(client, world):
    slug = world.project.slug
    client.force_login(world.coordinator)
    # the form opens with the public version
    assert 'value="Ausbildungsbotschafter"' in client.get(world.edit_url).content.decode()
    client.post(world.edit_url, _form(world, title="Ausbildungsbotschafter 2.0"))
    # a second edit corrects the same proposal, it does not add one
    client.post(world.edit_url, _form(world, title="Ausbildungsbotschafter 3.0"))
    change = ProjectChange.objects.get()
    assert change.project == world.project and not change.is_new
    assert change.base_version == world.project.version
    # the form now shows the proposal
    assert 'value="Ausbildungsbotschafter 3.0"' in client.get(world.edit_url).content.decode()
    client.logout()

    world.project.refresh_from_db()
    assert world.project.title == "Ausbildungsbotschafter"
    assert "Ausbildungsbotschafter 3.0" not in _catalogue_titles(client)

    services.project_change_reject(change=change, reviewer=f.CuratorFactory(), reason="Doppelt")
    world.project.refresh_from_db()
    assert world.project.title == "Ausbildungsbotschafter"
    client.force_login(world.coordinator)
    listing = client.get(world.projects_url).content.decode()
    assert "abgelehnt: Doppelt" in listing

    client.post(world.edit_url, _form(world, title="Ausbildungsbotschafter 4.0"))
    change = ProjectChange.objects.pending().get()
    client.logout()
    _accept(client, change, f.ReviewerFactory())
    world.project.refresh_from_db()
    assert world.project.title == "Ausbildungsbotschafter 4.0"
    assert world.project.slug == slug  # the public URL stays
    assert "Ausbildungsbotschafter 4.0" in _catalogue_titles(client)


def test_pending_new_project_can_be_corrected(client, world):
    client.force_login(world.coordinator)
    client.post(world.add_url, _form(world))
    change = ProjectChange.objects.get()
    url = reverse("survey:network-project-change", args=[world.owl.slug, change.pk])
    client.post(url, _form(world, title="Azubi-Speeddating Gütersloh"))
    change.refresh_from_db()
    assert change.title == "Azubi-Speeddating Gütersloh" and change.pending
    assert ProjectChange.objects.count() == 1
    services.project_change_accept(change=change, reviewer=f.ReviewerFactory())
    # a decided proposal cannot be edited any more
    assert client.get(url).status_code == 404
    with pytest.raises(services.AlreadyDecided):
        services.project_change_accept(change=change, reviewer=f.ReviewerFactory())


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"start_date": "morgen"}, "Bitte ein gültiges Datum eingeben."),
        ({"start_date": "01.03.2026", "end_date": "01.01.2026"}, "Das Ende liegt vor dem Beginn."),
        ({"title": ""}, "Dieses Feld ist zwingend erforderlich."),
    ],
)
def test_bad_input_is_refused_with_a_message(client, world, changes, message):
    client.force_login(world.coordinator)
    response = client.post(world.add_url, _form(world, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProjectChange.objects.exists()


def test_only_the_networks_own_projects(client, world):
    client.force_login(world.coordinator)
    other = world.muenchen_net.projects.get()
    url = reverse("survey:network-project-edit", args=[world.owl.slug, other.pk])
    assert client.get(url).status_code == 404
    with pytest.raises(services.SubmissionError):
        services.project_change_save(
            network=world.owl, user=world.coordinator, data={"title": "x"}, project=other
        )


def test_reviewer_sees_the_comparison(client, world):
    client.force_login(world.coordinator)
    client.post(world.edit_url, _form(world, title="Ausbildungsbotschafter 2.0"))
    change = ProjectChange.objects.get()
    client.force_login(f.ReviewerFactory())
    page = client.get(reverse("admin:survey_projectchange_change", args=[change.pk]))
    text = page.content.decode()
    assert "Vergleich mit der öffentlichen Fassung" in text
    assert "Ausbildungsbotschafter 2.0" in text and "geändert" in text


@pytest.mark.parametrize("n", [0, 15])
def test_query_budgets(client, world, django_assert_num_queries, n):
    for i in range(n):
        project = f.ProjectFactory(network=world.owl, title=f"Projekt {i}")
        services.project_change_save(
            network=world.owl, user=world.coordinator, data={"title": f"P {i}"}, project=project
        )
    client.force_login(world.coordinator)
    # session, user, network; proposals; projects
    with django_assert_num_queries(3 + 2):
        assert client.get(world.projects_url).status_code == 200
    # session, user, network; the action fields of the form
    with django_assert_num_queries(3 + 1):
        assert client.get(world.add_url).status_code == 200
    # session, user, network, project; its open proposal; the form's action fields (choices
    # and the project's own)
    with django_assert_num_queries(4 + 1 + 2):
        assert client.get(world.edit_url).status_code == 200


def test_a_concurrent_first_proposal_is_a_message_not_an_error(client, world, monkeypatch):
    from django.db import IntegrityError

    def clash(**kwargs):
        raise IntegrityError("projectchange_one_pending_per_project")

    monkeypatch.setattr(services, "project_change_save", clash)
    client.force_login(world.coordinator)
    response = client.post(world.edit_url, _form(world))
    assert response.status_code == 200
    assert "Gleichzeitig wurde ein Vorschlag" in response.content.decode()


def test_reviewer_decides_on_the_change_form_and_coordinators_are_told(
    client, world, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.REVIEW_NOTIFY_EMAILS = ["redaktion@example.org"]
    world.coordinator.email = "koordination@owl.example"
    world.coordinator.save()
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(world.add_url, _form(world))
    change = ProjectChange.objects.get()
    with django_capture_on_commit_callbacks(execute=True):  # a correction: no news
        client.post(
            reverse("survey:network-project-change", args=[world.owl.slug, change.pk]),
            _form(world, results="Zwölf Verträge."),
        )
    assert ProjectChange.objects.get().results == "Zwölf Verträge."
    assert [m.to for m in mailoutbox] == [["redaktion@example.org"]]
    assert "Neuer Projektvorschlag: Fachkräftebündnis OWL" in mailoutbox[0].subject
    reviewer = f.ReviewerFactory()
    client.force_login(reviewer)
    page = client.get(reverse("admin:survey_projectchange_change", args=[change.pk]))
    assert "Prüfung des Projektvorschlags" in page.content.decode()
    review = reverse("admin:survey_projectchange_review", args=[change.pk])
    # a rejection needs a reason
    client.post(review, {"decision": "reject", "reason": " "})
    change.refresh_from_db()
    assert change.pending
    with django_capture_on_commit_callbacks(execute=True):
        client.post(review, {"decision": "reject", "reason": "Bitte Ergebnisse ergänzen."})
    change.refresh_from_db()
    assert change.review_status == ProjectChange.ReviewStatus.REJECTED
    assert change.decided_by == reviewer and change.reason == "Bitte Ergebnisse ergänzen."
    mail = mailoutbox[-1]
    assert mail.to == ["koordination@owl.example"]
    assert "nicht angenommen" in mail.subject and "Bitte Ergebnisse ergänzen." in mail.body
    # decided: the form is gone, and a second decision is refused with a message
    page = client.get(reverse("admin:survey_projectchange_change", args=[change.pk]))
    assert "Prüfung des Projektvorschlags" not in page.content.decode()
    client.post(review, {"decision": "accept"})
    change.refresh_from_db()
    assert change.review_status == ProjectChange.ReviewStatus.REJECTED
    assert not Project.objects.filter(title="Azubi-Speeddating Bielefeld").exists()


def test_a_wave_started_earlier_keeps_projects_accepted_since(client, world):
    """A submission begun before a between-wave project was accepted never showed it: its
    acceptance neither deletes that project nor overwrites a newer accepted change."""
    wave = f.SurveyFactory()
    answers = f.complete_answers(wave)
    answers["projekte"]["rows"][0]["title"] = "Ausbildungsbotschafter"
    submission = f.SubmissionFactory(
        survey=wave, network=world.owl, state=Submission.State.SUBMITTED, answers=answers
    )
    reviewer = f.ReviewerFactory()
    client.force_login(world.coordinator)
    client.post(world.add_url, _form(world))
    client.post(world.edit_url, _form(world, title="Ausbildungsbotschafter", results="Neu"))
    client.logout()
    for change in ProjectChange.objects.all():
        _accept(client, change, reviewer)

    services.submission_accept(submission=submission, reviewer=f.StaffFactory())

    titles = set(world.owl.projects.values_list("title", flat=True))
    assert "Azubi-Speeddating Bielefeld" in titles
    assert world.owl.projects.get(slug=world.project.slug).results == "Neu"
    # a project the submission was shown and left out is still removed
    assert not world.owl.projects.exclude(
        title__in=["Azubi-Speeddating Bielefeld", "Ausbildungsbotschafter"]
    ).exists()
