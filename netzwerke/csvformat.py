"""The one CSV format for networks.

Used by the ``import_networks`` and ``export_networks`` commands, the admin and
the public export. One row is one network; the README documents every column.

- Lists (Kreise, vocabularies) are separated by ``|``: ``05711|05754``.
- ``partner`` holds one partner per line of the cell, its fields separated by ``|``:
  ``Name|Akteurstyp|AGS|Rolle|verbindlich|seit|Kürzel``; trailing fields may be left
  out, the actor's Kürzel only when it differs from the one derived from its name.
- Booleans are ``ja``/``nein``.

Reading accepts UTF-8 with or without BOM, separated by ``;`` or ``,``. Only the
columns present in the file are written, so a file with just ``kuerzel`` and
``status`` changes only the status.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections import defaultdict
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator, validate_slug
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from netzwerke.dataversion import data_version_bump
from netzwerke.models import (
    FOUNDED_YEAR_MAX,
    FOUNDED_YEAR_MIN,
    ActionField,
    Actor,
    ActorType,
    District,
    Membership,
    Network,
    Sector,
    TargetGroup,
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
    "partner_anzahl_gemeldet",
    "hauptamtliches_management",
    "entwicklungspartnerschaft",
    "ziele_datenbasiert",
    "ergebnisse_evaluiert",
    "partner",
]
REQUIRED_COLUMNS = ["kuerzel", "name"]
# personal data of the coordination: never part of a public export
PERSONAL_COLUMNS = ["koordination_person", "koordination_email", "koordination_telefon"]

LIST_SEPARATOR = "|"
PARTNER_FIELDS = ["name", "typ", "ags", "rolle", "verbindlich", "seit", "kuerzel"]
TRUE_VALUES = {"ja", "j", "x", "1", "true", "wahr", "yes"}
FALSE_VALUES = {"nein", "n", "", "0", "false", "falsch", "no"}
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
    "partner_anzahl_gemeldet": "partner_count_reported",
    "hauptamtliches_management": "full_time_management",
    "entwicklungspartnerschaft": "development_partnership",
    "ziele_datenbasiert": "goals_based_on_data",
    "ergebnisse_evaluiert": "results_evaluated",
}
M2M_COLUMNS = {
    "kreise": "districts",
    "handlungsfelder": "action_fields",
    "zielgruppen": "target_groups",
    "branchen": "sectors",
}


# --- writing ---------------------------------------------------------------------------


def export_queryset(qs: QuerySet[Network]) -> QuerySet[Network]:
    """``qs`` with what ``write_networks`` reads, so an export is a fixed number of queries."""
    return qs.prefetch_related(
        "districts",
        "action_fields",
        "target_groups",
        "sectors",
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("actor__actor_type").order_by(),
            to_attr="csv_memberships",
        ),
    )


def _bool(value: bool) -> str:
    return "ja" if value else "nein"


def _join(values) -> str:
    return LIST_SEPARATOR.join(values)


def _partner_cell(network: Network) -> str:
    memberships = getattr(network, "csv_memberships", None)
    if memberships is None:
        memberships = list(network.memberships.select_related("actor__actor_type"))
    lines = []
    for m in sorted(memberships, key=lambda m: (ROLE_ORDER[m.role], m.actor.name, m.actor.slug)):
        actor = m.actor
        parts = [
            actor.name,
            actor.actor_type.slug,
            actor.district_id or "",
            m.role,
            _bool(m.binding),
            str(m.since) if m.since else "",
            actor.slug if actor.slug != slugify(actor.name) else "",
        ]
        while parts and parts[-1] == "":
            parts.pop()
        lines.append(LIST_SEPARATOR.join(parts))
    return "\n".join(lines)


def network_row(network: Network, *, public: bool = False) -> list[str]:
    """One network as a list of cells in the order of ``COLUMNS``."""
    published_at = (
        timezone.localtime(network.published_at).isoformat() if network.published_at else ""
    )
    row = {
        "kuerzel": network.slug,
        "name": network.name,
        "typ": network.network_type,
        "status": network.status,
        "veroeffentlicht_am": published_at,
        "kurzbeschreibung": network.short_description,
        "beschreibung": network.description,
        "gruendungsjahr": str(network.founded_year or ""),
        "organisationsform": network.organisation_form,
        "kreise": _join(sorted(d.ags for d in network.districts.all())),
        "handlungsfelder": _join(t.slug for t in network.action_fields.all()),
        "zielgruppen": _join(t.slug for t in network.target_groups.all()),
        "branchen": _join(t.slug for t in network.sectors.all()),
        "schwerpunktthemen": network.topics,
        "website": network.website,
        "koordination_person": network.coordination_person,
        "koordination_funktion": network.coordination_role,
        "koordination_email": network.coordination_email,
        "koordination_telefon": network.coordination_phone,
        "partner_anzahl_gemeldet": (
            "" if network.partner_count_reported is None else str(network.partner_count_reported)
        ),
        "hauptamtliches_management": _bool(network.full_time_management),
        "entwicklungspartnerschaft": _bool(network.development_partnership),
        "ziele_datenbasiert": _bool(network.goals_based_on_data),
        "ergebnisse_evaluiert": _bool(network.results_evaluated),
        "partner": _partner_cell(network),
    }
    return [row[column] for column in columns_for(public=public)]


def columns_for(*, public: bool) -> list[str]:
    """The columns of an export. A public one leaves the personal contact columns out,
    so that importing it can never blank the contact data of a network."""
    if public:
        return [column for column in COLUMNS if column not in PERSONAL_COLUMNS]
    return COLUMNS


def write_networks(
    networks,
    stream: IO[str],
    *,
    public: bool = False,
    delimiter: str = ";",
    bom: bool = True,
) -> int:
    """Write ``networks`` (best from ``export_queryset``) to a text stream; returns the count.

    ``public=True`` leaves out the personal coordination contact columns.
    The default (``;`` and a UTF-8 BOM) opens cleanly in German Excel.
    """
    if bom:
        stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns_for(public=public))
    count = 0
    for network in networks:
        writer.writerow(network_row(network, public=public))
        count += 1
    return count


# --- reading ---------------------------------------------------------------------------

# stays below the bound-parameter limits of SQLite and PostgreSQL in large imports
CHUNK = 900


def _in_chunks(queryset, field_name: str, values) -> list:
    values = list(values)
    rows = []
    for start in range(0, len(values), CHUNK):
        rows.extend(queryset.filter(**{f"{field_name}__in": values[start : start + CHUNK]}))
    return rows


def _fill_pks(model, objects) -> None:
    """Set pks after bulk_create on backends that do not return them."""
    missing = [o for o in objects if o.pk is None]
    if missing:
        found = _in_chunks(model.objects.only("slug"), "slug", [o.slug for o in missing])
        ids = {o.slug: o.pk for o in found}
        for obj in missing:
            obj.pk = ids[obj.slug]


@dataclass(frozen=True)
class RowError:
    """One problem in an import file; ``line`` is the physical line where the row starts."""

    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.line and self.column:
            return _("Zeile %(line)d, Spalte „%(column)s“: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        if self.line:
            return _("Zeile %(line)d: %(message)s") % {"line": self.line, "message": self.message}
        return self.message


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    actors_created: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            return ngettext(
                "Import abgebrochen: %(n)d Fehler, nichts wurde gespeichert.",
                "Import abgebrochen: %(n)d Fehler, nichts wurde gespeichert.",
                len(self.errors),
            ) % {"n": len(self.errors)}
        return _(
            "Import abgeschlossen: %(created)d Netzwerke angelegt, %(updated)d aktualisiert, "
            "%(unchanged)d unverändert, %(actors)d Akteure neu angelegt."
        ) % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "actors": self.actors_created,
        }


@dataclass
class PartnerRow:
    slug: str
    name: str
    actor_type: ActorType | None
    district_id: str | None
    role: str
    binding: bool
    since: int | None
    line: int


@dataclass
class NetworkRow:
    line: int
    slug: str
    values: dict[str, Any] = field(default_factory=dict)
    m2m: dict[str, set] = field(default_factory=dict)
    partners: list[PartnerRow] | None = None


class CellError(Exception):
    pass


def _decode(data) -> str:
    if hasattr(data, "read"):
        data = data.read()
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise CellError(
                _(
                    "Zeile %(line)d: Die Datei ist nicht UTF-8-kodiert. In Excel bitte "
                    "„CSV UTF-8 (durch Trennzeichen getrennt)“ wählen."
                )
                % {"line": line}
            ) from exc
    return data.removeprefix("\ufeff")


def _sniff_delimiter(text: str) -> str:
    """``;`` or ``,``, decided on the header line, which holds no quoted separators."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if header.count(";") >= header.count(",") and ";" in header else ","


