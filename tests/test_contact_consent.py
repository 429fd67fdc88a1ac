"""Contact data only with consent: profile, JSON-LD, CSV, JSON and feed; the contact
form instead of the person; the history retention."""

import datetime
import io
import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from netzwerke.models import Network
from tests import factories as f
from tests.test_directory_pages import streamed

pytestmark = pytest.mark.django_db

CONTACT = {
    "coordination_person": "Erika Mustermann",
    "coordination_role": "Netzwerkmanagerin",
    "coordination_email": "erika.mustermann@example.org",
    "coordination_phone": "030 23125 001",
}


def _public_texts(client, network):
    """Everything the public can fetch about ``network``."""
    profile = client.get(network.get_absolute_url()).content.decode()
    jsonld = profile.split('<script type="application/ld+json"')[1].split("</script>")[0]
    return {
        "profile": profile,
        "jsonld": jsonld,
        "csv": streamed(client.get(reverse("netzwerke:network-export-csv"))).decode(),
        "json": json.dumps(
            json.loads(streamed(client.get(reverse("netzwerke:network-export-json")))),
            ensure_ascii=False,
        ),
        "feed": client.get(reverse("netzwerke:network-feed")).content.decode(),
    }


@pytest.mark.parametrize("consent", [False, True])
def test_contact_is_public_only_with_consent(client, consent):
    network = f.NetworkFactory(contact_public=consent, **CONTACT)
    texts = _public_texts(client, network)
    for name in ("profile", "jsonld", "csv", "json"):
        for value in CONTACT.values():
            assert (value in texts[name]) is consent, (name, value)
    for value in CONTACT.values():
        assert value not in texts["feed"]  # the feed carries no contact either way


def test_profile_without_published_person_offers_the_contact_form(client):
    network = f.NetworkFactory(contact_public=False, website="https://netz.example.org", **CONTACT)
    html = client.get(network.get_absolute_url()).content.decode()
    form_url = reverse("netzwerke:network-contact", kwargs={"slug": network.slug})
    assert form_url in html and "https://netz.example.org" in html
    published = f.NetworkFactory(contact_public=True, **{**CONTACT, "coordination_email": "a@b.de"})
    html = client.get(published.get_absolute_url()).content.decode()
    assert "/kontakt/" not in html
    assert (
        client.get(reverse("netzwerke:network-contact", args=[published.slug])).status_code == 404
    )


def test_contact_form_mails_the_coordination_without_showing_the_address(client):
    network = f.NetworkFactory(contact_public=False, **CONTACT)
    url = reverse("netzwerke:network-contact", kwargs={"slug": network.slug})
    page = client.get(url)
    assert page.status_code == 200
    assert CONTACT["coordination_email"] not in page.content.decode()
    response = client.post(
        url,
        {"name": "Max Muster", "email": "max@example.com", "message": "Wir möchten mitmachen."},
        follow=True,
    )
    assert response.redirect_chain[-1][0].endswith("/kontakt/gesendet/")
    assert CONTACT["coordination_email"] not in response.content.decode()
    (message,) = mail.outbox
    assert message.to == [CONTACT["coordination_email"]]
    assert message.reply_to == ["max@example.com"]
    assert "Wir möchten mitmachen." in message.body and "Max Muster" in message.body


def test_contact_form_keeps_the_text_on_errors_and_drops_bots(client):
    network = f.NetworkFactory(contact_public=False, **CONTACT)
    url = reverse("netzwerke:network-contact", kwargs={"slug": network.slug})
    response = client.post(url, {"name": "Max", "email": "kaputt", "message": "Hallo Netzwerk"})
    assert response.status_code == 200
    assert "Hallo Netzwerk" in response.content.decode()
    bot = {"name": "Bot", "email": "bot@example.com", "message": "Spam", "homepage": "x"}
    response = client.post(url, bot)
    assert response.status_code == 302 and mail.outbox == []


