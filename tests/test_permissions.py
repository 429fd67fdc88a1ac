"""Who may open which URL: every pattern of the resolver against six roles.

Modelled on pretix's ``test_permissions.py``: one table says, per URL pattern,
which status each role gets. The resolver is walked, so a URL added without a
line in the table makes ``test_every_url_pattern_has_an_expectation`` fail.
Admin model URLs get their expectations from ``MODEL_RIGHTS`` (what each
group may do with each model), so a new admin model needs a line there.
"""

import dataclasses

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.options import ActionLocation, ModelAdmin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver, path, reverse

from netzwerke import models as nw
from survey import models as sv
from tests import factories as f

ROLES = ["anonym", "koordination_a", "koordination_b", "redaktion", "kuratierung", "admin"]
STAFF = ("redaktion", "kuratierung", "admin")

# What the groups may do with each admin model: v(iew) a(dd) c(hange) d(elete).
# The superuser may do everything the ModelAdmin allows at all (see NOT_ALLOWED).
MODEL_RIGHTS = {
    "auth.group": {},
    "auth.user": {},
    "axes.accessattempt": {},
    "axes.accesslog": {},
    "axes.accessfailurelog": {},
    "netzwerke.state": {"kuratierung": "v"},
    "netzwerke.district": {"kuratierung": "v"},
    "netzwerke.postalcode": {"kuratierung": "v"},
    "netzwerke.actionfield": {"kuratierung": "vac"},
    "netzwerke.targetgroup": {"kuratierung": "vac"},
    "netzwerke.sector": {"kuratierung": "vac"},
    "netzwerke.actortype": {"kuratierung": "vac"},
    "netzwerke.network": {"redaktion": "v", "kuratierung": "vacd"},
    "netzwerke.actor": {"kuratierung": "vacd"},
    "netzwerke.membership": {"kuratierung": "vacd"},
    "netzwerke.project": {"kuratierung": "vacd"},
    "netzwerke.event": {"kuratierung": "vacd"},
    "netzwerke.foreignregion": {"kuratierung": "v"},
    "survey.focustopic": {"redaktion": "v"},
    "survey.survey": {"redaktion": "v"},
    "survey.coordinator": {"kuratierung": "vacd"},
    "survey.invitation": {"kuratierung": "va"},
    "survey.submission": {"redaktion": "v"},
    "survey.projectchange": {"redaktion": "v", "kuratierung": "v"},
    "website.siteoperator": {},
    "outbox.outgoingmail": {},
    "netzwerke.dataversion": {},
    "netzwerke.place": {},
    "netzwerke.region": {},
    "website.correctionsuggestion": {"kuratierung": "vc"},
}
# what no one may do, because the ModelAdmin refuses it outright
NOT_ALLOWED = {
    "axes.accessattempt": "a",
    "axes.accesslog": "a",
    "axes.accessfailurelog": "a",
    "survey.submission": "a",
    "survey.projectchange": "a",  # proposals come from the coordinator area
    "website.siteoperator": "ad",  # there is one operator, never a second
    "website.correctionsuggestion": "a",  # suggestions come from the public form
    "outbox.outgoingmail": "a",  # only the mailer adds
    "netzwerke.dataversion": "acd",  # only writes move it
}

# Admin actions (POST to the changelist): who may run them.
ACTION_RIGHTS = {
    ("netzwerke.network", "publish"): {"kuratierung", "admin"},
    ("netzwerke.network", "archive"): {"kuratierung", "admin"},
    ("netzwerke.network", "export_csv"): {"redaktion", "kuratierung", "admin"},
    ("survey.submission", "accept_selected"): {"redaktion", "admin"},
    ("axes.accessattempt", "cleanup_expired_attempts"): {"admin"},
    ("website.correctionsuggestion", "mark_done"): {"kuratierung", "admin"},
    ("outbox.outgoingmail", "retry_now"): {"admin"},
    ("website.correctionsuggestion", "mark_open"): {"kuratierung", "admin"},
    ("netzwerke.event", "approve"): {"kuratierung", "admin"},
    ("netzwerke.event", "reject"): {"kuratierung", "admin"},
    ("survey.projectchange", "accept_selected"): {"redaktion", "kuratierung", "admin"},
    ("survey.projectchange", "reject_selected"): {"redaktion", "kuratierung", "admin"},
}