_CHOICE_INDEX: dict[tuple[str, str | None], dict[str, str]] = {}


def _choice(value: str, choices_class, column: str) -> str:
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


def _boolean(value: str) -> bool:
    folded = value.strip().casefold()
    if folded in TRUE_VALUES:
        return True
    if folded in FALSE_VALUES:
        return False
    raise CellError(_("„%(value)s“ ist kein Ja/Nein-Wert (ja oder nein).") % {"value": value})


def _year(value: str) -> int | None:
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


def _count(value: str) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise CellError(_("„%(value)s“ ist keine ganze Zahl ≥ 0.") % {"value": value})
    return int(value)


def _datetime(value: str) -> datetime.datetime | None:
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


def _text(max_length: int | None):
    def parse(value: str) -> str:
        if max_length and len(value) > max_length:
            raise CellError(
                _("Der Text ist %(length)d Zeichen lang, erlaubt sind %(max)d.")
                % {"length": len(value), "max": max_length}
            )
        return value

    return parse


def _validated(validator, max_length: int):
    def parse(value: str) -> str:
        if not value:
            return ""
        _text(max_length)(value)
        try:
            validator(value)
        except ValidationError as exc:
            raise CellError(" ".join(exc.messages)) from None
        return value

    return parse


def _split(value: str, *, loose: bool = False) -> list[str]:
    """Split a list cell at ``|``; ``loose`` also at commas, semicolons and spaces (AGS)."""
    if loose:
        for separator in (",", ";"):
            value = value.replace(separator, LIST_SEPARATOR)
        value = LIST_SEPARATOR.join(value.split())
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]


