import csv
import io
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from netzwerke import csvformat
from netzwerke.models import Actor, Membership, Network
from tests import factories as f

pytestmark = pytest.mark.django_db

HEADER = "kuerzel;name;typ;status;kreise;handlungsfelder;partner"


@pytest.fixture
def vocab(db):
    bielefeld = f.DistrictFactory()
    guetersloh = f.DistrictFactory(ags="05754", name="Gütersloh", kind="Kreis")
    return {
        "bielefeld": bielefeld,
        "guetersloh": guetersloh,
        "field": f.ActionFieldFactory(name="Aus- und Weiterbildung", slug="aus-und-weiterbildung"),
        "group": f.TargetGroupFactory(name="Schulabgänger", slug="schulabgaenger"),
        "sector": f.SectorFactory(
            name="Verarbeitendes Gewerbe", slug="verarbeitendes-gewerbe", code="C"
        ),
        "ihk": f.ActorTypeFactory(name="IHK", slug="ihk"),
        "firm": f.ActorTypeFactory(name="Unternehmen", slug="unternehmen"),
    }


def _csv(*rows, header=HEADER, delimiter=";"):
    lines = [header.replace(";", delimiter)]
    lines.extend(rows)
    return "\r\n".join(lines) + "\r\n"


GOOD_ROW = (
    "owl;Fachkräftebündnis OWL;buendnis;published;05711|05754;aus-und-weiterbildung;"
    '"IHK Ostwestfalen|ihk|05711|traeger|ja|2011\nMustermann GmbH|unternehmen||partner|nein"'
)


def test_good_file_creates_network_actors_and_memberships(vocab):
    result = csvformat.import_networks(_csv(GOOD_ROW).encode("utf-8"))
    assert result.ok, result.errors
    network = Network.objects.get(slug="owl")
    assert network.name == "Fachkräftebündnis OWL"
    assert network.network_type == Network.Type.ALLIANCE
    assert network.status == Network.Status.PUBLISHED and network.published_at
    assert {d.ags for d in network.districts.all()} == {"05711", "05754"}
    assert [a.slug for a in network.action_fields.all()] == ["aus-und-weiterbildung"]
    ihk = Membership.objects.get(network=network, actor__name="IHK Ostwestfalen")
    assert (ihk.role, ihk.binding, ihk.since) == ("traeger", True, 2011)
    assert ihk.actor.district_id == "05711" and ihk.actor.actor_type.slug == "ihk"
    assert Actor.objects.get(name="Mustermann GmbH").district is None
    assert result.created == ["owl"] and result.actors_created == 2


def test_semicolon_with_bom_and_comma_without_bom(vocab):
    semicolon = ("\ufeff" + _csv(GOOD_ROW)).encode("utf-8")
    assert csvformat.import_networks(semicolon).ok
    comma = _csv(
        'zwei,Netzwerk Zwei,netzwerk,draft,05711,,"IHK Ostwestfalen|ihk"', delimiter=","
    ).encode("utf-8")
    result = csvformat.import_networks(comma)
    assert result.ok, result.errors
    assert Network.objects.get(slug="zwei").memberships.get().actor.name == "IHK Ostwestfalen"


def test_labels_and_codes_are_accepted(vocab):
    data = (
        "kuerzel;name;typ;status;kreise;handlungsfelder;branchen\n"
        "x;Netz X;Qualifizierungsverbund;veröffentlicht;05711;Aus- und Weiterbildung;C\n"
    )
    result = csvformat.import_networks(data)
    assert result.ok, result.errors
    network = Network.objects.get(slug="x")
    assert network.network_type == Network.Type.QUALIFICATION
    assert network.status == Network.Status.PUBLISHED
    assert [s.code for s in network.sectors.all()] == ["C"]


def test_every_bad_row_is_reported_with_line_and_column_and_nothing_written(vocab):
    data = _csv(
        GOOD_ROW,
        "kaputt!;;unbekannt;published;99999;gibtsnicht;",
        '"mehr";Mehrzeilig;netzwerk;draft;;;"A|ihk\nB|keintyp\nC|ihk|05711|chef"',
        "owl;Doppelt;netzwerk;draft;;;",
    )
    result = csvformat.import_networks(data)
    assert not result.ok
    found = {(e.line, e.column) for e in result.errors}
    # GOOD_ROW spans lines 2–3 (two partners in one cell), the bad rows start on line 4
    for column in ("kuerzel", "name", "typ", "kreise", "handlungsfelder"):
        assert (4, column) in found
    assert (5, "partner") in found
    assert (8, "kuerzel") in found  # the multi-line cell above spans lines 5–7
    messages = [str(e) for e in result.errors]
    assert any("Zeile 4, Spalte „kreise“" in m and "99999" in m for m in messages)
    assert any("keintyp" in m for m in messages)
    assert any("chef" in m for m in messages)
    assert any("Zeile 2" in m for m in messages if "owl" in m)
    assert Network.objects.count() == 0
    assert Actor.objects.count() == 0


