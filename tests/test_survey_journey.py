"""The whole coordinator journey, through the pages a coordinator uses."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import NoReverseMatch

from netzwerke.models import Network
from survey import services
from survey.models import Submission
from tests import factories as f

pytestmark = pytest.mark.django_db


def post_section(client, submission, section, data, action="weiter"):
    url = f"/erhebung/{submission.pk}/{section}/"
    return client.post(url, {**data, "aktion": action})


def rows(prefix, items, initial=0):
    data = {f"{prefix}-TOTAL_FORMS": str(len(items)), f"{prefix}-INITIAL_FORMS": str(initial)}
    for i, item in enumerate(items):
        for key, value in item.items():
            data[f"{prefix}-{i}-{key}"] = value
    return data


def test_whole_journey(django_capture_on_commit_callbacks, settings):
    settings.REVIEW_NOTIFY_EMAILS = ["redaktion@example.org"]
    wave = f.SurveyFactory()
    topic = f.FocusTopicFactory()
    wave.topics.add(topic)
    vocab = f.survey_vocabulary()
    network = f.NetworkFactory(name="Netzwerk Lippe", districts=[vocab["district"]])
    staff = f.StaffFactory()

    # invite
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(
            email="koordination@lippe.example.org",
            network=network,
            invited_by=staff,
            base_url="http://testserver",
        )
    link = re.search(r"http://testserver(/einladung/\S+/)", mail.outbox[-1].body).group(1)

    # set password
    browser = Client()
    assert browser.get(link).status_code == 200
    response = browser.post(
        link, {"new_password1": "Sonnenblume-2026!", "new_password2": "Sonnenblume-2026!"}
    )
    assert response.status_code == 302
    response = browser.get(response.url)
    assert "Netzwerk Lippe" in response.text

    # start and fill two sections
    response = browser.post(f"/erhebung/netzwerk/{network.slug}/starten/", {"survey": wave.slug})
    submission = Submission.objects.get(network=network)
    assert response.url == f"/erhebung/{submission.pk}/stammdaten/"
    page = browser.get(response.url).text
    assert 'value="Netzwerk Lippe"' in page  # prefilled from the profile
    post_section(
        browser,
        submission,
        "stammdaten",
        {
            "name": "Fachkräftenetzwerk Lippe",
            "network_type": "buendnis",
            "founded_year": "2011",
            "districts": [vocab["district"].ags],
            "short_description": "Neu beschrieben.",
        },
    )
    post_section(
        browser,
        submission,
        "koordination",
        {
            "coordination_person": "Max Muster",
            "coordination_email": "max@lippe.example.org",
            "full_time_management": "ja",
            "full_time_extent": "0,5",
        },
    )
    browser.post("/konto/logout/")
    assert browser.get(f"/erhebung/{submission.pk}/").status_code == 302

    # resume on another device
    other = Client()
    response = other.post(
        "/konto/login/",
        {"username": "koordination@lippe.example.org", "password": "Sonnenblume-2026!"},
    )
    assert response.status_code == 302
    page = other.get(f"/erhebung/{submission.pk}/koordination/").text
    assert 'value="Max Muster"' in page and 'value="0,5"' in page

    # finish the remaining sections
    post_section(
        other,
        submission,
        "partner",
        rows(
            "partner",
            [
                {"name": f"Partner {i}", "actor_type": vocab["actor_type"].slug, "binding": "on"}
                for i in range(3)
            ],
        ),
    )
    post_section(
        other,
        submission,
        "ziele",
        {"goals_set": "ja", "goals_based_on_data": "ja", "data_sources": ["ba"]},
    )
    post_section(
        other,
        submission,
        "handlungsfelder",
        {
            "action_fields": [vocab["action_field"].slug],
            "target_groups": [vocab["target_group"].slug],
        },
    )
    post_section(other, submission, "themen", {f"thema_{topic.slug}": "agenda"})
    post_section(
        other,
        submission,
        "projekte",
        rows(
            "projekte",
            [
                {
                    "title": "Azubi-Speeddating",
                    "status": "laufend",
                    "start_date": "01.09.2025",
                    "action_fields": vocab["action_field"].slug,
                }
            ],
        ),
    )
    post_section(
        other,
        submission,
        "evaluation",
        {"evaluation_frequency": "jaehrlich", "goals_adjusted": "ja"},
    )
    # consent missing: submit shows the summary, nothing is submitted
    response = other.post(f"/erhebung/{submission.pk}/absenden/")
    assert 'role="alert"' in response.text
    assert f'href="/erhebung/{submission.pk}/einwilligung/?pruefen=1#id_consent_publish"' in (
        response.text
    )
    post_section(other, submission, "einwilligung", {"consent_publish": "on"})

    with django_capture_on_commit_callbacks(execute=True):
        response = other.post(f"/erhebung/{submission.pk}/absenden/")
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == Submission.State.SUBMITTED
    assert submission.consent_version and submission.consent_at
    assert [m.to for m in mail.outbox[-2:]] == [
        ["redaktion@example.org"],
        ["koordination@lippe.example.org"],
    ]

    # request changes; the coordinator sees the comment
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_request_changes(
            submission=submission, reviewer=staff, comment="Bitte die Website ergänzen."
        )
    assert mail.outbox[-1].to == ["koordination@lippe.example.org"]
    page = other.get(f"/erhebung/{submission.pk}/").text
    assert "Bitte die Website ergänzen." in page
    post_section(
        other,
        submission,
        "stammdaten",
        {
            "name": "Fachkräftenetzwerk Lippe",
            "network_type": "buendnis",
            "founded_year": "2011",
            "districts": [vocab["district"].ags],
            "short_description": "Neu beschrieben.",
            "website": "https://lippe.example.org",
        },
    )
    assert other.post(f"/erhebung/{submission.pk}/absenden/").status_code == 302
    submission.refresh_from_db()
    assert submission.state == Submission.State.SUBMITTED

    # accept
    services.submission_accept(submission=submission, reviewer=staff)
    network.refresh_from_db()
    assert network.name == "Fachkräftenetzwerk Lippe"
    assert network.website == "https://lippe.example.org"
    assert network.network_type == Network.Type.ALLIANCE
    assert network.projects.get().title == "Azubi-Speeddating"
    assert network.memberships.filter(binding=True).count() == 3
    assert network.meets_all_criteria
    assert submission.ratings.get().rating == "agenda"
    # the public profile shows the new data (the page comes from the directory app)
    try:
        profile = Client().get(network.get_absolute_url())
    except NoReverseMatch:  # directory pages not installed yet: the model is the truth
        profile = None
    if profile is not None:
        assert profile.status_code == 200
        assert "Fachkräftenetzwerk Lippe" in profile.text
        assert "Azubi-Speeddating" in profile.text

    # after acceptance, editing starts a new submission prefilled from the accepted state
    response = other.post(f"/erhebung/netzwerk/{network.slug}/starten/", {"survey": wave.slug})
    new = Submission.objects.open().get(network=network)
    assert new.pk != submission.pk
    assert new.answers["themen"]["fields"] == {f"thema_{topic.slug}": "agenda"}
    assert new.answers["stammdaten"]["fields"]["website"] == "https://lippe.example.org"