class Lookups:
    """Everything the validation needs from the database, fetched once per import."""

    def __init__(self, rows: list[dict[str, str]]):
        self.districts = set(District.objects.values_list("ags", flat=True))
        self.vocab: dict[str, dict[str, Any]] = {}
        for column, model in (
            ("handlungsfelder", ActionField),
            ("zielgruppen", TargetGroup),
            ("branchen", Sector),
        ):
            index: dict[str, Any] = {}
            for term in model.objects.all():
                keys = [term.slug, term.name]
                if model is Sector:
                    keys.append(term.code)
                for key in keys:
                    index.setdefault(key.casefold(), term.pk)
            self.vocab[column] = index
        self.actor_types: dict[str, ActorType] = {}
        for actor_type in ActorType.objects.all():
            self.actor_types.setdefault(actor_type.slug.casefold(), actor_type)
            self.actor_types.setdefault(actor_type.name.casefold(), actor_type)
        slugs = {row.get("kuerzel", "").strip() for row in rows}
        self.networks = {n.slug: n for n in _in_chunks(Network.objects.all(), "slug", slugs)}


def _parse_partners(
    value: str, line: int, lookups: Lookups, errors: list[RowError]
) -> list[PartnerRow]:
    partners: list[PartnerRow] = []
    seen: set[str] = set()
    for number, raw in enumerate(value.splitlines(), start=1):
        if not raw.strip():
            continue
        parts = [p.strip() for p in raw.split(LIST_SEPARATOR)]
        label = parts[0] or str(number)

        def fail(message, number=number, label=label):
            errors.append(
                RowError(
                    line,
                    "partner",
                    _("Partner %(number)d („%(label)s“): %(message)s")
                    % {"number": number, "label": label, "message": message},
                )
            )

        if len(parts) > len(PARTNER_FIELDS):
            fail(
                _("zu viele Angaben (höchstens %(n)d, getrennt durch „|“).")
                % {"n": len(PARTNER_FIELDS)}
            )
            continue
        parts += [""] * (len(PARTNER_FIELDS) - len(parts))
        name, type_key, ags, role, binding, since, slug = parts
        if not name:
            fail(_("Der Name fehlt."))
            continue
        if len(name) > 250:
            fail(_("Der Name ist länger als 250 Zeichen."))
            continue
        slug = slug or slugify(name)
        try:
            validate_slug(slug)
        except ValidationError:
            fail(_("„%(slug)s“ ist kein gültiges Kürzel.") % {"slug": slug})
            continue
        actor_type = None
        if type_key:
            actor_type = lookups.actor_types.get(type_key.casefold())
            if actor_type is None:
                fail(_("Akteurstyp „%(type)s“ ist unbekannt.") % {"type": type_key})
                continue
        if ags and ags not in lookups.districts:
            fail(_("Kreis „%(ags)s“ ist unbekannt (5-stelliger AGS erwartet).") % {"ags": ags})
            continue
        try:
            role_value = _choice(role, Membership.Role, "partner") if role else "partner"
            binding_value = _boolean(binding)
            since_value = _year(since)
        except CellError as exc:
            fail(str(exc))
            continue
        if slug in seen:
            fail(_("Dieser Partner ist in der Zelle doppelt aufgeführt."))
            continue
        seen.add(slug)
        partners.append(
            PartnerRow(
                slug=slug,
                name=name,
                actor_type=actor_type,
                district_id=ags or None,
                role=role_value,
                binding=binding_value,
                since=since_value,
                line=line,
            )
        )
    return partners


