"""A save that arrives after the session ended keeps the typed values for after the login."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

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


def _signed_in(settings):
    coordinator = f.CoordinatorFactory(user__username="erika")
    browser = Client()
    response = browser.post(
        "/konto/login/", {"username": "erika", "password": "geheim-passwort-123"}
    )
    assert response.status_code == 302
    browser.page = f"/erhebung/netzwerk/{coordinator.network.slug}/"
    return browser


def _stored_expiry(browser):
    from django.contrib.sessions.models import Session

    return Session.objects.get(session_key=browser.session.session_key).expire_date


def _move_end(browser, seconds):
    """As if time had passed: the session's end is ``seconds`` from now."""
    session = browser.session
    session.set_expiry(timezone.now() + timedelta(seconds=seconds))
    session.save()


def test_login_sets_the_end_a_full_age_ahead(settings):
    browser = _signed_in(settings)
    left = (_stored_expiry(browser) - timezone.now()).total_seconds()
    assert settings.SESSION_COOKIE_AGE - 60 < left <= settings.SESSION_COOKIE_AGE


def test_a_request_near_the_end_extends_the_session(settings):
    browser = _signed_in(settings)
    _move_end(browser, 60)  # a minute left, the coordinator still at work
    response = browser.get(browser.page)
    assert response.status_code == 200
    left = (_stored_expiry(browser) - timezone.now()).total_seconds()
    assert left > settings.SESSION_COOKIE_AGE - 60
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] > 60
    # and the coordinator stays signed in past the old end
    assert browser.get(browser.page).status_code == 200


def test_a_request_early_in_the_session_writes_nothing(settings):
    browser = _signed_in(settings)
    _move_end(browser, settings.SESSION_COOKIE_AGE * 3 // 4)
    before = _stored_expiry(browser)
    response = browser.get(browser.page)
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert _stored_expiry(browser) == before


def test_an_idle_session_still_ends(settings):
    browser = _signed_in(settings)
    _move_end(browser, -1)  # no request for longer than the age: the end has passed
    response = browser.get(browser.page)
    assert response.status_code == 302
    assert response.url.startswith("/konto/login/")