def _statuses(anonym, koordination_a, koordination_b, redaktion, kuratierung, admin_):
    return dict(
        zip(
            ROLES,
            [anonym, koordination_a, koordination_b, redaktion, kuratierung, admin_],
            strict=True,
        )
    )


def everyone(status):
    return _statuses(*[status] * 6)


def staff_only(staff_status, *, redaktion=None, kuratierung=None):
    """Admin pages: everyone else is sent to the admin login."""
    return _statuses(
        302,
        302,
        302,
        redaktion or staff_status,
        kuratierung or staff_status,
        staff_status,
    )


LOGGED_IN = _statuses(302, 200, 200, 200, 200, 200)
OWN_NETWORK = _statuses(302, 200, 404, 404, 404, 404)
POST_ONLY = _statuses(302, 405, 405, 405, 405, 405)

# URL name (or route, for unnamed patterns) → (path builder, statuses per role)
EXPECTED = {
    "netzwerke:home": (lambda w: "/", everyone(200)),
    "netzwerke:network-list": (lambda w: "/netzwerke/", everyone(200)),
    "netzwerke:network-export-csv": (lambda w: "/netzwerke/export.csv", everyone(200)),
    "netzwerke:network-export-json": (lambda w: "/netzwerke/export.json", everyone(200)),
    "netzwerke:network-feed": (lambda w: "/netzwerke/feed/", everyone(200)),
    "netzwerke:network-detail": (lambda w: f"/netzwerke/{w.network_a.slug}/", everyone(200)),
    "netzwerke:region-state": (lambda w: "/regionen/NW/", everyone(200)),
    "netzwerke:region-district": (lambda w: "/regionen/NW/05711/", everyone(200)),
    "netzwerke:sources": (lambda w: "/quellen/", everyone(200)),
    "netzwerke:event-list": (lambda w: "/veranstaltungen/", everyone(200)),
    "netzwerke:event-archive": (lambda w: "/veranstaltungen/archiv/", everyone(200)),
    "netzwerke:event-feed": (lambda w: "/veranstaltungen/feed/", everyone(200)),
    "netzwerke:event-calendar": (lambda w: "/veranstaltungen/kalender.ics", everyone(200)),
    "netzwerke:event-detail": (lambda w: f"/veranstaltungen/{w.event.slug}/", everyone(200)),
    "netzwerke:network-calendar": (
        lambda w: f"/netzwerke/{w.network_a.slug}/kalender.ics",
        everyone(200),
    ),
    "netzwerke:overlaps": (lambda w: "/ueberschneidungen/?land=NW", everyone(200)),
    "netzwerke:white-spots-csv": (
        lambda w: "/ueberschneidungen/weisse-flecken.csv",
        everyone(200),
    ),
    "netzwerke:project-list": (lambda w: "/praxisbeispiele/", everyone(200)),
    "netzwerke:project-export-csv": (lambda w: "/praxisbeispiele/export.csv", everyone(200)),
    "netzwerke:project-export-json": (lambda w: "/praxisbeispiele/export.json", everyone(200)),
    "netzwerke:project-feed": (lambda w: "/praxisbeispiele/feed/", everyone(200)),
    "netzwerke:project-detail": (
        lambda w: w.objects[nw.Project].get_absolute_url(),
        everyone(200),
    ),
    "netzwerke:data": (lambda w: "/daten/?kreis=05711", everyone(200)),
    "netzwerke:data-catalog": (lambda w: "/daten/catalog.ttl", everyone(200)),
    "netzwerke:widget": (lambda w: "/einbetten/?kreis=05711", everyone(200)),
    "survey:dashboard": (lambda w: "/erhebung/", _statuses(302, 302, 302, 200, 200, 200)),
    "survey:network": (lambda w: f"/erhebung/netzwerk/{w.network_a.slug}/", OWN_NETWORK),
    "survey:submission-start": (
        lambda w: f"/erhebung/netzwerk/{w.network_a.slug}/starten/",
        POST_ONLY,
    ),
    "survey:submission-detail": (lambda w: f"/erhebung/{w.submission.pk}/", OWN_NETWORK),
    "survey:network-events": (
        lambda w: f"/erhebung/netzwerk/{w.network_a.slug}/veranstaltungen/",
        OWN_NETWORK,
    ),
    "survey:network-event-add": (
        lambda w: f"/erhebung/netzwerk/{w.network_a.slug}/veranstaltungen/neu/",
        OWN_NETWORK,
    ),
    "survey:network-event-edit": (
        lambda w: f"/erhebung/netzwerk/{w.network_a.slug}/veranstaltungen/{w.event.pk}/",
        OWN_NETWORK,
    ),
    "survey:network-projects": (
        lambda w: f"/erhebung/netzwerk/{w.network_a.slug}/projekte/",
        OWN_NETWORK,
    ),
    "survey:network-project-add": (
        lambda w: f"/erhebung/netzwerk/{w.network_a.slug}/projekte/neu/",
        OWN_NETWORK,
    ),
    "survey:network-project-edit": (
        lambda w: f"/erhebung/netzwerk/{w.network_a.slug}/projekte/{w.project.pk}/",
        OWN_NETWORK,
    ),
    "survey:network-project-change": (
        lambda w: (
            f"/erhebung/netzwerk/{w.network_a.slug}/projekte/vorschlag/{w.project_change.pk}/"
        ),
        OWN_NETWORK,
    ),
    "survey:submission-submit": (lambda w: f"/erhebung/{w.submission.pk}/absenden/", POST_ONLY),
    "survey:section": (lambda w: f"/erhebung/{w.submission.pk}/stammdaten/", OWN_NETWORK),
    "survey:invitation": (lambda w: f"/einladung/{w.token}/", everyone(200)),
    "survey:register": (lambda w: "/eintragen/", everyone(200)),
    "survey:register-sent": (lambda w: "/eintragen/gesendet/", everyone(200)),
    "survey:password_reset": (lambda w: "/konto/password_reset/", everyone(200)),
    "survey:statistics": (lambda w: "/statistik/", everyone(200)),
    "survey:statistics-csv": (lambda w: "/statistik/partner.csv", everyone(200)),
    "survey:statistics-wave": (lambda w: f"/statistik/{w.survey.slug}/", everyone(200)),
    "survey:statistics-wave-csv": (
        lambda w: f"/statistik/{w.survey.slug}/themen.csv",
        everyone(200),
    ),
    # the read API: anonymous, the same for every role (no session is read)
    "api:root": (lambda w: "/api/v1/", everyone(200)),
    "api:schema": (lambda w: "/api/v1/schema/", everyone(200)),
    "api:docs": (lambda w: "/api/v1/docs/", everyone(200)),
    "api:network-list": (lambda w: "/api/v1/networks/", everyone(200)),
    "api:network-detail": (lambda w: f"/api/v1/networks/{w.network_a.slug}/", everyone(200)),
    "api:project-list": (lambda w: "/api/v1/projects/", everyone(200)),
    "api:project-detail": (
        lambda w: f"/api/v1/projects/{w.network_a.slug}/{w.objects[nw.Project].slug}/",
        everyone(200),
    ),
    "api:event-list": (lambda w: "/api/v1/events/", everyone(200)),
    "api:event-archive": (lambda w: "/api/v1/events/archive/", everyone(200)),
    "api:state-list": (lambda w: "/api/v1/states/", everyone(200)),
    "api:district-list": (lambda w: "/api/v1/districts/", everyone(200)),
    "api:vocabulary-list": (lambda w: "/api/v1/vocabularies/", everyone(200)),
    "api:statistics": (lambda w: "/api/v1/statistics/", everyone(200)),
    "api:statistics-directory": (lambda w: "/api/v1/statistics/directory/partner/", everyone(200)),
    "api:statistics-wave": (lambda w: f"/api/v1/statistics/waves/{w.survey.slug}/", everyone(200)),
    "api:statistics-wave-table": (
        lambda w: f"/api/v1/statistics/waves/{w.survey.slug}/themen/",
        everyone(200),
    ),
    "website:impressum": (lambda w: "/impressum/", everyone(200)),
    "website:privacy": (lambda w: "/datenschutz/", everyone(200)),
    "website:accessibility": (lambda w: "/barrierefreiheit/", everyone(200)),
    "website:easy-language": (lambda w: "/leichte-sprache/", everyone(200)),
    "website:correction-create": (
        lambda w: f"/netzwerke/{w.network_a.slug}/fehler-melden/",
        everyone(200),
    ),
    "website:correction-thanks": (
        lambda w: f"/netzwerke/{w.network_a.slug}/fehler-melden/danke/",
        everyone(200),
    ),
    "website:manifest": (lambda w: "/manifest.webmanifest", everyone(200)),
    "netzwerke:network-contact": (
        # no contact form for network A of this world; when there is one: test_contact_consent
        lambda w: f"/netzwerke/{w.network_a.slug}/kontakt/",
        everyone(404),
    ),
    "netzwerke:network-contact-sent": (
        lambda w: f"/netzwerke/{w.network_a.slug}/kontakt/gesendet/",
        everyone(404),
    ),
    "login": (lambda w: "/konto/login/", everyone(200)),
    "logout": (lambda w: "/konto/logout/", everyone(405)),
    "password_change": (lambda w: "/konto/password_change/", LOGGED_IN),
    "password_change_done": (lambda w: "/konto/password_change/done/", LOGGED_IN),
    # shadowed by survey:password_reset (same path, rate-limited)
    "password_reset": (lambda w: reverse("password_reset"), everyone(200)),
    "password_reset_done": (lambda w: "/konto/password_reset/done/", everyone(200)),
    "password_reset_confirm": (lambda w: "/konto/reset/eA/falsch-123/", everyone(200)),
    "password_reset_complete": (lambda w: "/konto/reset/done/", everyone(200)),
    "sitemap": (lambda w: "/sitemap.xml", everyone(200)),
    "sitemap-section": (lambda w: "/sitemap-netzwerke.xml", everyone(200)),
    "robots-txt": (lambda w: "/robots.txt", everyone(200)),
    "admin:index": (lambda w: "/admin/", staff_only(200)),
    "admin:login": (lambda w: "/admin/login/", _statuses(200, 200, 200, 302, 302, 302)),
    "admin:logout": (lambda w: "/admin/logout/", staff_only(405)),
    "admin:password_change": (lambda w: "/admin/password_change/", staff_only(200)),
    "admin:password_change_done": (lambda w: "/admin/password_change/done/", staff_only(200)),
    "admin:autocomplete": (
        lambda w: (
            "/admin/autocomplete/?app_label=netzwerke&model_name=membership"
            "&field_name=network&term=a"
        ),
        staff_only(200),
    ),
    "admin:jsi18n": (lambda w: "/admin/jsi18n/", staff_only(200)),
    "admin:view_on_site": (
        lambda w: f"/admin/r/{ContentType.objects.get_for_model(nw.Network).pk}/{w.network_a.pk}/",
        staff_only(302),
    ),
    "admin:app_list": (lambda w: "/admin/netzwerke/", staff_only(200)),
    "admin/(?P<url>.*)$": (lambda w: "/admin/gibt-es-nicht/", staff_only(404)),
    "admin:netzwerke_network_import": (
        lambda w: "/admin/netzwerke/network/import/",
        staff_only(200, redaktion=403),
    ),
    "admin:netzwerke_network_export": (
        lambda w: "/admin/netzwerke/network/export.csv",
        staff_only(200),
    ),
    "admin:survey_survey_export": (
        lambda w: f"/admin/survey/survey/{w.survey.pk}/export.csv",
        staff_only(200, kuratierung=403),
    ),
    "admin:auth_user_password_change": (
        lambda w: f"/admin/auth/user/{w.users['admin'].pk}/password/",
        staff_only(200, redaktion=403, kuratierung=403),
    ),
    "admin:survey_submission_review": (
        lambda w: f"/admin/survey/submission/{w.submission.pk}/pruefen/",
        staff_only(302, kuratierung=403),
    ),
    "admin:survey_projectchange_review": (
        lambda w: f"/admin/survey/projectchange/{w.project_change.pk}/pruefen/",
        staff_only(302),
    ),
}


