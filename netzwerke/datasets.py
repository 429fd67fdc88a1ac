"""The directory's open datasets, in one list: read by ``/daten/`` and the DCAT catalogue.

A dataset is a set of records (the networks, their projects, the events, the statistics
tables, the white spots) with its distributions: the files and feeds it can be fetched
as. Paths are URL names, resolved per request, so that the page, the catalogue and the
routes never disagree; the API lives at a fixed path (its URLs belong to its own module).

The survey's statistics are named here by their URL names only: ``netzwerke`` imports
nothing from ``survey`` (README "Architecture").
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from django.db.models import Max, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netzwerke.dataversion import data_version
from netzwerke.models import Event, Network

#: the public read API (its routes are the API module's; linked by path)
API_PATH = "/api/v1/"
API_SCHEMA_PATH = "/api/v1/schema/"
API_DOCS_PATH = "/api/v1/docs/"


@dataclasses.dataclass(frozen=True)
class Format:
    label: str
    media_type: str
    #: the code in the EU file-type vocabulary (DCAT-AP.de convention 32)
    eu_file_type: str


CSV = Format("CSV", "text/csv", "CSV")
JSON = Format("JSON", "application/json", "JSON")
ATOM = Format("Atom", "application/atom+xml", "ATOM")
ICS = Format("iCalendar", "text/calendar", "ICS")


@dataclasses.dataclass(frozen=True)
class Distribution:
    key: str
    title: str
    format: Format
    url_name: str
    kwargs: dict = dataclasses.field(default_factory=dict)
    #: a query string for the example call on /daten/ ("" for none)
    example_query: str = ""

    def path(self) -> str:
        return reverse(self.url_name, kwargs=self.kwargs or None)

    def example_path(self) -> str:
        return self.path() + (f"?{self.example_query}" if self.example_query else "")


@dataclasses.dataclass(frozen=True)
class Dataset:
    key: str
    title: str
    description: str
    landing_url_name: str
    distributions: tuple[Distribution, ...]
    keywords: tuple[str, ...]
    #: which date of ``modified_dates()`` is this dataset's last change
    modified_from: str
    #: the dataset is also served by the API (``API_PATH``)
    in_api: bool = False

    def landing_path(self) -> str:
        return reverse(self.landing_url_name)


def _table(slug, title):
    return Distribution(
        f"statistik-{slug}",
        title,
        CSV,
        "survey:statistics-csv",
        {"table": slug},
        "land=NW" if slug != "trend" else "",
    )


DATASETS = (
    Dataset(
        "netzwerke",
        _("Regionale Fachkräftenetzwerke"),
        _(
            "Die veröffentlichten Netzwerke zur Fachkräftesicherung: Name, Typ, Kreise und "
            "Länder, Handlungsfelder, Zielgruppen, Branchen, Akteurstypen der Partner, Zahl "
            "der Partner, Netzwerkkriterien, Website und Kontakt (nur mit Einwilligung)."
        ),
        "netzwerke:network-list",
        (
            Distribution(
                "csv",
                _("Netzwerke als CSV"),
                CSV,
                "netzwerke:network-export-csv",
                example_query="kreis=05711",
            ),
            Distribution(
                "json",
                _("Netzwerke als JSON"),
                JSON,
                "netzwerke:network-export-json",
                example_query="land=NW&handlungsfeld=aus-und-weiterbildung",
            ),
            Distribution(
                "feed",
                _("Neu veröffentlichte Netzwerke als Atom-Feed"),
                ATOM,
                "netzwerke:network-feed",
                example_query="land=BY",
            ),
        ),
        ("Fachkräftesicherung", "Fachkräftenetzwerk", "Region", "Arbeitsmarkt"),
        "networks",
        in_api=True,
    ),
    Dataset(
        "praxisbeispiele",
        _("Praxisbeispiele: Projekte der Netzwerke"),
        _(
            "Die Projekte der veröffentlichten Netzwerke: Titel, Netzwerk, Ziele, "
            "Handlungsfelder, Status, Laufzeit, Beschreibung und Ergebnisse."
        ),
        "netzwerke:project-list",
        (
            Distribution(
                "csv",
                _("Projekte als CSV"),
                CSV,
                "netzwerke:project-export-csv",
                example_query="land=NW",
            ),
            Distribution(
                "json",
                _("Projekte als JSON"),
                JSON,
                "netzwerke:project-export-json",
                example_query="handlungsfeld=aus-und-weiterbildung",
            ),
            Distribution(
                "feed",
                _("Neue Projekte als Atom-Feed"),
                ATOM,
                "netzwerke:project-feed",
            ),
        ),
        ("Fachkräftesicherung", "Projekt", "Praxisbeispiel"),
        "projects",
        in_api=True,
    ),
    Dataset(
        "veranstaltungen",
        _("Veranstaltungen der Netzwerke"),
        _("Die geprüften Veranstaltungen der veröffentlichten Netzwerke."),
        "netzwerke:event-list",
        (
            Distribution(
                "ics",
                _("Veranstaltungen als iCalendar"),
                ICS,
                "netzwerke:event-calendar",
                example_query="land=NW",
            ),
            Distribution(
                "feed",
                _("Veranstaltungen als Atom-Feed"),
                ATOM,
                "netzwerke:event-feed",
            ),
        ),
        ("Fachkräftesicherung", "Veranstaltung"),
        "events",
    ),
    Dataset(
        "statistik",
        _("Statistik der Netzwerke"),
        _(
            "Tabellen zu den veröffentlichten Netzwerken und zu den Schwerpunktthemen der "
            "Netzwerkerhebungen; kleine Zahlen sind verborgen. Die Tabellen jeder Erhebung "
            "stehen auf ihrer Statistikseite zum Herunterladen."
        ),
        "survey:statistics",
        (
            _table("netzwerke-land", _("Netzwerke je Bundesland")),
            _table("netzwerke-typ", _("Netzwerke je Typ")),
            _table("partner", _("Partner je Netzwerk")),
            _table("typ-kennzahlen", _("Kennzahlen nach Netzwerktyp")),
            _table("trend", _("Schwerpunktthemen im Zeitverlauf")),
        ),
        ("Fachkräftesicherung", "Statistik", "Netzwerkerhebung"),
        "data",
    ),
    Dataset(
        "weisse-flecken",
        _("Weiße Flecken: Kreise ohne Netzwerk je Handlungsfeld"),
        _("Je Handlungsfeld die Kreise, in denen kein veröffentlichtes Netzwerk daran arbeitet."),
        "netzwerke:overlaps",
        (
            Distribution(
                "csv",
                _("Weiße Flecken als CSV"),
                CSV,
                "netzwerke:white-spots-csv",
                example_query="land=NW",
            ),
        ),
        ("Fachkräftesicherung", "Region", "Versorgung"),
        "data",
    ),
)


def modified_dates(request=None) -> dict[str, datetime | None]:
    """The last change of each kind of data, in two aggregate queries (plus the data
    version, which the request has usually read already): networks and their projects
    (a project carries no date of its own, so its network's change stands for it),
    events, and everything else (statistics, white spots) as the data version's date."""
    networks = Network.objects.published().aggregate(
        networks=Max("updated_at"),
        projects=Max("updated_at", filter=Q(projects__isnull=False)),
    )
    events = Event.objects.public().aggregate(events=Max("updated_at"))
    return {**networks, **events, "data": data_version(request).changed_at}
