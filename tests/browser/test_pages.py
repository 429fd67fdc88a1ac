"""Every page and state of tests/pages.py in the browser: axe with the WCAG 2.2 AA tags,
the checks of tests/browser/checks.py (control borders, focus, target size, tab order,
headings) and no sideways scrolling at 360 and 1280 px; German only on the admin pages.

The page is fetched with Django's test client (so a state behind a POST is reached like
any other) and handed to the browser as the response to its own request for that address;
the session cookie goes along, so scripts, styles and the admin's translations load from
the live server as for the logged-in user. The pages marked ``screenshot`` (home, list,
profile, statistics, Leichte Sprache) are saved at 360 and 1280 px in
tests/browser/screenshots/ (not in git) on every run."""

import time

import pytest
from django.core.cache import cache

from tests.browser.conftest import NARROW, SCREENSHOTS, WIDE, PageChecker, assert_german
from tests.pages import all_pages, build_world

PAGES = all_pages()


def open_in_browser(page, live_server, client, response):
    """Show the test client's response in the browser at the address it was fetched from."""
    url = live_server.url + response.wsgi_request.get_full_path()
    cookies = [
        {"name": name, "value": morsel.value, "url": live_server.url}
        for name, morsel in client.cookies.items()
    ]
    if cookies:
        page.context.add_cookies(cookies)
    headers = {
        key: value
        for key, value in response.headers.items()
        if key.lower() in ("content-type", "content-security-policy", "content-language")
    }

    def fulfil(route):
        route.fulfill(status=response.status_code, headers=headers, body=response.content)

    page.route(lambda address: address == url, fulfil, times=1)
    page.goto(url)


@pytest.mark.parametrize("entry", PAGES, ids=[entry.name for entry in PAGES])
def test_page(live_server, new_context, client, transactional_db, entry):
    world = build_world()
    cache.clear()
    response = entry.fetch(client, world)
    assert response.status_code == entry.status, response.status_code
    page = new_context().new_page()
    # Django's admin puts its filters and sort buttons before what they act on; its order
    # is consistent, and its markup is Django's, so the admin skips the tab-order check
    check = PageChecker(page, tab_order=entry.area != "admin")
    open_in_browser(page, live_server, client, response)
    started = time.time()
    check(entry.name, screenshot=entry.screenshot)
    if entry.screenshot:
        for width in (NARROW, WIDE):
            shot = SCREENSHOTS / f"{entry.name}-{width}.png"
            assert shot.stat().st_mtime >= started - 1, f"{shot} nicht neu geschrieben"
    if entry.area == "admin":
        assert_german(page, entry.name)
