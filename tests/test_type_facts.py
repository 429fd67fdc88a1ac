"""The facts of a Qualifizierungsverbund and an Arbeitsmarkt-Drehscheibe: profile, survey,
CSV round trip and statistics; unknown stays unknown (never 0)."""

import io
import json

import pytest
from django.db import IntegrityError, transaction

from netzwerke import csvformat
from netzwerke.figures import type_fact_figures
from netzwerke.models import Network
from survey import services
from survey.models import Submission
from tests import factories as f

QV = Network.Type.QUALIFICATION
HUB = Network.Type.HUB


def qv(**kwargs):
    return f.NetworkFactory(
        name=kwargs.pop("name", "Qualifizierungsverbund Nordschwarzwald"),
        network_type=kwargs.pop("network_type", QV),
        qv_member_firms=kwargs.pop("qv_member_firms", 24),
        qv_member_kmu=kwargs.pop("qv_member_kmu", 19),
        qv_management=kwargs.pop("qv_management", "Wirtschaftsförderung Nordschwarzwald GmbH"),
        qv_measures_per_year=kwargs.pop("qv_measures_per_year", 0),
        **kwargs,
    )


def test_kmu_cannot_exceed_member_firms(db):
    network = qv()
    network.qv_member_kmu = 30
    with pytest.raises(IntegrityError), transaction.atomic():
        network.save()


# -- profile -------------------------------------------------------------------------


def test_profile_shows_the_facts_of_its_type_unknown_as_keine_angabe(client, db):
    network = qv()
    html = client.get(network.get_absolute_url()).content.decode()
    assert "Kennzahlen als Qualifizierungsverbund" in html
    assert "Wirtschaftsförderung Nordschwarzwald GmbH" in html
    facts = dict(network.type_facts)
    assert facts["Mitgliedsunternehmen"] == 24
    assert facts["Weiterbildungsmaßnahmen pro Jahr"] == 0  # a stated 0 stays 0
    assert facts["Teilnehmende pro Jahr"] is None
    assert facts["Förderprogramm"] is None
    section = html.split('id="h-type-facts"')[1].split("</section>")[0]
    assert section.count("keine Angabe") == 2
    assert "Arbeitsmarkt-Drehscheibe" not in section


def test_profile_of_another_type_shows_no_type_facts(client, db):
    network = qv(network_type=Network.Type.NETWORK)
    html = client.get(network.get_absolute_url()).content.decode()
    assert "h-type-facts" not in html
    assert network.type_facts == []


def test_hub_profile_shows_hub_facts(client, db):
    network = f.NetworkFactory(network_type=HUB, hub_firms_offering=12, hub_sectors="Automobil")
    html = client.get(network.get_absolute_url()).content.decode()
    assert "Kennzahlen als Arbeitsmarkt-Drehscheibe" in html
    assert "abgebende Unternehmen" in html and "Automobil" in html
    assert "Mitgliedsunternehmen" not in html


# -- survey ------------------------------------------------------------------------------


@pytest.fixture
def wave(db):
    return f.SurveyFactory()


def _section_page(client, wave, network_type):
    coordinator = f.CoordinatorFactory()
    answers = f.complete_answers(wave)
    answers["stammdaten"]["fields"]["network_type"] = network_type
    submission = f.SubmissionFactory(survey=wave, network=coordinator.network, answers=answers)
    client.force_login(coordinator.user, backend="django.contrib.auth.backends.ModelBackend")
    return submission, client.get(f"/erhebung/{submission.pk}/typangaben/")


@pytest.mark.parametrize(
    ("network_type", "asked", "not_asked"),
    [
        (QV, "qv_member_firms", "hub_firms_offering"),
        (HUB, "hub_firms_offering", "qv_member_firms"),
        (Network.Type.NETWORK, None, "qv_member_firms"),
    ],
)
def test_survey_asks_only_the_questions_of_the_type(client, wave, network_type, asked, not_asked):
    _submission, response = _section_page(client, wave, network_type)
    assert response.status_code == 200
    html = response.content.decode()
    if asked:
        assert f'name="{asked}"' in html
    assert f'name="{not_asked}"' not in html
    assert 'name="hub_sectors"' not in html or network_type == HUB


def test_accepting_writes_the_facts_of_the_type(wave):
    network = f.NetworkFactory(network_type=QV)
    answers = f.complete_answers(wave)
    answers["stammdaten"]["fields"]["network_type"] = "qualifizierungsverbund"
    answers["typangaben"] = {
        "fields": {
            "qv_member_firms": "40",
            "qv_member_kmu": "31",
            "qv_management": "IHK-Bildungszentrum",
            "qv_measures_per_year": "",
            "qv_participants_per_year": "350",
            "qv_funding_programme": "Landesprogramm Qualifizierungsverbünde",
        }
    }
    submission = f.SubmissionFactory(
        survey=wave, network=network, state=Submission.State.SUBMITTED, answers=answers
    )
    services.submission_accept(submission=submission, reviewer=f.StaffFactory())
    network.refresh_from_db()
    assert (network.qv_member_firms, network.qv_member_kmu) == (40, 31)
    assert network.qv_measures_per_year is None  # empty answer: keine Angabe, not 0
    assert network.qv_participants_per_year == 350
    assert network.qv_funding_programme == "Landesprogramm Qualifizierungsverbünde"


