"""The survey's CSV and XLSX files go through the tabular layer: formula guard, one reader."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from survey import exports, services, stats_views
from survey.models import Submission
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave():
    survey = f.SurveyFactory()
    survey.topics.add(f.FocusTopicFactory())
    return survey


@pytest.fixture
def formula_response(wave):
    submission = f.SubmissionFactory(
        survey=wave,
        network=f.NetworkFactory(slug="summe"),
        state=Submission.State.SUBMITTED,
        answers=f.complete_answers(wave, name="=SUMME(A1)"),
    )
    services.submission_accept(submission=submission, reviewer=None)
    return submission


def _rows(data: bytes):
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_survey_csv_export_neutralises_formulas_and_imports_again(wave, formula_response):
    exported = exports.to_csv(wave)
    (row,) = _rows(exported)
    assert row["netzwerk_name"] == "'=SUMME(A1)"

    historic = f.SurveyFactory(
        title="Netzwerkerhebung 2024",
        opens_at=timezone.now() - datetime.timedelta(days=800),
        closes_at=timezone.now() - datetime.timedelta(days=700),
    )
    text = exported.decode("utf-8-sig").replace(";summe;", ";;")
    assert exports.import_responses(survey=historic, text=text) == 1
    per_wave = ("id", "erhebung", "importiert", "eingereicht_am", "entschieden_am")
    per_wave += ("netzwerk", "netzwerk_name", "einwilligung_version")
    codes = [c for c in exports.columns(list(wave.topics.all())) if c not in per_wave]
    (again,) = _rows(exports.to_csv(historic))
    assert {c: again[c] for c in codes} == {c: row[c] for c in codes}


def test_survey_xlsx_export_neutralises_formulas(wave, formula_response):
    sheet = load_workbook(io.BytesIO(exports.to_xlsx(wave))).active
    header, values = [c.value for c in sheet[1]], sheet[2]
    cell = values[header.index("netzwerk_name")]
    assert cell.value == "'=SUMME(A1)" and cell.data_type == "s"
    assert values[header.index("id")].value == formula_response.pk  # numbers stay numbers


def test_statistics_csv_neutralises_formulas():
    class Table:
        def csv_rows(self):
            return [["Thema", "Anzahl"], ["=1+1", 5], ["@Netz", "< 5"]]

    response = stats_views.csv_response(Table(), "statistik.csv")
    body = response.content.decode("utf-8")
    assert body == "\ufeffThema;Anzahl\r\n'=1+1;5\r\n'@Netz;< 5\r\n"
    assert response["Content-Disposition"] == 'attachment; filename="statistik.csv"'


def test_historic_import_refuses_nul_bytes_with_a_location(wave):
    with pytest.raises(exports.ImportFailed) as excinfo:
        exports.import_responses(survey=wave, text="land;netzwerktyp\nNW;netz\x00werk\n")
    assert [str(e) for e in excinfo.value.errors][0].startswith("Zeile 2, Spalte „netzwerktyp“: ")
