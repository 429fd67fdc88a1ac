"""The admin under axe (WCAG 2.2 AA) and the checks of tests/browser/checks.py: the list
and the change form of every registered model, an add form with errors, and the review of
a submission, at 360 and 1280 px; all of it in German."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse
from playwright.sync_api import expect

from survey.models import Submission
from tests import factories as f
from tests.browser.conftest import PageChecker
from tests.test_admin import populated  # noqa: F401  (one row of every registered model)

PASSWORD = "geheim-passwort-123"
REGISTERED = sorted(admin.site._registry, key=lambda m: m._meta.label)
# English that Django or a package shows where no German translation reaches the page
ENGLISH = re.compile(r"\b(Today|Now|Choose|Clock|Calendar|Show|Hide|Add another|Remove)\b")


def log_in(page, base_url, username):
    page.goto(base_url + reverse("admin:index"))
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def assert_german(page, name):
    english = ENGLISH.findall(page.locator("body").inner_text())
    assert not english, f"Englisch auf '{name}': {sorted(set(english))}"


@pytest.fixture
def superuser(populated):  # noqa: F811
    return f.UserFactory(username="chefin", is_staff=True, is_superuser=True)


def test_every_admin_page(live_server, new_context, superuser):
    page = new_context().new_page()
    check = PageChecker(page, tab_order=False)
    log_in(page, live_server.url, "chefin")
    check("admin-start", screenshot=False)
    for model in REGISTERED:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        label = model._meta.label_lower.replace(".", "-")
        page.goto(live_server.url + reverse(f"{prefix}_changelist"))
        check(f"admin-{label}-liste", screenshot=False)
        assert_german(page, f"{label}-liste")
        obj = model._default_manager.first()
        page.goto(live_server.url + reverse(f"{prefix}_change", args=[obj.pk]))
        check(f"admin-{label}-bearbeiten", screenshot=False)
        assert_german(page, f"{label}-bearbeiten")


def test_admin_states(live_server, new_context, superuser):
    """Filtered and searched lists, an empty result, a form with errors."""
    page = new_context().new_page()
    check = PageChecker(page, tab_order=False)
    log_in(page, live_server.url, "chefin")
    networks = live_server.url + reverse("admin:netzwerke_network_changelist")
    page.goto(networks + "?q=gibtesnicht")
    check("admin-netzwerke-leer", screenshot=False)
    page.goto(networks + "?status__exact=published")
    check("admin-netzwerke-gefiltert", screenshot=False)
    page.goto(live_server.url + reverse("admin:netzwerke_network_add"))
    page.get_by_role("button", name=re.compile("^Sichern$")).first.click()
    expect(page.locator(".errornote")).to_be_visible()
    check("admin-netzwerk-fehler", screenshot=False)
    assert_german(page, "netzwerk-fehler")
    page.goto(live_server.url + reverse("admin:survey_survey_add"))
    check("admin-erhebung-neu", screenshot=False)
    assert_german(page, "erhebung-neu")
    page.goto(live_server.url + reverse("admin:netzwerke_network_import"))
    check("admin-netzwerke-import", screenshot=False)
    network = f.NetworkFactory()
    page.goto(live_server.url + reverse("admin:netzwerke_network_history", args=[network.pk]))
    check("admin-netzwerk-historie", screenshot=False)
    page.goto(live_server.url + reverse("admin:netzwerke_network_delete", args=[network.pk]))
    check("admin-netzwerk-loeschen", screenshot=False)


def test_review_page(live_server, new_context, transactional_db):
    wave = f.SurveyFactory()
    wave.topics.add(f.FocusTopicFactory())
    network = f.NetworkFactory(name="Netzwerk Lippe", districts=[])
    answers = f.complete_answers(wave, name="Fachkräftenetzwerk Lippe mit einem sehr langen Namen")
    submission = f.SubmissionFactory(
        survey=wave, network=network, answers=answers, state=Submission.State.SUBMITTED
    )
    f.StaffFactory(username="redaktion")
    page = new_context().new_page()
    check = PageChecker(page, tab_order=False)
    log_in(page, live_server.url, "redaktion")
    page.goto(live_server.url + reverse("admin:survey_submission_change", args=[submission.pk]))
    expect(page.get_by_role("region", name=re.compile("Prüfung"))).to_be_visible()
    check("admin-pruefung")
    assert_german(page, "pruefung")
