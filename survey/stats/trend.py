"""The topic ratings across waves: one row per wave with responses, and a line chart."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from netzwerke.models import translated_expression
from survey import charts
from survey.models import Submission, TopicRating
from survey.stats.disclosure import MIN_GROUP, n_text, percent_text
from survey.stats.queries import rating_aggregates, split_counts
from survey.stats.tables import Row, Table, split_rows


def trend_table(waves, filters):
    """Share rating each topic "zentral" and "auf der Agenda", per wave with responses.

    ``waves`` come from ``waves_with_counts`` (one query); this adds one more.
    """
    with_data = sorted((w for w in waves if w.responses), key=lambda w: w.opens_at)
    counts = list(
        TopicRating.objects.filter(
            submission__in=filters.submissions(Submission.objects.accepted()).values("pk")
        )
        .values(
            "submission__survey",
            "topic__slug",
            "topic__order",
            topic_label=translated_expression("topic__name"),
        )
        .annotate(**rating_aggregates())
        .order_by("topic__order", "topic__name")
    )
    topics = []
    for row in counts:
        if (row["topic__slug"], row["topic_label"]) not in topics:
            topics.append((row["topic__slug"], row["topic_label"]))
    by_key = {(row["submission__survey"], row["topic__slug"]): row for row in counts}

    columns = [_("Erhebung"), _("Antworten (n)")]
    for _slug, name in topics:
        columns += [
            _("%(topic)s: zentral") % {"topic": name},
            _("%(topic)s: auf der Agenda") % {"topic": name},
        ]
    rows = []
    series = {slug: [] for slug, _name in topics}
    for wave in with_data:
        cells = [n_text(wave.responses)]
        for slug, _name in topics:
            row = by_key.get((wave.pk, slug))
            if row is None:
                cells += ["–", "–"]
                series[slug].append(None)
                continue
            split = split_rows([("", split_counts(row))], columns_add_up=False)[0]
            central, agenda = split.cells[2], split.cells[4]
            cells += [central, agenda]
            series[slug].append(split.values[0])
        rows.append(Row(wave.title, cells))
    table = Table(
        slug="trend",
        title=_("Schwerpunktthemen im Zeitverlauf"),
        caption=_("Anteil „zentrales Thema“ und „auf der Agenda“ je Erhebung"),
        columns=columns,
        rows=rows,
        notes=[_("„–“: Das Thema war in dieser Erhebung nicht enthalten.")],
    )
    table.csv_url = reverse("survey:statistics-csv", kwargs={"table": "trend"}) + (
        filters.querystring
    )
    shown = sum(1 for w in with_data if w.responses >= MIN_GROUP)
    if shown >= 2:
        table.chart = charts.line_chart(
            chart_id="chart-trend",
            title=_("Anteil „zentrales Thema“ je Erhebung"),
            desc=_trend_desc(with_data, topics, series),
            x_labels=[_short_wave_label(w, with_data) for w in with_data],
            series=[(name, series[slug]) for slug, name in topics],
        )
    return table, shown


def _short_wave_label(wave, waves):
    years = [w.opens_at.year for w in waves]
    if years.count(wave.opens_at.year) == 1:
        return str(wave.opens_at.year)
    return wave.title


def _trend_desc(waves, topics, series):
    parts = [_("Liniendiagramm: Anteil der Netzwerke, für die das Thema zentral ist.")]
    for slug, name in topics:
        values = ", ".join(
            f"{w.title} {percent_text(v) if v is not None else _('nicht ausgewiesen')}"
            for w, v in zip(waves, series[slug], strict=True)
        )
        parts.append(f"{name}: {values}.")
    return " ".join(parts)
