import csv
import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Count

from netzwerke import geometry, maps
from netzwerke.management.commands import build_reference_data as build
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


# Maps ---------------------------------------------------------------------------


def viewbox(map_):
    return [float(v) for v in map_.viewbox.split()]


def test_land_map_has_sixteen_regions_named_from_the_fixtures():
    germany = maps.germany_map("land", {"NW": 7}, link=lambda code: f"/regionen/{code}/")
    assert len(germany.regions) == 16
    assert all(r.d.startswith("M") and r.d.endswith("z") for r in germany.regions)
    nrw = next(r for r in germany.regions if r.id == "NW")
    assert (nrw.name, nrw.count, nrw.url) == ("Nordrhein-Westfalen", 7, "/regionen/NW/")
    assert "nw-map__step-5" in nrw.css_class
    assert germany.borders == ""


def test_kreis_map_has_all_districts(reference_data):
    germany = maps.germany_map("kreis", {})
    assert len(germany.regions) == 400
    assert {r.id for r in germany.regions} == set(District.objects.values_list("ags", flat=True))
    assert all(len(r.d) > 20 for r in germany.regions)
    assert all("nw-map__step-0" in r.css_class and r.url == "" for r in germany.regions)
    assert germany.borders.count("M") >= 16


def test_kreis_names_are_disambiguated_by_kind():
    names = {r.id: r.name for r in maps.germany_map("kreis", {}).regions}
    assert names["05711"] == "Bielefeld"
    assert names["09162"] == "München (Kreisfreie Stadt)"
    assert names["09184"] == "München (Landkreis)"


def test_regions_in_german_alphabetical_order():
    renamed = {"NW": "Ölland", "BY": "Oberland", "BW": "Pfalzland"}
    names = [r.name for r in maps.germany_map("land", {}, names=renamed).regions]
    assert [n for n in names if n in renamed.values()] == ["Oberland", "Ölland", "Pfalzland"]


def test_names_passed_in_win():
    germany = maps.germany_map("land", {}, names={"NW": "NRW"})
    names = {r.id: r.name for r in germany.regions}
    assert (names["NW"], names["BE"]) == ("NRW", "Berlin")


def test_colour_class_follows_count():
    counts = {"05711": 1, "03159": 5, "09162": 100, "16063": 0}
    regions = {r.id: r for r in maps.germany_map("kreis", counts).regions}
    assert "nw-map__step-1" in regions["05711"].css_class
    assert "nw-map__step-2" in regions["03159"].css_class
    assert "nw-map__step-5" in regions["09162"].css_class
    assert "nw-map__step-0" in regions["16063"].css_class
    assert "nw-map__step-0" in regions["01001"].css_class


@pytest.mark.parametrize(
    ("max_count", "bounds"),
    [
        (0, []),
        (1, [1]),
        (5, [1, 2, 3, 4, 5]),
        (6, [1, 2, 3, 4, 6]),
        (100, [3, 6, 16, 40, 100]),
    ],
)
def test_step_bounds(max_count, bounds):
    assert maps.step_bounds(max_count) == bounds


def test_legend_covers_every_count():
    legend = maps.germany_map("land", {"NW": 100, "BY": 1}).legend
    assert [step.label for step in legend] == ["keine", "1–3", "4–6", "7–16", "17–40", "41–100"]
    assert legend[0].css_class == "nw-map__step-0"


def test_unknown_level_is_refused():
    with pytest.raises(ValueError):
        maps.germany_map("gemeinde", {})


def test_paths_are_computed_once():
    assert geometry.path_data("kreis", "05711") is geometry.path_data("kreis", "05711")


def test_district_map_crops_to_its_districts():
    national = viewbox(maps.germany_map("land", {}))
    profile = maps.district_map(["05711", "99999"])

    assert [r.id for r in profile.regions] == ["05711"]
    assert "nw-map__highlight" in profile.regions[0].css_class
    x, y, width, height = viewbox(profile)
    assert width < national[2] / 10 and height < national[3] / 10
    assert national[0] <= x and x + width <= national[0] + national[2]
    x0, y0, x1, y1 = geometry.bounds("kreis", "05711")
    assert x <= x0 and y <= y0 and x1 <= x + width and y1 <= y + height
    touched = [r.id for r in profile.context if "nw-map__land--touched" in r.css_class]
    assert touched == ["NW"]
    assert {r.id for r in profile.context} <= {"NW", "NI"}