def test_survey_refuses_more_kmu_than_members(wave):
    answers = f.complete_answers(wave)
    answers["stammdaten"]["fields"]["network_type"] = "qualifizierungsverbund"
    answers["typangaben"] = {"fields": {"qv_member_firms": "3", "qv_member_kmu": "5"}}
    from survey import questionnaire as q

    cleaned = q.clean_answers(survey=wave, answers=answers)
    assert [e.label for e in cleaned.errors] == ["Davon kleine und mittlere Unternehmen (KMU)"]


def test_prefill_carries_the_facts(db):
    from survey import questionnaire as q

    answers = q.answers_from_network(qv())
    assert answers["typangaben"]["fields"]["qv_member_firms"] == "24"
    assert answers["typangaben"]["fields"]["qv_participants_per_year"] == ""


# -- CSV ----------------------------------------------------------------------------------


def _export():
    out = io.StringIO()
    csvformat.write_networks(csvformat.export_queryset(Network.objects.order_by("slug")), out)
    return out.getvalue()


FACT_FIELDS = [name for facts in Network.TYPE_FACTS.values() for name, _column in facts]


def test_csv_round_trip_keeps_facts_and_unknowns(db):
    qv(slug="qv")
    f.NetworkFactory(
        slug="hub",
        network_type=HUB,
        hub_firms_offering=0,
        hub_firms_seeking=17,
        hub_sectors="Automobilzulieferer, Maschinenbau",
    )
    before = {n.slug: [getattr(n, name) for name in FACT_FIELDS] for n in Network.objects.all()}
    data = _export()
    assert "qv_mitgliedsunternehmen" in data.splitlines()[0]
    Network.objects.all().delete()
    result = csvformat.import_networks(data.encode("utf-8"))
    assert result.ok, result.errors
    after = {n.slug: [getattr(n, name) for name in FACT_FIELDS] for n in Network.objects.all()}
    assert after == before
    assert Network.objects.get(slug="hub").hub_firms_offering == 0
    assert Network.objects.get(slug="hub").hub_placements_per_year is None


def test_csv_import_locates_bad_facts(db):
    data = (
        "kuerzel;name;typ;qv_mitgliedsunternehmen;qv_davon_kmu;ds_vermittlungen_pro_jahr\r\n"
        "qv-a;QV A;qualifizierungsverbund;10;12;\r\n"
        "hub-b;Hub B;drehscheibe;;;viele\r\n"
    )
    result = csvformat.import_networks(data.encode("utf-8"))
    assert not result.ok
    messages = [str(e) for e in result.errors]
    assert any(m.startswith("Zeile 2, Spalte „qv_davon_kmu“") for m in messages), messages
    assert any(m.startswith("Zeile 3, Spalte „ds_vermittlungen_pro_jahr“") for m in messages)
    assert not Network.objects.exists()


def test_json_export_has_the_type_facts(client, db):
    qv(slug="qv")
    f.NetworkFactory(slug="netz")
    response = client.get("/netzwerke/export.json")
    data = {n["slug"]: n for n in json.loads(response.getvalue())["netzwerke"]}
    assert data["qv"]["typ_kennzahlen"]["qv_mitgliedsunternehmen"] == 24
    assert data["qv"]["typ_kennzahlen"]["qv_foerderprogramm"] is None
    assert data["netz"]["typ_kennzahlen"] is None


# -- statistics ------------------------------------------------------------------------------


def test_statistics_sum_known_facts_by_type(client, db):
    for i in range(6):
        qv(name=f"QV {i}", qv_member_firms=10 + i, qv_member_kmu=None)
    qv(name="QV ohne Angabe", qv_member_firms=None, qv_member_kmu=None)
    # another type's stored facts do not count
    qv(name="Netzwerk mit alten Angaben", network_type=Network.Type.NETWORK)
    rows = {
        (t, fact): (n, known, total)
        for t, fact, n, known, total in type_fact_figures(Network.objects.published())
    }
    assert rows[("Qualifizierungsverbund", "Mitgliedsunternehmen")] == (7, 6, 75)
    assert rows[("Qualifizierungsverbund", "davon KMU")] == (7, 0, None)
    assert rows[("Arbeitsmarkt-Drehscheibe", "Vermittlungen pro Jahr")] == (0, 0, None)
    csv_text = client.get("/statistik/typ-kennzahlen.csv").content.decode("utf-8-sig")
    assert "Qualifizierungsverbund: Mitgliedsunternehmen;7;6;75" in csv_text
    assert "Qualifizierungsverbund: davon KMU;7;0;–" in csv_text
    assert "Kennzahlen nach Netzwerktyp" in client.get("/statistik/").content.decode()


def test_statistics_hide_sums_of_few_answers(client, db):
    qv(name="Einziger QV", qv_member_firms=50)
    csv_text = client.get("/statistik/typ-kennzahlen.csv").content.decode("utf-8-sig")
    assert "Qualifizierungsverbund: Mitgliedsunternehmen;< 5;< 5;< 5" in csv_text
