import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from survey import exports, services
from survey.models import Submission, TopicRating
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave():
    survey = f.SurveyFactory()
    survey.topics.add(f.FocusTopicFactory())
    return survey


@pytest.fixture
def accepted(wave):
    network = f.NetworkFactory()
    submission = f.SubmissionFactory(
        survey=wave,
        network=network,
        state=Submission.State.SUBMITTED,
        answers=f.complete_answers(wave),
    )
    services.submission_accept(submission=submission, reviewer=None)
    return submission


def read_csv(data: bytes):
    assert data.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_csv_export_columns(wave, accepted):
    f.SubmissionFactory(survey=wave)  # a draft is exported too, from its answers
    rows = read_csv(exports.to_csv(wave))
    assert len(rows) == 2
    row = next(r for r in rows if r["status"] == "accepted")
    assert row["status_label"] == "angenommen"
    assert row["fragebogen_version"] == "2026.1"
    assert (row["land"], row["land_name"]) == ("NW", "Nordrhein-Westfalen")
    assert (row["netzwerktyp"], row["netzwerktyp_label"]) == ("netzwerk", "Fachkräftenetzwerk")
    assert row["hauptamtlich"] == "ja" and row["anzahl_partner"] == "3"
    assert row["kriterium_partner"] == row["kriterium_evaluation"] == "ja"
    assert (row["branchen"], row["branchen_labels"]) == ("C", "Verarbeitendes Gewerbe")
    topic = wave.topics.get()
    assert row[f"thema_{topic.slug}"] == "zentral"
    assert row[f"thema_{topic.slug}_label"] == "zentrales Thema"
    header = " ".join(rows[0].keys())
    for personal in ("mail", "telefon", "person", "ansprech"):
        assert personal not in header
    assert "erika" not in exports.to_csv(wave).decode("utf-8-sig").lower()


def test_xlsx_export_has_same_rows(wave, accepted):
    draft = f.SubmissionFactory(survey=wave, answers=f.complete_answers(wave, name="Entwurf"))
    sheet = load_workbook(io.BytesIO(exports.to_xlsx(wave))).active
    xlsx = [["" if v is None else str(v) for v in row] for row in sheet.values]
    text = exports.to_csv(wave).decode("utf-8-sig")
    assert xlsx == list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert xlsx[0] == exports.columns(list(wave.topics.all()))
    assert [row[0] for row in xlsx[1:]] == [str(accepted.pk), str(draft.pk)]


def test_import_round_trip(wave, accepted, tmp_path):
    original = exports.to_csv(wave)
    path = tmp_path / "alt.csv"
    path.write_bytes(original)
    historic = f.SurveyFactory(
        title="Netzwerkerhebung 2024",
        opens_at=timezone.now() - datetime.timedelta(days=800),
        closes_at=timezone.now() - datetime.timedelta(days=700),
    )
    # the network may report once per wave; drop it to import the same row again
    text = path.read_text(encoding="utf-8-sig").replace(accepted.network.slug, "")
    path.write_text(text, encoding="utf-8-sig")
    call_command("import_survey_responses", historic.slug, str(path))
    with pytest.raises(CommandError):  # a second run would double the wave
        call_command("import_survey_responses", historic.slug, str(path))
    call_command("import_survey_responses", historic.slug, str(path), "--replace")
    imported = historic.submissions.get()
    assert imported.imported and imported.state == Submission.State.ACCEPTED
    assert TopicRating.objects.filter(submission=imported).count() == 1
    keep = [
        c
        for c in exports.columns(list(wave.topics.all()))
        if c
        not in (
            "id",
            "erhebung",
            "importiert",
            "eingereicht_am",
            "entschieden_am",
            "netzwerk",
            "netzwerk_name",
            "einwilligung_version",
        )
    ]
    before = {c: read_csv(original)[0][c] for c in keep}
    after = {c: read_csv(exports.to_csv(historic))[0][c] for c in keep}
    assert after == before