def test_unknown_and_missing_columns_are_reported(vocab):
    result = csvformat.import_networks("kuerzel;titel\nx;y\n")
    assert [(e.line, e.column) for e in result.errors] == [(1, "titel"), (1, "name")]


def test_wrong_cell_count_and_encoding(vocab):
    result = csvformat.import_networks(_csv("a;b"))
    assert result.errors[0].line == 2 and "Zellen" in result.errors[0].message
    result = csvformat.import_networks("kuerzel;name\na;Größe\n".encode("latin-1"))
    assert "UTF-8" in str(result.errors[0]) and "Zeile 2" in str(result.errors[0])
    assert not csvformat.import_networks(b"").ok


def test_new_actor_needs_a_type(vocab):
    result = csvformat.import_networks(_csv("a;Netz A;;;;;Unbekannt AG"))
    assert [e.column for e in result.errors] == ["partner"]
    assert "Akteurstyp" in result.errors[0].message


def test_reimport_updates_instead_of_duplicating(vocab):
    assert csvformat.import_networks(_csv(GOOD_ROW)).ok
    changed = GOOD_ROW.replace("Fachkräftebündnis OWL", "Fachkräftebündnis Ostwestfalen-Lippe")
    changed = changed.replace("\nMustermann GmbH|unternehmen||partner|nein", "")
    result = csvformat.import_networks(_csv(changed))
    assert result.ok and result.updated == ["owl"] and result.created == []
    assert Network.objects.count() == 1
    network = Network.objects.get()
    assert network.name == "Fachkräftebündnis Ostwestfalen-Lippe"
    assert list(network.memberships.values_list("actor__name", flat=True)) == ["IHK Ostwestfalen"]
    assert Actor.objects.count() == 2  # the actor stays, only its membership goes
    again = csvformat.import_networks(_csv(changed))
    assert again.unchanged == ["owl"]


def test_only_present_columns_are_written(vocab):
    assert csvformat.import_networks(_csv(GOOD_ROW)).ok
    result = csvformat.import_networks("kuerzel;name;status\nowl;Fachkräftebündnis OWL;archived\n")
    assert result.ok
    network = Network.objects.get()
    assert network.status == Network.Status.ARCHIVED
    assert network.memberships.count() == 2 and network.districts.count() == 2


def _snapshot():
    rows = []
    for n in csvformat.export_queryset(Network.objects.order_by("slug")):
        rows.append(csvformat.network_row(n))
    actors = sorted(Actor.objects.values_list("slug", "name", "actor_type__slug", "district_id"))
    return rows, actors


def test_export_import_round_trip_is_lossless(vocab):
    network = f.NetworkFactory(
        name='Netzwerk "Zukunft"; Region',
        slug="zukunft",
        description="Zeile eins\nZeile zwei, mit Komma",
        districts=[vocab["bielefeld"], vocab["guetersloh"]],
        action_fields=[vocab["field"]],
        target_groups=[vocab["group"]],
        sectors=[vocab["sector"]],
        topics="Digitalisierung, Pflege",
        website="https://example.org/netz",
        coordination_role="Geschäftsführung",
        coordination_phone="030 23125 000",
        partner_count_reported=42,
        full_time_management=True,
        goals_based_on_data=True,
        organisation_form=Network.OrganisationForm.ASSOCIATION,
    )
    f.MembershipFactory(
        network=network,
        actor=f.ActorFactory(name="IHK Bielefeld", slug="ihk-eigen", actor_type=vocab["ihk"]),
        role="traeger",
        since=2012,
    )
    f.MembershipFactory(network=network, binding=False, actor__district=vocab["guetersloh"])
    f.NetworkFactory(status=Network.Status.DRAFT, published_at=None, founded_year=None)
    before = _snapshot()

    out = io.StringIO()
    csvformat.write_networks(csvformat.export_queryset(Network.objects.all()), out)
    data = out.getvalue().encode("utf-8")

    Network.objects.all().delete()
    Actor.objects.all().delete()
    result = csvformat.import_networks(data)
    assert result.ok, result.errors
    assert _snapshot() == before
    # and importing the same file again changes nothing
    assert len(csvformat.import_networks(data).unchanged) == 2


