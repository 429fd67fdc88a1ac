"""What a German public site must have: operator details, legal pages, error pages,
"Fehler melden", identity and the page in Leichte Sprache."""

import io
import json

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests import factories as f
from tests.htmlcheck import html_errors
from website.checks import W001, operator_details_check
from website.models import OPERATOR_CACHE_KEY, CorrectionSuggestion, SiteOperator

LEGAL_PAGES = ["website:impressum", "website:privacy", "website:accessibility"]


# --- operator details and legal pages ---------------------------------------------------


@pytest.mark.parametrize("name", LEGAL_PAGES)
def test_legal_page_shows_the_operator_details(client, db, name):
    operator = f.SiteOperatorFactory()
    html = client.get(reverse(name)).content.decode()
    assert "Landesamt für Fachkräftesicherung" in html
    assert "Angaben des Betreibers fehlen" not in html
    assert "Angabe fehlt" not in html
    expected = {
        "website:impressum": [operator.responsible_person, operator.phone, "12345 Musterstadt"],
        "website:privacy": [operator.data_protection_officer, operator.supervisory_authority],
        "website:accessibility": [
            operator.accessibility_email,
            operator.enforcement_body,
            "2. November 2026",
            "teilweise vereinbar",
        ],
    }[name]
    for text in expected:
        assert text in html


@pytest.mark.parametrize("name", LEGAL_PAGES)
def test_legal_page_says_which_details_are_missing(client, db, name):
    SiteOperator.objects.create(name="Landesamt für Fachkräftesicherung")
    html = client.get(reverse(name)).content.decode()
    assert "Angaben des Betreibers fehlen" in html
    assert "<li>Datenschutz-Aufsichtsbehörde</li>" in html
    assert "<li>Name des Betreibers</li>" not in html
    assert "Angabe fehlt" in html


def test_operator_is_one_row(db):
    first = SiteOperator.objects.create(name="A")
    SiteOperator(name="B").save()
    assert SiteOperator.objects.get().name == "B"
    assert first.pk == SiteOperator.SINGLETON_ID


def test_operator_read_once_and_cached_until_changed(client, db, django_assert_num_queries):
    cache.delete(OPERATOR_CACHE_KEY)
    with django_assert_num_queries(1):
        client.get(reverse("website:impressum"))
    with django_assert_num_queries(0):
        assert "Angaben des Betreibers fehlen" in client.get(reverse("website:impressum")).text
    f.SiteOperatorFactory(name="Neues Landesamt")
    with django_assert_num_queries(1):
        response = client.get(reverse("website:impressum"))
    assert "Neues Landesamt" in response.text
    assert "Angaben des Betreibers fehlen" not in response.text


def test_deploy_check_warns_while_details_are_missing(db):
    warnings = operator_details_check()
    assert [w.id for w in warnings] == [W001]
    assert "Schlichtungsstelle" in warnings[0].msg
    f.SiteOperatorFactory()
    assert operator_details_check() == []


def test_check_deploy_command_reports_the_warning(db, capsys):
    # the test settings fail other deploy checks (locmem mail); only ours is asked about
    call_command("check", "--deploy", "--fail-level", "CRITICAL")
    assert W001 in capsys.readouterr().err


def test_check_without_deploy_stays_silent(db, capsys):
    call_command("check")
    assert W001 not in capsys.readouterr().err


def test_footer_links_the_legal_pages_on_every_page(client, db):
    html = client.get(reverse("netzwerke:network-list")).content.decode()
    for name in [*LEGAL_PAGES, "website:easy-language"]:
        assert f'href="{reverse(name)}"' in html


def test_header_shows_operator_name_and_logo(client, db):
    html = client.get(reverse("netzwerke:home")).content.decode()
    assert 'class="site-operator' not in html  # neutral until filled in
    assert 'src="/static/favicon.svg"' in html
    f.SiteOperatorFactory(logo_path="icons/icon-192.png")
    html = client.get(reverse("netzwerke:home")).content.decode()
    assert "Landesamt für Fachkräftesicherung</span>" in html
    assert 'src="/static/icons/icon-192.png"' in html


def test_logo_missing_from_the_manifest_falls_back_to_the_site_mark(db, monkeypatch):
    from django.contrib.staticfiles.storage import staticfiles_storage

    real_url = staticfiles_storage.url

    def manifest_url(name):
        if name == "gibt/es/nicht.svg":  # what ManifestStaticFilesStorage does
            raise ValueError(f"Missing staticfiles manifest entry for '{name}'")
        return real_url(name)

    monkeypatch.setattr(staticfiles_storage, "url", manifest_url)
    assert SiteOperator(logo_path="gibt/es/nicht.svg").logo_url == "/static/favicon.svg"


@pytest.mark.parametrize("name", [*LEGAL_PAGES, "website:easy-language"])
def test_site_page_query_budget(client, db, django_assert_num_queries, name):
    f.SiteOperatorFactory()
    client.get(reverse(name))  # fills the operator cache
    with django_assert_num_queries(0):
        assert client.get(reverse(name)).status_code == 200


