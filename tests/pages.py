"""Every page and state the project renders, in one list: public, coordinator and admin.

``all_pages()`` is read by the client tests (tests/test_html.py: html5lib and the Nu Html
Checker) and by the browser tests (tests/browser/test_pages.py: axe with the WCAG 2.2 AA
tags and the checks of tests/browser/checks.py at 360 and 1280 px). Each entry fetches its
page with Django's test client, so states behind a POST (a form with errors) are in the
list like any other page; the browser is handed exactly what the client received.

The admin part is built from ``admin.site._registry``: the changelist and the change form
of every registered model, so a new model is covered without a line here. Every URL name
of the resolver is either the ``url_name`` of a page here or in ``NOT_PAGES`` with the
reason (tests/test_html.py::test_every_url_name_is_a_page_or_excluded).
"""

import dataclasses
import hashlib
from collections.abc import Callable
from types import SimpleNamespace

from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from netzwerke import models as nw
from survey import models as sv
from tests import factories as f
from tests.sample import small_directory, small_statistics

INVITATION_TOKEN = "einladung-ostwestfalen"


@dataclasses.dataclass(frozen=True)
class Page:
    name: str
    # the URL name the page answers to (checked by test_page_is_valid_html)
    url_name: str
    # (test client, world) -> response
    fetch: Callable
    status: int = 200
    area: str = "public"  # public | coordinator | admin
    # screenshots at 360 and 1280 px in tests/browser/screenshots/ on every browser run
    screenshot: bool = False


class EnglishClient(Client):
    """Requests every page under /en/ (the page list's fetches name German URLs)."""

    def generic(self, method, path, *args, **kwargs):
        if path.startswith("/") and not path.startswith(("/en/", "/admin/", "/static/")):
            path = "/en" + path
        return super().generic(method, path, *args, **kwargs)


def build_world() -> SimpleNamespace:
    """The data every page of the list needs: the sample directory and statistics, a
    coordinator with a draft, an invitation, a superuser, and a row of every model the
    admin shows (the site operator only when its page asks, see MADE_ON_DEMAND)."""
    directory = small_directory()
    statistics = small_statistics(directory)
    wave = f.SurveyFactory(title="Netzwerkerhebung 2025")
    wave.topics.add(f.FocusTopicFactory(name="Fachkräfte gewinnen"))
    coordinator = f.UserFactory(username="koordination@example.org")
    f.CoordinatorFactory(user=coordinator, network=directory.owl)
    answers = f.complete_answers(wave)
    answers.pop("einwilligung")
    submission = f.SubmissionFactory(
        survey=wave, network=directory.owl, answers=answers, created_by=coordinator
    )
    # a submission waiting for review: the review page with the decision form
    submitted = f.SubmissionFactory(
        survey=wave,
        network=directory.guetersloh_net,
        answers=f.complete_answers(wave, name="Netzwerk Gütersloh mit einem sehr langen Namen"),
        state=sv.Submission.State.SUBMITTED,
    )
    event = f.EventFactory(
        network=directory.owl,
        district=directory.bielefeld,
        online=True,
        action_fields=[directory.training],
        registration_url="https://example.org/anmeldung",
    )
    superuser = f.StaffFactory(username="chefin")
    populate_admin_models(directory.owl, superuser, submission)
    # projects proposed between waves: a change to a public project and a new one
    project = directory.owl.projects.order_by("pk").first()
    sv.ProjectChange.objects.create(
        network=directory.owl,
        project=project,
        base_version=project.version,
        title=f"{project.title} (neu)",
        created_by=coordinator,
    )
    project_change = sv.ProjectChange.objects.create(
        network=directory.owl, title="Azubi-Speeddating", created_by=coordinator
    )
    return SimpleNamespace(
        directory=directory,
        event=event,
        project=project,
        project_change=project_change,
        statistics=statistics,
        coordinator=coordinator,
        submission=submission,
        submitted=submitted,
        superuser=superuser,
    )


