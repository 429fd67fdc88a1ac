"""Every main page, fetched with the test client, parses as strict HTML5.

Runs without a browser, so `make test` checks the markup on any machine.
"""

import pytest
from django.urls import reverse

from tests.htmlcheck import assert_valid_html, html_errors


def test_checker_finds_errors():
    errors = html_errors(
        '<!DOCTYPE html><html lang="de"><head><title>x</title></head>'
        '<body><p id="a"><div id="a"></p></span></body></html>'
    )
    assert any("span" in error for error in errors)
    assert any("doppelt" in error for error in errors)


PAGES = [
    ("home", lambda: reverse("netzwerke:home")),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "url"), PAGES, ids=[name for name, _ in PAGES])
def test_page_is_valid_html(client, name, url):
    response = client.get(url())
    assert response.status_code == 200
    assert_valid_html(response.content.decode(), name)
