"""Figures of the directory itself (published networks), not of a wave."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerke.models import Membership, Network, State
from survey.stats.disclosure import MIN_GROUP, n_text
from survey.stats.tables import distribution_table

# labels of the bins in PARTNER_BIN_BOUNDS
PARTNER_BINS = (
    gettext_lazy("keine"),
    gettext_lazy("1–2"),
    gettext_lazy("3–5"),
    gettext_lazy("6–10"),
    gettext_lazy("11–20"),
    gettext_lazy("21 und mehr"),
)
PARTNER_BIN_BOUNDS = ((0, 0), (1, 2), (3, 5), (6, 10), (11, 20), (21, None))


def _partner_bins(networks, total):
    """Networks per partner bin and the mean, from one grouped query.

    One row per network with partners (a hash aggregate over the memberships), binned
    here; the networks without any are the rest of ``total``. A correlated count per
    network, repeated for every bin, had PostgreSQL JIT-compile it at 20,000 networks.
    """
    counts = Counter(
        Membership.objects.filter(network__in=networks.values("pk"))
        .values("network")
        .annotate(n=Count("pk"))
        .values_list("n", flat=True)
        .order_by()
    )
    counts[0] = total - sum(counts.values())
    bins = {
        f"bin_{i}": sum(
            n
            for partners, n in counts.items()
            if low <= partners and (high is None or partners <= high)
        )
        for i, (low, high) in enumerate(PARTNER_BIN_BOUNDS)
    }
    bins["mean"] = sum(p * n for p, n in counts.items()) / total if total else None
    return bins


def directory_tables(filters):
    """Networks per Land and per type, and partners per network (published networks)."""
    networks = filters.networks(Network.objects.published())
    condition = Q(districts__networks__status=Network.Status.PUBLISHED)
    if filters.network_type:
        condition &= Q(districts__networks__network_type=filters.network_type)
    states = State.objects.all()
    if filters.land:
        states = states.filter(pk=filters.land.pk)
    per_land = list(
        states.annotate(count=Count("districts__networks", filter=condition, distinct=True))
        .values_list("name", "count")
        .order_by("name")
    )
    per_type = dict(networks.values_list("network_type").annotate(count=Count("pk")).order_by())
    type_items = [(label, per_type.get(code, 0)) for code, label in Network.Type.choices]
    total = sum(per_type.values())

    bins = _partner_bins(networks, total)

    filter_note = []
    if filters.labels:
        filter_note = [_("Gefiltert: %(filters)s") % {"filters": ", ".join(filters.labels)}]

    tables = []
    table = distribution_table(
        "netzwerke-land",
        _("Netzwerke je Bundesland"),
        _("Veröffentlichte Netzwerke je Bundesland (insgesamt %(n)s)") % {"n": n_text(total)},
        per_land,
        total,
        first=_("Bundesland"),
        notes=[
            _("Ein Netzwerk, das über Landesgrenzen reicht, zählt in jedem seiner Länder."),
            *filter_note,
        ],
    )
    tables.append(table)
    table = distribution_table(
        "netzwerke-typ",
        _("Netzwerke je Typ"),
        _("Veröffentlichte Netzwerke nach Netzwerktyp (insgesamt %(n)s)") % {"n": n_text(total)},
        type_items,
        total,
        first=_("Netzwerktyp"),
        partition=True,
        notes=filter_note,
    )
    tables.append(table)
    mean = bins["mean"]
    mean_note = []
    if mean is not None and total >= MIN_GROUP:
        mean_note = [
            _("Im Mittel %(mean)s Partner je Netzwerk.")
            % {"mean": number_format(round(mean, 1), decimal_pos=1)}
        ]
    table = distribution_table(
        "partner",
        _("Partner je Netzwerk"),
        _("Veröffentlichte Netzwerke nach Zahl ihrer Partner (insgesamt %(n)s)")
        % {"n": n_text(total)},
        [(label, bins[f"bin_{i}"]) for i, label in enumerate(PARTNER_BINS)],
        total,
        first=_("Partner"),
        partition=True,
        notes=[*mean_note, *filter_note],
    )
    tables.append(table)
    for table in tables:
        table.csv_url = (
            reverse("survey:statistics-csv", kwargs={"table": table.slug}) + filters.querystring
        )
    return tables


DIRECTORY_TABLES = ("netzwerke-land", "netzwerke-typ", "partner")
