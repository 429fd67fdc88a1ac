"""The directory's figures (published networks, not a wave) as statistics tables."""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from netzwerke.figures import directory_figures
from netzwerke.models import Network, State
from survey.stats.disclosure import MIN_GROUP, n_text
from survey.stats.tables import distribution_table


def directory_tables(filters):
    """Networks per Land and per type, and partners per network (published networks),
    from ``netzwerke.figures`` (the directory's own definitions, one partner count)."""
    states = State.objects.all()
    if filters.land:
        states = states.filter(pk=filters.land.pk)
    figures = directory_figures(filters.networks(Network.objects.published()), states=states)
    per_land, type_items, total = figures.per_land, figures.per_type, figures.total

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
    mean = figures.partner_mean
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
        figures.partner_bins,
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
