"""Every main page, fetched with the test client, is valid HTML.

Runs without a browser, so `make test` checks the markup on any machine: each page parses
strictly under html5lib, and all of them pass the Nu Html Checker when Java is present.
"""

import pytest
from django.urls import reverse

from tests.htmlcheck import html_errors, nu_checker, nu_checker_errors
from tests.sample import small_directory


def test_checker_finds_errors():
    errors = html_errors(
        '<!DOCTYPE html><html lang="de"><head><title>x</title></head>'
        '<body><p id="a"><div id="a"></p></span></body></html>'
    )
    assert any("span" in error for error in errors)
    assert any("doppelt" in error for error in errors)


# name -> how to fetch it: the main pages in the states a visitor sees (empty, filtered,
# with errors); each takes the test client and the sample data
PAGES = {
    "home": lambda client, data: client.get(reverse("netzwerke:home")),
}


@pytest.fixture
def data(db):
    return small_directory()


@pytest.mark.parametrize("name", PAGES)
def test_page_is_valid_html(client, data, name):
    response = PAGES[name](client, data)
    assert response.status_code == 200
    errors = html_errors(response.content.decode())
    assert not errors, f"HTML-Fehler auf '{name}':\n" + "\n".join(errors)


@pytest.mark.skipif(nu_checker() is None, reason="Nu Html Checker braucht Java und vnu.jar")
def test_pages_pass_nu_html_checker(client, data):
    documents = {name: fetch(client, data).content.decode() for name, fetch in PAGES.items()}
    # a known-bad page in the same run shows that the checker really looked
    documents["kaputt"] = "<!DOCTYPE html><title>x</title><button><a href=x>y</a></button>"
    errors = nu_checker_errors(documents)
    assert any(error.startswith("kaputt,") for error in errors)
    errors = [error for error in errors if not error.startswith("kaputt,")]
    assert not errors, "Nu Html Checker:\n" + "\n".join(errors)
