"""The directory's own figures: networks per Land and per type, and partners per network.

The statistics pages show them (``survey.stats.directory`` adds disclosure control and
tables); they read the same definitions as the directory itself, above all the one
partner count of ``NetworkQuerySet.with_partner_count()``, which the list sorts by.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.db.models import Avg, Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from netzwerke.models import Network, State

# label, condition on ``partner_count``
PARTNER_BINS = (
    (_("keine"), Q(partner_count=0)),
    (_("1–2"), Q(partner_count__gte=1, partner_count__lte=2)),
    (_("3–5"), Q(partner_count__gte=3, partner_count__lte=5)),
    (_("6–10"), Q(partner_count__gte=6, partner_count__lte=10)),
    (_("11–20"), Q(partner_count__gte=11, partner_count__lte=20)),
    (_("21 und mehr"), Q(partner_count__gte=21)),
)


@dataclass(frozen=True)
class DirectoryFigures:
    #: (Land name, networks with a Kreis there); a network in two Länder counts in both
    per_land: list[tuple[str, int]]
    #: (type label, networks) for every type, in the order of ``Network.Type``
    per_type: list[tuple[str, int]]
    total: int
    #: (label, networks) per bin of ``PARTNER_BINS``
    partner_bins: list[tuple[str, int]]
    partner_mean: float | None
    #: the type facts: (type label, fact label, networks of the type, with an answer, sum)
    type_facts: list[tuple[str, str, int, int, int | None]] = ()


def type_fact_figures(networks) -> list[tuple[str, str, int, int, int | None]]:
    """Per numeric fact of a Qualifizierungsverbund or Drehscheibe: how many networks of
    that type there are, how many answered, and the sum of their answers, in one query.
    Unknown answers are left out, never counted as 0."""
    aggregates = {}
    for network_type, facts in Network.TYPE_FACTS.items():
        of_type = Q(network_type=network_type)
        aggregates[f"{network_type}__n"] = Count("pk", filter=of_type)
        for name, _column in facts:
            if isinstance(Network._meta.get_field(name), models.PositiveIntegerField):
                known = of_type & Q(**{f"{name}__isnull": False})
                aggregates[f"{name}__known"] = Count("pk", filter=known)
                aggregates[f"{name}__sum"] = Sum(name, filter=of_type)
    values = networks.order_by().aggregate(**aggregates)
    labels = dict(Network.Type.choices)
    rows = []
    for network_type, facts in Network.TYPE_FACTS.items():
        for name, _column in facts:
            if f"{name}__sum" in values:
                rows.append(
                    (
                        str(labels[network_type]),
                        str(Network._meta.get_field(name).verbose_name),
                        values[f"{network_type}__n"],
                        values[f"{name}__known"],
                        values[f"{name}__sum"],
                    )
                )
    return rows


def directory_figures(networks=None, *, states=None) -> DirectoryFigures:
    """The figures of ``networks`` (default: all published) in three queries, whatever
    their number; ``states`` (default: all) are the Länder to count them in."""
    networks = Network.objects.published() if networks is None else networks
    states = State.objects.all() if states is None else states
    per_land = list(
        states.with_network_counts(networks).values_list("name", "network_count").order_by("name")
    )
    counts = dict(networks.values_list("network_type").annotate(n=Count("pk")).order_by())
    per_type = [(label, counts.get(code, 0)) for code, label in Network.Type.choices]
    # grouped: a correlated count per network, repeated for every bin, had PostgreSQL
    # JIT-compile it at 20,000 networks
    bins = networks.with_partner_count(grouped=True).aggregate(
        mean=Avg("partner_count"),
        **{f"bin_{i}": Count("pk", filter=q) for i, (_label, q) in enumerate(PARTNER_BINS)},
    )
    return DirectoryFigures(
        per_land=per_land,
        per_type=per_type,
        total=sum(counts.values()),
        partner_bins=[(label, bins[f"bin_{i}"]) for i, (label, _q) in enumerate(PARTNER_BINS)],
        partner_mean=bins["mean"],
        type_facts=type_fact_figures(networks),
    )
