import csv
import io
import json

import pytest
from django.core.management import call_command
from django.db.models import Count

from netzwerke.models import District, PostalCode, State, caseless_pattern
from netzwerke.reference import SOURCES, STATES

pytestmark = pytest.mark.django_db


def counts():
    return State.objects.count(), District.objects.count(), PostalCode.objects.count()


def test_sixteen_states_with_ags_prefix(reference_data):
    assert State.objects.count() == 16
    assert State.objects.get(code="NW").ags == "05"
    assert State.objects.get(code="TH").name == "Thüringen"
    assert sorted(State.objects.values_list("ags", flat=True)) == [f"{n:02d}" for n in range(1, 17)]


def test_four_hundred_current_districts(reference_data):
    assert District.objects.count() == 400
    bielefeld = District.objects.get(ags="05711")
    assert (bielefeld.name, bielefeld.kind, bielefeld.state_id) == (
        "Bielefeld",
        "Kreisfreie Stadt",
        "NW",
    )
    assert District.objects.get(ags="16063").name == "Wartburgkreis"
    assert not District.objects.filter(ags="16056").exists()
    assert not District.objects.filter(name__startswith="Eisenach").exists()
    assert District.objects.get(ags="03159").name == "Göttingen"
    assert not District.objects.filter(ags__in=["03152", "03156"]).exists()


def test_every_district_lies_in_its_state(reference_data):
    for ags, prefix in District.objects.values_list("ags", "state__ags"):
        assert len(ags) == 5
        assert ags.startswith(prefix)


def test_wartburgkreis_includes_eisenach():
    # Eisenach (42,370 inhabitants in 2018) has been part of the Wartburgkreis since 2021.
    with open("fixtures/districts.json", encoding="utf-8") as fh:
        rows = {row["pk"]: row["fields"] for row in json.load(fh)}
    assert rows["16063"]["population"] == 123_025 + 42_370


def test_loading_twice_changes_nothing(reference_data):
    before = counts()
    bielefeld_pk = PostalCode.objects.filter(code="33602").values_list("pk", flat=True)[0]
    out = io.StringIO()

    call_command("load_reference_data", stdout=out)

    assert counts() == before == (16, 400, 16_476)
    assert PostalCode.objects.filter(pk=bielefeld_pk).exists()
    assert "Kreise: 0 neu, 0 geändert" in out.getvalue()
    assert "Postleitzahlen: 0 neu, 0 entfernt" in out.getvalue()


def test_loading_repairs_edited_and_stray_rows(reference_data):
    District.objects.filter(ags="05711").update(name="Bielefeld-Falsch")
    PostalCode.objects.create(code="99999", place="Nirgendwo", district_id="05711")

    call_command("load_reference_data", stdout=io.StringIO())

    assert District.objects.get(ags="05711").name == "Bielefeld"
    assert not PostalCode.objects.filter(code="99999").exists()
    assert counts() == (16, 400, 16_476)


def test_every_district_has_a_postal_code(reference_data):
    assert not District.objects.annotate(n=Count("postal_codes")).filter(n=0).exists()


def test_postal_code_of_one_district(reference_data):
    assert list(District.objects.for_postal_code("33602").values_list("ags", flat=True)) == [
        "05711"
    ]


def test_postal_code_spanning_several_districts(reference_data):
    # 17337 reaches from the Uckermark (BB) into two Kreise of Mecklenburg-Vorpommern.
    districts = District.objects.for_postal_code("17337")
    assert sorted(d.ags for d in districts) == ["12073", "13071", "13075"]


@pytest.mark.parametrize("code", ["", "3360", "336021", "abcde", None])
def test_malformed_postal_code_matches_nothing(reference_data, code):
    assert not District.objects.for_postal_code(code).exists()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Bielefeld", {"05711"}),
        ("  bielefeld ", {"05711"}),
        ("GÖTTINGEN", {"03159"}),
        ("göttingen", {"03159"}),
        ("Frankfurt", {"06412", "12053"}),
        ("Osterode am Harz", {"03159"}),
        # Eisenach (Thüringen) is in the Wartburgkreis now; a village in the Eifel shares it.
        ("Eisenach", {"16063", "07232"}),
        ("Wartburgkreis", {"16063"}),
    ],
)
def test_matching_place(reference_data, query, expected):
    assert set(District.objects.matching_place(query).values_list("ags", flat=True)) == expected


def test_matching_place_needs_a_whole_word(reference_data):
    assert not District.objects.matching_place("Bielef").exists()
    assert not District.objects.matching_place("").exists()
    assert not District.objects.matching_place("Biele.eld").exists()


def test_caseless_pattern_escapes_and_folds_umlauts():
    assert caseless_pattern("Öhringen (a.b)") == r"[öÖ]hringen\ \(a\.b\)"
    assert caseless_pattern("Gießen") == "Gießen"


def test_postal_code_file_is_well_formed():
    with open("fixtures/postal_codes.csv", encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        assert next(reader) == ["plz", "ags", "ort"]
        rows = list(reader)
    assert len(rows) == len(set(map(tuple, rows))) == 16_476
    assert all(len(plz) == 5 and len(ags) == 5 and ort for plz, ags, ort in rows)


def test_sources_name_every_committed_file():
    files = {f for source in SOURCES for f in source.files}
    assert {"fixtures/districts.json", "fixtures/postal_codes.csv"} <= files
    assert any("GeoBasis-DE / BKG" in str(s.attribution) for s in SOURCES)
    assert all(s.licence and s.attribution and s.url for s in SOURCES)
    assert len(STATES) == 16
