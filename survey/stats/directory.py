"""The directory's figures (published networks, not a wave) as statistics tables."""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from netzwerke.figures import directory_figures
from netzwerke.models import Network, State
from survey.stats.disclosure import MIN_GROUP, SUPPRESSED, n_text
from survey.stats.tables import Row, Table, distribution_table


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
    tables.append(type_facts_table(figures.type_facts, filter_note))
    for table in tables:
        table.csv_url = (
            reverse("survey:statistics-csv", kwargs={"table": table.slug}) + filters.querystring
        )
    return tables


def type_facts_table(type_facts, notes):
    """The facts of the Qualifizierungsverbünde and Drehscheiben: per fact the networks of
    the type, how many of them answered, and the sum of their answers. A sum over fewer
    than five answers shows "< 5", as everywhere in the statistics."""
    rows = []
    for type_label, fact_label, of_type, known, total in type_facts:
        shown = str(total) if known >= MIN_GROUP else SUPPRESSED
        rows.append(
            Row(
                f"{type_label}: {fact_label}",
                [n_text(of_type), n_text(known), shown if known else "–"],
                [total if known >= MIN_GROUP else None],
            )
        )
    return Table(
        slug="typ-kennzahlen",
        title=_("Kennzahlen nach Netzwerktyp"),
        caption=_(
            "Qualifizierungsverbünde und Arbeitsmarkt-Drehscheiben: Summe der gemeldeten "
            "Kennzahlen (nur Netzwerke mit Angabe)"
        ),
        columns=[
            _("Netzwerktyp: Kennzahl"),
            _("Netzwerke des Typs"),
            _("davon mit Angabe"),
            _("Summe der Angaben"),
        ],
        rows=rows,
        notes=[
            _("Fehlende Angaben zählen nicht als 0; „–“: keine Angabe."),
            *notes,
        ],
    )


DIRECTORY_TABLES = ("netzwerke-land", "netzwerke-typ", "partner", "typ-kennzahlen")