def populate_admin_models(network, staff, submission) -> None:
    """At least one row of every registered admin model, so every change form opens."""
    district = network.districts.first()
    nw.Place.objects.get_or_create(key="bielefeld", name="Bielefeld", district=district)
    region = nw.Region.objects.filter(name="Ostwestfalen-Lippe").first()
    if region is None:
        region = nw.Region(name="Ostwestfalen-Lippe", other_names="OWL")
        region.save()
    region.districts.add(district)
    network.sectors.add(f.SectorFactory(name="Verarbeitendes Gewerbe", code="C"))
    f.ActorTypeFactory(name="Kammer")
    nw.ForeignRegion.objects.get_or_create(
        code="BE336", defaults={"name": "Bezirk Verviers", "country": "BE"}
    )
    Group.objects.get_or_create(name="Redaktion")
    topic = submission.survey.topics.first()
    sv.TopicRating.objects.create(submission=submission, topic=topic, rating="zentral")
    sv.SubmissionEvent.objects.create(submission=submission, user=staff, to_state="draft")
    f.InvitationFactory(
        network=network,
        email="neu@example.org",
        token_hash=hashlib.sha256(INVITATION_TOKEN.encode()).hexdigest(),
    )
    f.CorrectionSuggestionFactory(network=network)
    queued_mail()
    axes_rows()
    # a second version of the network, so its history has a change to show
    network.description = "Gemeinsam für Fachkräfte in Ostwestfalen."
    network._history_user = staff
    network.save()


def queued_mail():
    from outbox.models import OutgoingMail

    OutgoingMail.objects.create(
        subject="Einladung",
        from_email="a@example.org",
        to=["b@example.org"],
        body="Text",
        next_attempt_at=timezone.now(),
        last_error="ConnectionRefusedError",
    )


def axes_rows():
    """A row of each of django-axes' models (login attempts and logs)."""
    common = {
        "user_agent": "pytest",
        "ip_address": "127.0.0.1",
        "username": "jemand",
        "http_accept": "text/html",
        "path_info": "/konto/login/",
    }
    for name, extra in (
        ("AccessAttempt", {"get_data": "", "post_data": "", "failures_since_start": 1}),
        ("AccessLog", {}),
        ("AccessFailureLog", {}),
    ):
        apps.get_model("axes", name).objects.create(**common, **extra)


