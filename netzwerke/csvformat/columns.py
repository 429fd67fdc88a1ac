"""The network CSV's columns: names, the model fields behind them, and their column classes."""

from __future__ import annotations

from django.core.validators import EmailValidator, URLValidator

from netzwerke.models import FOUNDED_YEAR_MAX, FOUNDED_YEAR_MIN, Membership, Network, Source
from netzwerke.tabular import (
    ChoiceColumn,
    Column,
    DateTimeColumn,
    IntegerColumn,
    TextColumn,
    YearColumn,
    YesNoColumn,
)
from netzwerke.vocabularies import NETWORK_VOCABULARIES

COLUMNS = [
    "kuerzel",
    "name",
    "typ",
    "status",
    "veroeffentlicht_am",
    "kurzbeschreibung",
    "beschreibung",
    "gruendungsjahr",
    "organisationsform",
    "kreise",
    "regionen_ausland",
    *(v.column for v in NETWORK_VOCABULARIES),  # handlungsfelder, zielgruppen, branchen
    "schwerpunktthemen",
    "website",
    "koordination_person",
    "koordination_funktion",
    "koordination_email",
    "koordination_telefon",
    "kontakt_veroeffentlichen",
    "partner_anzahl_gemeldet",
    "hauptamtliches_management",
    "entwicklungspartnerschaft",
    "ziele_datenbasiert",
    "ergebnisse_evaluiert",
    "herkunft",
    # the facts of a Qualifizierungsverbund and of an Arbeitsmarkt-Drehscheibe (optional)
    *(column for facts in Network.TYPE_FACTS.values() for _field, column in facts),
    "partner",
]
REQUIRED_COLUMNS = ["kuerzel", "name"]
# personal data of the coordination: in a public export only with the person's consent
PERSONAL_COLUMNS = [
    "koordination_person",
    "koordination_funktion",
    "koordination_email",
    "koordination_telefon",
]

LIST_SEPARATOR = "|"
PARTNER_FIELDS = ["name", "typ", "ags", "rolle", "verbindlich", "seit", "kuerzel"]
ROLE_ORDER = {
    Membership.Role.CARRIER: 0,
    Membership.Role.COORDINATION: 1,
    Membership.Role.PARTNER: 2,
}

# column → model field for the plain (non-relational) columns
SCALAR_FIELDS = {
    "name": "name",
    "typ": "network_type",
    "status": "status",
    "veroeffentlicht_am": "published_at",
    "kurzbeschreibung": "short_description",
    "beschreibung": "description",
    "gruendungsjahr": "founded_year",
    "organisationsform": "organisation_form",
    "schwerpunktthemen": "topics",
    "website": "website",
    "koordination_person": "coordination_person",
    "koordination_funktion": "coordination_role",
    "koordination_email": "coordination_email",
    "koordination_telefon": "coordination_phone",
    "kontakt_veroeffentlichen": "contact_public",
    "partner_anzahl_gemeldet": "partner_count_reported",
    "hauptamtliches_management": "full_time_management",
    "entwicklungspartnerschaft": "development_partnership",
    "ziele_datenbasiert": "goals_based_on_data",
    "ergebnisse_evaluiert": "results_evaluated",
    "herkunft": "source",
    **{column: field for facts in Network.TYPE_FACTS.values() for field, column in facts},
}
M2M_COLUMNS = {
    "kreise": "districts",
    "regionen_ausland": "foreign_regions",
    **{v.column: v.field for v in NETWORK_VOCABULARIES},
}


def columns_for(*, public: bool) -> list[str]:
    """The columns of an export; a public one blanks the personal cells of every network
    whose contact person did not consent (see ``network_row``)."""
    return COLUMNS


def split_list(value: str, *, loose: bool = False) -> list[str]:
    """Split a list cell at ``|``; ``loose`` also at commas, semicolons and spaces (AGS)."""
    if loose:
        for separator in (",", ";"):
            value = value.replace(separator, LIST_SEPARATOR)
        value = LIST_SEPARATOR.join(value.split())
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]


# the plain columns as import column classes; ``clean()`` raises ValidationError
SCALAR_COLUMNS: dict[str, Column] = {
    column.identifier: column
    for column in (
        TextColumn("name", max_length=200),
        ChoiceColumn("typ", Network.Type, default=Network.Type.NETWORK),
        ChoiceColumn("status", Network.Status, default=Network.Status.DRAFT),
        DateTimeColumn("veroeffentlicht_am"),
        TextColumn("kurzbeschreibung", max_length=300),
        TextColumn("beschreibung"),
        YearColumn("gruendungsjahr", min_year=FOUNDED_YEAR_MIN, max_year=FOUNDED_YEAR_MAX),
        ChoiceColumn("organisationsform", Network.OrganisationForm),
        TextColumn("schwerpunktthemen", max_length=500),
        TextColumn("website", max_length=200, validators=[URLValidator(schemes=["http", "https"])]),
        TextColumn("koordination_person", max_length=150),
        TextColumn("koordination_funktion", max_length=150),
        TextColumn("koordination_email", max_length=254, validators=[EmailValidator()]),
        TextColumn("koordination_telefon", max_length=50),
        # a setting, not a fact: empty means no
        YesNoColumn("kontakt_veroeffentlichen", default=False),
        IntegerColumn("partner_anzahl_gemeldet"),
        # facts: an empty cell is "keine Angabe" (None), never "nein"
        YesNoColumn("hauptamtliches_management"),
        YesNoColumn("entwicklungspartnerschaft"),
        YesNoColumn("ziele_datenbasiert"),
        YesNoColumn("ergebnisse_evaluiert"),
        # empty: unchanged; new networks are "importiert"
        ChoiceColumn("herkunft", Source, default=None),
        # type facts: an empty cell is "keine Angabe" (None or ""), never 0
        IntegerColumn("qv_mitgliedsunternehmen"),
        IntegerColumn("qv_davon_kmu"),
        TextColumn("qv_verbundmanagement", max_length=200),
        IntegerColumn("qv_massnahmen_pro_jahr"),
        IntegerColumn("qv_teilnehmende_pro_jahr"),
        TextColumn("qv_foerderprogramm", max_length=300),
        IntegerColumn("ds_abgebende_unternehmen"),
        IntegerColumn("ds_aufnehmende_unternehmen"),
        IntegerColumn("ds_vermittlungen_pro_jahr"),
        TextColumn("ds_branchen_im_wandel", max_length=500),
    )
}

# the parts of a partner line that are parsed like columns
PARTNER_ROLE = ChoiceColumn("rolle", Membership.Role, default=Membership.Role.PARTNER)
PARTNER_BINDING = YesNoColumn("verbindlich")
PARTNER_SINCE = YearColumn("seit", min_year=FOUNDED_YEAR_MIN, max_year=FOUNDED_YEAR_MAX)
