"""The public directory in a real browser: accessibility, 360 px, keyboard, no JavaScript."""

from django.urls import reverse


def test_postal_code_to_contact_in_two_clicks(live_server, page, directory, check_page):
    page.goto(live_server.url + reverse("netzwerke:home"))
    page.get_by_label("Postleitzahl, Stadt oder Kreis").fill("33602")
    page.get_by_role("button", name="Netzwerke finden").click()  # click 1
    check_page("home-ort")
    page.get_by_role("link", name="Fachkräftebündnis Ostwestfalen").click()  # click 2
    contact = page.get_by_role("region", name="Kontakt")
    assert "kontakt@fachkraefte-owl.example.org" in contact.inner_text()
    assert "0521 123456" in contact.inner_text()
    check_page("netzwerk-profil")


def test_filter_list_by_keyboard(live_server, page, directory, check_page):
    page.goto(live_server.url + reverse("netzwerke:network-list"))
    check_page("netzwerke")
    page.get_by_label("Nordrhein-Westfalen").focus()
    page.keyboard.press("Space")  # the script submits at once
    page.wait_for_url("**land=NW**")
    assert page.evaluate("() => document.activeElement.id") == "f-land-NW"
    assert page.get_by_role("heading", level=1).inner_text() == "Netzwerke in Nordrhein-Westfalen"
    assert "2 Netzwerke gefunden" in page.locator("#result-count").inner_text()
    assert "q=" not in page.url
    check_page("netzwerke-gefiltert")


def test_filter_form_works_without_javascript(live_server, nojs_page, directory):
    page = nojs_page
    page.goto(live_server.url + reverse("netzwerke:network-list"))
    page.get_by_label("Niedersachsen").check()
    page.get_by_role("button", name="Filter anwenden").click()
    assert "land=NI" in page.url
    assert "1 Netzwerk gefunden" in page.locator("#result-count").inner_text()
    page.get_by_role("link", name="Bundesland: Niedersachsen (Filter entfernen)").click()
    assert "3 Netzwerke gefunden" in page.locator("#result-count").inner_text()


def test_region_pages(live_server, page, directory, check_page):
    page.goto(live_server.url + reverse("netzwerke:region-state", kwargs={"land": "NW"}))
    check_page("region-land")
    page.get_by_role("link", name="Gütersloh", exact=True).first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Netzwerke in Gütersloh"
    check_page("region-kreis")


def test_sources_page(live_server, page, db, check_page):
    page.goto(live_server.url + reverse("netzwerke:sources"))
    check_page("quellen")
