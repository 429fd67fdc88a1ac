"""The admin under axe (WCAG 2.2 AA) and the checks of tests/browser/checks.py at 360 and
1280 px, in German: the network list empty and filtered, a form with errors, a form with
date and two-list widgets, the CSV import, and the review of a submission."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from survey.models import Submission
from tests import factories as f
from tests.browser.conftest import PageChecker
from tests.test_admin import populated  # noqa: F401  (one row of every registered model)

PASSWORD = "geheim-passwort-123"
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