CONTACT = {
    "coordination_person": "Erika Mustermann",
    "coordination_email": "erika@example.org",
    "coordination_phone": "030 23125 001",
    "coordination_role": "Netzwerkmanagerin",
}


def _public_csv():
    out = io.StringIO()
    csvformat.write_networks(Network.objects.all(), out, public=True)
    return out.getvalue()


def test_public_export_leaves_out_the_contact_without_consent(vocab):
    f.NetworkFactory(contact_public=False, **CONTACT)
    text = _public_csv()
    for value in CONTACT.values():
        assert value not in text
    # importing a public export keeps the contact data it does not carry
    assert csvformat.import_networks(text).ok
    network = Network.objects.get()
    assert network.coordination_email == "erika@example.org"
    assert network.coordination_role == "Netzwerkmanagerin"
    internal = io.StringIO()
    csvformat.write_networks(Network.objects.all(), internal)
    assert "erika@example.org" in internal.getvalue()


def test_public_export_carries_the_contact_with_consent(vocab):
    f.NetworkFactory(contact_public=True, **CONTACT)
    text = _public_csv()
    for value in CONTACT.values():
        assert value in text
    row = next(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert row["kontakt_veroeffentlichen"] == "ja"


def test_export_runs_a_fixed_number_of_queries(vocab, django_assert_num_queries):
    for _ in range(5):
        network = f.NetworkFactory(districts=[vocab["bielefeld"]], action_fields=[vocab["field"]])
        f.MembershipFactory.create_batch(3, network=network)
    # networks, then one query each: Kreise, regions abroad, three vocabularies, partners
    with django_assert_num_queries(7):
        csvformat.write_networks(csvformat.export_queryset(Network.objects.all()), io.StringIO())


def test_import_command_exits_non_zero_listing_every_error(vocab, tmp_path):
    path = tmp_path / "netze.csv"
    path.write_text(_csv("a;;netzwerk;draft;99999;;", "b;B;falsch;draft;;;"), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("import_networks", str(path), stderr=err)
    report = err.getvalue() + str(excinfo.value)
    assert "Zeile 2, Spalte „name“" in report
    assert "Zeile 2, Spalte „kreise“" in report
    assert "Zeile 3, Spalte „typ“" in report
    assert Network.objects.count() == 0


def test_import_and_export_commands(vocab, tmp_path):
    path = tmp_path / "netze.csv"
    path.write_text(_csv(GOOD_ROW), encoding="utf-8")
    out = io.StringIO()
    call_command("import_networks", str(path), stdout=out)
    assert "1 Netzwerke angelegt" in out.getvalue()
    f.NetworkFactory(slug="entwurf", status=Network.Status.DRAFT, published_at=None)
    target = tmp_path / "export.csv"
    call_command("export_networks", "--output", str(target), "--status", "published")
    text = target.read_text(encoding="utf-8-sig")
    assert text.startswith("kuerzel;") and "owl;" in text and "entwurf" not in text


def test_admin_import_shows_errors_and_writes_nothing(client, vocab):
    client.force_login(f.StaffFactory())
    url = reverse("admin:netzwerke_network_import")
    assert client.get(url).status_code == 200
    bad = io.BytesIO(_csv("a;;netzwerk;draft;99999;;").encode("utf-8"))
    bad.name = "netze.csv"
    response = client.post(url, {"file": bad})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Zeile 2, Spalte „kreise“" in content
    assert Network.objects.count() == 0

    good = io.BytesIO(_csv(GOOD_ROW).encode("utf-8"))
    good.name = "netze.csv"
    response = client.post(url, {"file": good})
    assert response.status_code == 200 and Network.objects.count() == 0  # the preview
    response = client.post(url, {"confirm": "1", "token": response.context["token"]})
    assert response.status_code == 302
    network = Network.objects.get(slug="owl")
    assert network.history.first().history_user.is_staff


def test_readme_example_imports(db):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```csv\n(.*?)```", readme, re.S).group(1)
    call_command("load_reference_data", stdout=io.StringIO())
    call_command("loaddata", "fixtures/vocabularies.json", verbosity=0)
    result = csvformat.import_networks(example)
    assert result.ok, result.errors
    assert Network.objects.get(slug="netz-cham").memberships.count() == 2


def test_blank_lines_before_the_header_are_skipped(vocab):
    result = csvformat.import_networks("\r\n\r\nkuerzel;name\r\nleer;Mit Leerzeilen\r\n")
    assert result.ok, result.errors
    assert Network.objects.filter(slug="leer").exists()