def _login(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _coordinator(client, w):
    return _login(client, w.coordinator)


def _admin(client, w):
    return _login(client, w.superuser)


def _with_operator(client):
    f.SiteOperatorFactory()
    return client


def _unconsented(w):
    """The Gütersloh network as a demo network whose contact person did not consent."""
    network = w.directory.guetersloh_net
    network.contact_public = False
    network.source = "demo"
    network.save()
    return network


def _get(url_name, *args, query="", as_=None):
    def fetch(client, w):
        if as_:
            as_(client, w)
        resolved = [arg(w) if callable(arg) else arg for arg in args]
        return client.get(reverse(url_name, args=resolved) + query)

    return fetch


def _post(url_name, *args, data=None, as_=None, follow=False):
    def fetch(client, w):
        if as_:
            as_(client, w)
        resolved = [arg(w) if callable(arg) else arg for arg in args]
        return client.post(reverse(url_name, args=resolved), data or {}, follow=follow)

    return fetch


def _owl(w):
    return w.directory.owl.slug


def _submission(w):
    return w.submission.pk


def _network_slug(w):
    return w.submission.network.slug


# the main pages in the states a visitor sees (empty, filtered, with errors)
PUBLIC = [
    Page("home", "netzwerke:home", _get("netzwerke:home"), screenshot=True),
    Page("home-ort", "netzwerke:home", _get("netzwerke:home", query="?ort=33602")),
    Page("home-ort-unbekannt", "netzwerke:home", _get("netzwerke:home", query="?ort=x")),
    Page("liste", "netzwerke:network-list", _get("netzwerke:network-list"), screenshot=True),
    Page(
        "liste-gefiltert",
        "netzwerke:network-list",
        _get("netzwerke:network-list", query="?land=NW&handlungsfeld=aus-und-weiterbildung"),
    ),
    Page("liste-leer", "netzwerke:network-list", _get("netzwerke:network-list", query="?q=xyzzy")),
    Page(
        "liste-ungueltig",
        "netzwerke:network-list",
        _get("netzwerke:network-list", query="?land=XX&sort=kaputt&page=99"),
    ),
    Page(
        "profil",
        "netzwerke:network-detail",
        _get("netzwerke:network-detail", _owl),
        screenshot=True,
    ),
    Page(
        "profil-demo-ohne-kontakt",
        "netzwerke:network-detail",
        lambda client, w: client.get(_unconsented(w).get_absolute_url()),
    ),
    Page(
        "kontakt",
        "netzwerke:network-contact",
        lambda client, w: client.get(
            reverse("netzwerke:network-contact", args=[_unconsented(w).slug])
        ),
    ),
    Page(
        "kontakt-fehler",
        "netzwerke:network-contact",
        lambda client, w: client.post(
            reverse("netzwerke:network-contact", args=[_unconsented(w).slug]), {}
        ),
    ),
    Page(
        "kontakt-gesendet",
        "netzwerke:network-contact-sent",
        lambda client, w: client.get(
            reverse("netzwerke:network-contact-sent", args=[_unconsented(w).slug])
        ),
    ),
    Page("veranstaltungen", "netzwerke:event-list", _get("netzwerke:event-list")),
    Page(
        "veranstaltungen-gefiltert",
        "netzwerke:event-list",
        _get("netzwerke:event-list", query="?land=NW&online=nein&kreis=05711"),
    ),
    Page(
        "veranstaltungen-archiv",
        "netzwerke:event-archive",
        _get("netzwerke:event-archive", query="?land=XX"),
    ),
    Page(
        "veranstaltung",
        "netzwerke:event-detail",
        lambda client, w: client.get(w.event.get_absolute_url()),
    ),
    Page("praxisbeispiele", "netzwerke:project-list", _get("netzwerke:project-list")),
    Page(
        "praxisbeispiele-gefiltert",
        "netzwerke:project-list",
        _get("netzwerke:project-list", query="?ziel=ausbilden&land=NW&land=XX&q=Ausbildung"),
    ),
    Page(
        "praxisbeispiel",
        "netzwerke:project-detail",
        lambda client, w: client.get(nw.Project.objects.order_by("pk").first().get_absolute_url()),
    ),
    Page(
        "ueberschneidungen",
        "netzwerke:overlaps",
        _get("netzwerke:overlaps", query="?land=NW"),
        screenshot=True,
    ),
    Page(
        "ueberschneidungen-feld",
        "netzwerke:overlaps",
        # an older link's Handlungsfeld: first, its table open
        _get("netzwerke:overlaps", query="?handlungsfeld=aus-und-weiterbildung"),
    ),
    Page("region-land", "netzwerke:region-state", _get("netzwerke:region-state", "NW")),
    Page(
        "region-kreis",
        "netzwerke:region-district",
        _get("netzwerke:region-district", "NW", "05754"),
    ),
    Page("quellen", "netzwerke:sources", _get("netzwerke:sources")),
    Page("daten", "netzwerke:data", _get("netzwerke:data"), screenshot=True),
    Page(
        "daten-einbettcode",
        "netzwerke:data",
        _get("netzwerke:data", query="?kreis=05711&handlungsfeld=aus-und-weiterbildung"),
    ),
    Page("daten-einbettcode-ungueltig", "netzwerke:data", _get("netzwerke:data", query="?land=XX")),
    Page("einbetten", "netzwerke:widget", _get("netzwerke:widget", query="?kreis=05711")),
    Page(
        "einbetten-leer", "netzwerke:widget", _get("netzwerke:widget", query="?kreis=03241&q=xyzzy")
    ),
    Page("statistik", "survey:statistics", _get("survey:statistics"), screenshot=True),
    Page(
        "statistik-erhebung",
        "survey:statistics-wave",
        lambda client, w: client.get(w.statistics.wave.get_absolute_url()),
    ),
    Page(
        "statistik-gefiltert",
        "survey:statistics-wave",
        lambda client, w: client.get(w.statistics.wave.get_absolute_url() + "?land=NW"),
    ),
    Page(
        "statistik-leer",
        "survey:statistics-wave",
        lambda client, w: client.get(w.statistics.empty.get_absolute_url()),
    ),
    Page("impressum", "website:impressum", _get("website:impressum")),
    Page("datenschutz", "website:privacy", _get("website:privacy")),
    Page("barrierefreiheit", "website:accessibility", _get("website:accessibility")),
    Page(
        "barrierefreiheit-ausgefuellt",
        "website:accessibility",
        lambda client, w: _with_operator(client).get(reverse("website:accessibility")),
    ),
    Page(
        "leichte-sprache",
        "website:easy-language",
        _get("website:easy-language"),
        screenshot=True,
    ),
    Page("fehler-melden", "website:correction-create", _get("website:correction-create", _owl)),
    Page(
        "fehler-melden-fehler",
        "website:correction-create",
        _post("website:correction-create", _owl, data={"text": "", "email": "kaputt"}),
    ),
    Page(
        "fehler-melden-danke",
        "website:correction-thanks",
        _get("website:correction-thanks", _owl),
    ),
    # an address that resolves to no URL pattern at all
    Page("seite-fehlt", "", lambda client, w: client.get("/gibt-es-nicht/"), status=404),
    Page("anmelden", "login", _get("login")),
    Page(
        "anmelden-fehler",
        "login",
        _post("login", data={"username": "niemand", "password": "falsch"}),
    ),
    Page("eintragen", "survey:register", _get("survey:register")),
    Page("eintragen-fehler", "survey:register", _post("survey:register")),
    Page("eintragen-gesendet", "survey:register-sent", _get("survey:register-sent")),
    Page("passwort-vergessen", "survey:password_reset", _get("survey:password_reset")),
    Page(
        "passwort-vergessen-gesendet",
        "password_reset_done",
        _get("password_reset_done"),
    ),
    Page(
        "passwort-link-ungueltig",
        "password_reset_confirm",
        _get("password_reset_confirm", "eA", "falsch-123"),
    ),
    Page(
        "passwort-neu-gesetzt",
        "password_reset_complete",
        _get("password_reset_complete"),
    ),
    Page("einladung", "survey:invitation", _get("survey:invitation", INVITATION_TOKEN)),
    Page(
        "einladung-fehler",
        "survey:invitation",
        _post("survey:invitation", INVITATION_TOKEN, data={"new_password1": "x"}),
    ),
    Page(
        "einladung-ungueltig",
        "survey:invitation",
        _get("survey:invitation", "gibt-es-nicht"),
        status=404,
    ),
]

# what a coordinator sees after logging in
COORDINATOR = [
    Page(
        "erhebung-netzwerk",
        "survey:network",
        _get("survey:network", _network_slug, as_=_coordinator),
        area="coordinator",
    ),
    Page(
        "erhebung-einreichung",
        "survey:submission-detail",
        _get("survey:submission-detail", _submission, as_=_coordinator),
        area="coordinator",
    ),
    Page(
        "erhebung-absenden-fehler",
        "survey:submission-submit",
        _post("survey:submission-submit", _submission, as_=_coordinator),
        area="coordinator",
    ),
    Page(
        "erhebung-abschnitt",
        "survey:section",
        _get("survey:section", _submission, "partner", as_=_coordinator),
        area="coordinator",
    ),
    Page(
        "erhebung-abschnitt-fehler",
        "survey:section",
        _post(
            "survey:section",
            _submission,
            "stammdaten",
            data={"name": "", "founded_year": "zweitausend", "aktion": "speichern"},
            as_=_coordinator,
            follow=True,
        ),
        area="coordinator",
    ),
    # an invalid address is shown again as typed (type=url would make the page invalid)
    Page(
        "erhebung-abschnitt-url-fehler",
        "survey:section",
        _post(
            "survey:section",
            _submission,
            "stammdaten",
            data={"name": "Netzwerk", "website": "kein link", "aktion": "speichern"},
            as_=_coordinator,
            follow=True,
        ),
        area="coordinator",
    ),
    Page(
        "erhebung-typangaben",
        "survey:section",
        _get("survey:section", _submission, "typangaben", as_=_coordinator),
        area="coordinator",
    ),
    Page(
        "erhebung-veranstaltungen",
        "survey:network-events",
        _get("survey:network-events", _owl, as_=_coordinator),
        area="coordinator",
    ),
    Page(
        "erhebung-veranstaltung-neu",
        "survey:network-event-add",
        _get("survey:network-event-add", _owl, as_=_coordinator),
        area="coordinator",
    ),
    Page(
        "erhebung-veranstaltung-fehler",
        "survey:network-event-add",
        _post(
            "survey:network-event-add",
            _owl,
            data={"title": "", "starts_at": "morgen", "ends_at": ""},
            as_=_coordinator,
        ),
        area="coordinator",
    ),
    Page(
        "erhebung-veranstaltung-bearbeiten",
        "survey:network-event-edit",
        _get("survey:network-event-edit", _owl, lambda w: w.event.pk, as_=_coordinator),
        area="coordinator",
    ),
    Page(
        "erhebung-projekte",
        "survey:network-projects",
        _get("survey:network-projects", _owl, as_=_coordinator),
        area="coordinator",
    ),
    Page(
        "erhebung-projekt-neu",
        "survey:network-project-add",
        _get("survey:network-project-add", _owl, as_=_coordinator),
        area="coordinator",
    ),
    Page(
        "erhebung-projekt-fehler",
        "survey:network-project-add",
        _post(
            "survey:network-project-add",
            _owl,
            data={"title": "", "status": "laufend", "start_date": "bald", "website": "x"},
            as_=_coordinator,
        ),
        area="coordinator",
    ),
    Page(
        "erhebung-projekt-bearbeiten",
        "survey:network-project-edit",
        _get("survey:network-project-edit", _owl, lambda w: w.project.pk, as_=_coordinator),
        area="coordinator",
    ),
    Page(
        "erhebung-projekt-vorschlag",
        "survey:network-project-change",
        _get(
            "survey:network-project-change",
            _owl,
            lambda w: w.project_change.pk,
            as_=_coordinator,
        ),
        area="coordinator",
    ),
    Page(
        "passwort-aendern",
        "password_change",
        _get("password_change", as_=_coordinator),
        area="coordinator",
    ),
    Page(
        "passwort-aendern-fehler",
        "password_change",
        _post("password_change", data={"old_password": "falsch"}, as_=_coordinator),
        area="coordinator",
    ),
    Page(
        "passwort-geaendert",
        "password_change_done",
        _get("password_change_done", as_=_coordinator),
        area="coordinator",
    ),
]


# rows made only when their admin page is fetched: the legal pages are in the list both
# without and with the operator's details
MADE_ON_DEMAND = {"website.siteoperator": lambda: f.SiteOperatorFactory()}


def _admin_object(model):
    def pk(w):
        obj = model._default_manager.order_by("pk").first()
        if obj is None and model._meta.label_lower in MADE_ON_DEMAND:
            obj = MADE_ON_DEMAND[model._meta.label_lower]()
        assert obj is not None, f"Kein {model._meta.label}: populate_admin_models ergänzen"
        return obj.pk

    return pk


def _network_pk(w):
    return w.directory.owl.pk


def _latest_network_version(w):
    return w.directory.owl.history.first().history_id


# the admin beyond the model pages: login, start page, app page, the network's history,
# delete confirmation and old version, the CSV import, the review of a submission and the
# forms with errors
ADMIN_EXTRA = [
    Page("admin-anmelden", "admin:login", _get("admin:login"), area="admin"),
    Page(
        "admin-anmelden-fehler",
        "admin:login",
        _post("admin:login", data={"username": "niemand", "password": "falsch"}),
        area="admin",
    ),
    Page("admin-start", "admin:index", _get("admin:index", as_=_admin), area="admin"),
    Page(
        "admin-app-netzwerke",
        "admin:app_list",
        _get("admin:app_list", "netzwerke", as_=_admin),
        area="admin",
    ),
    Page(
        "admin-netzwerk-historie",
        "admin:netzwerke_network_history",
        _get("admin:netzwerke_network_history", _network_pk, as_=_admin),
        area="admin",
    ),
    Page(
        "admin-netzwerk-version",
        "admin:netzwerke_network_simple_history",
        _get(
            "admin:netzwerke_network_simple_history",
            _network_pk,
            _latest_network_version,
            as_=_admin,
        ),
        area="admin",
    ),
    Page(
        "admin-netzwerk-loeschen",
        "admin:netzwerke_network_delete",
        _get("admin:netzwerke_network_delete", _network_pk, as_=_admin),
        area="admin",
    ),
    Page(
        "admin-netzwerke-leer",
        "admin:netzwerke_network_changelist",
        _get("admin:netzwerke_network_changelist", query="?q=gibtesnicht", as_=_admin),
        area="admin",
    ),
    Page(
        "admin-netzwerke-gefiltert",
        "admin:netzwerke_network_changelist",
        _get("admin:netzwerke_network_changelist", query="?status__exact=published", as_=_admin),
        area="admin",
    ),
    Page(
        "admin-netzwerk-fehler",
        "admin:netzwerke_network_add",
        _post("admin:netzwerke_network_add", data={"_save": "Sichern"}, as_=_admin),
        area="admin",
    ),
    Page(
        "admin-netzwerke-import",
        "admin:netzwerke_network_import",
        _get("admin:netzwerke_network_import", as_=_admin),
        area="admin",
    ),
    Page(
        "admin-pruefung",
        "admin:survey_submission_change",
        _get("admin:survey_submission_change", lambda w: w.submitted.pk, as_=_admin),
        area="admin",
    ),
    Page(
        "admin-passwort-setzen",
        "admin:auth_user_password_change",
        _get("admin:auth_user_password_change", lambda w: w.superuser.pk, as_=_admin),
        area="admin",
    ),
    Page(
        "admin-passwort-aendern",
        "admin:password_change",
        _get("admin:password_change", as_=_admin),
        area="admin",
    ),
    Page(
        "admin-passwort-geaendert",
        "admin:password_change_done",
        _get("admin:password_change_done", as_=_admin),
        area="admin",
    ),
]


def admin_model_pages() -> list[Page]:
    """The changelist, the change form and (where adding is allowed) the add form of every
    model in ``admin.site._registry``."""
    pages = []
    for model in sorted(admin.site._registry, key=lambda m: m._meta.label_lower):
        model_admin = admin.site._registry[model]
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        slug = f"admin-{model._meta.app_label}-{model._meta.model_name}"
        pages.append(
            Page(
                f"{slug}-liste",
                f"{prefix}_changelist",
                _get(f"{prefix}_changelist", as_=_admin),
                area="admin",
            )
        )
        pages.append(
            Page(
                f"{slug}-bearbeiten",
                f"{prefix}_change",
                _get(f"{prefix}_change", _admin_object(model), as_=_admin),
                area="admin",
            )
        )
        if _can_add(model, model_admin):
            pages.append(
                Page(
                    f"{slug}-neu", f"{prefix}_add", _get(f"{prefix}_add", as_=_admin), area="admin"
                )
            )
    return pages


# add forms left out although the ModelAdmin has one, and why
ADD_FORMS_LEFT_OUT = {
    "website.siteoperator": "es gibt genau einen Betreiber: das Formular 'neu' erscheint nur, "
    "solange keiner angelegt ist, die Seiten hier brauchen ihn",
}


def _can_add(model, model_admin) -> bool:
    """Whether a superuser may add; the ModelAdmins that refuse it (the log and mail
    models, submissions) do so for every user, without asking the database."""
    if model._meta.label_lower in ADD_FORMS_LEFT_OUT:
        return False
    request = SimpleNamespace(user=SimpleNamespace(has_perm=lambda perm: True))
    return bool(model_admin.has_add_permission(request))


def all_pages() -> list[Page]:
    return [*PUBLIC, *COORDINATOR, *ADMIN_EXTRA, *admin_model_pages()]


# URL names that are no page of their own, and why
NOT_PAGES = {
    "netzwerke:network-export-csv": "CSV-Datei, kein HTML (tests/test_csvformat.py)",
    "netzwerke:network-export-json": "JSON-Datei, kein HTML",
    "netzwerke:network-feed": "Atom-Feed, kein HTML",
    "netzwerke:network-calendar": "iCalendar-Datei, kein HTML",
    "netzwerke:event-feed": "Atom-Feed, kein HTML",
    "netzwerke:project-export-csv": "CSV-Datei, kein HTML",
    "netzwerke:project-export-json": "JSON-Datei, kein HTML",
    "netzwerke:project-feed": "Atom-Feed, kein HTML",
    "netzwerke:white-spots-csv": "CSV-Datei, kein HTML",
    "netzwerke:data-catalog": "DCAT-Katalog (Turtle, RDF/XML, JSON-LD), kein HTML",
    "netzwerke:event-calendar": "iCalendar-Datei, kein HTML",
    "survey:statistics-csv": "CSV-Datei, kein HTML",
    "api:root": "JSON (Lese-API), kein HTML (tests/test_api.py)",
    "api:schema": "OpenAPI-Dokument (JSON), kein HTML",
    "api:docs": "Swagger UI aus drf-spectacular-sidecar, per JavaScript gezeichnet; "
    "Quellen und CSP prüft tests/test_api.py",
    "api:network-list": "JSON (Lese-API), kein HTML",
    "api:network-detail": "JSON (Lese-API), kein HTML",
    "api:project-list": "JSON (Lese-API), kein HTML",
    "api:project-detail": "JSON (Lese-API), kein HTML",
    "api:event-list": "JSON (Lese-API), kein HTML",
    "api:event-archive": "JSON (Lese-API), kein HTML",
    "api:state-list": "JSON (Lese-API), kein HTML",
    "api:district-list": "JSON (Lese-API), kein HTML",
    "api:vocabulary-list": "JSON (Lese-API), kein HTML",
    "api:statistics": "JSON (Lese-API), kein HTML",
    "api:statistics-directory": "JSON (Lese-API), kein HTML",
    "api:statistics-wave": "JSON (Lese-API), kein HTML",
    "api:statistics-wave-table": "JSON (Lese-API), kein HTML",
    "survey:statistics-wave-csv": "CSV-Datei, kein HTML",
    "survey:dashboard": "Koordination wird zu ihrem Netzwerk weitergeleitet; die Seite "
    "'erhebung-netzwerk' ist, was sie sieht",
    "survey:submission-start": "nur POST, leitet zur Einreichung weiter",
    "password_reset": "vom gleichnamigen, begrenzten survey:password_reset verdeckt",
    "logout": "nur POST, leitet weiter",
    "website:manifest": "Web-App-Manifest (JSON), kein HTML",
    "sitemap": "XML, kein HTML",
    "sitemap-section": "XML, kein HTML",
    "robots-txt": "Text, kein HTML",
    "bench-fortunes": "nur mit BENCHMARK_PAGE=1, Messlatte für Lasttests",
    "admin:logout": "nur POST, leitet weiter",
    "admin:autocomplete": "JSON für Autovervollständigung, kein HTML",
    "admin:jsi18n": "JavaScript, kein HTML",
    "admin:view_on_site": "leitet zur öffentlichen Seite weiter",
    "admin/(?P<url>.*)$": "Admin-Seite 'nicht gefunden' von Django",
    "admin:netzwerke_network_export": "CSV-Datei, kein HTML",
    "admin:survey_survey_export": "CSV-Datei, kein HTML",
    "admin:survey_submission_review": "nur POST (Entscheidung), leitet zur Prüfseite weiter",
    "admin:survey_projectchange_review": "nur POST (Entscheidung), leitet zur Prüfseite weiter",
}
# admin URLs every ModelAdmin brings, beyond changelist, change and add; one model stands
# for all (its page is in ADMIN_EXTRA), since the templates are Django's and the same
NOT_PAGES_ADMIN_SUFFIXES = {
    "_history": "admin-netzwerk-historie steht für alle Modelle",
    "_simple_history": "admin-netzwerk-version steht für alle Modelle",
    "_delete": "admin-netzwerk-loeschen steht für alle Modelle",
    "_add": "nur wo Hinzufügen erlaubt ist; die anderen verweigern es",
    "/<path:object_id>/": "alte Adresse der Änderungsseite, leitet nur weiter",
}
