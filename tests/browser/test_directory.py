"""The public directory as visitors use it: from a postal code to a contact, filtering by
keyboard with and without JavaScript, and the other public pages."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import PageChecker


def tab_to(page, target, *, limit=120, backwards=False):
    """Press Tab until the target has the focus, as a keyboard user would."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{target} ist mit der Tastatur nicht erreichbar")


def result_count(page):
    return page.locator("#result-count")


def facet_option(page, facet, label):
    return page.get_by_role("group", name=facet).get_by_role("checkbox", name=re.compile(label))


def test_postal_code_to_contact(live_server, page, check_page, directory):
    page.goto(live_server.url + reverse("netzwerke:home"))
    check_page("start")

    page.get_by_label("Postleitzahl, Stadt oder Kreis").fill("33602")
    page.keyboard.press("Enter")
    result = page.locator("#ergebnis")
    expect(result.get_by_role("status")).to_contain_text("1 Netzwerk")
    expect(result).to_contain_text("Bielefeld")
    check_page("start-ort")

    result.get_by_role("link", name=directory.owl.name).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(directory.owl.name)
    expect(page.get_by_role("link", name="kontakt@fachkraefte-owl.example.org")).to_be_visible()
    expect(page.get_by_text("Erika Mustermann").first).to_be_visible()
    check_page("profil")


def test_unknown_place_says_so(live_server, page, check_page, directory):
    page.goto(live_server.url + reverse("netzwerke:home") + "?ort=99999")
    expect(page.locator("#ergebnis")).to_be_visible()
    check_page("start-ort-unbekannt", screenshot=False)


def filter_by_keyboard(page, *, javascript):
    """Land, then Handlungsfeld, each chosen with Tab and Space; returns nothing, the
    page shows the result."""

    def apply():
        if not javascript:
            # without JavaScript, the button under the facets applies the filter
            tab_to(page, page.get_by_role("button", name="Filter anwenden"))
            page.keyboard.press("Enter")
        page.wait_for_load_state("load")

    land = facet_option(page, "Bundesland", "Nordrhein-Westfalen")
    tab_to(page, land)
    page.keyboard.press("Space")
    apply()
    expect(result_count(page)).to_have_text(re.compile("2 Netzwerke gefunden"))
    # facet counts given the Land: both NW networks recruit, one trains
    expect(facet_option(page, "Handlungsfeld", "Fachkräfte gewinnen")).to_have_accessible_name(
        re.compile("2$")
    )
    training = facet_option(page, "Handlungsfeld", "Aus- und Weiterbildung")
    expect(training).to_have_accessible_name(re.compile("1$"))

    tab_to(page, training, backwards=not javascript)
    page.keyboard.press("Space")
    apply()
    expect(result_count(page)).to_have_text(re.compile("1 Netzwerk gefunden"))
    # the Land counts now follow the action field: one network each in NW and NI
    expect(facet_option(page, "Bundesland", "Niedersachsen")).to_have_accessible_name(
        re.compile("1$")
    )
    assert "land=NW" in page.url and "handlungsfeld=aus-und-weiterbildung" in page.url


def test_keyboard_filtering_with_javascript(live_server, new_context, directory):
    page = new_context().new_page()
    check = PageChecker(page)
    page.goto(live_server.url + reverse("netzwerke:network-list"))
    expect(result_count(page)).to_have_text(re.compile("3 Netzwerke gefunden"))
    check("liste")

    filter_by_keyboard(page, javascript=True)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nordrhein-Westfalen")
    check("liste-gefiltert")

    # remove the Land chip
    chip = page.get_by_role("link", name=re.compile("Nordrhein-Westfalen.*Filter entfernen"))
    tab_to(page, chip, backwards=True)
    page.keyboard.press("Enter")
    expect(result_count(page)).to_have_text(re.compile("2 Netzwerke gefunden"))
    assert "land=" not in page.url
    shared = page.url
    names = page.locator("section[aria-labelledby=result-count] h2, h3").all_inner_texts()

    # the URL, shared into a new browser, shows the same result
    other = new_context().new_page()
    other.goto(shared)
    expect(result_count(other)).to_have_text(re.compile("2 Netzwerke gefunden"))
    assert other.locator("section[aria-labelledby=result-count] h2, h3").all_inner_texts() == (
        names
    )
    expect(facet_option(other, "Handlungsfeld", "Aus- und Weiterbildung")).to_be_checked()


def test_keyboard_filtering_without_javascript(live_server, new_context, directory):
    page = new_context(java_script_enabled=False).new_page()
    check = PageChecker(page, javascript=False)
    page.goto(live_server.url + reverse("netzwerke:network-list"))
    filter_by_keyboard(page, javascript=False)
    check("liste-ohne-js", screenshot=False)
    with_js = new_context().new_page()
    with_js.goto(page.url)
    expect(result_count(with_js)).to_have_text(result_count(page).inner_text())


def test_invalid_parameter_gives_a_notice(live_server, page, check_page, directory):
    page.goto(live_server.url + reverse("netzwerke:network-list") + "?land=XX&sort=kaputt")
    expect(result_count(page)).to_have_text(re.compile("3 Netzwerke gefunden"))
    expect(page.get_by_text("XX").first).to_be_visible()
    check_page("liste-ungueltig", screenshot=False)


def test_empty_result(live_server, page, check_page, directory):
    page.goto(live_server.url + reverse("netzwerke:network-list") + "?q=Tiefseetaucher")
    expect(result_count(page)).to_have_text(re.compile("0 Netzwerke gefunden"))
    check_page("liste-leer", screenshot=False)


def test_region_and_source_pages(live_server, page, check_page, directory):
    page.goto(live_server.url + reverse("netzwerke:region-state", args=["NW"]))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nordrhein-Westfalen")
    check_page("region-land")
    page.goto(live_server.url + reverse("netzwerke:region-district", args=["NW", "05754"]))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gütersloh")
    check_page("region-kreis")
    page.goto(live_server.url + reverse("netzwerke:sources"))
    check_page("quellen")
