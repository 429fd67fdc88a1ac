import html5lib
import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from netzwerke import models as nw
from netzwerke.admin import NetworkAdmin
from tests import factories as f
from tests.pages import axes_rows, queued_mail

REGISTERED = sorted(admin.site._registry, key=lambda m: m._meta.label)


@pytest.fixture
def populated(db):
    """At least one row of every registered model, so every change page can be opened."""
    district = f.DistrictFactory()
    nw.PostalCode.objects.create(code="33602", place="Bielefeld", district=district)
    nw.Place.objects.create(key="bielefeld", name="Bielefeld", district=district)
    region = nw.Region.objects.filter(name="Ostwestfalen-Lippe").first()
    if region is None:
        region = nw.Region(name="Ostwestfalen-Lippe", other_names="OWL")
        region.save()
    region.districts.add(district)
    field = f.ActionFieldFactory(name="Aus- und Weiterbildung", official=True)
    network = f.NetworkFactory(
        districts=[district],
        action_fields=[field],
        target_groups=[f.TargetGroupFactory(name="Schulabgänger")],
        sectors=[f.SectorFactory(name="Verarbeitendes Gewerbe", code="C")],
    )
    f.MembershipFactory(network=network)
    project = f.ProjectFactory(network=network)
    project.action_fields.add(field)
    f.EventFactory(network=network, project=project, district=district, action_fields=[field])
    nw.ForeignRegion.objects.get_or_create(
        code="BE336", defaults={"name": "Bezirk Verviers", "country": "BE"}
    )
    staff = f.StaffFactory(username="kurator")
    Group.objects.get_or_create(name="Redaktion")
    survey = f.SurveyFactory()
    topic = f.FocusTopicFactory()
    submission = f.SubmissionFactory(survey=survey, network=network, created_by=staff)
    from survey import models as sv

    sv.Coordinator.objects.create(user=staff, network=network)
    sv.TopicRating.objects.create(submission=submission, topic=topic, rating="zentral")
    sv.SubmissionEvent.objects.create(submission=submission, user=staff, to_state="draft")
    f.InvitationFactory(network=network)
    f.CorrectionSuggestionFactory(network=network)
    sv.ProjectChange.objects.create(
        network=network, project=project, base_version=project.version, title="Neu"
    )
    f.SiteOperatorFactory()
    queued_mail()
    axes_rows()
    return staff


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_admin_pages_load_for_staff(client, populated, model):
    client.force_login(populated)
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    changelist = client.get(reverse(f"{prefix}_changelist"))
    assert changelist.status_code == 200
    model_admin = admin.site._registry[model]
    request = changelist.wsgi_request
    if model_admin.has_add_permission(request):
        assert client.get(reverse(f"{prefix}_add")).status_code == 200
    obj = model._default_manager.first()
    assert obj is not None, f"Kein {model._meta.label} angelegt: den Fixture `populated` ergänzen"
    change = client.get(reverse(f"{prefix}_change", args=[obj.pk]))
    assert change.status_code == 200


def test_every_netzwerke_model_is_registered_with_list_options():
    for model in apps.get_app_config("netzwerke").get_models():
        if model.__name__.startswith("Historical"):
            continue
        model_admin = admin.site._registry.get(model)
        assert model_admin is not None, model
        assert model_admin.list_display != ("__str__",), model
        assert model_admin.list_filter, model
        assert model_admin.search_fields, model
        for name in model_admin.autocomplete_fields:
            target = model._meta.get_field(name).related_model
            assert admin.site._registry[target].search_fields, (model, name)


def test_network_admin_has_inlines_and_history():
    model_admin = admin.site._registry[nw.Network]
    assert isinstance(model_admin, NetworkAdmin)
    assert {i.model for i in model_admin.inlines} == {nw.Membership, nw.Project}
    for model in (nw.Network, nw.Actor, nw.Membership, nw.Project):
        assert isinstance(admin.site._registry[model], SimpleHistoryAdmin), model


def test_publish_and_archive_actions_record_who(client, db):
    staff = f.StaffFactory(username="kurator")
    draft = f.NetworkFactory(status=nw.Network.Status.DRAFT, published_at=None)
    client.force_login(staff)
    url = reverse("admin:netzwerke_network_changelist")
    response = client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == nw.Network.Status.PUBLISHED
    assert draft.published_at is not None
    assert draft.history.first().history_user == staff

    client.post(url, {"action": "archive", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == nw.Network.Status.ARCHIVED
    assert draft.history.count() == 3


def test_history_page_shows_the_change(client, db):
    staff = f.StaffFactory(username="kurator")
    client.force_login(staff)
    network = f.NetworkFactory(name="Fachkräfteallianz Cham")
    network.name = "Fachkräfteallianz Landkreis Cham"
    network._history_user = staff
    network.save()
    response = client.get(reverse("admin:netzwerke_network_history", args=[network.pk]))
    assert response.status_code == 200
    # the admin header prints the user's name on every page: read the history table only
    table = html5lib.parse(response.content.decode(), namespaceHTMLElements=False).find(
        ".//table[@id='change-history']"
    )
    rows = [
        [" ".join("".join(cell.itertext()).split()) for cell in row.findall("td")]
        for row in table.find("tbody").findall("tr")
    ]
    assert len(rows) == 2  # created, then renamed
    newest = rows[0]
    assert "kurator" in newest
    assert any(
        "Fachkräfteallianz Cham → Fachkräfteallianz Landkreis Cham" in cell for cell in newest
    )


def test_admin_export_action_and_view(client, db):
    staff = f.StaffFactory(username="kurator")
    client.force_login(staff)
    shown = f.NetworkFactory(name="Netzwerk Eins")
    f.NetworkFactory(name="Netzwerk Zwei", status=nw.Network.Status.DRAFT, published_at=None)
    response = client.post(
        reverse("admin:netzwerke_network_changelist"),
        {"action": "export_csv", "_selected_action": [shown.pk]},
    )
    body = response.content.decode("utf-8")
    assert response["Content-Type"].startswith("text/csv")
    assert body.startswith("\ufeffkuerzel;name;")
    assert "Netzwerk Eins" in body and "Netzwerk Zwei" not in body

    response = client.get(reverse("admin:netzwerke_network_export") + "?status__exact=draft")
    body = response.content.decode("utf-8")
    assert "Netzwerk Zwei" in body and "Netzwerk Eins" not in body


def _networks(count, district, field):
    for _ in range(count):
        network = f.NetworkFactory(districts=[district], action_fields=[field])
        f.MembershipFactory.create_batch(2, network=network)


def test_network_changelist_queries_do_not_grow_with_rows(client, db, django_assert_num_queries):
    client.force_login(f.StaffFactory(username="kurator"))
    district, field = f.DistrictFactory(), f.ActionFieldFactory()
    _networks(3, district, field)
    url = reverse("admin:netzwerke_network_changelist")
    client.get(url)  # warm caches (content types, session)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _networks(20, district, field)
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_admin_javascript_speaks_german(client, db):
    # strings Django 6.1's own catalog leaves in English: locale/de/LC_MESSAGES/djangojs.po
    client.force_login(f.StaffFactory(username="kurator"))
    catalog = client.get(reverse("admin:jsi18n")).content.decode()
    # (the catalog is JSON with non-ASCII letters escaped)
    for german in ("Heute (%(date)s)", "Alle %s entfernen", "Markierte %s entfernen"):
        assert german in catalog