def test_contact_form_is_rate_limited(client, settings):
    from django.core.cache import cache

    cache.clear()
    settings.RATELIMITS = {"contact": (2, 3600)}
    network = f.NetworkFactory(contact_public=False, **CONTACT)
    url = reverse("netzwerke:network-contact", kwargs={"slug": network.slug})
    data = {"name": "Max", "email": "max@example.com", "message": "Hallo"}
    assert [client.post(url, data).status_code for _ in range(3)] == [302, 302, 429]
    assert len(mail.outbox) == 2


def test_history_retention_blanks_old_and_purged_contacts():
    old = f.NetworkFactory(contact_public=True, **CONTACT)
    old.history.update(history_date=timezone.now() - datetime.timedelta(days=400))
    old.short_description = "Neu"
    old.save()  # a recent record: it keeps the contact, as the live row does
    gone = f.NetworkFactory(contact_public=True, **CONTACT)
    gone_id = gone.pk
    gone.delete()
    out = io.StringIO()
    call_command("purge_history_contacts", "--months", "12", stdout=out)
    assert "Kontaktdaten aus 3 Verlaufseinträgen entfernt" in out.getvalue()
    first, latest = old.history.order_by("history_date")
    assert first.coordination_email == first.coordination_person == ""
    assert first.coordination_role == first.coordination_phone == ""
    assert latest.coordination_email == CONTACT["coordination_email"]
    assert not Network.history.filter(id=gone_id).exclude(coordination_email="").exists()
    assert Network.history.filter(id=gone_id).count() == 2  # who and when stay
    old.refresh_from_db()
    assert old.coordination_email == CONTACT["coordination_email"]


def test_purge_stale_drafts_also_runs_the_history_retention():
    gone = f.NetworkFactory(contact_public=True, **CONTACT)
    gone_id = gone.pk
    gone.delete()
    out = io.StringIO()
    call_command("purge_stale_drafts", stdout=out)
    assert "Kontaktdaten aus 2 Verlaufseinträgen entfernt" in out.getvalue()
    assert not Network.history.filter(id=gone_id).exclude(coordination_person="").exists()


@pytest.mark.parametrize("consent", [False, True])
def test_acceptance_publishes_the_contact_only_with_the_separate_consent(client, consent):
    from survey import services
    from survey.models import Submission

    wave = f.SurveyFactory()
    network = f.NetworkFactory(contact_public=not consent)
    fields = {"consent_publish": True}
    if consent:
        fields["contact_publish"] = True
    submission = f.SubmissionFactory(
        survey=wave,
        network=network,
        state=Submission.State.SUBMITTED,
        answers=f.complete_answers(wave, einwilligung={"fields": fields}),
    )
    services.submission_accept(submission=submission, reviewer=f.StaffFactory())
    network.refresh_from_db()
    assert network.contact_public is consent
    assert network.coordination_email == "erika@example.org"  # stored either way
    html = client.get(network.get_absolute_url()).content.decode()
    assert ("erika@example.org" in html) is consent
    assert ("Erika Mustermann" in html) is consent


def test_questionnaire_asks_separately_and_records_the_new_consent_version(client):
    from survey import questionnaire as q
    from survey import services
    from survey.questionnaire.forms import ConsentForm

    form = ConsentForm()
    assert form.fields["contact_publish"].required is False
    assert form.fields["contact_publish"].initial is None  # unticked: the default is no
    assert "Name, Funktion, E-Mail-Adresse und Telefonnummer" in str(
        form.fields["contact_publish"].label
    )
    assert "nur veröffentlicht, wenn Sie das unten eigens ankreuzen" in str(q.CONSENT_TEXT)
    assert q.CONSENT_VERSION == "2026-11"
    wave = f.SurveyFactory()
    submission = f.SubmissionFactory(survey=wave, network=f.NetworkFactory())
    services.submission_save_section(
        submission=submission,
        section="einwilligung",
        data={"consent_publish": "on"},
        user=None,
    )
    submission.refresh_from_db()
    assert submission.consent_version == "2026-11"
