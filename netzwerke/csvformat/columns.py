"""The network CSV's columns: their names, the model fields behind them, and the cell parsers."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from netzwerke.models import (
    FOUNDED_YEAR_MAX,
    FOUNDED_YEAR_MIN,
    Membership,
    Network,
    Source,
)

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
    "handlungsfelder",
    "zielgruppen",
    "branchen",
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
TRUE_VALUES = {"ja", "j", "x", "1", "true", "wahr", "yes"}
FALSE_VALUES = {"nein", "n", "0", "false", "falsch", "no"}
# an empty cell is "keine Angabe", never "nein"
UNKNOWN_VALUES = {"", "keine angabe", "k. a.", "k.a.", "unbekannt", "?"}
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
}
M2M_COLUMNS = {
    "kreise": "districts",
    "handlungsfelder": "action_fields",
    "zielgruppen": "target_groups",
    "branchen": "sectors",
}


def columns_for(*, public: bool) -> list[str]:
    """The columns of an export; a public one blanks the personal cells of every network
    whose contact person did not consent (see ``network_row``)."""
    return COLUMNS


class CellError(Exception):
    """A cell's value is unusable; the message is German and says why."""


_CHOICE_INDEX: dict[tuple[str, str | None], dict[str, str]] = {}


def parse_choice(value: str, choices_class, column: str) -> str:
    """Accept a choice by its value or its German label, case-insensitively."""
    key = (choices_class.__qualname__, get_language())
    index = _CHOICE_INDEX.get(key)
    if index is None:
        index = {}
        for choice, label in choices_class.choices:
            index[str(label).casefold()] = choice
            index[choice.casefold()] = choice
        _CHOICE_INDEX[key] = index
    try:
        return index[value.casefold()]
    except KeyError:
        allowed = ", ".join(choices_class.values)
        raise CellError(
            _("„%(value)s“ ist kein gültiger Wert. Erlaubt: %(allowed)s.")
            % {"value": value, "allowed": allowed}
        ) from None


def parse_boolean(value: str) -> bool | None:
    """ja, nein, or None for an empty cell ("keine Angabe")."""
    folded = value.strip().casefold()
    if folded in TRUE_VALUES:
        return True
    if folded in FALSE_VALUES:
        return False
    if folded in UNKNOWN_VALUES:
        return None
    raise CellError(
        _("„%(value)s“ ist kein Ja/Nein-Wert (ja, nein oder leer für keine Angabe).")
        % {"value": value}
    )


def parse_flag(value: str) -> bool:
    """A yes/no setting rather than a fact: empty means no."""
    return bool(parse_boolean(value))


def parse_source(value: str) -> str | None:
    """None (leave as it is; new networks are "importiert") for an empty cell."""
    return parse_choice(value, Source, "herkunft") if value else None


def parse_year(value: str) -> int | None:
    if not value:
        return None
    try:
        year = int(value)
    except ValueError:
        raise CellError(_("„%(value)s“ ist keine Jahreszahl.") % {"value": value}) from None
    if not FOUNDED_YEAR_MIN <= year <= FOUNDED_YEAR_MAX:
        raise CellError(
            _("Das Jahr %(year)d liegt nicht zwischen %(min)d und %(max)d.")
            % {"year": year, "min": FOUNDED_YEAR_MIN, "max": FOUNDED_YEAR_MAX}
        )
    return year


def parse_count(value: str) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise CellError(_("„%(value)s“ ist keine ganze Zahl ≥ 0.") % {"value": value})
    return int(value)


def parse_datetime(value: str) -> datetime.datetime | None:
    if not value:
        return None
    parsed = None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        for fmt in ("%d.%m.%Y %H:%M", "%d.%m.%Y"):
            try:
                parsed = datetime.datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        raise CellError(
            _("„%(value)s“ ist kein Datum (z. B. 2025-03-01T10:00:00+01:00 oder 01.03.2025).")
            % {"value": value}
        )
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def parse_text(max_length: int | None):
    def parse(value: str) -> str:
        if max_length and len(value) > max_length:
            raise CellError(
                _("Der Text ist %(length)d Zeichen lang, erlaubt sind %(max)d.")
                % {"length": len(value), "max": max_length}
            )
        return value

    return parse


def parse_validated(validator, max_length: int):
    def parse(value: str) -> str:
        if not value:
            return ""
        parse_text(max_length)(value)
        try:
            validator(value)
        except ValidationError as exc:
            raise CellError(" ".join(exc.messages)) from None
        return value

    return parse


def split_list(value: str, *, loose: bool = False) -> list[str]:
    """Split a list cell at ``|``; ``loose`` also at commas, semicolons and spaces (AGS)."""
    if loose:
        for separator in (",", ";"):
            value = value.replace(separator, LIST_SEPARATOR)
        value = LIST_SEPARATOR.join(value.split())
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]


SCALAR_PARSERS = {
    "name": parse_text(200),
    "typ": lambda v: parse_choice(v, Network.Type, "typ") if v else Network.Type.NETWORK,
    "status": lambda v: parse_choice(v, Network.Status, "status") if v else "draft",
    "veroeffentlicht_am": parse_datetime,
    "kurzbeschreibung": parse_text(300),
    "beschreibung": parse_text(None),
    "gruendungsjahr": parse_year,
    "organisationsform": lambda v: (
        parse_choice(v, Network.OrganisationForm, "organisationsform") if v else ""
    ),
    "schwerpunktthemen": parse_text(500),
    "website": parse_validated(URLValidator(schemes=["http", "https"]), 200),
    "koordination_person": parse_text(150),
    "koordination_funktion": parse_text(150),
    "koordination_email": parse_validated(EmailValidator(), 254),
    "koordination_telefon": parse_text(50),
    "kontakt_veroeffentlichen": parse_flag,
    "partner_anzahl_gemeldet": parse_count,
    "hauptamtliches_management": parse_boolean,
    "entwicklungspartnerschaft": parse_boolean,
    "ziele_datenbasiert": parse_boolean,
    "ergebnisse_evaluiert": parse_boolean,
    "herkunft": parse_source,
}
