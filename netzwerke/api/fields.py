"""The API's field names: stable snake_case English, each taken from the JSON export.

An API entry is the export's entry (``network_json``, ``project_json``) with its keys
renamed, so what may be published (the contact only with consent, no draft, no
archived network) is decided in one place, the export. The tables below are also the
documentation of the mapping (README, "API") and give the OpenAPI document its types.
"""

from dataclasses import dataclass

from rest_framework import serializers

from netzwerke.models import Network
from netzwerke.views.opendata import network_json
from netzwerke.views.praxis import project_json
from netzwerke.vocabularies import NETWORK_VOCABULARIES


@dataclass(frozen=True)
class Field:
    name: str  # in the API
    export: str  # key in the JSON export (the CSV column where there is one)
    schema: serializers.Field


def _strings(help_text):
    return serializers.ListField(child=serializers.CharField(), help_text=help_text)


def _text(help_text, **kwargs):
    return serializers.CharField(help_text=help_text, **kwargs)


def _flag(help_text):
    return serializers.BooleanField(allow_null=True, help_text=help_text + " (null: keine Angabe)")


NETWORK_FIELDS = (
    Field("slug", "slug", _text("Kürzel, Teil der Adresse")),
    Field("name", "name", _text("Name")),
    Field("network_type", "typ", _text("Netzwerktyp (Parameter typ)")),
    Field("short_description", "kurzbeschreibung", _text("Kurzbeschreibung")),
    Field("districts", "kreise", _strings("Kreise (AGS, fünfstellig)")),
    Field("states", "laender", _strings("Bundesländer (ISO-3166-2-Kürzel ohne DE-)")),
    Field("foreign_regions", "regionen_ausland", _strings("Regionen im Ausland (NUTS 3)")),
    *(
        Field(v.field, v.column, _strings(f"{v.plural_label} (Kürzel, Parameter {v.param})"))
        for v in NETWORK_VOCABULARIES
    ),
    Field("partner_count", "partner_anzahl", serializers.IntegerField(help_text="Partner")),
    Field(
        "founded_year",
        "gruendungsjahr",
        serializers.IntegerField(allow_null=True, help_text="Gründungsjahr"),
    ),
    Field("website", "website", _text("Website")),
    Field("full_time_management", "hauptamtliches_management", _flag("Hauptamtliches Management")),
    Field(
        "development_partnership", "entwicklungspartnerschaft", _flag("Entwicklungspartnerschaft")
    ),
    Field("goals_based_on_data", "ziele_datenbasiert", _flag("Ziele auf Basis regionaler Daten")),
    Field("results_evaluated", "ergebnisse_evaluiert", _flag("Ergebnisse evaluiert")),
    Field(
        "contact",
        "kontakt",
        serializers.DictField(
            child=serializers.CharField(),
            allow_null=True,
            help_text="Kontakt der Koordination (person, role, email, phone), "
            "nur mit Einwilligung, sonst null",
        ),
    ),
    Field(
        "type_facts",
        "typ_kennzahlen",
        serializers.DictField(
            allow_null=True,
            help_text="Kennzahlen eines Qualifizierungsverbunds oder einer Drehscheibe",
        ),
    ),
    Field("source", "herkunft", _text("Herkunft (curated, imported, survey, demo)")),
    Field("demo", "demo", serializers.BooleanField(help_text="synthetischer Demodatensatz")),
    Field("url", "url", serializers.URLField(help_text="Profilseite")),
    Field(
        "published_at",
        "veroeffentlicht",
        serializers.DateTimeField(allow_null=True, help_text="veröffentlicht am"),
    ),
    Field("updated_at", "aktualisiert", serializers.DateTimeField(help_text="geändert am")),
)
#: the keys of the export's contact, in English
CONTACT_KEYS = {"person": "person", "funktion": "role", "email": "email", "telefon": "phone"}
#: the type facts: export column → model field (``Network.TYPE_FACTS``)
TYPE_FACT_NAMES = {column: name for facts in Network.TYPE_FACTS.values() for name, column in facts}

PROJECT_FIELDS = (
    Field("slug", "slug", _text("Kürzel, eindeutig im Netzwerk")),
    Field("title", "titel", _text("Titel")),
    Field("network", "netzwerk", _text("Kürzel des Netzwerks")),
    Field("network_name", "netzwerk_name", _text("Name des Netzwerks")),
    Field("network_type", "netzwerktyp", _text("Netzwerktyp")),
    Field("districts", "kreise", _strings("Kreise des Netzwerks (AGS)")),
    Field("states", "laender", _strings("Bundesländer des Netzwerks")),
    Field("aims", "ziele", _strings("Ziele (halten, ausbilden, gewinnen; Parameter ziel)")),
    Field("action_fields", "handlungsfelder", _strings("Handlungsfelder (Kürzel)")),
    Field("status", "status", _text("Status")),
    Field("start_date", "beginn", serializers.DateField(allow_null=True, help_text="Beginn")),
    Field("end_date", "ende", serializers.DateField(allow_null=True, help_text="Ende")),
    Field("evaluated", "evaluiert", _flag("evaluiert")),
    Field("recommended", "praxisbeispiel", serializers.BooleanField(help_text="Praxisbeispiel")),
    Field("recommended_reason", "begruendung", _text("Begründung der Empfehlung")),
    Field("description", "beschreibung", _text("Beschreibung")),
    Field("results", "ergebnisse", _text("Ergebnisse")),
    Field("website", "website", _text("Website")),
    Field("demo", "demo", serializers.BooleanField(help_text="Netzwerk aus Demodaten")),
    Field("url", "url", serializers.URLField(help_text="Projektseite")),
)


def renamed(data: dict, fields) -> dict:
    return {f.name: data[f.export] for f in fields}


def network_api(request, network) -> dict:
    data = renamed(network_json(request, network), NETWORK_FIELDS)
    if data["contact"]:
        data["contact"] = {CONTACT_KEYS[k]: v for k, v in data["contact"].items()}
    if data["type_facts"]:
        data["type_facts"] = {TYPE_FACT_NAMES[k]: v for k, v in data["type_facts"].items()}
    return data


def project_api(request, project) -> dict:
    return renamed(project_json(request, project), PROJECT_FIELDS)


def serializer_of(name, fields, extra=None):
    """A serializer class with ``fields``, for the OpenAPI document only."""
    attrs = {f.name: f.schema for f in fields}
    attrs.update(extra or {})
    return type(name, (serializers.Serializer,), attrs)


NetworkSerializer = serializer_of("Network", NETWORK_FIELDS)
ProjectSerializer = serializer_of("Project", PROJECT_FIELDS)