SCALAR_PARSERS = {
    "name": _text(200),
    "typ": lambda v: _choice(v, Network.Type, "typ") if v else Network.Type.NETWORK,
    "status": lambda v: _choice(v, Network.Status, "status") if v else "draft",
    "veroeffentlicht_am": _datetime,
    "kurzbeschreibung": _text(300),
    "beschreibung": _text(None),
    "gruendungsjahr": _year,
    "organisationsform": lambda v: (
        _choice(v, Network.OrganisationForm, "organisationsform") if v else ""
    ),
    "schwerpunktthemen": _text(500),
    "website": _validated(URLValidator(schemes=["http", "https"]), 200),
    "koordination_person": _text(150),
    "koordination_funktion": _text(150),
    "koordination_email": _validated(EmailValidator(), 254),
    "koordination_telefon": _text(50),
    "partner_anzahl_gemeldet": _count,
    "hauptamtliches_management": _boolean,
    "entwicklungspartnerschaft": _boolean,
    "ziele_datenbasiert": _boolean,
    "ergebnisse_evaluiert": _boolean,
}


def _read(text: str, errors: list[RowError]) -> list[tuple[int, dict[str, str]]] | None:
    """The data rows as ``(line, {column: cell})``; None when the header is unusable."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] = []
    try:
        line = reader.line_num + 1
        for cells in reader:
            if not any(c.strip() for c in cells):
                line = reader.line_num + 1
                continue
            if not header:
                header = [c.strip().lower() for c in cells]
                unknown = [c for c in header if c not in COLUMNS]
                for column in unknown:
                    errors.append(
                        RowError(
                            line,
                            column,
                            _("Unbekannte Spalte. Erlaubt sind: %(cols)s.")
                            % {"cols": ", ".join(COLUMNS)},
                        )
                    )
                for column in {c for c in header if header.count(c) > 1}:
                    errors.append(RowError(line, column, _("Die Spalte kommt doppelt vor.")))
                for column in REQUIRED_COLUMNS:
                    if column not in header:
                        errors.append(RowError(line, column, _("Die Pflichtspalte fehlt.")))
                if errors:
                    return None
            elif len(cells) != len(header):
                errors.append(
                    RowError(
                        line,
                        None,
                        _("Die Zeile hat %(cells)d Zellen, die Kopfzeile %(header)d.")
                        % {"cells": len(cells), "header": len(header)},
                    )
                )
            else:
                rows.append((line, {h: c.strip() for h, c in zip(header, cells, strict=True)}))
            line = reader.line_num + 1
    except csv.Error as exc:
        errors.append(RowError(reader.line_num, None, _("Ungültiges CSV: %s") % exc))
    if not header:
        errors.append(RowError(None, None, _("Die Datei ist leer.")))
        return None
    return rows


def parse_networks(data) -> tuple[list[NetworkRow], list[RowError], Lookups | None]:
    """Validate every row and cell; nothing touches the database except lookups."""
    errors: list[RowError] = []
    try:
        text = _decode(data)
    except CellError as exc:
        return [], [RowError(None, None, str(exc))], None
    raw_rows = _read(text, errors)
    if raw_rows is None:
        return [], errors, None
    lookups = Lookups([cells for _line, cells in raw_rows])
    parsed: list[NetworkRow] = []
    first_line_of_slug: dict[str, int] = {}
    for line, cells in raw_rows:
        slug = cells["kuerzel"]
        row = NetworkRow(line=line, slug=slug)
        try:
            if not slug:
                raise CellError(_("Das Kürzel fehlt."))
            validate_slug(slug)
            if len(slug) > 200:
                raise CellError(_("Das Kürzel ist länger als 200 Zeichen."))
        except ValidationError:
            errors.append(
                RowError(
                    line,
                    "kuerzel",
                    _("„%(slug)s“ ist kein gültiges Kürzel (nur a–z, 0–9, - und _).")
                    % {"slug": slug},
                )
            )
        except CellError as exc:
            errors.append(RowError(line, "kuerzel", str(exc)))
        if slug in first_line_of_slug:
            errors.append(
                RowError(
                    line,
                    "kuerzel",
                    _("Das Kürzel „%(slug)s“ kommt schon in Zeile %(first)d vor.")
                    % {"slug": slug, "first": first_line_of_slug[slug]},
                )
            )
        first_line_of_slug.setdefault(slug, line)
        if not cells["name"]:
            errors.append(RowError(line, "name", _("Der Name fehlt.")))
        for column, parse in SCALAR_PARSERS.items():
            if column not in cells:
                continue
            try:
                row.values[SCALAR_FIELDS[column]] = parse(cells[column])
            except CellError as exc:
                errors.append(RowError(line, column, str(exc)))
        if "kreise" in cells:
            ags_list = _split(cells["kreise"], loose=True)
            unknown = [a for a in ags_list if a not in lookups.districts]
            if unknown:
                errors.append(
                    RowError(
                        line,
                        "kreise",
                        _("Unbekannte Kreise (5-stelliger AGS erwartet): %(list)s")
                        % {"list": ", ".join(unknown)},
                    )
                )
            row.m2m["districts"] = set(ags_list)
        for column, index in lookups.vocab.items():
            if column not in cells:
                continue
            keys = _split(cells[column])
            unknown = [k for k in keys if k.casefold() not in index]
            if unknown:
                errors.append(
                    RowError(
                        line,
                        column,
                        _("Unbekannte Einträge: %(list)s") % {"list": ", ".join(unknown)},
                    )
                )
            row.m2m[M2M_COLUMNS[column]] = {
                index[k.casefold()] for k in keys if k.casefold() in index
            }
        if "partner" in cells:
            row.partners = _parse_partners(cells["partner"], line, lookups, errors)
        parsed.append(row)
    _check_actors(parsed, errors)
    return parsed, errors, lookups


def _check_actors(rows: list[NetworkRow], errors: list[RowError]) -> None:
    """The same actor (by Kürzel) must carry the same name, type and Kreis everywhere,
    and a new actor needs a type."""
    first: dict[str, PartnerRow] = {}
    typed = {p.slug for row in rows for p in row.partners or [] if p.actor_type}
    for row in rows:
        for partner in row.partners or []:
            seen = first.setdefault(partner.slug, partner)
            conflicts = [
                label
                for label, a, b in (
                    (_("Name"), seen.name, partner.name),
                    (_("Akteurstyp"), seen.actor_type, partner.actor_type),
                    (_("Kreis"), seen.district_id, partner.district_id),
                )
                if a and b and a != b
            ]
            if conflicts:
                errors.append(
                    RowError(
                        partner.line,
                        "partner",
                        _(
                            "Akteur „%(slug)s“ hat hier andere Angaben (%(fields)s) "
                            "als in Zeile %(first)d."
                        )
                        % {
                            "slug": partner.slug,
                            "fields": ", ".join(conflicts),
                            "first": seen.line,
                        },
                    )
                )
    untyped = {slug: p for slug, p in first.items() if slug not in typed}
    if untyped:
        existing = {a.slug for a in _in_chunks(Actor.objects.only("slug"), "slug", untyped)}
        for slug, partner in untyped.items():
            if slug not in existing:
                errors.append(
                    RowError(
                        partner.line,
                        "partner",
                        _("Akteur „%(name)s“ ist neu und braucht einen Akteurstyp.")
                        % {"name": partner.name},
                    )
                )


def import_networks(data, *, user=None) -> ImportResult:
    """Validate ``data`` (bytes, text or a file) completely, then write all of it or nothing.

    Networks are matched by Kürzel: existing ones are updated, new ones created.
    Actors are matched by Kürzel (derived from the name unless given) and created
    or updated; a network's memberships become exactly the partners listed.
    """
    rows, errors, lookups = parse_networks(data)
    result = ImportResult(errors=errors)
    if errors:
        return result
    try:
        with transaction.atomic():
            _write(rows, lookups, result, user)
    except IntegrityError as exc:
        result.errors.append(
            RowError(None, None, _("Die Datenbank hat den Import abgelehnt: %s") % exc)
        )
        result.created.clear()
        result.updated.clear()
        result.unchanged.clear()
        result.actors_created = 0
    return result


def _write(rows: list[NetworkRow], lookups: Lookups, result: ImportResult, user) -> None:
    now = timezone.now()
    data_version_bump()  # the bulk writes below send no signals
    actors = _write_actors(rows, result, user)

    new_networks, changed_networks, changed_fields = [], [], set()
    networks: dict[str, Network] = {}
    for row in rows:
        values = dict(row.values)
        network = lookups.networks.get(row.slug)
        if network is None:
            network = Network(slug=row.slug, **values)
            if network.status != Network.Status.DRAFT and network.published_at is None:
                network.published_at = now
            new_networks.append(network)
            result.created.append(row.slug)
        else:
            published = values.get("published_at", network.published_at)
            if values.get("status", network.status) != Network.Status.DRAFT and not published:
                values["published_at"] = network.published_at or now
            diff = {k: v for k, v in values.items() if getattr(network, k) != v}
            if diff:
                for key, value in diff.items():
                    setattr(network, key, value)
                network.updated_at = now
                changed_networks.append(network)
                changed_fields.update(diff)
        networks[row.slug] = network

    if new_networks:
        bulk_create_with_history(new_networks, Network, default_user=user, default_date=now)
        _fill_pks(Network, new_networks)

    m2m_changed: set[str] = set()
    for field_name in M2M_COLUMNS.values():
        desired = {
            networks[row.slug].pk: row.m2m[field_name] for row in rows if field_name in row.m2m
        }
        m2m_changed |= _sync_m2m(field_name, desired, networks)
    m2m_changed |= _sync_memberships(rows, networks, actors, user, now)

    already = {n.slug for n in changed_networks}
    for network in lookups.networks.values():
        if network.slug in m2m_changed and network.slug not in already:
            network.updated_at = now
            changed_networks.append(network)
    if changed_networks:
        bulk_update_with_history(
            changed_networks,
            Network,
            sorted(changed_fields | {"updated_at"}),
            default_user=user,
            default_date=now,
        )
    changed_slugs = {n.slug for n in changed_networks}
    for row in rows:
        if row.slug in lookups.networks:
            (result.updated if row.slug in changed_slugs else result.unchanged).append(row.slug)


def _write_actors(rows: list[NetworkRow], result: ImportResult, user) -> dict[str, Actor]:
    wanted: dict[str, PartnerRow] = {}
    for row in rows:
        for partner in row.partners or []:
            merged = wanted.setdefault(partner.slug, partner)
            # a later occurrence may fill in what the first one left open
            merged.actor_type = merged.actor_type or partner.actor_type
            merged.district_id = merged.district_id or partner.district_id
    actors = {a.slug: a for a in _in_chunks(Actor.objects.all(), "slug", wanted)}
    new, changed = [], []
    for slug, partner in wanted.items():
        actor = actors.get(slug)
        if actor is None:
            actor = Actor(
                slug=slug,
                name=partner.name,
                actor_type=partner.actor_type,
                district_id=partner.district_id,
            )
            new.append(actor)
            actors[slug] = actor
            continue
        updates = {"name": partner.name}
        if partner.actor_type:
            updates["actor_type_id"] = partner.actor_type.pk
        if partner.district_id:
            updates["district_id"] = partner.district_id
        diff = {k: v for k, v in updates.items() if getattr(actor, k) != v}
        if diff:
            for key, value in diff.items():
                setattr(actor, key, value)
            changed.append(actor)
    if new:
        bulk_create_with_history(new, Actor, default_user=user)
        _fill_pks(Actor, new)
        result.actors_created = len(new)
    if changed:
        bulk_update_with_history(
            changed, Actor, ["name", "actor_type", "district"], default_user=user
        )
    return actors


def _sync_m2m(field_name: str, desired: dict[int, set], networks: dict[str, Network]) -> set[str]:
    """Make each network's ``field_name`` exactly ``desired[pk]``; returns the changed slugs."""
    if not desired:
        return set()
    m2m = Network._meta.get_field(field_name)
    through = m2m.remote_field.through
    source = m2m.m2m_field_name() + "_id"
    target = m2m.m2m_reverse_field_name() + "_id"
    current: dict[int, set] = defaultdict(set)
    for row in _in_chunks(through.objects.all(), source, desired):
        current[getattr(row, source)].add(getattr(row, target))
    to_add, changed = [], set()
    for network_id, wanted in desired.items():
        have = current.get(network_id, set())
        if have - wanted:
            through.objects.filter(**{source: network_id, f"{target}__in": have - wanted}).delete()
        to_add.extend(through(**{source: network_id, target: t}) for t in wanted - have)
        if have != wanted:
            changed.add(network_id)
    through.objects.bulk_create(to_add)
    return {n.slug for n in networks.values() if n.pk in changed}


