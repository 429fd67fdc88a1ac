"""The ``Table`` every figure is made of, and the builders of its two shapes.

A distribution (one count and share per row) and the three-way split of a topic
rating; each builder applies the disclosure control and draws the chart from the
same cells the HTML table and the CSV show.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from survey import charts
from survey.models import TopicRating
from survey.stats.disclosure import (
    MIN_GROUP,
    SUPPRESSED,
    disclosure_mask,
    hidden_text,
    largest_remainder,
    n_text,
    percent_text,
    rounded_percent,
)

RATINGS = (
    (TopicRating.Rating.CENTRAL, gettext_lazy("zentrales Thema")),
    (TopicRating.Rating.AGENDA, gettext_lazy("auf der Agenda")),
    (TopicRating.Rating.NONE, gettext_lazy("kein Thema")),
)


@dataclass
class Row:
    header: str
    cells: list[str]
    # for the chart: the values behind the cells, None where hidden
    values: list = field(default_factory=list)


@dataclass
class Table:
    slug: str
    title: str
    caption: str
    columns: list[str]
    rows: list[Row]
    footer: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    chart: str = ""
    csv_url: str = ""

    @property
    def wide(self):
        """Too many columns to stand beside its chart."""
        return len(self.columns) > 4

    def csv_rows(self):
        yield self.columns
        for row in [*self.rows, *self.footer]:
            yield [row.header, *row.cells]


def split_rows(groups, *, columns_add_up):
    """Rows of the three-way split for ``groups``: [(label, [zentral, agenda, kein]), …]."""
    matrix = [[sum(counts), *counts] for _label, counts in groups]
    hidden = disclosure_mask(
        matrix,
        rows_add_up=True,
        columns_add_up=columns_add_up,
        first_is_total=True,
    )
    rows = []
    for (label, counts), hide in zip(groups, hidden, strict=True):
        n = sum(counts)
        shares = largest_remainder(counts, n)
        cells = [hidden_text(n) if hide[0] else str(n)]
        values = []
        for count, share, is_hidden in zip(counts, shares, hide[1:], strict=True):
            if is_hidden:
                cells += [hidden_text(count), hidden_text(count)]
                values.append(None)
            else:
                cells += [str(count), percent_text(share)]
                values.append(share)
        rows.append(Row(label, cells, values))
    return rows


def split_columns(first):
    columns = [first, _("Antworten (n)")]
    for _code, label in RATINGS:
        columns += [
            _("%(rating)s (Anzahl)") % {"rating": label},
            _("%(rating)s (Anteil)") % {"rating": label},
        ]
    return columns


def split_chart(table, title, desc_intro):
    legend = [str(label) for _code, label in RATINGS]
    rows = []
    desc = [desc_intro]
    for row in [*table.rows, *table.footer]:
        if any(v is None for v in row.values) or not row.values:
            note = (
                _("zu wenige Antworten")
                if row.cells[0] == SUPPRESSED
                else _("zum Schutz kleiner Gruppen nicht gezeigt")
            )
            rows.append(charts.StackedRow(row.header, None, note))
            desc.append(_("%(label)s: nicht ausgewiesen.") % {"label": row.header})
        else:
            rows.append(charts.StackedRow(row.header, row.values))
            values = ", ".join(
                f"{label} {percent_text(v)}"
                for (_code, label), v in zip(RATINGS, row.values, strict=True)
            )
            desc.append(f"{row.header}: {values}.")
    return charts.stacked_bar_chart(
        chart_id=f"chart-{table.slug}", title=title, desc=" ".join(desc), legend=legend, rows=rows
    )


def distribution_table(slug, title, caption, items, n, *, first, partition=False, notes=()):
    """One count per row and its share of ``n``.

    ``partition``: the rows divide the n (each network in exactly one row), so the
    shares use the largest-remainder method and a lone hidden cell gets company.
    """
    counts = [count for _label, count in items]
    hidden = disclosure_mask(
        [[c] for c in counts],
        columns_add_up=partition,
        group_sizes=[n] * len(counts),
    )
    shares = largest_remainder(counts, n) if partition else [rounded_percent(c, n) for c in counts]
    rows = []
    for (label, count), share, (is_hidden,) in zip(items, shares, hidden, strict=True):
        if is_hidden:
            rows.append(Row(str(label), [hidden_text(count)] * 2, [None]))
        else:
            rows.append(Row(str(label), [str(count), percent_text(share)], [share]))
    if not rows:
        notes = [_("Keine Nennungen."), *notes]
    footer = [Row(_("Basis (n)"), [n_text(n), percent_text(100) if n >= MIN_GROUP else SUPPRESSED])]
    table = Table(
        slug=slug,
        title=str(title),
        caption=caption,
        columns=[first, _("Anzahl"), _("Anteil")],
        rows=rows,
        footer=footer,
        notes=list(notes),
    )
    table.chart = charts.bar_chart(
        chart_id=f"chart-{slug}",
        title=str(title),
        desc=_bar_desc(table),
        bars=[charts.Bar(row.header, row.values[0], row.cells[1]) for row in rows],
    )
    return table


def _bar_desc(table):
    parts = [_("Balkendiagramm, Anteile in Prozent.")]
    parts += [f"{row.header}: {row.cells[1]}." for row in table.rows]
    return " ".join(parts)