def _model_rights(label, role):
    if role == "admin":
        return "".join(r for r in "vacd" if r not in NOT_ALLOWED.get(label, ""))
    return MODEL_RIGHTS[label].get(role, "")


def _admin_model_expectations():
    """The URLs every ModelAdmin brings, with statuses from MODEL_RIGHTS."""
    expected = {}
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        if label not in MODEL_RIGHTS:
            continue  # reported by test_every_url_pattern_has_an_expectation
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"

        def rights(kind, label=label):
            return _statuses(
                *(
                    302
                    if role not in STAFF
                    else 200
                    if any(r in _model_rights(label, role) for r in kind)
                    else 403
                    for role in ROLES
                )
            )

        def obj_path(w, suffix, model=model, base=base):
            return f"{base}{w.objects[model].pk}/{suffix}"

        expected[f"{prefix}_changelist"] = (lambda w, base=base: base, rights("vc"))
        expected[f"{prefix}_add"] = (lambda w, base=base: f"{base}add/", rights("a"))
        expected[f"{prefix}_change"] = (lambda w, p=obj_path: p(w, "change/"), rights("vc"))
        expected[f"{prefix}_history"] = (lambda w, p=obj_path: p(w, "history/"), rights("vc"))
        expected[f"{prefix}_delete"] = (lambda w, p=obj_path: p(w, "delete/"), rights("d"))
        # the old change URL only redirects to the new one
        expected[f"{base[1:]}<path:object_id>/"] = (lambda w, p=obj_path: p(w, ""), staff_only(302))
        if hasattr(model_admin, "history_form_view"):
            expected[f"{prefix}_simple_history"] = (
                lambda w, p=obj_path, model=model: p(
                    w, f"history/{w.objects[model].history.first().history_id}/"
                ),
                rights("vc"),
            )
    return expected