def _sync_memberships(rows, networks, actors, user, now) -> set[str]:
    rows = [row for row in rows if row.partners is not None]
    if not rows:
        return set()
    network_ids = [networks[row.slug].pk for row in rows]
    current = {
        (m.network_id, m.actor_id): m
        for m in _in_chunks(Membership.objects.all(), "network_id", network_ids)
    }
    new, changed, keep = [], [], set()
    touched: set[str] = set()
    for row in rows:
        network = networks[row.slug]
        for partner in row.partners:
            actor = actors[partner.slug]
            key = (network.pk, actor.pk)
            keep.add(key)
            values = {"role": partner.role, "binding": partner.binding, "since": partner.since}
            membership = current.get(key)
            if membership is None:
                new.append(Membership(network=network, actor=actor, **values))
                touched.add(row.slug)
            elif any(getattr(membership, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(membership, k, v)
                changed.append(membership)
                touched.add(row.slug)
    slug_by_pk = {n.pk: slug for slug, n in networks.items()}
    for key, membership in current.items():
        if key not in keep:
            membership._history_user = user
            membership.delete()
            touched.add(slug_by_pk[membership.network_id])
    if new:
        bulk_create_with_history(new, Membership, default_user=user, default_date=now)
    if changed:
        bulk_update_with_history(
            changed, Membership, ["role", "binding", "since"], default_user=user, default_date=now
        )
    return touched
