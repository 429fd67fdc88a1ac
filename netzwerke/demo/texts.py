"""The demo's words: names, industries, topics, name patterns, projects, telephone ranges."""

from __future__ import annotations

from django.utils.text import slugify

from netzwerke.models import District, Network

DEMO_NOTE = "Dieser Eintrag ist ein synthetischer Demodatensatz."

FIRST_NAMES = [
    "Anna", "Julia", "Katrin", "Sabine", "Stefanie", "Claudia", "Miriam", "Lena", "Sarah",
    "Nicole", "Thomas", "Michael", "Andreas", "Stefan", "Markus", "Jan", "Tobias", "Christian",
    "Matthias", "Daniel", "Ayşe", "Mehmet", "Olga", "Jana", "Fatma", "Lukas", "Birgit", "Uwe",
]  # fmt: skip
LAST_NAMES = [
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
    "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Braun",
    "Zimmermann", "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler",
    "Yılmaz", "Kaya", "Nowak", "Peters", "Vogel", "Friedrich", "Keller", "Günther", "Frank",
]  # fmt: skip
INDUSTRIES = [
    ("Metallbau", "C"), ("Maschinenbau", "C"), ("Elektrotechnik", "C"), ("Kunststofftechnik", "C"),
    ("Holzbau", "F"), ("Bauunternehmung", "F"), ("Haustechnik", "F"), ("Logistik", "H"),
    ("Spedition", "H"), ("Pflegedienst", "Q"), ("Seniorenzentrum", "Q"), ("Klinikum", "Q"),
    ("Autohaus", "G"), ("Großhandel", "G"), ("Hotel", "I"), ("Software", "J"),
    ("Steuerberatung", "M"), ("Ingenieurbüro", "M"), ("Gebäudeservice", "N"), ("Lebensmittel", "C"),
]  # fmt: skip
LEGAL_FORMS = ["GmbH", "GmbH & Co. KG", "KG", "AG", "e. K."]
THEMES = ["Pflege", "Handwerk", "MINT", "Gesundheit", "Logistik", "Tourismus", "Industrie"]
TOPICS = [
    "Digitalisierung", "Fachkräfteeinwanderung", "Ausbildungsmarketing", "Employer Branding",
    "Teilzeitausbildung", "Wohnen", "Mobilität", "Green Jobs", "Künstliche Intelligenz",
    "Kinderbetreuung", "Willkommenskultur", "Betriebliche Gesundheit",
]  # fmt: skip
PHONE_RANGES = ["030 23125", "069 90009", "040 66969", "089 99998", "0221 4710", "0341 39299"]
COORDINATION_ROLES = ["Netzwerkmanagerin", "Netzwerkmanager", "Netzwerkkoordination",
                      "Geschäftsführung", "Projektleitung"]  # fmt: skip

NAME_PATTERNS = {
    Network.Type.NETWORK: [
        "Fachkräftenetzwerk {r}", "Netzwerk Fachkräftesicherung {r}", "{t}netzwerk {r}",
        "Fachkräftenetzwerk {t} {r}",
    ],
    Network.Type.ALLIANCE: [
        "Fachkräftebündnis {r}", "Fachkräfteallianz {r}", "Bündnis für Fachkräfte {r}",
        "Allianz für Fachkräfte {r}", "Fachkräftebündnis {t} {r}",
    ],
    Network.Type.QUALIFICATION: [
        "Qualifizierungsverbund {r}", "Weiterbildungsverbund {r}", "Qualifizierungsverbund {t} {r}",
    ],
    Network.Type.HUB: ["Arbeitsmarkt-Drehscheibe {r}"],
    Network.Type.OTHER: [
        "Initiative Fachkräfte {r}", "Zukunftsinitiative Arbeit {r}",
        "Regionalbüro Fachkräftesicherung {r}",
    ],
}  # fmt: skip
TYPE_WEIGHTS = {
    Network.Type.NETWORK: 40,
    Network.Type.ALLIANCE: 30,
    Network.Type.QUALIFICATION: 15,
    Network.Type.HUB: 5,
    Network.Type.OTHER: 10,
}

