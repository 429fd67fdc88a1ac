"""Figures of the directory itself (published networks), not of a wave."""

from __future__ import annotations

from django.db.models import Avg, Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerke.models import Membership, Network, State
from survey.stats.disclosure import MIN_GROUP, n_text
from survey.stats.tables import distribution_table

PARTNER_BINS = (
    (gettext_lazy("keine"), Q(partners=0)),
    (gettext_lazy("1–2"), Q(partners__gte=1, partners__lte=2)),
    (gettext_lazy("3–5"), Q(partners__gte=3, partners__lte=5)),
    (gettext_lazy("6–10"), Q(partners__gte=6, partners__lte=10)),
    (gettext_lazy("11–20"), Q(partners__gte=11, partners__lte=20)),
    (gettext_lazy("21 und mehr"), Q(partners__gte=21)),
)


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

    partners = Coalesce(
        Subquery(
            Membership.objects.filter(network=OuterRef("pk"))
            .order_by()
            .values("network")
            .annotate(c=Count("pk"))
            .values("c"),
            output_field=IntegerField(),
        ),
        Value(0),
    )
    bins = networks.annotate(partners=partners).aggregate(
        mean=Avg("partners"),
        **{f"bin_{i}": Count("pk", filter=q) for i, (_label, q) in enumerate(PARTNER_BINS)},
    )

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
        [(label, bins[f"bin_{i}"]) for i, (label, _q) in enumerate(PARTNER_BINS)],
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
