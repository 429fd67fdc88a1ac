"""The reviewer's way to a submission in the browser: log in through the admin's form, open
the review, and find it clean under axe and the checks of tests/browser/checks.py.

Every admin page and state (the changelist and change form of every model, the lists
empty and filtered, forms with errors, the import, the history) is checked in
tests/browser/test_pages.py from the one list in tests/pages.py."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from survey.models import Submission
from tests import factories as f
from tests.browser.conftest import PageChecker, assert_german

PASSWORD = "geheim-passwort-123"


def log_in(page, base_url, username):
    page.goto(base_url + reverse("admin:index"))
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


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