def test_privacy_page_names_the_retention(client, db, settings):
    settings.RETENTION_MONTHS = 18
    html = client.get(reverse("website:privacy")).content.decode()
    assert "seit 18 Monaten nicht mehr gespeichert" in html
    assert "monatlich entfernt, sobald sie älter als 18 Monate sind" in html


# --- Leichte Sprache, identity ---------------------------------------------------------


def test_easy_language_page_is_linked_from_every_header(client, db):
    html = client.get(reverse("netzwerke:home")).content.decode()
    header = html.split("</header>")[0]
    assert f'href="{reverse("website:easy-language")}"' in header
    page = client.get(reverse("website:easy-language")).content.decode()
    assert "Wie finde ich ein Netzwerk?" in page
    assert 'aria-current="page">Leichte Sprache' in page


def test_manifest(client, db):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["lang"] == "de" and data["start_url"] == "/"
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_pages_link_favicons_and_manifest(client, db):
    html = client.get(reverse("netzwerke:home")).content.decode()
    for href in ["icons/icon-32.png", "icons/apple-touch-icon.png", "css/print.css"]:
        assert f"/static/{href}" in html
        assert finders.find(href)
    assert 'rel="manifest" href="/manifest.webmanifest"' in html


# --- error pages with DEBUG=0 -----------------------------------------------------------


@pytest.fixture
def production_client(settings):
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def _assert_error_page(response, status, heading):
    assert response.status_code == status
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert 'name="q"' in html and 'action="/netzwerke/"' in html  # search box
    assert 'href="/">Zur Startseite</a>' in html
    assert 'class="site-header' in html and 'class="site-footer' in html  # the layout
    assert 'lang="de"' in html
    assert not html_errors(html), html_errors(html)


def test_404_in_german_in_the_layout(production_client, db):
    response = production_client.get("/gibt-es-nicht/")
    _assert_error_page(response, 404, "Seite nicht gefunden")
    assert "Not Found" not in response.content.decode()


def test_404_for_an_unknown_network(production_client, db):
    response = production_client.get("/netzwerke/gibt-es-nicht/")
    _assert_error_page(response, 404, "Seite nicht gefunden")


