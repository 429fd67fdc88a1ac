"""Write fixtures/real_networks.csv: networks known from public sources.

Only what the cited pages state publicly; no personal contact data. Facts that a
source does not give (partners' binding, founding year …) stay empty. Run from
the repository root: ``python scripts/build_real_networks.py``.
"""

import csv
from pathlib import Path

COLUMNS = [
    "kuerzel", "name", "typ", "status", "veroeffentlicht_am", "kurzbeschreibung",
    "beschreibung", "gruendungsjahr", "organisationsform", "kreise", "handlungsfelder",
    "zielgruppen", "branchen", "schwerpunktthemen", "website", "partner_anzahl_gemeldet",
    "hauptamtliches_management", "entwicklungspartnerschaft", "ziele_datenbasiert",
    "ergebnisse_evaluiert", "partner",
]  # fmt: skip
PUBLISHED = "2026-01-15T10:00:00+01:00"

QV_PARTNERS = [
    "Bildungswerk der Baden-Württembergischen Wirtschaft e. V.|bildungstraeger||traeger",
    "Südwestmetall|verband",
    "Südwesttextil|verband",
]
QV_TEXT = (
    "Regionaler Standort des Projekts „Qualifizierungsverbünde in Baden-Württemberg“. "
    "Kleine und mittlere Unternehmen schließen sich zu Verbünden zusammen und planen mit "
    "Unterstützung von Verbundmanagerinnen und -managern gemeinsame Weiterbildungen für "
    "ihre Beschäftigten. Das Projekt wurde vom Bildungswerk der Baden-Württembergischen "
    "Wirtschaft initiiert, startete im Juli 2019 in sechs Regionen (Rhein-Neckar, "
    "Ostwürttemberg, Stuttgart, Ulm, Freiburg, Reutlingen) und wird vom Ministerium für "
    "Wirtschaft, Arbeit und Tourismus sowie von Südwestmetall und Südwesttextil gefördert. "
    "Im Dezember 2023 waren landesweit 26 Qualifizierungsverbünde aktiv.\n\n"
    "Quellen: Pressemitteilungen des Wirtschaftsministeriums Baden-Württemberg (2019, 2021); "
    "forum-wbv.de, Erkenntnisse aus den Qualifizierungsverbünden in Baden-Württemberg."
)


def qv(slug, region, kreise, extra=""):
    return {
        "kuerzel": f"qualifizierungsverbuende-{slug}",
        "name": f"Qualifizierungsverbünde Region {region}",
        "typ": "qualifizierungsverbund",
        "kurzbeschreibung": (
            f"Weiterbildungsverbünde kleiner und mittlerer Unternehmen in der Region {region}."
            + extra
        ),
        "beschreibung": QV_TEXT,
        "gruendungsjahr": "2019",
        "kreise": kreise,
        "handlungsfelder": "aus-und-weiterbildung|digitalisierung-qualifizierung",
        "zielgruppen": "beschaeftigte|kmu",
        "branchen": "C",
        "schwerpunktthemen": "Transformation, Digitalisierung",
        "hauptamtliches_management": "ja",
        "partner": "\n".join(QV_PARTNERS),
    }


