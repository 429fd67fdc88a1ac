from django.urls import reverse


def test_home_page(live_server, page, check_page):
    page.goto(live_server.url + reverse("netzwerke:home"))
    assert page.get_by_role("heading", level=1).is_visible()
    check_page("home")


def test_skip_link_moves_focus_to_main(live_server, page):
    page.goto(live_server.url + reverse("netzwerke:home"))
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhalt"
