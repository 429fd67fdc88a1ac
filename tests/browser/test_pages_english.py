"""The public pages of tests/pages.py in English (/en/…) in the browser: the same axe
and page checks as the German ones, since English texts are longer and wrap differently
at 360 px, and the page must say it is English."""

import pytest
from django.core.cache import cache

from tests.browser.conftest import PageChecker
from tests.browser.test_pages import open_in_browser
from tests.pages import PUBLIC, EnglishClient, build_world


@pytest.mark.parametrize("entry", PUBLIC, ids=[entry.name for entry in PUBLIC])
def test_english_page(live_server, new_context, transactional_db, entry):
    world = build_world()
    cache.clear()
    client = EnglishClient()
    response = entry.fetch(client, world)
    assert response.status_code == entry.status, response.status_code
    assert "html" in response["Content-Type"]
    assert response.wsgi_request.path.startswith("/en/")
    page = new_context().new_page()
    check = PageChecker(page)  # before the page loads: it keeps the HTML as served
    open_in_browser(page, live_server, client, response)
    check(f"en-{entry.name}", screenshot=False)
    assert page.evaluate("document.documentElement.lang") == "en"