# (title, action field slugs, aims: retain/train/attract)
PROJECTS = [
    ("Ausbildungsbotschafter {n}", ["berufsorientierung-nachwuchs"], "t"),
    ("Tag der Ausbildung {n}", ["berufsorientierung-nachwuchs", "aus-und-weiterbildung"], "t"),
    ("Azubi-Speeddating", ["berufsorientierung-nachwuchs"], "t"),
    ("Welcome Center {n}", ["integration-zuwanderung", "fachkraeftegewinnung-bindung"], "a"),
    ("Sprachförderung im Betrieb", ["integration-zuwanderung"], "ra"),
    ("Weiterbildungsberatung für KMU", ["aus-und-weiterbildung"], "r"),
    ("Karrieremesse {n}", ["fachkraeftegewinnung-bindung"], "a"),
    ("Rückkehrertag {n}", ["fachkraeftegewinnung-bindung"], "a"),
    ("Gesund arbeiten in KMU", ["beschaeftigungsfaehigkeit-gesundheit"], "r"),
    ("Erfahrung zählt: 50plus in Arbeit", ["integration-aelterer"], "ra"),
    ("Teilzeitausbildung für Alleinerziehende", ["vereinbarkeit-beruf-familie"], "t"),
    ("Familienfreundliche Arbeitgeber {n}", ["vereinbarkeit-beruf-familie"], "r"),
    ("Digitalisierungslotsen", ["digitalisierung-qualifizierung"], "r"),
    ("MINT-Tage {n}", ["berufsorientierung-nachwuchs"], "t"),
    ("Mentoring für Quereinsteiger", ["aus-und-weiterbildung"], "ta"),
    ("Arbeitgebermarke {n}", ["fachkraeftegewinnung-bindung"], "ra"),
]  # fmt: skip


# (title, online, action field slugs); "{r}" is the network's region
EVENTS = [
    ("Beratertag für kleine und mittlere Unternehmen {r}", False, ["aus-und-weiterbildung"]),
    ("Ideenlabor Fachkräftesicherung", False, ["fachkraeftegewinnung-bindung"]),
    ("Fachkräftekongress {r}", False, ["fachkraeftegewinnung-bindung", "aus-und-weiterbildung"]),
    ("Azubi-Speeddating {r}", False, ["berufsorientierung-nachwuchs"]),
    ("Webinar: Fachkräfte aus dem Ausland gewinnen", True, ["integration-zuwanderung"]),
    ("Netzwerktreffen der Partner", False, []),
    ("Online-Sprechstunde Weiterbildungsförderung", True, ["aus-und-weiterbildung"]),
    ("Tag der offenen Betriebe {r}", False, ["berufsorientierung-nachwuchs"]),
    ("Workshop: Vereinbarkeit im Betrieb", False, ["vereinbarkeit-beruf-familie"]),
]  # fmt: skip
FUNDING = ["ESF Plus", "Landesprogramm Qualifizierungsverbünde", "Weiterbildungsverbünde (BMAS)"]
HUB_SECTORS = [
    "Automobilzulieferer", "Maschinenbau", "Metallverarbeitung", "Chemie", "Textil",
    "Energie", "Druck und Medien",
]  # fmt: skip
#: Kreise on the Belgian border, for the cross-border demo network (in this order)
BELGIAN_BORDER = ["05334", "05366", "07232"]


def region_label(district: District) -> str:
    """A Kreis as it appears in a network name: "Landkreis Cham", "Bielefeld"."""
    name, kind = district.name, district.kind
    if kind in ("Kreisfreie Stadt", "Stadtkreis", "Regionalverband") or not kind:
        return name
    lowered = name.lower()
    if any(word in lowered for word in ("kreis", "region", "land")):
        return name
    return f"{kind} {name}"


def ascii_word(text: str) -> str:
    """``text`` as a plain ASCII word for an e-mail address ("Yılmaz" → "yilmaz")."""
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ş", "s"), ("ı", "i")):
        text = text.replace(a, b).replace(a.upper(), b.capitalize())
    return slugify(text).replace("-", "")
