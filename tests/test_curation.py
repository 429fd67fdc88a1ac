"""Curation that can be audited: history of Kreise, vocabularies and partners; the import
preview with confirm and cancel; --dry-run; the duplicate warning."""

import io

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from netzwerke import csvformat
from netzwerke.duplicates import normalised_name, possible_duplicates
from netzwerke.models import Membership, Network
from tests import factories as f

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:netzwerke_network_import")


@pytest.fixture
def world(directory_world):
    """OWL: Bielefeld and Gütersloh, three binding partners (see conftest)."""
    return directory_world


def _counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label == "netzwerke"
    }


def _changed_owl_csv():
    return (
        "kuerzel;name;kreise;handlungsfelder;partner\n"
        "fachkraeftebuendnis-owl;Fachkräftebündnis OWL;05711|09162;vereinbarkeit;"
        '"OWL-Partner 0|ihk||partner|nein\nNeuer Partner|unternehmen"\n'
        "netz-neu;Netz Neu;05711;;\n"
    )


def _upload(client, text, name="netze.csv"):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, text.encode())})


def test_import_preview_writes_nothing_and_lists_kreise_and_partners(admin_client, world):
    before = _counts()
    response = _upload(admin_client, _changed_owl_csv())
    assert response.status_code == 200
    assert _counts() == before  # nothing written before confirmation
    preview = response.context["preview"]
    owl = next(n for n in preview.networks if n.slug == "fachkraeftebuendnis-owl")
    assert owl.action == "changed"
    changes = {c.column: [] for c in owl.changes}
    for change in owl.changes:
        changes[change.column].append((change.old, change.new))
    assert changes["kreise"] == [
        ("Bielefeld (05711), Gütersloh (05754)", "Bielefeld (05711), München (09162)")
    ]
    assert changes["handlungsfelder"] == [
        ("Aus- und Weiterbildung", "Vereinbarkeit von Beruf und Familie")
    ]
    partner_changes = changes["partner"]
    assert (
        "OWL-Partner 0 (Partner, verbindlich: ja)",
        "OWL-Partner 0 (Partner, verbindlich: nein)",
    ) in partner_changes
    assert ("–", "Neuer Partner (Partner, verbindlich: keine Angabe)") in partner_changes
    assert ("OWL-Partner 1 (Partner, verbindlich: ja)", "–") in partner_changes
    assert [n.action for n in preview.networks] == ["changed", "created"]
    html = response.content.decode()
    assert "München (09162)" in html and "Import bestätigen" in html


def test_import_confirm_writes_and_cancel_does_not(admin_client, world):
    response = _upload(admin_client, _changed_owl_csv())
    token = response.context["token"]
    before = _counts()
    response = admin_client.post(IMPORT_URL, {"cancel": "1", "token": token})
    assert response.status_code == 302 and _counts() == before
    # the cancelled upload is gone: confirming it now does nothing
    admin_client.post(IMPORT_URL, {"confirm": "1", "token": token})
    assert _counts() == before

    token = _upload(admin_client, _changed_owl_csv()).context["token"]
    response = admin_client.post(IMPORT_URL, {"confirm": "1", "token": token})
    assert response.status_code == 302
    owl = Network.objects.get(slug="fachkraeftebuendnis-owl")
    assert sorted(owl.districts.values_list("ags", flat=True)) == ["05711", "09162"]
    assert Network.objects.filter(slug="netz-neu").exists()


def test_import_preview_shows_errors_and_keeps_nothing(admin_client, world):
    response = _upload(admin_client, "kuerzel;name;kreise\nx;X;99999\n")
    assert response.context["preview"].errors
    assert "Unbekannte Kreise" in response.content.decode()
    assert response.context["token"] is None
    assert "netzwerke_import" not in admin_client.session


def test_dry_run_reports_the_same_and_writes_nothing(world, tmp_path):
    path = tmp_path / "netze.csv"
    path.write_text(_changed_owl_csv(), encoding="utf-8")
    before = _counts()
    out = io.StringIO()
    call_command("import_networks", str(path), "--dry-run", stdout=out)
    assert _counts() == before
    report = out.getvalue()
    assert "Vorschau: 1 Netzwerke neu, 1 geändert, 0 unverändert" in report
    assert (
        "kreise: Bielefeld (05711), Gütersloh (05754) → Bielefeld (05711), München (09162)"
        in report
    )
    assert "partner: OWL-Partner 1 (Partner, verbindlich: ja) → –" in report
    assert report.splitlines() == csvformat.import_preview(_changed_owl_csv()).report()