@pytest.mark.urls("tests.error_urls")
def test_500_renders_without_the_database(production_client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = production_client.get("/test/500/")
    _assert_error_page(response, 500, "Interner Fehler")


@pytest.mark.urls("tests.error_urls")
def test_403(production_client, db):
    _assert_error_page(production_client.get("/test/403/"), 403, "Zugriff nicht erlaubt")


@pytest.mark.urls("tests.error_urls")
def test_400(production_client, db):
    _assert_error_page(production_client.get("/test/400/"), 400, "Ungültige Anfrage")


def test_503_template_renders_without_a_request():
    from django.template.loader import render_to_string

    html = render_to_string("503.html")
    assert "<h1>Vorübergehend nicht erreichbar</h1>" in html
    assert not html_errors(html)


# --- Fehler melden ----------------------------------------------------------------------


@pytest.fixture
def network(db):
    return f.NetworkFactory(name="Fachkräftebündnis OWL", slug="fachkraeftebuendnis-owl")


def _report_url(network):
    return reverse("website:correction-create", args=[network.slug])


def test_profile_links_the_correction_form(client, network):
    html = client.get(network.get_absolute_url()).content.decode()
    assert f'href="{_report_url(network)}"' in html


def test_correction_post_lands_in_the_queue(client, network):
    response = client.post(
        _report_url(network), {"text": " Gegründet 2012. ", "email": "a@example.org"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("website:correction-thanks", args=[network.slug])
    suggestion = CorrectionSuggestion.objects.get()
    assert (suggestion.network, suggestion.text, suggestion.email) == (
        network,
        "Gegründet 2012.",
        "a@example.org",
    )
    assert suggestion.status == CorrectionSuggestion.Status.OPEN


def test_honeypot_is_refused_silently(client, network):
    response = client.post(
        _report_url(network), {"text": "Kaufen Sie jetzt!", "homepage": "http://spam.example"}
    )
    assert response.status_code == 302  # the bot sees the same thanks as a person
    assert not CorrectionSuggestion.objects.exists()


def test_invalid_correction_keeps_what_was_typed(client, network):
    response = client.post(_report_url(network), {"text": "", "email": "keine-adresse"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="keine-adresse"' in html
    assert "Dieses Feld ist zwingend erforderlich." in html
    assert not CorrectionSuggestion.objects.exists()


def test_correction_rate_limit_keeps_the_text(client, network, settings):
    cache.clear()
    settings.RATELIMITS = {"correction": (2, 3600)}
    for _ in range(2):
        assert client.post(_report_url(network), {"text": "Hinweis"}).status_code == 302
    response = client.post(_report_url(network), {"text": "Der dritte Hinweis"})
    assert response.status_code == 429
    assert "zu viele Meldungen" in response.content.decode()
    assert "Der dritte Hinweis</textarea>" in response.content.decode()
    assert CorrectionSuggestion.objects.count() == 2


def test_correction_form_for_a_draft_is_404(client, db):
    draft = f.NetworkFactory(status="draft", published_at=None)
    assert client.get(_report_url(draft)).status_code == 404


def test_correction_pages_query_budget(client, network, django_assert_num_queries):
    with django_assert_num_queries(1):  # the network
        assert client.get(_report_url(network)).status_code == 200
    # the network, then the insert inside the service's transaction (savepoint in tests)
    with django_assert_num_queries(4):
        assert client.post(_report_url(network), {"text": "Hinweis"}).status_code == 302
    with django_assert_num_queries(1):
        assert (
            client.get(reverse("website:correction-thanks", args=[network.slug])).status_code == 200
        )


def test_admin_queue_lists_and_closes_suggestions(client, network):
    staff = f.StaffFactory()
    client.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")
    suggestion = f.CorrectionSuggestionFactory(network=network)
    f.CorrectionSuggestionFactory(
        network=network, text="Schon erledigt", status="done", handled_at="2026-01-01T00:00Z"
    )
    url = reverse("admin:website_correctionsuggestion_changelist")
    html = client.get(url + "?status__exact=open").content.decode()
    assert "Das Gründungsjahr ist 2012" in html
    assert "Fachkräftebündnis OWL" in html
    assert "Schon erledigt" not in html
    response = client.post(
        url, {"action": "mark_done", "_selected_action": [suggestion.pk]}, follow=True
    )
    assert response.status_code == 200
    suggestion.refresh_from_db()
    assert suggestion.status == "done"
    assert suggestion.handled_by == staff
    assert suggestion.handled_at is not None


def test_operator_admin_offers_one_row_only(client, db):
    client.force_login(f.StaffFactory(), backend="django.contrib.auth.backends.ModelBackend")
    url = reverse("admin:website_siteoperator_changelist")
    add = reverse("admin:website_siteoperator_add")
    assert f'href="{add}"' in client.get(url).content.decode()
    f.SiteOperatorFactory()
    assert f'href="{add}"' not in client.get(url).content.decode()
    assert client.get(add).status_code == 403


def test_purge_removes_only_long_handled_suggestions(network, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.RETENTION_MONTHS = 6
    old = timezone.now() - timedelta(days=200)
    f.CorrectionSuggestionFactory(network=network, text="alt", status="done", handled_at=old)
    f.CorrectionSuggestionFactory(
        network=network, text="frisch erledigt", status="done", handled_at=timezone.now()
    )
    open_old = f.CorrectionSuggestionFactory(network=network, text="offen")
    CorrectionSuggestion.objects.filter(pk=open_old.pk).update(created_at=old)
    out = io.StringIO()
    call_command("purge_correction_suggestions", stdout=out)
    assert "1 erledigte Korrekturhinweise gelöscht (älter als 6 Monate)" in out.getvalue()
    assert sorted(CorrectionSuggestion.objects.values_list("text", flat=True)) == [
        "frisch erledigt",
        "offen",
    ]


def test_csrf_failure_in_german_in_the_layout(settings, network):
    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True)
    response = client.post(_report_url(network), {"text": "Hinweis"})
    _assert_error_page(response, 403, "Formular abgelaufen")
    assert not CorrectionSuggestion.objects.exists()


def test_every_page_links_easy_language_in_the_header_and_legal_pages_in_the_footer(client, db):
    from tests.sample import small_directory, small_statistics

    directory = small_directory()
    statistics = small_statistics(directory)
    urls = [
        reverse("netzwerke:home"),
        reverse("netzwerke:network-list"),
        directory.owl.get_absolute_url(),
        reverse("netzwerke:region-state", args=["NW"]),
        reverse("netzwerke:sources"),
        reverse("survey:statistics"),
        statistics.wave.get_absolute_url(),
        reverse("survey:register"),
        reverse("login"),
        reverse("website:correction-create", args=[directory.owl.slug]),
        "/gibt-es-nicht/",
    ]
    for url in urls:
        html = client.get(url).content.decode()
        header, _, rest = html.partition("</header>")
        footer = rest.partition('<footer class="site-footer')[2]
        assert f'href="{reverse("website:easy-language")}"' in header, url
        for name in LEGAL_PAGES:
            assert f'href="{reverse(name)}"' in footer, (url, name)


def test_operator_form_refuses_a_logo_that_is_not_there(client, db):
    client.force_login(f.StaffFactory(), backend="django.contrib.auth.backends.ModelBackend")
    data = {
        "name": "Landesamt",
        "logo_path": "img/gibt-es-nicht.svg",
        "server_log_days": "7",
        "accessibility_status": "partial",
        "accessibility_method": "Selbstbewertung",
    }
    response = client.post(reverse("admin:website_siteoperator_add"), data)
    assert response.status_code == 200
    assert "Unter static/ gibt es keine Datei „img/gibt-es-nicht.svg“" in response.text
    assert not SiteOperator.objects.exists()
    data["logo_path"] = "icons/icon-192.png"
    assert client.post(reverse("admin:website_siteoperator_add"), data).status_code == 302
    assert SiteOperator.objects.get().logo_path == "icons/icon-192.png"
