"""Reading a network CSV: decode, split into located rows, validate every cell, no writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.translation import gettext as _

from netzwerke.csvformat.columns import (
    COLUMNS,
    LIST_SEPARATOR,
    M2M_COLUMNS,
    PARTNER_BINDING,
    PARTNER_FIELDS,
    PARTNER_ROLE,
    PARTNER_SINCE,
    PERSONAL_COLUMNS,
    REQUIRED_COLUMNS,
    SCALAR_COLUMNS,
    SCALAR_FIELDS,
    split_list,
)
from netzwerke.models import ActorType, District, ForeignRegion, Network
from netzwerke.services import ActorMatcher, PartnerSpec, actor_slug, in_chunks
from netzwerke.tabular import LocatedError, error_text, read_csv
from netzwerke.vocabularies import NETWORK_VOCABULARIES


@dataclass
class PartnerRow(PartnerSpec):
    """A partner line of the ``partner`` cell; ``line`` is where its network row starts."""

    line: int = 0


@dataclass
class NetworkRow:
    line: int
    slug: str
    values: dict[str, Any] = field(default_factory=dict)
    m2m: dict[str, set] = field(default_factory=dict)
    partners: list[PartnerRow] | None = None


def _valid_slug(slug: str) -> bool:
    try:
        validate_slug(slug)
    except ValidationError:
        return False
    return True


class Lookups:
    """Everything the validation needs from the database, fetched once per import."""

    def __init__(self, rows: list[dict[str, str]]):
        self.districts = set(District.objects.values_list("ags", flat=True))
        self.foreign_regions = set(ForeignRegion.objects.values_list("code", flat=True))
        self.vocab: dict[str, dict[str, Any]] = {}
        for vocabulary in NETWORK_VOCABULARIES:
            index: dict[str, Any] = {}
            for term in vocabulary.model.objects.all():
                for key in vocabulary.lookup_keys(term):
                    index.setdefault(key.casefold(), term.pk)
            self.vocab[vocabulary.column] = index
        self.actor_types: dict[str, ActorType] = {}
        for actor_type in ActorType.objects.all():
            self.actor_types.setdefault(actor_type.slug.casefold(), actor_type)
            self.actor_types.setdefault(actor_type.name.casefold(), actor_type)
            if actor_type.name_en:
                self.actor_types.setdefault(actor_type.name_en.casefold(), actor_type)
        slugs = {row.get("kuerzel", "").strip() for row in rows}
        self.networks = {n.slug: n for n in in_chunks(Network.objects.all(), "slug", slugs)}
        self.actors = ActorMatcher()


def _parse_partners(
    value: str, line: int, lookups: Lookups, errors: list[LocatedError]
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
                LocatedError(
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
        if not _valid_slug(slug or actor_slug(name)):
            fail(_("„%(slug)s“ ist kein gültiges Kürzel.") % {"slug": slug or actor_slug(name)})
            continue
        slug = lookups.actors.resolve(name, slug)
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
            role_value = PARTNER_ROLE.clean(role)
            binding_value = PARTNER_BINDING.clean(binding)
            since_value = PARTNER_SINCE.clean(since)
        except ValidationError as exc:
            fail(error_text(exc))
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


def _parse_foreign_regions(row, value, lookups, errors) -> None:
    """NUTS-3 codes of the neighbouring countries' regions; a German AGS or a German NUTS
    code is refused with a pointer to the column ``kreise``."""
    codes = [code.upper() for code in split_list(value, loose=True)]
    german = [c for c in codes if c.isdigit() or c.startswith("DE")]
    if german:
        errors.append(
            LocatedError(
                row.line,
                "regionen_ausland",
                _(
                    "%(list)s: Regionen in Deutschland stehen als Kreis (5-stelliger AGS) in "
                    "der Spalte „kreise“."
                )
                % {"list": ", ".join(german)},
            )
        )
    unknown = [c for c in codes if c not in lookups.foreign_regions and c not in german]
    if unknown:
        errors.append(
            LocatedError(
                row.line,
                "regionen_ausland",
                _(
                    "Unbekannte Regionen im Ausland (NUTS-3-Code eines Nachbarstaats erwartet, "
                    "z. B. BE336): %(list)s"
                )
                % {"list": ", ".join(unknown)},
            )
        )
    row.m2m["foreign_regions"] = {c for c in codes if c in lookups.foreign_regions}


def parse_networks(data) -> tuple[list[NetworkRow], list[LocatedError], Lookups | None]:
    """Validate every row and cell; nothing touches the database except lookups."""
    table = read_csv(data, columns=COLUMNS, required=REQUIRED_COLUMNS)
    errors = table.errors
    if not table.usable:
        return [], errors, None
    raw_rows = table.rows
    lookups = Lookups([cells for _line, cells in raw_rows])
    parsed: list[NetworkRow] = []
    first_line_of_slug: dict[str, int] = {}
    for line, cells in raw_rows:
        slug = cells["kuerzel"]
        row = NetworkRow(line=line, slug=slug)
        slug_error = None
        if not slug:
            slug_error = _("Das Kürzel fehlt.")
        elif not _valid_slug(slug):
            slug_error = _("„%(slug)s“ ist kein gültiges Kürzel (nur a–z, 0–9, - und _).") % {
                "slug": slug
            }
        elif len(slug) > 200:
            slug_error = _("Das Kürzel ist länger als 200 Zeichen.")
        if slug_error:
            errors.append(LocatedError(line, "kuerzel", slug_error))
        if slug in first_line_of_slug:
            errors.append(
                LocatedError(
                    line,
                    "kuerzel",
                    _("Das Kürzel „%(slug)s“ kommt schon in Zeile %(first)d vor.")
                    % {"slug": slug, "first": first_line_of_slug[slug]},
                )
            )
        first_line_of_slug.setdefault(slug, line)
        if not cells["name"]:
            errors.append(LocatedError(line, "name", _("Der Name fehlt.")))
        for column, spec in SCALAR_COLUMNS.items():
            if column not in cells:
                continue
            try:
                value = spec.clean(cells[column], cells)
            except ValidationError as exc:
                errors.append(LocatedError(line, column, error_text(exc)))
                continue
            if value is not None or column != "herkunft":
                row.values[SCALAR_FIELDS[column]] = value
        members, kmu = row.values.get("qv_member_firms"), row.values.get("qv_member_kmu")
        if members is not None and kmu is not None and kmu > members:
            errors.append(
                LocatedError(
                    line,
                    "qv_davon_kmu",
                    _("Mehr KMU (%(kmu)d) als Mitgliedsunternehmen (%(members)d).")
                    % {"kmu": kmu, "members": members},
                )
            )
        if row.values.get("contact_public") is False:
            # a public export blanks the contact of those who did not consent: importing
            # it must leave their stored contact alone
            for column in PERSONAL_COLUMNS:
                if column in cells and not cells[column]:
                    row.values.pop(SCALAR_FIELDS[column], None)
        if "kreise" in cells:
            ags_list = split_list(cells["kreise"], loose=True)
            unknown = [a for a in ags_list if a not in lookups.districts]
            abroad = [a for a in unknown if a.upper() in lookups.foreign_regions]
            if abroad:
                errors.append(
                    LocatedError(
                        line,
                        "kreise",
                        _(
                            "%(list)s: Regionen im Ausland gehören in die Spalte "
                            "„regionen_ausland“, nicht zu den Kreisen."
                        )
                        % {"list": ", ".join(abroad)},
                    )
                )
                unknown = [a for a in unknown if a not in abroad]
            if unknown:
                errors.append(
                    LocatedError(
                        line,
                        "kreise",
                        _("Unbekannte Kreise (5-stelliger AGS erwartet): %(list)s")
                        % {"list": ", ".join(unknown)},
                    )
                )
            row.m2m["districts"] = set(ags_list)
        if "regionen_ausland" in cells:
            _parse_foreign_regions(row, cells["regionen_ausland"], lookups, errors)
        for column, index in lookups.vocab.items():
            if column not in cells:
                continue
            keys = split_list(cells[column])
            unknown = [k for k in keys if k.casefold() not in index]
            if unknown:
                errors.append(
                    LocatedError(
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
    _check_actors(parsed, errors, lookups.actors)
    return parsed, errors, lookups


def _check_actors(rows: list[NetworkRow], errors: list[LocatedError], actors: ActorMatcher) -> None:
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
                    LocatedError(
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
        for slug, partner in untyped.items():
            if not actors.exists(slug):
                errors.append(
                    LocatedError(
                        partner.line,
                        "partner",
                        _("Akteur „%(name)s“ ist neu und braucht einen Akteurstyp.")
                        % {"name": partner.name},
                    )
                )
