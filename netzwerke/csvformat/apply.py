"""Writing validated network rows to the database: all of a file or nothing, in bulk."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from netzwerke.csvformat.columns import M2M_COLUMNS
from netzwerke.csvformat.parse import Lookups, NetworkRow, parse_networks
from netzwerke.dataversion import data_version_bump
from netzwerke.history import history_m2m_snapshot
from netzwerke.models import Network, Source
from netzwerke.services import actors_sync, fill_pks, in_chunks, memberships_sync_many
from netzwerke.tabular import LocatedError


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    actors_created: int = 0
    errors: list[LocatedError] = field(default_factory=list)

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
            LocatedError(None, None, _("Die Datenbank hat den Import abgelehnt: %s") % exc)
        )
        result.created.clear()
        result.updated.clear()
        result.unchanged.clear()
        result.actors_created = 0
    return result


def _write(rows: list[NetworkRow], lookups: Lookups, result: ImportResult, user) -> None:
    now = timezone.now()
    data_version_bump()  # the bulk writes below send no signals
    partners = [partner for row in rows for partner in row.partners or []]
    actors, result.actors_created = actors_sync(partners=partners, user=user, rename=True, now=now)

    new_networks, changed_networks, changed_fields = [], [], set()
    networks: dict[str, Network] = {}
    for row in rows:
        values = dict(row.values)
        status = values.pop("status", None)
        published_at = values.pop("published_at", None)
        network = lookups.networks.get(row.slug)
        if network is None:
            values.setdefault("source", Source.IMPORTED)
            network = Network(slug=row.slug, **values)
            network.set_status(status or network.status, published_at=published_at, now=now)
            new_networks.append(network)
            result.created.append(row.slug)
        else:
            diff = {k: v for k, v in values.items() if getattr(network, k) != v}
            for key, value in diff.items():
                setattr(network, key, value)
            before = {"status": network.status, "published_at": network.published_at}
            network.set_status(status or network.status, published_at=published_at, now=now)
            diff.update({k: v for k, v in before.items() if getattr(network, k) != v})
            if diff:
                network.updated_at = now
                changed_networks.append(network)
                changed_fields.update(diff)
        networks[row.slug] = network

    if new_networks:
        bulk_create_with_history(new_networks, Network, default_user=user, default_date=now)
        fill_pks(Network, new_networks)

    m2m_changed: set[str] = set()
    for field_name in M2M_COLUMNS.values():
        desired = {
            networks[row.slug].pk: row.m2m[field_name] for row in rows if field_name in row.m2m
        }
        m2m_changed |= _sync_m2m(field_name, desired, networks)
    wanted = {networks[row.slug]: row.partners for row in rows if row.partners is not None}
    touched = memberships_sync_many(wanted=wanted, actors=actors, user=user, now=now)
    m2m_changed |= {n.slug for n in networks.values() if n.pk in touched}

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
    written = [n.pk for n in new_networks] + [n.pk for n in changed_networks]
    history_m2m_snapshot(network_ids=written, history_date=now)
    changed_slugs = {n.slug for n in changed_networks}
    for row in rows:
        if row.slug in lookups.networks:
            (result.updated if row.slug in changed_slugs else result.unchanged).append(row.slug)


def _sync_m2m(field_name: str, desired: dict[int, set], networks: dict[str, Network]) -> set[str]:
    """Make each network's ``field_name`` exactly ``desired[pk]``; returns the changed slugs."""
    if not desired:
        return set()
    m2m = Network._meta.get_field(field_name)
    through = m2m.remote_field.through
    source = m2m.m2m_field_name() + "_id"
    target = m2m.m2m_reverse_field_name() + "_id"
    current: dict[int, set] = defaultdict(set)
    for row in in_chunks(through.objects.all(), source, desired):
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
