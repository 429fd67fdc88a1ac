import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from netzwerke.models import Network
from survey import questionnaire as q
from survey import services
from survey.models import Invitation, Submission
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def wave():
    survey = f.SurveyFactory()
    survey.topics.add(f.FocusTopicFactory())
    return survey


def logged_in(user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_coordinator_sees_only_own_network(wave):
    a = f.CoordinatorFactory()
    b = f.CoordinatorFactory()
    submission_a = f.SubmissionFactory(survey=wave, network=a.network)
    client = logged_in(b.user)
    assert client.get(f"/erhebung/netzwerk/{a.network.slug}/").status_code == 404
    assert client.get(f"/erhebung/{submission_a.pk}/").status_code == 404
    assert client.get(f"/erhebung/{submission_a.pk}/stammdaten/").status_code == 404
    response = client.post(f"/erhebung/{submission_a.pk}/stammdaten/", {"name": "Übernahme"})
    assert response.status_code == 404
    assert client.post(f"/erhebung/{submission_a.pk}/absenden/").status_code == 404
    response = client.post(f"/erhebung/netzwerk/{a.network.slug}/starten/", {"survey": wave.slug})
    assert response.status_code == 404
    submission_a.refresh_from_db()
    assert submission_a.answers == {}
    assert logged_in(a.user).get(f"/erhebung/{submission_a.pk}/").status_code == 200


@pytest.mark.parametrize(
    "url",
    ["/erhebung/", "/erhebung/netzwerk/x/", "/erhebung/1/", "/erhebung/1/stammdaten/"],
)
def test_anonymous_is_redirected_to_login(url):
    response = Client().get(url)
    assert response.status_code == 302
    assert response.url.startswith("/konto/login/?next=")


def test_closed_wave_refuses_submit_and_keeps_draft(wave):
    coordinator = f.CoordinatorFactory()
    submission = f.SubmissionFactory(
        survey=wave, network=coordinator.network, answers=f.complete_answers(wave)
    )
    wave.opens_at = timezone.now() - datetime.timedelta(days=90)
    wave.closes_at = timezone.now() - datetime.timedelta(days=1)
    wave.save()
    client = logged_in(coordinator.user)
    response = client.post(f"/erhebung/{submission.pk}/absenden/", follow=True)
    assert "ist seit" in response.text and "geschlossen" in response.text
    assert "Ihr Entwurf bleibt" in response.text
    submission.refresh_from_db()
    assert submission.state == Submission.State.DRAFT
    assert submission.answers == f.complete_answers(wave)


def test_starting_twice_gives_the_same_open_submission(wave):
    coordinator = f.CoordinatorFactory()
    client = logged_in(coordinator.user)
    url = f"/erhebung/netzwerk/{coordinator.network.slug}/starten/"
    first = client.post(url, {"survey": wave.slug})
    second = client.post(url, {"survey": wave.slug})
    assert first.url == second.url
    assert Submission.objects.filter(network=coordinator.network).count() == 1


BAD_INPUT = {
    "stammdaten": (
        {
            "name": "",  # required text
            "network_type": "erfunden",  # radio with a bad value
            "founded_year": "19x5",  # number
            "website": "keine url",  # URL
            "districts": ["99999"],  # model multiple choice
            "short_description": "Kurz" * 100,  # too long
        },
        [
            "id_name",
            "id_network_type_0",
            "id_founded_year",
            "id_website",
            "id_districts",
            "id_short_description",
        ],
        ['value="19x5"', 'value="keine url"'],
    ),
    "koordination": (
        {
            "coordination_person": "Erika",
            "coordination_email": "erika(at)example",
            "full_time_management": "ja",
            "full_time_extent": "viel",
        },
        ["id_coordination_email", "id_full_time_extent"],
        ['value="erika(at)example"', 'value="viel"'],
    ),
    "projekte": (
        {
            "projekte-TOTAL_FORMS": "1",
            "projekte-INITIAL_FORMS": "0",
            "projekte-0-title": "Messe",
            "projekte-0-status": "laufend",
            "projekte-0-start_date": "31.02.2025",
            "projekte-0-end_date": "01.01.2020",
        },
        ["id_projekte-0-start_date"],
        ['value="31.02.2025"', 'value="01.01.2020"'],
    ),
    "einwilligung": ({}, ["id_consent_publish"], []),
}


@pytest.mark.parametrize("section", BAD_INPUT)
def test_bad_input_is_kept_and_summarised(wave, section):
    f.survey_vocabulary()
    coordinator = f.CoordinatorFactory()
    submission = f.SubmissionFactory(survey=wave, network=coordinator.network)
    client = logged_in(coordinator.user)
    data, anchors, kept = BAD_INPUT[section]
    url = f"/erhebung/{submission.pk}/{section}/"
    response = client.post(url, {**data, "aktion": "speichern"}, follow=True)
    page = response.text
    assert response.status_code == 200
    assert "Ihre Angaben sind gespeichert." in page
    assert 'role="alert"' in page and "data-error-summary" in page
    for anchor in anchors:
        assert f'href="#{anchor}"' in page, anchor
        assert f'id="{anchor}"' in page
    for value in kept:
        assert value in page
    assert 'aria-describedby="id_' in page and '_error"' in page
    assert 'aria-invalid="true"' in page
    submission.refresh_from_db()
    assert submission.state == Submission.State.DRAFT
    assert section in submission.answers


def test_back_saves_without_validating(wave):
    coordinator = f.CoordinatorFactory()
    submission = f.SubmissionFactory(survey=wave, network=coordinator.network)
    client = logged_in(coordinator.user)
    response = client.post(
        f"/erhebung/{submission.pk}/koordination/",
        {"coordination_email": "unfertig@", "aktion": "zurueck"},
    )
    assert response.url == f"/erhebung/{submission.pk}/stammdaten/"
    submission.refresh_from_db()
    assert submission.answers["koordination"]["fields"]["coordination_email"] == "unfertig@"


def test_partner_rows_added_and_removed_without_javascript(wave):
    vocab = f.survey_vocabulary()
    coordinator = f.CoordinatorFactory()
    submission = f.SubmissionFactory(survey=wave, network=coordinator.network)
    client = logged_in(coordinator.user)
    url = f"/erhebung/{submission.pk}/partner/"
    page = client.get(url).text
    assert 'name="partner-TOTAL_FORMS" value="1"' in page
    response = client.post(
        url,
        {
            "partner-TOTAL_FORMS": "1",
            "partner-INITIAL_FORMS": "0",
            "partner-0-name": "IHK",
            "partner-0-actor_type": vocab["actor_type"].slug,
            "aktion": "zeile",
        },
    )
    page = client.get(response.url).text
    assert 'name="partner-TOTAL_FORMS" value="3"' in page  # the saved row and two empty ones
    assert 'value="IHK"' in page
    client.post(
        url,
        {
            "partner-TOTAL_FORMS": "2",
            "partner-INITIAL_FORMS": "1",
            "partner-0-name": "IHK",
            "partner-0-actor_type": vocab["actor_type"].slug,
            "partner-0-DELETE": "on",
            "partner-1-name": "HWK",
            "partner-1-actor_type": vocab["actor_type"].slug,
            "aktion": "speichern",
        },
    )
    submission.refresh_from_db()
    assert [r["name"] for r in submission.answers["partner"]["rows"]] == ["HWK"]


def test_registration_of_a_new_network(wave, django_capture_on_commit_callbacks):
    client = Client()
    assert client.get("/eintragen/").status_code == 200
    response = client.post("/eintragen/", {"network_name": "", "email": "kaputt"})
    assert 'href="#id_network_name"' in response.text and 'value="kaputt"' in response.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/eintragen/", {"network_name": "Allianz Vorpommern", "email": "info@vp.example.org"}
        )
    assert response.url == "/eintragen/gesendet/"
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/einladung/" in line)
    path = link.replace("http://testserver", "").strip()
    response = client.post(path, {"new_password1": "kurz", "new_password2": "anders"})
    assert 'href="#id_new_password2"' in response.text and 'role="alert"' in response.text
    response = client.post(
        path, {"new_password1": "Ostsee-Wind-77", "new_password2": "Ostsee-Wind-77"}
    )
    network = Network.objects.get(name="Allianz Vorpommern")
    assert network.status == Network.Status.DRAFT
    submission = Submission.objects.get(network=network)
    assert response.url == f"/erhebung/{submission.pk}/stammdaten/"
    assert 'value="Allianz Vorpommern"' in client.get(response.url).text
    assert not Network.objects.published().filter(pk=network.pk).exists()
    # the link works once
    assert Client().get(path).status_code == 404


