"""Directory writes that span models: a network's partners, with the one actor-matching rule.

The CSV import (many networks at once) and the survey acceptance (one network) both
go through ``memberships_sync_many``; ``memberships_sync`` is its one-network form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from netzwerke.models import Actor, ActorType, Membership, Network

# stays below the bound-parameter limits of SQLite and PostgreSQL in large writes
CHUNK = 900
# the membership fields a caller can state; the survey states only ``binding``
MEMBERSHIP_FIELDS = ("role", "binding", "since")


def in_chunks(queryset, field_name: str, values) -> list:
    """``queryset.filter(<field_name>__in=values)`` in chunks of ``CHUNK`` values."""
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


@dataclass
class PartnerSpec:
    """One partner of a network as a source states it; ``slug`` is filled by ``ActorMatcher``."""

    name: str
    actor_type: ActorType | None = None
    district_id: str | None = None
    role: str = Membership.Role.PARTNER
    binding: bool = False
    since: int | None = None
    slug: str = ""


def actor_name_key(name: str) -> str:
    """A name compared without case and without differences in spacing."""
    return " ".join(name.split()).casefold()


def actor_slug(name: str) -> str:
    """The Kürzel an actor gets from its name (``IHK  Bielefeld`` → ``ihk-bielefeld``)."""
    return slugify(" ".join(name.split()))[:250]


class ActorMatcher:
    """The one rule that decides which actor a partner entry means (import and survey).

    1. An explicit Kürzel (the CSV's seventh partner field) names the actor exactly.
    2. Otherwise the Kürzel derived from the name (``actor_slug``): an actor with that
       Kürzel is the one meant. Slugs are unique and ignore case, spacing and
       punctuation, so "IHK Bielefeld", "IHK  bielefeld" and "IHK-Bielefeld" are one actor.
    3. Failing that, an actor whose name equals the entry's name apart from case and
       spacing (``actor_name_key``): this finds actors whose Kürzel was given by hand or
       made unique by an earlier writer.
    4. Otherwise a new actor with the derived Kürzel.

    Why slug first: it is what the CSV format documents and round-trips, it is unique
    (a name is not), and it is what every new actor is created with, so a partner
    entered once through the import and once through a survey ends as one actor.
    """

    def __init__(self):
        self.slugs: set[str] = set()
        self.by_name: dict[str, str] = {}
        for slug, name in Actor.objects.order_by("pk").values_list("slug", "name"):
            self.slugs.add(slug)
            self.by_name.setdefault(actor_name_key(name), slug)
        self.existing = frozenset(self.slugs)

    def resolve(self, name: str, slug: str = "") -> str:
        """The Kürzel of the actor ``name`` means (existing or to be created)."""
        if slug:
            self.slugs.add(slug)
            self.by_name.setdefault(actor_name_key(name), slug)
            return slug
        derived = actor_slug(name)
        if derived in self.slugs:
            return derived
        known = self.by_name.get(actor_name_key(name))
        if known:
            return known
        if not derived:  # a name without letters or digits
            derived, number = "akteur", 1
            while derived in self.slugs:
                number += 1
                derived = f"akteur-{number}"
        # later entries with the same name mean this new actor
        self.slugs.add(derived)
        self.by_name.setdefault(actor_name_key(name), derived)
        return derived

    def exists(self, slug: str) -> bool:
        """Whether an actor with this Kürzel is in the database already."""
        return slug in self.existing


def actors_sync(
    *, partners: Iterable[PartnerSpec], user, rename: bool = True, now=None
) -> tuple[dict[str, Actor], int]:
    """Create or update the actors of ``partners`` (resolved slugs); returns them by slug
    and the number created. ``rename`` lets the entry's name replace a known actor's
    (the curated CSV does, a coordinator's survey answer does not); an empty type or
    Kreis leaves a known actor's value as it is."""
    wanted: dict[str, PartnerSpec] = {}
    for partner in partners:
        merged = wanted.setdefault(partner.slug, replace(partner))
        # a later occurrence may fill in what the first one left open
        merged.actor_type = merged.actor_type or partner.actor_type
        merged.district_id = merged.district_id or partner.district_id
    actors = {a.slug: a for a in in_chunks(Actor.objects.all(), "slug", wanted)}
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
        updates = {"name": partner.name} if rename else {}
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
        bulk_create_with_history(new, Actor, default_user=user, default_date=now)
        fill_pks(Actor, new)
    if changed:
        bulk_update_with_history(
            changed,
            Actor,
            ["name", "actor_type", "district"],
            default_user=user,
            default_date=now,
        )
    return actors, len(new)


def memberships_sync_many(
    *,
    wanted: dict[Network, list[PartnerSpec]],
    actors: dict[str, Actor],
    user,
    fields: Iterable[str] = MEMBERSHIP_FIELDS,
    now=None,
) -> set[int]:
    """Make each network's memberships exactly its partners (already resolved to
    ``actors``); ``fields`` are the membership fields the source states, the others
    keep their value (or the default for a new membership). Returns the pks of the
    networks whose memberships changed."""
    fields = list(fields)
    if not wanted:
        return set()
    current = {
        (m.network_id, m.actor_id): m
        for m in in_chunks(Membership.objects.all(), "network_id", [n.pk for n in wanted])
    }
    new, changed, keep = [], [], set()
    touched: set[int] = set()
    for network, partners in wanted.items():
        for partner in partners:
            actor = actors[partner.slug]
            key = (network.pk, actor.pk)
            if key in keep:  # the same actor twice: the first entry counts
                continue
            keep.add(key)
            values = {name: getattr(partner, name) for name in fields}
            membership = current.get(key)
            if membership is None:
                new.append(Membership(network=network, actor=actor, **values))
                touched.add(network.pk)
            elif any(getattr(membership, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(membership, k, v)
                changed.append(membership)
                touched.add(network.pk)
    for key, membership in current.items():
        if key not in keep:
            # one by one, so that the history records who removed it
            membership._history_user = user
            membership.delete()
            touched.add(membership.network_id)
    if new:
        bulk_create_with_history(new, Membership, default_user=user, default_date=now)
    if changed and fields:
        bulk_update_with_history(changed, Membership, fields, default_user=user, default_date=now)
    return touched


@transaction.atomic
def memberships_sync(
    *,
    network: Network,
    partners: list[PartnerSpec],
    user,
    fields: Iterable[str] = MEMBERSHIP_FIELDS,
    rename: bool = False,
) -> bool:
    """Make ``network``'s memberships exactly ``partners``, matching each to an actor by
    the rule of ``ActorMatcher``; returns whether anything changed."""
    now = timezone.now()
    matcher = ActorMatcher()
    for partner in partners:
        partner.slug = matcher.resolve(partner.name, partner.slug)
    actors, _created = actors_sync(partners=partners, user=user, rename=rename, now=now)
    touched = memberships_sync_many(
        wanted={network: partners}, actors=actors, user=user, fields=fields, now=now
    )
    return bool(touched)
