"""The coordinator's questionnaire in a real browser: accessible, usable without JavaScript."""

import pytest

from survey.models import Submission
from tests import factories as f

PASSWORD = "geheim-passwort-123"


@pytest.fixture
def coordinator_submission(transactional_db):
    wave = f.SurveyFactory()
    wave.topics.add(f.FocusTopicFactory())
    f.survey_vocabulary()
    coordinator = f.CoordinatorFactory(user__username="erika")
    submission = f.SubmissionFactory(
        survey=wave, network=coordinator.network, answers=f.complete_answers(wave)
    )
    return submission


def log_in(page, live_server):
    page.goto(live_server.url + "/konto/login/")
    page.get_by_label("Benutzername").fill("erika")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state("load")


def test_questionnaire_pages_are_accessible(live_server, page, check_page, coordinator_submission):
    base = f"{live_server.url}/erhebung/{coordinator_submission.pk}"
    page.goto(live_server.url + "/eintragen/")
    check_page("survey-eintragen")
    log_in(page, live_server)
    page.goto(base + "/")
    check_page("survey-uebersicht")
    for section in ("stammdaten", "partner", "themen", "projekte"):
        page.goto(f"{base}/{section}/")
        check_page(f"survey-{section}")


def test_error_summary_takes_focus_and_links_to_the_field(
    live_server, page, check_page, coordinator_submission
):
    log_in(page, live_server)
    page.goto(f"{live_server.url}/erhebung/{coordinator_submission.pk}/stammdaten/")
    page.get_by_label("Gründungsjahr").fill("19x5")
    page.get_by_role("button", name="Speichern und prüfen").click()
    page.wait_for_load_state("load")
    assert page.evaluate("() => document.activeElement.id") == "fehlerliste"
    check_page("survey-stammdaten-fehler")
    page.get_by_role("link", name="Gründungsjahr: Bitte eine ganze Zahl eingeben.").click()
    assert page.evaluate("() => location.hash") == "#id_founded_year"
    assert page.get_by_label("Gründungsjahr").input_value() == "19x5"


def test_rows_are_added_without_javascript(live_server, nojs_page, coordinator_submission):
    page = nojs_page
    log_in(page, live_server)
    page.goto(f"{live_server.url}/erhebung/{coordinator_submission.pk}/partner/")
    rows = page.locator("fieldset.formset-row").count()
    page.get_by_role("button", name="Weitere Zeile (Partner) hinzufügen").click()
    page.wait_for_load_state("load")
    assert page.locator("fieldset.formset-row").count() == rows + 1
    page.locator("#id_partner-0-DELETE").check()
    page.get_by_role("button", name="Speichern und prüfen").click()
    page.wait_for_load_state("load")
    submission = Submission.objects.get(pk=coordinator_submission.pk)
    assert [r["name"] for r in submission.answers["partner"]["rows"]] == ["Partner 2", "Partner 3"]