def test_import_records_kreise_vocabularies_and_partners_in_the_history(world):
    staff = f.StaffFactory()
    assert csvformat.import_networks(_changed_owl_csv(), user=staff).ok
    owl = Network.objects.get(slug="fachkraeftebuendnis-owl")
    latest = owl.history.latest()
    assert latest.history_user == staff
    assert sorted(d.district_id for d in latest.districts.all()) == ["05711", "09162"]
    delta = latest.diff_against(latest.prev_record)
    assert {"districts", "action_fields"} <= set(delta.changed_fields)
    removed = Membership.history.filter(network_id=owl.pk, history_type="-")
    assert {h.actor.name for h in removed} == {"OWL-Partner 1", "OWL-Partner 2"}
    assert {h.history_user for h in removed} == {staff}


def test_admin_change_of_kreise_is_in_the_history_with_its_user(admin_client, world):
    owl = world.owl
    owl.districts.set([world.muenchen])
    latest = owl.history.latest()
    assert [d.district_id for d in latest.districts.all()] == ["09162"]
    assert "districts" in latest.diff_against(latest.prev_record).changed_fields


def test_normalised_names_ignore_case_umlauts_and_generic_words():
    assert normalised_name("Qualifizierungsverbund Ostwürttemberg") == "ostwuerttemberg"
    assert normalised_name("Fachkräfteallianz Landkreis Cham") == "cham"


def test_duplicate_warning_in_the_preview(admin_client, world):
    f.NetworkFactory(
        name="Qualifizierungsverbund Ostwürttemberg",
        slug="qv-ostwuerttemberg",
        districts=[world.guetersloh],
    )
    text = (
        "kuerzel;name;kreise\n"
        "qv-ostwuerttemberg-2;Qualifizierungsverbünde Ostwürttemberg;05754\n"
        "qv-muenchen-neu;Qualifizierungsverbund Ostwürttemberg;09162\n"
    )
    preview = _upload(admin_client, text).context["preview"]
    by_slug = {n.slug: n for n in preview.networks}
    assert [d.slug for d in by_slug["qv-ostwuerttemberg-2"].duplicates] == ["qv-ostwuerttemberg"]
    # the same name in a region that does not overlap is no warning
    assert by_slug["qv-muenchen-neu"].duplicates == []


def test_possible_duplicates_tell_similar_from_different_names(world):
    assert [n.slug for n in possible_duplicates(name="Fachkräftebündnis O.W.L.")] == [
        "fachkraeftebuendnis-owl"
    ]
    assert possible_duplicates(name="Fachkräftebündnis Südostniedersachsen") == []
    assert possible_duplicates(name="Netzwerk Gütersloh", exclude_pk=world.guetersl.pk) == []


def _add_form(world, name, **extra):
    data = {
        "name": name,
        "slug": "neu",
        "network_type": "netzwerk",
        "status": "draft",
        "source": "curated",
        "districts": [world.guetersloh.pk],
        **extra,
    }
    for prefix in ("memberships", "projects"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


def test_admin_add_form_warns_of_a_duplicate_until_confirmed(admin_client, world):
    url = reverse("admin:netzwerke_network_add")
    response = admin_client.post(url, _add_form(world, "Fachkräftebündnis  O.W.L."))
    assert response.status_code == 200
    assert "Mögliche Dublette" in response.content.decode()
    assert not Network.objects.filter(slug="neu").exists()
    response = admin_client.post(
        url, _add_form(world, "Fachkräftebündnis  O.W.L.", confirm_duplicate="on")
    )
    assert response.status_code == 302
    assert Network.objects.filter(slug="neu").exists()
    # a different name needs no confirmation
    data = _add_form(world, "Pflegeallianz Kreis Gütersloh", slug="pflege")
    assert admin_client.post(url, data).status_code == 302


def test_registration_warns_of_a_published_network_with_a_similar_name(client, world):
    from survey.models import Invitation

    data = {"network_name": "Fachkräftebündnis O.W.L.", "email": "neu@example.org"}
    response = client.post(reverse("survey:register"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "„Fachkräftebündnis OWL“" in html and "Mein Netzwerk ist ein anderes" in html
    assert not Invitation.objects.exists()
    # a draft is not public: its name is never offered as a duplicate
    draft_like = {"network_name": "Entwurf Bielefeld", "email": "neu@example.org"}
    assert client.post(reverse("survey:register"), draft_like).status_code == 302
    response = client.post(reverse("survey:register"), {**data, "not_a_duplicate": "on"})
    assert response.status_code == 302
    assert Invitation.objects.filter(network_name="Fachkräftebündnis O.W.L.").exists()
