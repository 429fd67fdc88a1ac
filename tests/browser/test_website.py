"""The operator's pages in the browser: Leichte Sprache, Impressum, Datenschutz,
Barrierefreiheit, "Fehler melden" with its errors and its thanks, and the 404 page."""

from django.urls import reverse
from playwright.sync_api import expect


def test_site_pages(live_server, page, check_page, directory):
    page.goto(live_server.url + reverse("website:easy-language"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_page("leichte-sprache")
    for name, url in (
        ("impressum", "website:impressum"),
        ("datenschutz", "website:privacy"),
        ("barrierefreiheit", "website:accessibility"),
    ):
        page.goto(live_server.url + reverse(url))
        check_page(name, screenshot=False)


def test_correction_form(live_server, page, check_page, directory):
    page.goto(live_server.url + reverse("website:correction-create", args=[directory.owl.slug]))
    check_page("fehler-melden", screenshot=False)
    page.get_by_role("button").filter(has_text="senden").first.click()
    page.wait_for_load_state("load")
    check_page("fehler-melden-fehler", screenshot=False)


def test_page_not_found(live_server, page, check_page, directory):
    page.goto(live_server.url + "/gibt-es-nicht/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("nicht gefunden")
    check_page("seite-fehlt", screenshot=False)
