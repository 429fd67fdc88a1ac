"""The directory's own figures: networks per Land and per type, and partners per network.

The statistics pages show them (``survey.stats.directory`` adds disclosure control and
tables); they read the same definitions as the directory itself, above all the one
partner count of ``NetworkQuerySet.with_partner_count()``, which the list sorts by.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Avg, Count, Q
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
    )
