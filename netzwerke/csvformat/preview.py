"""What an import would do, without writing: per network created, changed (old → new per
field, Kreise and partners included) or unchanged, and possible duplicates.

Used by the admin's preview step and by ``import_networks --dry-run``; it reads the
database a fixed number of times for the whole file, plus one duplicate check per new
network.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from netzwerke.csvformat.columns import M2M_COLUMNS, SCALAR_FIELDS
from netzwerke.csvformat.parse import NetworkRow, parse_networks
from netzwerke.duplicates import possible_duplicates
from netzwerke.models import (
    District,
    ForeignRegion,
    Membership,
    Network,
    Sector,
    yes_no_unknown,
)
from netzwerke.services import in_chunks
from netzwerke.tabular import LocatedError
from netzwerke.vocabularies import NETWORK_VOCABULARIES, SECTORS

CREATED, CHANGED, UNCHANGED = "created", "changed", "unchanged"
COLUMN_OF_FIELD = {model_field: column for column, model_field in SCALAR_FIELDS.items()}
COLUMN_OF_FIELD.update({model_field: column for column, model_field in M2M_COLUMNS.items()})
# a sector is shown with its WZ letter, so it is named apart
NAMED = {
    "districts": District,
    "foreign_regions": ForeignRegion,
    **{v.field: v.model for v in NETWORK_VOCABULARIES if v is not SECTORS},
}


@dataclass
class FieldChange:
    column: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.column}: {self.old} → {self.new}"


@dataclass
class NetworkPreview:
    slug: str
    name: str
    action: str
    changes: list[FieldChange] = field(default_factory=list)
    duplicates: list[Network] = field(default_factory=list)

    @property
    def action_label(self) -> str:
        return {CREATED: _("neu"), CHANGED: _("geändert"), UNCHANGED: _("unverändert")}[self.action]


@dataclass
class ImportPreview:
    networks: list[NetworkPreview] = field(default_factory=list)
    errors: list[LocatedError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def of(self, action: str) -> list[NetworkPreview]:
        return [n for n in self.networks if n.action == action]

    @property
    def duplicate_warnings(self) -> list[NetworkPreview]:
        return [n for n in self.networks if n.duplicates]

    def summary(self) -> str:
        return _(
            "Vorschau: %(created)d Netzwerke neu, %(changed)d geändert, %(unchanged)d "
            "unverändert; nichts ist gespeichert."
        ) % {
            "created": len(self.of(CREATED)),
            "changed": len(self.of(CHANGED)),
            "unchanged": len(self.of(UNCHANGED)),
        }

    def report(self) -> list[str]:
        """The preview as lines of text, for the command line."""
        lines = [self.summary()]
        for network in self.networks:
            if network.action == UNCHANGED:
                continue
            lines.append(f"{network.action_label}: {network.slug} ({network.name})")
            lines += [f"    {change}" for change in network.changes]
            for duplicate in network.duplicates:
                lines.append(
                    "    "
                    + _("Warnung: sehr ähnlich wie „%(name)s“ (%(slug)s)")
                    % {"name": duplicate.name, "slug": duplicate.slug}
                )
        return lines


def _text(value) -> str:
    if value is None:
        return _("keine Angabe")
    if isinstance(value, bool):
        return str(yes_no_unknown(value))
    if value == "":
        return "–"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class _Names:
    """Display names of Kreise and vocabulary terms, fetched once."""

    def __init__(self):
        self.by_field = {
            name: dict(model.objects.values_list("pk", "name")) for name, model in NAMED.items()
        }
        self.by_field[SECTORS.field] = {
            pk: f"{code} {name}"
            for pk, code, name in Sector.objects.values_list("pk", "code", "name")
        }

    def join(self, field_name: str, keys) -> str:
        names = self.by_field[field_name]
        if field_name in ("districts", "foreign_regions"):
            labels = sorted(f"{names.get(k, '?')} ({k})" for k in keys)
        else:
            labels = sorted(names.get(k, str(k)) for k in keys)
        return ", ".join(labels) or "–"


def _partner_text(role, binding, since) -> str:
    parts = [str(Membership.Role(role).label)]
    parts.append(_("verbindlich: %(v)s") % {"v": _text(binding)})
    if since:
        parts.append(_("seit %(year)s") % {"year": since})
    return ", ".join(parts)


def _partner_changes(row: NetworkRow, current: dict[str, tuple]) -> list[FieldChange]:
    changes = []
    wanted = {p.slug: p for p in row.partners}
    for slug, partner in wanted.items():
        new = _partner_text(partner.role, partner.binding, partner.since)
        if slug not in current:
            changes.append(FieldChange("partner", "–", f"{partner.name} ({new})"))
            continue
        name, role, binding, since = current[slug]
        old = _partner_text(role, binding, since)
        if (role, binding, since) != (partner.role, partner.binding, partner.since):
            changes.append(FieldChange("partner", f"{name} ({old})", f"{name} ({new})"))
    for slug, (name, role, binding, since) in sorted(current.items()):
        if slug not in wanted:
            changes.append(
                FieldChange("partner", f"{name} ({_partner_text(role, binding, since)})", "–")
            )
    return changes


def import_preview(data) -> ImportPreview:
    """Validate ``data`` like ``import_networks`` and say what it would change."""
    rows, errors, lookups = parse_networks(data)
    preview = ImportPreview(errors=errors)
    if errors:
        return preview
    names = _Names()
    existing = {n.pk: n for n in lookups.networks.values()}
    m2m: dict[str, dict[int, set]] = {}
    for field_name in M2M_COLUMNS.values():
        m2m_field = Network._meta.get_field(field_name)
        target = m2m_field.m2m_reverse_field_name() + "_id"
        current: dict[int, set] = {pk: set() for pk in existing}
        for through_row in in_chunks(
            m2m_field.remote_field.through.objects.all(), "network_id", existing
        ):
            current[through_row.network_id].add(getattr(through_row, target))
        m2m[field_name] = current
    partners: dict[int, dict[str, tuple]] = {pk: {} for pk in existing}
    memberships = in_chunks(Membership.objects.select_related("actor"), "network_id", existing)
    for m in memberships:
        partners[m.network_id][m.actor.slug] = (m.actor.name, m.role, m.binding, m.since)

    for row in rows:
        name = row.values.get("name", row.slug)
        network = lookups.networks.get(row.slug)
        if network is None:
            item = NetworkPreview(row.slug, name, CREATED)
            item.changes = [
                FieldChange(COLUMN_OF_FIELD[k], "–", _text(v)) for k, v in row.values.items()
            ]
            item.changes += [
                FieldChange(COLUMN_OF_FIELD[k], "–", names.join(k, v)) for k, v in row.m2m.items()
            ]
            item.changes += _partner_changes(row, {}) if row.partners else []
            item.duplicates = possible_duplicates(
                name=name, district_ids=row.m2m.get("districts", ())
            )
        else:
            item = NetworkPreview(row.slug, name, UNCHANGED)
            for key, value in row.values.items():
                if key == "published_at" and value is None:
                    continue  # the importer keeps the date (or stamps one on publishing)
                if getattr(network, key) != value:
                    item.changes.append(
                        FieldChange(
                            COLUMN_OF_FIELD[key], _text(getattr(network, key)), _text(value)
                        )
                    )
            for key, wanted in row.m2m.items():
                have = m2m[key][network.pk]
                if have != wanted:
                    item.changes.append(
                        FieldChange(
                            COLUMN_OF_FIELD[key], names.join(key, have), names.join(key, wanted)
                        )
                    )
            if row.partners is not None:
                item.changes += _partner_changes(row, partners[network.pk])
            if item.changes:
                item.action = CHANGED
        preview.networks.append(item)
    return preview