def test_import_names_every_bad_row_and_imports_nothing(wave, tmp_path, capsys):
    f.survey_vocabulary()
    topic = wave.topics.get()
    path = tmp_path / "kaputt.csv"
    path.write_text(
        f"land;netzwerktyp;gruendungsjahr;hauptamtlich;branchen;thema_{topic.slug}\n"
        f"NW;netzwerk;2010;ja;C;zentral\n"
        f"XX;netzwerk;20x0;vielleicht;C|Z;wichtig\n"
        f"NW;verein;2011;nein;;kein\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="nichts wurde importiert"):
        call_command("import_survey_responses", wave.slug, str(path))
    err = capsys.readouterr().err
    assert "Zeile 3, Spalte „land“: Unbekanntes Bundesland „XX“" in err
    assert "Zeile 3, Spalte „gruendungsjahr“" in err
    assert "Zeile 3, Spalte „hauptamtlich“" in err
    assert "Zeile 3, Spalte „branchen“: Unbekannte Kürzel: Z." in err
    assert f"Zeile 3, Spalte „thema_{topic.slug}“" in err
    assert "Zeile 4, Spalte „netzwerktyp“" in err
    assert "Zeile 2" not in err
    assert not wave.submissions.exists()


def test_import_refuses_unknown_topic_and_missing_columns(wave, tmp_path, capsys):
    path = tmp_path / "x.csv"
    path.write_text("netzwerktyp;thema_unbekannt\nnetzwerk;zentral\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_survey_responses", wave.slug, str(path))
    err = capsys.readouterr().err
    assert "Spalte „land“: Die Pflichtspalte fehlt." in err
    assert "Spalte „thema_unbekannt“: Unbekanntes Schwerpunktthema" in err


def test_purge_stale_drafts(wave):
    old = f.SubmissionFactory(survey=wave)
    fresh = f.SubmissionFactory(survey=wave)
    old_submitted = f.SubmissionFactory(survey=wave, state=Submission.State.SUBMITTED)
    long_ago = timezone.now() - datetime.timedelta(days=200)
    Submission.objects.filter(pk__in=[old.pk, old_submitted.pk]).update(updated_at=long_ago)
    out = io.StringIO()
    call_command("purge_stale_drafts", "--months", "6", stdout=out)
    assert "1 Entwürfe gelöscht" in out.getvalue()
    assert set(Submission.objects.values_list("pk", flat=True)) == {fresh.pk, old_submitted.pk}


def test_purge_removes_registered_networks_that_never_got_further(wave):
    from netzwerke.models import Network

    invitation, _token = services.invitation_create(
        email="x@example.org", network_name="Nie fertig", base_url="http://testserver"
    )
    network = services.invitation_accept(invitation=invitation, user=f.UserFactory())
    draft = services.submission_get_or_start(network=network, survey=wave, user=None)
    long_ago = timezone.now() - datetime.timedelta(days=400)
    Submission.objects.filter(pk=draft.pk).update(updated_at=long_ago)
    Network.objects.filter(pk=network.pk).update(updated_at=long_ago)
    published = f.NetworkFactory()
    call_command("purge_stale_drafts", "--months", "12", stdout=io.StringIO())
    assert not Network.objects.filter(pk=network.pk).exists()
    assert Network.objects.filter(pk=published.pk).exists()


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(f.StaffFactory(), backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_admin_review_pages_load(admin_client, wave, accepted):
    submitted = f.SubmissionFactory(
        survey=wave,
        state=Submission.State.SUBMITTED,
        answers=f.complete_answers(wave, name="Geänderter Name"),
    )
    assert admin_client.get("/admin/survey/submission/?state__exact=submitted").status_code == 200
    page = admin_client.get(f"/admin/survey/submission/{submitted.pk}/change/").text
    assert "Geänderter Name" in page and 'class="changed"' in page
    assert "Annehmen und veröffentlichen" in page
    assert admin_client.get(f"/admin/survey/submission/{accepted.pk}/change/").status_code == 200
    for url in (
        "/admin/survey/survey/",
        f"/admin/survey/survey/{wave.pk}/change/",
        "/admin/survey/invitation/",
        "/admin/survey/invitation/add/",
        "/admin/survey/coordinator/",
        "/admin/survey/focustopic/",
    ):
        assert admin_client.get(url).status_code == 200, url
    response = admin_client.get(f"/admin/survey/survey/{wave.pk}/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    response = admin_client.get(f"/admin/survey/survey/{wave.pk}/export.xlsx")
    assert response.content[:2] == b"PK"


def test_admin_decisions(admin_client, wave):
    submitted = f.SubmissionFactory(
        survey=wave, state=Submission.State.SUBMITTED, answers=f.complete_answers(wave)
    )
    url = f"/admin/survey/submission/{submitted.pk}/pruefen/"
    response = admin_client.post(url, {"decision": "request_changes", "comment": ""}, follow=True)
    assert "Bitte schreiben Sie, was geändert werden soll." in response.text
    admin_client.post(url, {"decision": "request_changes", "comment": "Website fehlt"})
    submitted.refresh_from_db()
    assert submitted.state == Submission.State.CHANGES_REQUESTED
    response = admin_client.post(url, {"decision": "accept"}, follow=True)
    assert "inzwischen „Rückfrage“" in response.text
    Submission.objects.filter(pk=submitted.pk).update(state=Submission.State.SUBMITTED)
    admin_client.post(url, {"decision": "accept"})
    submitted.refresh_from_db()
    assert submitted.state == Submission.State.ACCEPTED
    assert submitted.network.name == "Fachkräftenetzwerk Ostwestfalen"


def test_admin_invites_a_coordinator(admin_client, django_capture_on_commit_callbacks):
    from django.core import mail

    network = f.NetworkFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/survey/invitation/add/", {"email": "neu@example.org", "network": network.pk}
        )
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["neu@example.org"]
    assert "/einladung/" in mail.outbox[-1].body
