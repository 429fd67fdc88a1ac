"""The Netzwerkerhebung in the browser: a coordinator's drafts survive a new browser, the
error summary leads to the field, and a reviewer's decision reaches the public profile."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from survey import questionnaire as q
from survey.models import Submission
from tests import factories as f
from tests.browser.conftest import PageChecker

PASSWORD = "geheim-passwort-123"
EMAIL = "koordination@lippe.example.org"


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


@pytest.fixture
def draft(transactional_db):
    """A coordinator's draft with every section answered except the two the journey fills
    and the consent, which stays missing."""
    wave = f.SurveyFactory()
    wave.topics.add(f.FocusTopicFactory())
    answers = f.complete_answers(wave, name="Netzwerk Lippe")
    district = f.DistrictFactory()
    network = f.NetworkFactory(name="Netzwerk Lippe", districts=[district])
    user = f.UserFactory(username=EMAIL, email=EMAIL)
    f.CoordinatorFactory(user=user, network=network)
    for section in ("koordination", "einwilligung"):
        answers.pop(section)
    submission = f.SubmissionFactory(
        survey=wave,
        network=network,
        answers=answers,
        section_status={s.slug: True for s in q.SECTIONS if s.slug in answers},
        created_by=user,
    )
    return submission


def log_in(page, base_url):
    page.goto(base_url + reverse("login") + "?next=" + reverse("survey:dashboard"))
    page.get_by_label(re.compile("Benutzername|E-Mail", re.I)).fill(EMAIL)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(re.compile(reverse("survey:dashboard")))


def test_login_errors_are_announced(live_server, page, check_page, transactional_db):
    page.goto(live_server.url + reverse("login"))
    check_page("anmelden")
    page.get_by_label(re.compile("Benutzername|E-Mail", re.I)).fill("niemand@example.org")
    page.get_by_label("Passwort").fill("falsch")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_be_visible()
    # typed input is kept, the password is not
    assert page.get_by_label(re.compile("Benutzername|E-Mail", re.I)).input_value()
    check_page("anmelden-fehler", screenshot=False)


def test_coordinator_drafts_survive_a_new_browser(live_server, new_context, draft):
    first = new_context().new_page()
    log_in(first, live_server.url)
    # with one network, the login leads straight to it
    expect(first.get_by_role("heading", level=1)).to_have_text("Netzwerk Lippe")
    first.get_by_role("link", name="Fragebogen fortsetzen").click()
    expect(first.get_by_role("heading", level=1)).to_have_text(draft.survey.title)

    # section 1: change the master data
    first.get_by_role("link", name="Stammdaten").click()
    first.get_by_label("Kurzbeschreibung").fill("Gemeinsam für Fachkräfte in Lippe.")
    first.get_by_label("Website").fill("https://lippe.example.org")
    first.get_by_role("button", name="Speichern und weiter").click()

    # section 2: coordination, answered for the first time
    expect(first.get_by_role("heading", level=1)).to_have_text("Koordination & Kontakt")
    first.get_by_label("Ansprechperson").fill("Max Muster")
    first.get_by_label("E-Mail").fill("max@lippe.example.org")
    first.get_by_role("group", name=re.compile("hauptamtliches Management")).get_by_label(
        "Ja", exact=True
    ).check()
    first.get_by_label(re.compile("Umfang des hauptamtlichen")).fill("0,5")
    first.get_by_role("button", name="Speichern und prüfen").click()
    expect(first.get_by_role("status").filter(has_text="vollständig")).to_be_visible()
    first.context.close()

    # a new browser: nothing in it but the login
    page = new_context().new_page()
    check = PageChecker(page)
    log_in(page, live_server.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Netzwerk Lippe")
    check("erhebung-netzwerk")
    page.get_by_role("navigation", name="Brotkrumennavigation").get_by_role(
        "link", name="Meine Netzwerke"
    ).click()
    page.get_by_role("main").get_by_role("link", name="Netzwerk Lippe").click()
    check("erhebung-uebersicht")
    page.get_by_role("link", name="Fragebogen fortsetzen").click()
    check("erhebung-einreichung")
    page.get_by_role("navigation", name="Abschnitte des Fragebogens").get_by_role(
        "link", name="Koordination & Kontakt"
    ).click()
    expect(page.get_by_label("Ansprechperson")).to_have_value("Max Muster")
    expect(page.get_by_label(re.compile("Umfang des hauptamtlichen"))).to_have_value("0,5")
    check("erhebung-abschnitt")
    page.get_by_role("link", name="Stammdaten").click()
    expect(page.get_by_label("Website")).to_have_value("https://lippe.example.org")

    # submit with the consent missing: the summary links to the field
    page.goto(live_server.url + draft.get_absolute_url())
    page.get_by_role("button", name="Absenden").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    check("erhebung-absenden-fehler", screenshot=False)
    summary.get_by_role("link", name=re.compile("Einwilligung")).click()
    consent = page.get_by_label(re.compile("Ich willige in die Veröffentlichung"))
    expect(page).to_have_url(re.compile("#id_consent_publish$"))
    # the message is bound to the field
    described = consent.get_attribute("aria-describedby") or ""
    messages = [page.locator(f"#{i}").inner_text() for i in described.split()]
    assert any("Ohne Einwilligung" in m for m in messages), messages
    check("erhebung-abschnitt-fehler", screenshot=False)
    consent.check()
    page.get_by_role("button", name=re.compile("Speichern und zur Übersicht")).click()
    page.get_by_role("button", name="Absenden").click()

    expect(page.get_by_role("status")).to_contain_text("Ihre Angaben sind eingereicht")
    check("erhebung-eingereicht", screenshot=False)
    draft.refresh_from_db()
    assert draft.state == Submission.State.SUBMITTED
    assert draft.answers["koordination"]["fields"]["coordination_person"] == "Max Muster"
