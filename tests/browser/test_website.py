"""The site's own pages in the browser: legal pages, Leichte Sprache, error pages and
"Fehler melden", under axe at 360 and 1280 px."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests import factories as f
from tests.browser.conftest import SCREENSHOTS
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


PRINTED = """() => {
    const hidden = el => !el || getComputedStyle(el).display === 'none';
    const link = [...document.querySelectorAll('main a[href]')]
        .find(a => !a.closest('svg') && !a.getAttribute('href').startsWith('#')
                   && !a.getAttribute('href').startsWith('mailto:') && a.offsetParent);
    return {
        navHidden: hidden(document.querySelector('.site-header .navbar-nav')),
        footerNavHidden: hidden(document.querySelector('.site-footer nav')),
        formsHidden: [...document.querySelectorAll('main form')].every(hidden),
        after: link ? getComputedStyle(link, '::after').content : null,
        href: link ? link.getAttribute('href') : null,
        chartsExact: [...document.querySelectorAll('figure.stat-chart svg')]
            .every(svg => getComputedStyle(svg).printColorAdjust === 'exact'),
    };
}"""


def _print_view(page, name):
    page.emulate_media(media="print")
    try:
        result = page.evaluate(PRINTED)
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{name}-druck.png", full_page=True)
    finally:
        page.emulate_media(media="screen")
    assert result["navHidden"] and result["footerNavHidden"] and result["formsHidden"], result
    # Chromium resolves attr(href) in the computed style: the address itself is printed
    assert result["after"] == f'" ({result["href"]})"', result
    return result


def test_profile_and_statistics_print_without_navigation(live_server, page, directory):
    from tests.sample import small_statistics

    small_statistics(directory)
    page.set_viewport_size({"width": 800, "height": 1000})
    page.goto(live_server.url + directory.owl.get_absolute_url())
    _print_view(page, "profil")
    page.goto(live_server.url + reverse("survey:statistics"))
    page.get_by_role("link", name="Alle Zahlen der Netzwerkerhebung 2026").click()
    assert _print_view(page, "statistik-erhebung")["chartsExact"]