def test_district_map_across_state_borders():
    profile = maps.district_map(["12073", "13071", "13075"])
    touched = {r.id for r in profile.context if "nw-map__land--touched" in r.css_class}
    assert touched == {"BB", "MV"}
    assert all(r.d for r in profile.context)


def test_kreise_border_on_their_neighbours():
    adjacency = geometry.adjacency("kreis")
    # Bielefeld: Gütersloh, Herford and Lippe all around it
    assert adjacency["05711"] == {"05754", "05758", "05766"}
    assert all(adjacency[other] >= {"05711"} for other in adjacency["05711"])
    # a boundary, not a corner: München (Stadt) does not border on Freising
    assert "09178" not in adjacency["09162"]
    assert all(adjacency.values()), "every Kreis borders on another"
    assert geometry.adjacency("kreis") is adjacency


def test_profile_map_shows_the_neighbours_with_names():
    profile = maps.district_map(["05711"])
    assert [r.name for r in profile.neighbours] == ["Gütersloh", "Herford", "Lippe"]
    x, y, width, height = viewbox(profile)
    for region in profile.neighbours:
        assert region.d and region.css_class == "nw-map__neighbour"
        assert x <= float(region.label_x) <= x + width
        assert y <= float(region.label_y) <= y + height
    # the neighbours of a group are around it, not inside it
    group = maps.district_map(["05711", "05754"])
    assert "05754" not in {r.id for r in group.neighbours}


def test_district_map_without_known_districts_is_none():
    assert maps.district_map([]) is None
    assert maps.district_map(["16056"]) is None


def test_outline_files_match_the_fixtures():
    with open("fixtures/districts.json", encoding="utf-8") as fh:
        district_ags = {row["pk"] for row in json.load(fh)}
    assert set(geometry.outlines("kreis")) == district_ags
    assert set(geometry.outlines("land")) == {code for code, _ags, _name in STATES}


def contrast_with_white(hex_colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(hex_colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_filled_steps_reach_three_to_one_against_white():
    css = Path("static/css/site.css").read_text(encoding="utf-8")
    fills = dict(re.findall(r"\.nw-map__step-([1-5]) \{ fill: (#[0-9a-f]{6})", css))
    assert sorted(fills) == ["1", "2", "3", "4", "5"]
    for colour in fills.values():
        assert contrast_with_white(colour) >= 3
    outline = re.search(r"\.nw-map__step-0 \{[^}]*stroke: (#[0-9a-f]{6})", css).group(1)
    assert contrast_with_white(outline) >= 3


# Build helpers (the build itself needs the network and runs only by hand) -------


def test_build_writes_the_committed_states():
    with open("fixtures/states.json", encoding="utf-8") as fh:
        assert json.load(fh) == build.Command().build_states()


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Bielefeld, Stadt", "Bielefeld"),
        ("Mainz, kreisfreie Stadt", "Mainz"),
        ("Hamburg, Freie und Hansestadt", "Hamburg"),
        ("Städteregion Aachen", "Städteregion Aachen"),
        ("Frankfurt (Oder), Stadt", "Frankfurt (Oder)"),
    ],
)
def test_district_names_lose_the_type_suffix(raw, clean):
    assert build.clean_district_name(raw) == clean


def test_nested_feature_collections_are_flattened():
    feature = {"type": "Feature", "properties": {"AGS": "05711"}}
    nested = [feature, {"type": "FeatureCollection", "features": [feature, feature]}]
    assert list(build.iter_features(nested)) == [feature] * 3


def test_stale_district_is_reported_not_deleted(reference_data):
    District.objects.create(ags="16056", name="Eisenach", kind="Kreisfreie Stadt", state_id="TH")
    err = io.StringIO()

    call_command("load_reference_data", stdout=io.StringIO(), stderr=err)

    assert District.objects.filter(ags="16056").exists()
    assert "16056" in err.getvalue()