NETWORKS = [
    {
        "kuerzel": "fachkraeftebuendnis-owl",
        "name": "Fachkräftebündnis OWL",
        "typ": "buendnis",
        "kurzbeschreibung": (
            "Bündnis von rund 73 Institutionen und Unternehmen, das das Handlungskonzept "
            "„Fachkräftesicherung in OWL“ umsetzt."
        ),
        "beschreibung": (
            "Das Fachkräftebündnis OWL bündelt die Aktivitäten zur Fachkräftesicherung in "
            "Ostwestfalen-Lippe. Es wurde vom Lenkungskreis der Region initiiert; seine "
            "Geschäftsstelle ist die Regionalagentur OWL bei der OstWestfalenLippe GmbH. "
            "Grundlage ist das regionale Handlungskonzept „Fachkräftesicherung für "
            "Ostwestfalen-Lippe“, 2012 von rund 50 Arbeitsmarkt- und Wirtschaftsakteuren mit "
            "Daten und Fakten zur Region erarbeitet und seitdem fortgeschrieben (Aktualisierung "
            "2025).\n\n"
            "Seit 2012 sind 23 Projekte in den Handlungsfeldern „Nachwuchskräfte gewinnen und "
            "entwickeln“, „Fachkräfte für KMU sichern“ und „Berufliche Qualifikationen "
            "ausbauen“ gestartet. 2017 lag der Schwerpunkt auf „Smart im Mittelstand“, der "
            "digitalen Transformation kleiner Unternehmen. Das Bündnis engagiert sich in der "
            "Entwicklungspartnerschaft für Fachkräftenetzwerke.\n\n"
            "Quellen: ostwestfalenlippe.de (Regionalagentur OWL); fachkraeftebuero.de, "
            "Newsletter „3 Fragen an … das Fachkräftebündnis OWL“."
        ),
        "kreise": "05711|05754|05758|05762|05766|05770|05774",
        "handlungsfelder": (
            "berufsorientierung-nachwuchs|fachkraeftegewinnung-bindung|aus-und-weiterbildung"
        ),
        "zielgruppen": "schulabgaenger|kmu|beschaeftigte",
        "schwerpunktthemen": "Smart im Mittelstand, Digitalisierung",
        "website": (
            "https://www.ostwestfalenlippe.de/owl-gmbh/regionalagentur-owl/standard-titel-1/"
            "fachkraeftebuendnis/"
        ),
        "partner_anzahl_gemeldet": "73",
        "hauptamtliches_management": "ja",
        "entwicklungspartnerschaft": "ja",
        "ziele_datenbasiert": "ja",
        "partner": (
            "OstWestfalenLippe GmbH (Regionalagentur OWL)|wirtschaftsfoerderung|05711|koordination"
        ),
    },
    {
        "kuerzel": "allianz-fuer-fachkraefte-nordostniedersachsen",
        "name": "Allianz für Fachkräfte Nordostniedersachsen",
        "typ": "buendnis",
        "kurzbeschreibung": (
            "14 Institutionen aus sechs Landkreisen koordinieren ihre Aktivitäten und "
            "entwickeln gemeinsam Projekte zur Fachkräftesicherung."
        ),
        "beschreibung": (
            "Die Allianz wurde 2014 von sieben Institutionen gegründet und umfasst heute 14 "
            "Partner, darunter die sechs Landkreise der Region. Seit August 2015 ist sie vom "
            "Land Niedersachsen als eines von acht Regionalen Fachkräftebündnissen anerkannt "
            "und vermittelt ESF-Fördermittel an regionale Projekte. Handlungsfelder sind Aus- "
            "und Weiterbildung, die Sicherung der Beschäftigungsfähigkeit, Familienfreundlichkeit "
            "sowie Fachkräfterekrutierung und -bindung.\n\n"
            "Quellen: fachkraefteallianz-non.de; LG heute, 02.03.2014; "
            "wirtschaftsregion-celle.de."
        ),
        "gruendungsjahr": "2014",
        "kreise": "03351|03353|03354|03355|03358|03360",
        "handlungsfelder": (
            "aus-und-weiterbildung|beschaeftigungsfaehigkeit-gesundheit|"
            "vereinbarkeit-beruf-familie|fachkraeftegewinnung-bindung"
        ),
        "zielgruppen": "pendler-rueckkehrer|fachkraefte-ausland|schulabgaenger",
        "schwerpunktthemen": "Regionalmarketing, Digitalisierung",
        "website": "https://fachkraefteallianz-non.de/",
        "partner_anzahl_gemeldet": "14",
        "partner": "\n".join(
            [
                "Agentur für Arbeit Lüneburg-Uelzen|agentur-fuer-arbeit|03355",
                "Agentur für Arbeit Celle|agentur-fuer-arbeit|03351",
                "Leuphana Universität Lüneburg|hochschule|03355",
                "Ostfalia Hochschule, Standort Suderburg|hochschule|03360",
                "Arbeitgeberverband Lüneburg-Nordostniedersachsen|verband|03355",
                "Handwerkskammer Braunschweig-Lüneburg-Stade|hwk",
                "Industrie- und Handelskammer Lüneburg-Wolfsburg|ihk|03355",
                "Deutscher Gewerkschaftsbund|gewerkschaft",
                "Landkreis Celle|kommune|03351",
                "Landkreis Harburg|kommune|03353",
                "Heidekreis|kommune|03358",
                "Landkreis Lüchow-Dannenberg|kommune|03354",
                "Landkreis Lüneburg|kommune|03355",
                "Landkreis Uelzen|kommune|03360",
            ]
        ),
    },
    {
        "kuerzel": "fachkraeftebuendnis-suedostniedersachsen",
        "name": "Fachkräftebündnis SüdOstNiedersachsen",
        "typ": "buendnis",
        "kurzbeschreibung": (
            "Regionales Fachkräftebündnis der Region Braunschweig-Wolfsburg mit 28 Partnern "
            "und bisher 48 Projekten."
        ),
        "beschreibung": (
            "2015 vom Land Niedersachsen als Regionales Fachkräftebündnis anerkannt; beteiligt "
            "sind die Städte und Landkreise der Region, die Agenturen für Arbeit, Hochschulen, "
            "Gewerkschaften und Kammern. Die Geschäftsstelle bei der Allianz für die Region "
            "GmbH berät Projektträger. Die Projekte verbessern regionale Strukturen der "
            "Fachkräftesicherung, qualifizieren Arbeitsuchende und bilden Beschäftigte weiter; "
            "die Anerkennung wurde 2024 bis 2027 verlängert.\n\n"
            "Quellen: allianz-fuer-die-region.de (28.08.2015); fachkraeftebuendnis-son.de "
            "(05.09.2024)."
        ),
        "gruendungsjahr": "2015",
        "kreise": "03101|03102|03103|03151|03153|03154|03157|03158",
        "handlungsfelder": "aus-und-weiterbildung|fachkraeftegewinnung-bindung",
        "zielgruppen": "langzeitarbeitslose|beschaeftigte|fachkraefte-ausland",
        "schwerpunktthemen": "Künstliche Intelligenz, Zukunftsbranchen",
        "website": "https://www.fachkraeftebuendnis-son.de/",
        "partner_anzahl_gemeldet": "28",
        "hauptamtliches_management": "ja",
        "partner": "Allianz für die Region GmbH|wirtschaftsfoerderung|03101|koordination",
    },
    {
        "kuerzel": "fachkraefteallianz-sachsen-anhalt-sued",
        "name": "Fachkräfteallianz Sachsen-Anhalt Süd",
        "typ": "buendnis",
        "kurzbeschreibung": (
            "Kooperation von Stadt Halle (Saale), Saalekreis, Mansfeld-Südharz, "
            "Arbeitsverwaltung, Kammern und Sozialpartnern zur Gewinnung und Sicherung von "
            "Fachkräften."
        ),
        "beschreibung": (
            "Am 5. April 2022 als „Fachkräfteallianz hallesaale*“ mit einer "
            "Kooperationsvereinbarung gegründet. Am 19. April 2023 traten die Landkreise "
            "Saalekreis und Mansfeld-Südharz mit einer Ergänzungsvereinbarung bei; seitdem "
            "heißt das Bündnis Fachkräfteallianz Sachsen-Anhalt Süd.\n\n"
            "Quelle: HallAnzeiger, 19.04.2023."
        ),
        "gruendungsjahr": "2022",
        "organisationsform": "kooperationsvereinbarung",
        "kreise": "15002|15087|15088",
        "handlungsfelder": "fachkraeftegewinnung-bindung",
        "partner_anzahl_gemeldet": "9",
        "partner": "\n".join(
            [
                "Stadt Halle (Saale)|kommune|15002|partner|ja|2022",
                "Jobcenter Halle (Saale)|jobcenter|15002|partner|ja|2022",
                "Landkreis Saalekreis|kommune|15088|partner|ja|2023",
                "Landkreis Mansfeld-Südharz|kommune|15087|partner|ja|2023",
                "Agentur für Arbeit Sachsen-Anhalt Süd|agentur-fuer-arbeit||partner|ja",
                "IHK Halle-Dessau|ihk|15002|partner|ja",
                "Handwerkskammer Halle (Saale)|hwk|15002|partner|ja",
                "Deutscher Gewerkschaftsbund|gewerkschaft||partner|ja",
                "Bundesverband mittelständische Wirtschaft|verband||partner|ja",
            ]
        ),
    },
    {
        "kuerzel": "fachkraefteallianz-landkreis-bautzen",
        "name": "Fachkräfteallianz Landkreis Bautzen",
        "typ": "buendnis",
        "kurzbeschreibung": (
            "Regt Aktivitäten zur Fachkräftesicherung an und setzt ein regionales "
            "Handlungskonzept um."
        ),
        "beschreibung": (
            "Die Fachkräfteallianz im Landkreis Bautzen hat ein regionales Handlungskonzept "
            "erstellt, das sie fortschreibt und umsetzt. Weitere Institutionen haben sich ihr "
            "angeschlossen. Oben auf der Agenda stehen zielgruppengerechte "
            "Öffentlichkeitsarbeit und eine Informationsplattform zur Fachkräftesicherung.\n\n"
            "Quelle: lautech.de, Landkreis Bautzen."
        ),
        "kreise": "14625",
        "ziele_datenbasiert": "ja",
        "partner": "Landkreis Bautzen|kommune|14625",
    },
    qv("rhein-neckar", "Rhein-Neckar", "08221|08222|08226"),
    qv("ostwuerttemberg", "Ostwürttemberg", "08135|08136"),
    qv("stuttgart", "Stuttgart", "08111|08115|08116|08117|08118|08119"),
    qv("ulm", "Ulm", "08421|08425"),
    qv("freiburg", "Freiburg", "08311|08315|08316"),
    qv(
        "reutlingen",
        "Reutlingen",
        "08415",
        " Landesweiter Schwerpunkt: Textil- und Bekleidungsindustrie.",
    ),
]


def main():
    path = Path(__file__).resolve().parent.parent / "fixtures" / "real_networks.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, COLUMNS, delimiter=";", lineterminator="\r\n")
        writer.writeheader()
        for row in NETWORKS:
            row = {
                "status": "published",
                "veroeffentlicht_am": PUBLISHED,
                # no source says "nein": an unstated fact is "keine Angabe" (empty)
                **row,
            }
            writer.writerow({column: row.get(column, "") for column in COLUMNS})
    print(f"{len(NETWORKS)} Netzwerke nach {path} geschrieben.")


if __name__ == "__main__":
    main()
