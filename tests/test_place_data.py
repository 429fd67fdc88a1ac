"""The builders of the place search's reference data (no database, no download)."""

import json

from netzwerke import placedata


def test_neighbours_file_is_what_the_outlines_give():
    committed = json.loads(placedata.NEIGHBOURS_FILE.read_text(encoding="utf-8"))
    assert placedata.build_neighbours() == committed
    assert len(committed) == 400
    assert committed["05754"] == ["03459", "05570", "05711", "05758", "05766", "05774", "05974"]
    # symmetric: a border has two sides
    assert all(ags in committed[other] for ags, others in committed.items() for other in others)


def city(name, lat, lon, population, *alternates):
    return {
        "name": name,
        "latitude": lat,
        "longitude": lon,
        "population": population,
        "alternatenames": list(alternates),
    }


def test_places_take_population_and_german_spellings_of_the_nearest_city():
    postal = [
        ("Halle", "15002", 51.48, 11.97),
        ("Halle", "05754", 52.06, 8.36),
        ("Hamburg", "02000", 53.55, 10.0),
        ("Hamburg", "01062", 53.60, 10.15),  # PLZ of Hamburg filed under Stormarn
        ("Emden", "03402", 53.37, 7.21),
        ("Emden", "15083", 52.24, 11.28),
    ]
    cities = [
        city(
            "Halle (Saale)", 51.48, 11.98, 237865, "Halle", "Halle an der Saale", "Halle sul Saale"
        ),
        city("Halle", 52.06, 8.36, 21393, "Halle (Westf.)", "Khalle"),
        city("Hamburg", 53.55, 10.0, 1841179),
        city("Emden", 53.37, 7.21, 51526),
    ]
    rows = placedata.build_places(postal, cities, city_districts={"02000", "03402", "15002"})
    assert rows == [
        ("Emden", "03402", 51526, ""),
        ("Emden", "15083", "", ""),
        ("Halle", "05754", 21393, "Halle (Westf.)"),
        ("Halle", "15002", 237865, "Halle an der Saale"),
        ("Hamburg", "02000", 1841179, ""),
    ]