def url_patterns(patterns=None, prefix="", namespace=""):
    """(key, route) of every pattern: the name with its namespace, or the route if unnamed."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            inner = f"{namespace}:{ns}" if namespace and ns else ns or namespace
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            if pattern.name:
                yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), route
            else:
                yield route, route


def all_expectations():
    return {**EXPECTED, **_admin_model_expectations()}


def missing_expectations(patterns=None):
    expected = all_expectations()
    return sorted(key for key, _route in url_patterns(patterns) if key not in expected)


def test_every_url_pattern_has_an_expectation():
    assert missing_expectations() == []
    stale = set(all_expectations()) - {key for key, _route in url_patterns()}
    assert stale == set()


def test_a_new_url_without_expectation_is_reported():
    def view(request):
        raise AssertionError

    patterns = [*get_resolver().url_patterns, path("geheim/", view, name="geheim")]
    assert missing_expectations(patterns) == ["geheim"]
    unnamed = [*get_resolver().url_patterns, path("ohne-name/", view)]
    assert missing_expectations(unnamed) == ["ohne-name/"]


def test_every_admin_action_declares_permissions():
    for model, model_admin in admin.site._registry.items():
        for action in model_admin._get_base_actions():
            assert getattr(action.func, "allowed_permissions", None), (model, action.name)
    for (label, name), _roles in ACTION_RIGHTS.items():
        model_admin = admin.site._registry[_model(label)]
        assert name in {action.name for action in model_admin._get_base_actions()}, name


def test_groups_have_exactly_the_rights_of_the_table(db):
    for group_name, role in (("Redaktion", "redaktion"), ("Kuratierung", "kuratierung")):
        granted = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in Group.objects.get(name=group_name).permissions.select_related("content_type")
        }
        expected = set()
        for label, rights in MODEL_RIGHTS.items():
            app_label, model = label.split(".")
            for right in rights.get(role, ""):
                word = {"v": "view", "a": "add", "c": "change", "d": "delete"}[right]
                expected.add(f"{app_label}.{word}_{model}")
        custom = {"redaktion": {"survey.review_submission", "survey.review_projectchange"}}
        custom["kuratierung"] = {"netzwerke.publish_network", "survey.review_projectchange"}
        assert granted == expected | custom[role]


def _model(label):
    return apps.get_model(label)


@pytest.fixture
def world(db):
    from types import SimpleNamespace

    cache.clear()
    state = f.StateFactory(code="NW", ags="05", name="Nordrhein-Westfalen")
    district = f.DistrictFactory(ags="05711", name="Bielefeld", state=state)
    nw.PostalCode.objects.create(code="33602", place="Bielefeld", district=district)
    nw.Place.objects.create(key="bielefeld", name="Bielefeld", district=district)
    nw.Region.objects.create(name="Ostwestfalen-Lippe").districts.add(district)
    nw.ForeignRegion.objects.create(
        code="BE336", name="Bezirk Verviers – Deutschsprachige Gemeinschaft", country="BE"
    )
    field = f.ActionFieldFactory(name="Aus- und Weiterbildung", official=True)
    target_group = f.TargetGroupFactory(name="Schulabgänger")
    sector = f.SectorFactory(name="Verarbeitendes Gewerbe", code="C")
    network_a = f.NetworkFactory(name="Netzwerk A", districts=[district], action_fields=[field])
    network_b = f.NetworkFactory(name="Netzwerk B", districts=[district])
    membership = f.MembershipFactory(network=network_a)
    project = f.ProjectFactory(network=network_a)
    event = f.EventFactory(network=network_a, district=district)
    survey = f.SurveyFactory()
    topic = f.FocusTopicFactory()
    survey.topics.add(topic)
    users = {
        "koordination_a": f.CoordinatorFactory(network=network_a).user,
        "koordination_b": f.CoordinatorFactory(network=network_b).user,
        "redaktion": f.ReviewerFactory(),
        "kuratierung": f.CuratorFactory(),
        "admin": f.StaffFactory(username="admin"),
    }
    submission = f.SubmissionFactory(
        survey=survey, network=network_a, state=sv.Submission.State.SUBMITTED
    )
    # a new project proposed between waves, waiting for review
    project_change = sv.ProjectChange.objects.create(
        network=network_a, title="Neues Projekt", created_by=users["koordination_a"]
    )
    f.AcceptedSubmissionFactory(survey=survey, network=network_b, ratings={topic: "zentral"})
    invitation, token = _invitation(network_a)
    from tests.pages import axes_rows, queued_mail

    axes_rows()
    queued_mail()
    f.SiteOperatorFactory()
    f.CorrectionSuggestionFactory(network=network_a)
    objects = {
        model: model._default_manager.order_by("pk").first() for model in admin.site._registry
    }
    objects.update(
        {
            nw.Network: network_a,
            nw.Membership: membership,
            nw.Project: project,
            nw.ActionField: field,
            nw.TargetGroup: target_group,
            nw.Sector: sector,
            sv.Submission: submission,
            sv.Invitation: invitation,
        }
    )
    return SimpleNamespace(**locals())


def _invitation(network):
    from survey import services

    return services.invitation_create(
        email="neu@example.org", network=network, base_url="http://testserver/"
    )


def _client_for(client, world, role):
    if role != "anonym":
        client.force_login(world.users[role], backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.parametrize("role", ROLES)
def test_url_matrix(client, world, role):
    client = _client_for(client, world, role)
    wrong = []
    for key, (build, statuses) in sorted(all_expectations().items()):
        url = build(world)
        status = client.get(url).status_code
        if status != statuses[role]:
            wrong.append(f"{key} {url}: {status}, erwartet {statuses[role]}")
    assert not wrong, "\n".join(wrong)


@pytest.fixture
def recorded_actions(monkeypatch):
    """Admin actions that only record that they ran, so every role sees the same rows."""
    ran = []
    original = ModelAdmin.get_actions

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = original(self, request, action_location)
        return {
            name: dataclasses.replace(action, func=_recorder(ran, self.model, name))
            for name, action in actions.items()
        }

    monkeypatch.setattr(ModelAdmin, "get_actions", get_actions)
    return ran


def _recorder(ran, model, name):
    from django.http import HttpResponse

    def action(model_admin, request, queryset):
        ran.append((model._meta.label_lower, name))
        return HttpResponse("ausgeführt")

    return action


@pytest.mark.parametrize("role", ROLES)
def test_admin_action_matrix(client, world, recorded_actions, role):
    client = _client_for(client, world, role)
    wrong = []
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for name in [action.name for action in model_admin._get_base_actions()]:
            if name == "delete_selected":
                allowed = "d" in _model_rights(label, role)
            else:
                allowed = role in ACTION_RIGHTS[(label, name)]
            recorded_actions.clear()
            client.post(
                url, {"action": name, "_selected_action": [world.objects[model].pk], "index": 0}
            )
            if bool(recorded_actions) != allowed:
                wrong.append(f"{label} {name}: ausgeführt={bool(recorded_actions)}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("role", ROLES)
def test_project_decision_needs_the_review_right(client, world, role):
    client = _client_for(client, world, role)
    response = client.post(
        f"/admin/survey/projectchange/{world.project_change.pk}/pruefen/",
        {"decision": "reject", "reason": "Doppelt."},
    )
    world.project_change.refresh_from_db()
    decided = not world.project_change.pending
    assert decided == (role in ("redaktion", "kuratierung", "admin")), response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_review_decision_needs_the_review_right(client, world, role):
    client = _client_for(client, world, role)
    response = client.post(
        f"/admin/survey/submission/{world.submission.pk}/pruefen/",
        {"decision": "request_changes", "comment": "Bitte Partner ergänzen."},
    )
    world.submission.refresh_from_db()
    decided = world.submission.state == sv.Submission.State.CHANGES_REQUESTED
    assert decided == (role in ("redaktion", "admin")), response.status_code
