"""Every main page, fetched with the test client, is valid HTML.

Runs without a browser, so `make test` checks the markup on any machine: each page parses
strictly under html5lib, and all of them pass the Nu Html Checker when Java is present.
"""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests import factories as f
from tests.htmlcheck import html_errors, nu_checker, nu_checker_errors
from tests.sample import small_directory, small_statistics


def test_checker_finds_errors():
    errors = html_errors(
        '<!DOCTYPE html><html lang="de"><head><title>x</title></head>'
        '<body><p id="a"><div id="a"></p></span></body></html>'
    )
    assert any("span" in error for error in errors)
    assert any("doppelt" in error for error in errors)


def _as_coordinator(client, data):
    client.force_login(data.coordinator, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _with_operator(client):
    f.SiteOperatorFactory()
    return client


def _unconsented(data):
    """The Gütersloh network as a demo network whose contact person did not consent."""
    network = data.directory.guetersloh_net
    network.contact_public = False
    network.source = "demo"
    network.save()
    return network


def _list(query=""):
    return lambda client, data: client.get(reverse("netzwerke:network-list") + query)


# pages answered with another status than 200 on purpose
STATUS = {"seite-fehlt": 404}

# name -> how to fetch it: the main pages in the states a visitor sees (empty, filtered,
# with errors); each takes the test client and the sample data
PAGES = {
    "home": lambda client, data: client.get(reverse("netzwerke:home")),
    "home-ort": lambda client, data: client.get(reverse("netzwerke:home") + "?ort=33602"),
    "home-ort-unbekannt": lambda client, data: client.get(reverse("netzwerke:home") + "?ort=x"),
    "liste": _list(),
    "liste-gefiltert": _list("?land=NW&handlungsfeld=aus-und-weiterbildung"),
    "liste-leer": _list("?q=Tiefseetaucher"),
    "liste-ungueltig": _list("?land=XX&sort=kaputt&page=99"),
    "profil": lambda client, data: client.get(data.directory.owl.get_absolute_url()),
    "region-land": lambda client, data: client.get(reverse("netzwerke:region-state", args=["NW"])),
    "region-kreis": lambda client, data: client.get(
        reverse("netzwerke:region-district", args=["NW", "05754"])
    ),
    "quellen": lambda client, data: client.get(reverse("netzwerke:sources")),
    "statistik": lambda client, data: client.get(reverse("survey:statistics")),
    "statistik-erhebung": lambda client, data: client.get(data.statistics.wave.get_absolute_url()),
    "statistik-leer": lambda client, data: client.get(data.statistics.empty.get_absolute_url()),
    "impressum": lambda client, data: client.get(reverse("website:impressum")),
    "datenschutz": lambda client, data: client.get(reverse("website:privacy")),
    "barrierefreiheit": lambda client, data: client.get(reverse("website:accessibility")),
    "barrierefreiheit-ausgefuellt": lambda client, data: _with_operator(client).get(
        reverse("website:accessibility")
    ),
    "leichte-sprache": lambda client, data: client.get(reverse("website:easy-language")),
    "fehler-melden": lambda client, data: client.get(
        reverse("website:correction-create", args=[data.directory.owl.slug])
    ),
    "fehler-melden-fehler": lambda client, data: client.post(
        reverse("website:correction-create", args=[data.directory.owl.slug]),
        {"text": "", "email": "kaputt"},
    ),
    "fehler-melden-danke": lambda client, data: client.get(
        reverse("website:correction-thanks", args=[data.directory.owl.slug])
    ),
    "profil-demo-ohne-kontakt": lambda client, data: client.get(
        _unconsented(data).get_absolute_url()
    ),
    "kontakt": lambda client, data: client.get(
        reverse("netzwerke:network-contact", args=[_unconsented(data).slug])
    ),
    "kontakt-fehler": lambda client, data: client.post(
        reverse("netzwerke:network-contact", args=[_unconsented(data).slug]), {}
    ),
    "kontakt-gesendet": lambda client, data: client.get(
        reverse("netzwerke:network-contact-sent", args=[_unconsented(data).slug])
    ),
    "veranstaltungen": lambda client, data: client.get(reverse("netzwerke:event-list")),
    "veranstaltungen-gefiltert": lambda client, data: client.get(
        reverse("netzwerke:event-list") + "?land=NW&online=nein&kreis=05711"
    ),
    "veranstaltungen-archiv": lambda client, data: client.get(
        reverse("netzwerke:event-archive") + "?land=XX"
    ),
    "veranstaltung": lambda client, data: client.get(data.event.get_absolute_url()),
    "erhebung-veranstaltungen": lambda client, data: _as_coordinator(client, data).get(
        reverse("survey:network-events", args=[data.directory.owl.slug])
    ),
    "erhebung-veranstaltung-fehler": lambda client, data: _as_coordinator(client, data).post(
        reverse("survey:network-event-add", args=[data.directory.owl.slug]),
        {"title": "", "starts_at": "morgen", "ends_at": ""},
    ),
    "erhebung-typangaben": lambda client, data: _as_coordinator(client, data).get(
        reverse("survey:section", args=[data.submission.pk, "typangaben"])
    ),
    "seite-fehlt": lambda client, data: client.get("/gibt-es-nicht/"),
    "anmelden": lambda client, data: client.get(reverse("login")),
    "anmelden-fehler": lambda client, data: client.post(
        reverse("login"), {"username": "niemand", "password": "falsch"}
    ),
    "eintragen": lambda client, data: client.get(reverse("survey:register")),
    "eintragen-fehler": lambda client, data: client.post(reverse("survey:register"), {}),
    "passwort-vergessen": lambda client, data: client.get(reverse("password_reset")),
    "erhebung-netzwerk": lambda client, data: _as_coordinator(client, data).get(
        reverse("survey:network", args=[data.submission.network.slug])
    ),
    "erhebung-einreichung": lambda client, data: _as_coordinator(client, data).get(
        data.submission.get_absolute_url()
    ),
    "erhebung-absenden-fehler": lambda client, data: _as_coordinator(client, data).post(
        reverse("survey:submission-submit", args=[data.submission.pk])
    ),
    "erhebung-abschnitt": lambda client, data: _as_coordinator(client, data).get(
        reverse("survey:section", args=[data.submission.pk, "partner"])
    ),
    "erhebung-abschnitt-fehler": lambda client, data: _as_coordinator(client, data).post(
        reverse("survey:section", args=[data.submission.pk, "stammdaten"]),
        {"name": "", "founded_year": "zweitausend", "aktion": "speichern"},
        follow=True,
    ),
    # an invalid address is shown again as typed (type=url would make the page invalid)
    "erhebung-abschnitt-url-fehler": lambda client, data: _as_coordinator(client, data).post(
        reverse("survey:section", args=[data.submission.pk, "stammdaten"]),
        {"name": "Netzwerk", "website": "kein link", "aktion": "speichern"},
        follow=True,
    ),
}


@pytest.fixture
def data(db):
    directory = small_directory()
    wave = f.SurveyFactory(title="Netzwerkerhebung 2025")
    wave.topics.add(f.FocusTopicFactory(name="Fachkräfte gewinnen"))
    coordinator = f.UserFactory(username="koordination@example.org")
    f.CoordinatorFactory(user=coordinator, network=directory.owl)
    answers = f.complete_answers(wave)
    answers.pop("einwilligung")
    submission = f.SubmissionFactory(
        survey=wave, network=directory.owl, answers=answers, created_by=coordinator
    )
    event = f.EventFactory(
        network=directory.owl,
        district=directory.bielefeld,
        online=True,
        action_fields=[directory.training],
        registration_url="https://example.org/anmeldung",
    )
    return SimpleNamespace(
        directory=directory,
        event=event,
        statistics=small_statistics(directory),
        coordinator=coordinator,
        submission=submission,
    )


@pytest.mark.parametrize("name", PAGES)
def test_page_is_valid_html(client, data, name):
    cache.clear()
    response = PAGES[name](client, data)
    assert response.status_code == STATUS.get(name, 200), response.status_code
    errors = html_errors(response.content.decode())
    assert not errors, f"HTML-Fehler auf '{name}':\n" + "\n".join(errors)


@pytest.mark.skipif(nu_checker() is None, reason="Nu Html Checker braucht Java und vnu.jar")
def test_pages_pass_nu_html_checker(client, data):
    cache.clear()  # rate limits of the login and the registration
    documents = {name: fetch(client, data).content.decode() for name, fetch in PAGES.items()}
    # a known-bad page in the same run shows that the checker really looked
    documents["kaputt"] = "<!DOCTYPE html><title>x</title><button><a href=x>y</a></button>"
    errors = nu_checker_errors(documents)
    assert any(error.startswith("kaputt,") for error in errors)
    errors = [error for error in errors if not error.startswith("kaputt,")]
    assert not errors, "Nu Html Checker:\n" + "\n".join(errors)


def test_invalid_url_is_shown_as_typed_in_a_text_field(client, data):
    html = PAGES["erhebung-abschnitt-url-fehler"](client, data).content.decode()
    assert 'type="text" name="website" value="kein link"' in html
    assert 'inputmode="url"' in html
    valid = _as_coordinator(client, data).post(
        reverse("survey:section", args=[data.submission.pk, "stammdaten"]),
        {"name": "Netzwerk", "website": "https://lippe.example.org", "aktion": "speichern"},
        follow=True,
    )
    assert 'type="url" name="website"' in valid.content.decode()