def test_registration_honeypot_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(
            "/eintragen/",
            {"network_name": "Spam", "email": "bot@example.org", "homepage": "http://spam"},
        )
    assert mail.outbox == []
    assert not Invitation.objects.exists()


def test_invitation_for_existing_account_asks_to_log_in():
    user = f.UserFactory(email="schon@example.org")
    network = f.NetworkFactory()
    _invitation, token = services.invitation_create(
        email="schon@example.org", network=network, base_url="http://testserver"
    )
    client = Client()
    assert "bereits ein Konto" in client.get(f"/einladung/{token}/").text
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    assert client.post(f"/einladung/{token}/").url == f"/erhebung/netzwerk/{network.slug}/"
    assert user.coordinations.filter(network=network).exists()


def test_rate_limits(settings, wave):
    settings.RATELIMITS = {
        "register": (2, 60),
        "password-reset": (1, 60),
        "invitation": (2, 60),
        "submit": (1, 60),
    }
    client = Client()
    data = {"network_name": "X", "email": "x@example.org"}
    assert client.post("/eintragen/", data).status_code == 302
    assert client.post("/eintragen/", data).status_code == 302
    response = client.post("/eintragen/", data)
    assert response.status_code == 429 and "Zu viele Anfragen" in response.text
    assert client.post("/konto/password_reset/", {"email": "a@example.org"}).status_code == 302
    assert client.post("/konto/password_reset/", {"email": "a@example.org"}).status_code == 429
    assert client.get("/einladung/falsch/").status_code == 404
    assert client.get("/einladung/falsch/").status_code == 404
    assert client.get("/einladung/falsch/").status_code == 429
    coordinator = f.CoordinatorFactory()
    submission = f.SubmissionFactory(survey=wave, network=coordinator.network)
    user_client = logged_in(coordinator.user)
    assert user_client.post(f"/erhebung/{submission.pk}/absenden/").status_code == 200
    assert user_client.post(f"/erhebung/{submission.pk}/absenden/").status_code == 429


