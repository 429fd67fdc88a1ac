"""The site's own pages in the browser: legal pages, Leichte Sprache, error pages and
"Fehler melden", under axe at 360 and 1280 px."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests import factories as f
from website.models import CorrectionSuggestion


@pytest.mark.parametrize("filled", [False, True], ids=["ohne-angaben", "ausgefuellt"])
def test_legal_pages(live_server, page, check_page, transactional_db, filled):
    if filled:
        f.SiteOperatorFactory()
    for name, url_name in [
        ("impressum", "website:impressum"),
        ("datenschutz", "website:privacy"),
        ("barrierefreiheit", "website:accessibility"),
    ]:
        page.goto(live_server.url + reverse(url_name))
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        notice = page.get_by_role("heading", name="Angaben des Betreibers fehlen")
        expect(notice).to_have_count(0 if filled else 1)
        check_page(f"{name}-{'ausgefuellt' if filled else 'leer'}", screenshot=filled)


def test_easy_language_from_the_header(live_server, page, check_page, transactional_db):
    f.SiteOperatorFactory()
    page.goto(live_server.url + reverse("netzwerke:home"))
    page.get_by_role("banner").get_by_role("link", name="Leichte Sprache").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leichte Sprache")
    expect(page.get_by_role("link", name="barrierefrei@landesamt.example.org")).to_be_visible()
    check_page("leichte-sprache")


def test_report_an_error_on_a_profile(live_server, page, check_page, directory):
    page.goto(live_server.url + directory.owl.get_absolute_url())
    page.get_by_role("link", name="Fehler melden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fehler melden")
    page.get_by_label("Ihre E-Mail-Adresse (freiwillig)").fill("keine-adresse")
    page.get_by_role("button", name="Hinweis senden").click()
    # the server refuses, and what was typed is still there
    expect(page.get_by_label("Ihre E-Mail-Adresse (freiwillig)")).to_have_value("keine-adresse")
    check_page("fehler-melden-fehler", screenshot=False)

    page.get_by_label("Was ist falsch oder fehlt?").fill("Das Bündnis wurde 2012 gegründet.")
    page.get_by_label("Ihre E-Mail-Adresse (freiwillig)").fill("leserin@example.org")
    page.get_by_role("button", name="Hinweis senden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Danke für Ihren Hinweis")
    check_page("fehler-melden-danke", screenshot=False)
    suggestion = CorrectionSuggestion.objects.get()
    assert suggestion.network == directory.owl
    assert suggestion.email == "leserin@example.org"


def test_honeypot_is_not_in_the_tab_order(live_server, page, directory):
    page.goto(live_server.url + reverse("website:correction-create", args=[directory.owl.slug]))
    honeypot = page.locator("input[name=homepage]")
    for _ in range(40):
        page.keyboard.press("Tab")
        assert not honeypot.evaluate("el => el === document.activeElement")


def test_not_found_page(live_server, page, check_page, transactional_db):
    response = page.goto(live_server.url + "/gibt-es-nicht/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Seite nicht gefunden")
    page.get_by_label("Netzwerke durchsuchen").fill("Pflege")
    check_page("seite-nicht-gefunden", screenshot=False)
    page.get_by_role("button", name="Suchen").click()
    expect(page).to_have_url(live_server.url + "/netzwerke/?q=Pflege")
