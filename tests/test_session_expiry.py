"""A save that arrives after the session ended keeps the typed values for after the login."""

import pytest
from django.core.cache import cache
from django.test import Client

from survey.section_guard import STASH_KEY
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_section_posted_after_expiry_is_replayed_after_login(settings):
    cache.clear()
    coordinator = f.CoordinatorFactory(user__username="erika")
    submission = f.SubmissionFactory(survey=f.SurveyFactory(), network=coordinator.network)
    url = f"/erhebung/{submission.pk}/stammdaten/"
    browser = Client()
    # the session has ended (expired on the server) while the page was open
    response = browser.post(url, {"name": "Netzwerk OWL", "short_description": "Gemeinsam"})
    assert response.status_code == 302
    assert response.url.startswith("/konto/login/?next=")
    assert STASH_KEY in browser.session

    login = browser.post(
        "/konto/login/", {"username": "erika", "password": "geheim-passwort-123", "next": url}
    )
    assert login.status_code == 302 and login.url == url
    page = browser.get(url).content.decode()
    assert 'value="Netzwerk OWL"' in page and "wiederhergestellt" in page
    submission.refresh_from_db()
    assert submission.answers == {}  # shown, not yet stored
    # once only
    assert 'value="Netzwerk OWL"' not in browser.get(url).content.decode()


def test_stash_is_size_limited():
    coordinator = f.CoordinatorFactory()
    submission = f.SubmissionFactory(survey=f.SurveyFactory(), network=coordinator.network)
    browser = Client()
    import os

    noise = os.urandom(60_000).hex()  # does not compress
    browser.post(f"/erhebung/{submission.pk}/stammdaten/", {"description": noise})
    assert STASH_KEY not in browser.session