def test_login_lockout(settings):
    settings.AXES_FAILURE_LIMIT = 3
    f.UserFactory(username="erika")
    client = Client()
    for _ in range(3):
        response = client.post("/konto/login/", {"username": "erika", "password": "falsch"})
    assert response.status_code == 429
    assert "vorübergehend gesperrt" in response.text
    response = client.post(
        "/konto/login/", {"username": "erika", "password": "geheim-passwort-123"}
    )
    assert response.status_code == 429


def test_login_page_is_german():
    page = Client().get("/konto/login/").text
    assert "Anmelden" in page and "Passwort vergessen?" in page


def _partner_rows(actor_type, n):
    return [
        {"name": f"Partner {i}", "actor_type": actor_type.slug, "binding": True} for i in range(n)
    ]


@pytest.mark.parametrize("rows", [2, 12])
def test_query_budget_of_coordinator_pages(wave, rows, django_assert_num_queries):
    vocab = f.survey_vocabulary()
    coordinator = f.CoordinatorFactory()
    answers = f.complete_answers(wave)
    answers["partner"]["rows"] = _partner_rows(vocab["actor_type"], rows)
    answers["projekte"]["rows"] = answers["projekte"]["rows"] * rows
    submission = f.SubmissionFactory(survey=wave, network=coordinator.network, answers=answers)
    for _ in range(rows):
        f.SubmissionEventFactory(submission=submission)
    client = logged_in(coordinator.user)
    # session, user and the operator's details in the cache are not what we measure
    client.get(f"/erhebung/netzwerk/{coordinator.network.slug}/")
    # session, user, submission, events
    with django_assert_num_queries(4):
        assert client.get(f"/erhebung/{submission.pk}/").status_code == 200
    # session, user, submission; then one query per choice list, whatever the rows
    with django_assert_num_queries(4):
        assert client.get(f"/erhebung/{submission.pk}/partner/").status_code == 200
    with django_assert_num_queries(4):
        assert client.get(f"/erhebung/{submission.pk}/projekte/").status_code == 200
    # session, user, network, its submissions, open waves
    with django_assert_num_queries(5):
        assert client.get(f"/erhebung/netzwerk/{coordinator.network.slug}/").status_code == 200


def test_survey_pages_are_valid_html(wave, django_capture_on_commit_callbacks):
    from tests.htmlcheck import assert_valid_html, nu_checker, nu_checker_errors

    f.survey_vocabulary()
    coordinator = f.CoordinatorFactory()
    submission = f.SubmissionFactory(
        survey=wave, network=coordinator.network, answers=f.complete_answers(wave)
    )
    client = logged_in(coordinator.user)
    pages = {
        "dashboard": client.get("/erhebung/?alle=1"),
        "netzwerk": client.get(f"/erhebung/netzwerk/{coordinator.network.slug}/"),
        "übersicht": client.get(f"/erhebung/{submission.pk}/"),
        "absenden mit fehlern": client.post(
            f"/erhebung/{Submission.objects.create(survey=f.SurveyFactory(title='B'), network=coordinator.network, questionnaire_version='x').pk}/absenden/"  # noqa: E501
        ),
    }
    for section in q.SECTIONS:
        pages[section.slug] = client.get(f"/erhebung/{submission.pk}/{section.slug}/")
        pages[f"{section.slug} geprüft"] = client.get(
            f"/erhebung/{submission.pk}/{section.slug}/?pruefen=1&leer=2"
        )
    _invitation, token = services.invitation_create(
        email="neu@example.org", network=coordinator.network, base_url="http://testserver"
    )
    anonymous = Client()
    pages.update(
        {
            "einladung": anonymous.get(f"/einladung/{token}/"),
            "einladung ungültig": anonymous.get("/einladung/nichts/"),
            "eintragen": anonymous.get("/eintragen/"),
            "eintragen fehler": anonymous.post("/eintragen/", {"email": "x"}),
            "eintragen gesendet": anonymous.get("/eintragen/gesendet/"),
            "login": anonymous.get("/konto/login/"),
            "login fehler": anonymous.post("/konto/login/", {"username": "a", "password": "b"}),
            "passwort vergessen": anonymous.get("/konto/password_reset/"),
            "passwort gesendet": anonymous.get("/konto/password_reset/done/"),
            "passwort link ungültig": anonymous.get("/konto/reset/MQ/falsch/", follow=True),
        }
    )
    for name, response in pages.items():
        assert response.status_code in (200, 404), name
        assert_valid_html(response.content.decode(), name)
    if nu_checker():
        errors = nu_checker_errors({n: r.content.decode() for n, r in pages.items()})
        assert not errors, "\n".join(errors)
