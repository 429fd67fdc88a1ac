"""Reading a network CSV: decode, split into located rows, validate every cell, no writes."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.text import slugify
from django.utils.translation import gettext as _

from netzwerke.csvformat.columns import (
    COLUMNS,
    LIST_SEPARATOR,
    M2M_COLUMNS,
    PARTNER_FIELDS,
    PERSONAL_COLUMNS,
    REQUIRED_COLUMNS,
    SCALAR_FIELDS,
    SCALAR_PARSERS,
    CellError,
    parse_boolean,
    parse_choice,
    parse_year,
    split_list,
)
from netzwerke.models import (
    ActionField,
    Actor,
    ActorType,
    District,
    Membership,
    Network,
    Sector,
    TargetGroup,
)

# stays below the bound-parameter limits of SQLite and PostgreSQL in large imports
CHUNK = 900


def in_chunks(queryset, field_name: str, values) -> list:
    values = list(values)
    rows = []
    for start in range(0, len(values), CHUNK):
        rows.extend(queryset.filter(**{f"{field_name}__in": values[start : start + CHUNK]}))
    return rows


def fill_pks(model, objects) -> None:
    """Set pks after bulk_create on backends that do not return them."""
    missing = [o for o in objects if o.pk is None]
    if missing:
        found = in_chunks(model.objects.only("slug"), "slug", [o.slug for o in missing])
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
class PartnerRow:
    slug: str
    name: str
    actor_type: ActorType | None
    district_id: str | None
    role: str
    binding: bool | None
    since: int | None
    line: int


@dataclass
class NetworkRow:
    line: int
    slug: str
    values: dict[str, Any] = field(default_factory=dict)
    m2m: dict[str, set] = field(default_factory=dict)
    partners: list[PartnerRow] | None = None


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
        self.networks = {n.slug: n for n in in_chunks(Network.objects.all(), "slug", slugs)}


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
            role_value = parse_choice(role, Membership.Role, "partner") if role else "partner"
            binding_value = parse_boolean(binding)
            since_value = parse_year(since)
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
                value = parse(cells[column])
            except CellError as exc:
                errors.append(RowError(line, column, str(exc)))
                continue
            if value is not None or column != "herkunft":
                row.values[SCALAR_FIELDS[column]] = value
        if row.values.get("contact_public") is False:
            # a public export blanks the contact of those who did not consent: importing
            # it must leave their stored contact alone
            for column in PERSONAL_COLUMNS:
                if column in cells and not cells[column]:
                    row.values.pop(SCALAR_FIELDS[column], None)
        if "kreise" in cells:
            ags_list = split_list(cells["kreise"], loose=True)
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
            keys = split_list(cells[column])
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
        existing = {a.slug for a in in_chunks(Actor.objects.only("slug"), "slug", untyped)}
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
