"""The tabular layer: formula guard, German Excel CSV, the located reader, the parsers."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from netzwerke import csvformat, tabular
from netzwerke.models import Actor, Network
from tests import factories as f

DANGEROUS = ["=SUMME(A1)", "+49 30 1234", "-Netz", "@Netz", "\tTab", "\rWagenrücklauf"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_guard_neutralises_every_formula_start_and_unguard_restores_it(value):
    guarded = tabular.guard_cell(value)
    assert guarded == "'" + value
    assert tabular.unguard_cell(guarded) == value


@pytest.mark.parametrize("value", ["Netz", "", "'Zitat", "Netz-Ost", "a=b", 3, -3, None])
def test_guard_leaves_harmless_cells_alone(value):
    assert tabular.guard_cell(value) == value


@pytest.mark.parametrize("value", ["'=x", "''-x", "'''@x"])
def test_guard_is_exact_for_cells_that_already_start_with_apostrophes(value):
    assert tabular.unguard_cell(tabular.guard_cell(value)) == value


def test_csv_text_is_german_excel_and_guarded():
    text = tabular.csv_text([["name", "anzahl"], ["=SUMME(A1)", -3]])
    assert text == "\ufeffname;anzahl\r\n'=SUMME(A1);-3\r\n"


def test_xlsx_cells_are_guarded_and_stored_as_text():
    data = tabular.xlsx_bytes([["name", "anzahl"], ["=1+1", 5], ["-Netz", -5]], title="t")
    sheet = load_workbook(io.BytesIO(data)).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["name", "anzahl"],
        ["'=1+1", 5],
        ["'-Netz", -5],
    ]
    assert sheet["A2"].data_type == "s"
    assert sheet.freeze_panes == "A2"


def test_reader_detects_comma_strips_bom_and_guard_and_counts_physical_lines():
    data = '\ufeffa,b\r\n\r\n"zwei\nzeilen",x\r\n\'=y,z\r\n'.encode()
    table = tabular.read_csv(data)
    assert table.usable and not table.errors
    assert table.rows == [(3, {"a": "zwei\nzeilen", "b": "x"}), (5, {"a": "=y", "b": "z"})]


def test_reader_refuses_nul_bytes_with_a_located_message():
    table = tabular.read_csv(b"a;b\n1;2\n3;x\x00y\n")
    assert [(e.line, e.column) for e in table.errors] == [(3, "b")]
    assert str(table.errors[0]).startswith("Zeile 3, Spalte „b“: ")
    assert "Nullzeichen" in str(table.errors[0])
    assert table.rows == [(2, {"a": "1", "b": "2"})]


def test_reader_reports_header_problems_and_is_then_unusable():
    table = tabular.read_csv("a;a;c\n1;2;3\n", columns=["a", "b"], required=["b"])
    assert not table.usable and table.rows == []
    assert [(e.line, e.column) for e in table.errors] == [(1, "c"), (1, "a"), (1, "b")]
    assert not tabular.read_csv(b"").usable


def test_located_error_reads_like_the_ui():
    assert str(tabular.LocatedError(7, "kreise", "x")) == "Zeile 7, Spalte „kreise“: x"
    assert str(tabular.LocatedError(7, None, "x")) == "Zeile 7: x"
    assert str(tabular.LocatedError(None, None, "x")) == "x"


@pytest.mark.parametrize(
    ("value", "expected"), [("ja", True), ("X", True), ("nein", False), ("", None)]
)
def test_yes_no(value, expected):
    assert tabular.parse_yes_no(value) is expected


@pytest.mark.parametrize(
    ("parse", "value"),
    [
        (tabular.parse_yes_no, "vielleicht"),
        (tabular.parse_integer, "-1"),
        (tabular.parse_integer, "zwei"),
        (lambda v: tabular.parse_year(v, min_year=1950, max_year=2030), "1800"),
        (lambda v: tabular.parse_year(v, min_year=1950, max_year=2030), "20x0"),
        (tabular.parse_date, "31.02.2025"),
    ],
)
def test_parsers_raise_validation_errors_in_german(parse, value):
    with pytest.raises(ValidationError) as excinfo:
        parse(value)
    assert value in tabular.error_text(excinfo.value)


def test_date_parsers():
    assert tabular.parse_date("01.03.2025") == datetime.date(2025, 3, 1)
    assert tabular.parse_date("2025-03-01") == datetime.date(2025, 3, 1)
    assert tabular.parse_integer("12") == 12
    assert tabular.parse_year("2011", min_year=1950, max_year=2030) == 2011


# --- the network CSV on the tabular layer ------------------------------------------------


@pytest.fixture
def formula_networks(db):
    firm = f.ActorTypeFactory(name="Unternehmen", slug="unternehmen")
    first = f.NetworkFactory(name="=SUMME(A1)", slug="summe", short_description="+Vorteil")
    f.MembershipFactory(
        network=first, actor=f.ActorFactory(name="@Firma", slug="firma", actor_type=firm)
    )
    f.NetworkFactory(name="-Netz", slug="minus", description="\tEingerückt")
    return first


def _snapshot():
    rows = [csvformat.network_row(n) for n in csvformat.export_queryset(Network.objects.all())]
    actors = sorted(Actor.objects.values_list("slug", "name"))
    return sorted(rows), actors


@pytest.mark.django_db
def test_network_export_neutralises_formulas_and_imports_losslessly(formula_networks):
    before = _snapshot()
    out = io.StringIO()
    csvformat.write_networks(csvformat.export_queryset(Network.objects.all()), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff")), delimiter=";"))
    by_slug = {r["kuerzel"]: r for r in rows}
    assert by_slug["summe"]["name"] == "'=SUMME(A1)"
    assert by_slug["summe"]["kurzbeschreibung"] == "'+Vorteil"
    assert by_slug["summe"]["partner"].startswith("'@Firma|")
    assert by_slug["minus"]["name"] == "'-Netz"
    assert by_slug["minus"]["beschreibung"] == "'\tEingerückt"

    Network.objects.all().delete()
    Actor.objects.all().delete()
    result = csvformat.import_networks(out.getvalue())
    assert result.ok, result.errors
    assert _snapshot() == before
    assert Network.objects.get(slug="summe").name == "=SUMME(A1)"


@pytest.mark.django_db
def test_public_and_admin_exports_neutralise_formulas(client, formula_networks):
    response = client.get(reverse("netzwerke:network-export-csv"))
    public = response.getvalue().decode("utf-8")
    assert "'=SUMME(A1)" in public and "'-Netz" in public
    assert ";=SUMME" not in public and "\n=SUMME" not in public

    client.force_login(f.StaffFactory())
    admin = client.get(reverse("admin:netzwerke_network_export")).content.decode("utf-8")
    assert "'=SUMME(A1)" in admin and "'-Netz" in admin
    assert ";=SUMME" not in admin


@pytest.mark.django_db
def test_network_import_refuses_nul_bytes_with_line_and_column():
    result = csvformat.import_networks(b"kuerzel;name\nnetz;Netz\x00 Ost\n")
    assert not result.ok
    assert [(e.line, e.column) for e in result.errors] == [(2, "name")]
    assert Network.objects.count() == 0
