"""Figures for /statistik/: aggregates computed in the database, with disclosure control.

Every figure is a ``Table`` of display strings. The HTML table, the chart's labels and
the CSV download are all made from the same ``Table``, so they cannot disagree, and
the "< 5" of the disclosure control is decided in one place (``disclosure_mask``).

Each builder runs a fixed number of queries (conditional aggregation or
``values().annotate(Count)``), whatever the number of responses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Avg, Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerke.models import Membership, Network, State
from survey import charts
from survey.models import Submission, Survey, TopicRating

MIN_GROUP = 5
"""Groups of fewer networks than this are never shown as counts or shares."""

SUPPRESSED = "< 5"
"""Shown instead of a count or share that concerns fewer than MIN_GROUP networks."""

SECONDARY = "x"
"""Shown instead of a larger count that is hidden so a "< 5" cannot be worked out."""

RATINGS = (
    (TopicRating.Rating.CENTRAL, gettext_lazy("zentrales Thema")),
    (TopicRating.Rating.AGENDA, gettext_lazy("auf der Agenda")),
    (TopicRating.Rating.NONE, gettext_lazy("kein Thema")),
)

FOUNDING_PERIODS = (
    (gettext_lazy("vor 2000"), Q(founded_year__lt=2000)),
    (gettext_lazy("2000–2009"), Q(founded_year__gte=2000, founded_year__lte=2009)),
    (gettext_lazy("2010–2014"), Q(founded_year__gte=2010, founded_year__lte=2014)),
    (gettext_lazy("2015–2019"), Q(founded_year__gte=2015, founded_year__lte=2019)),
    (gettext_lazy("ab 2020"), Q(founded_year__gte=2020)),
    (gettext_lazy("keine Angabe"), Q(founded_year__isnull=True)),
)

CRITERIA = (
    (
        "criterion_partners",
        gettext_lazy("Mindestens drei regionale Akteure arbeiten verbindlich zusammen"),
    ),
    ("criterion_data", gettext_lazy("Ziele auf Basis aussagekräftiger regionaler Daten")),
    (
        "criterion_measures",
        gettext_lazy("Maßnahmen in den Handlungsfeldern abgeleitet und umgesetzt"),
    ),
    (
        "criterion_evaluation",
        gettext_lazy("Ergebnisse evaluiert, Ziele und Maßnahmen angepasst"),
    ),
)

PARTNER_BINS = (
    (gettext_lazy("keine"), Q(partners=0)),
    (gettext_lazy("1–2"), Q(partners__gte=1, partners__lte=2)),
    (gettext_lazy("3–5"), Q(partners__gte=3, partners__lte=5)),
    (gettext_lazy("6–10"), Q(partners__gte=6, partners__lte=10)),
    (gettext_lazy("11–20"), Q(partners__gte=11, partners__lte=20)),
    (gettext_lazy("21 und mehr"), Q(partners__gte=21)),
)

# Submission's many-to-many facts: table slug, field, the vocabulary's name in the
# through table, title.
DISTRIBUTIONS = (
    ("handlungsfelder", "action_fields", "actionfield", gettext_lazy("Handlungsfelder")),
    ("zielgruppen", "target_groups", "targetgroup", gettext_lazy("Zielgruppen")),
    ("branchen", "sectors", "sector", gettext_lazy("Branchen")),
    (
        "partnertypen",
        "partner_types",
        "actortype",
        gettext_lazy("Akteurstypen unter den Partnern"),
    ),
)


# Disclosure control and rounding


def disclosure_mask(
    counts, *, rows_add_up=False, columns_add_up=False, group_sizes=None, first_is_total=False
):
    """Which cells of a table of network counts must be hidden.

    ``counts`` is a list of rows of integers. A cell is hidden when it counts 1 to 4
    networks, and so is every cell of a row whose group (``group_sizes``) has fewer
    than MIN_GROUP networks. With ``first_is_total`` the first column is the row's own
    n: once it is hidden, the whole row is, since its shares would give it away.

    Where the cells of a row or a column add up to a figure that is published (the
    row's n, a total row), a single hidden cell could be worked out by subtraction, so
    the smallest visible cell of that line is hidden as well, until no line has
    exactly one hidden cell.
    """
    hidden = [[0 < c < MIN_GROUP for c in row] for row in counts]
    for i, size in enumerate(group_sizes or ()):
        if size < MIN_GROUP:
            hidden[i] = [True] * len(counts[i])
    lines = []
    if rows_add_up:
        lines += [[(i, j) for j in range(len(row))] for i, row in enumerate(counts)]
    if columns_add_up and counts:
        lines += [[(i, j) for i in range(len(counts))] for j in range(len(counts[0]))]
    changed = True
    while changed:
        changed = False
        if first_is_total:
            for row in hidden:
                if row and row[0] and not all(row):
                    row[:] = [True] * len(row)
                    changed = True
        for line in lines:
            visible = [(i, j) for i, j in line if not hidden[i][j]]
            if len(line) - len(visible) == 1 and visible:
                i, j = min(visible, key=lambda ij: (counts[ij[0]][ij[1]], ij))
                hidden[i][j] = True
                changed = True
    return hidden


def hidden_text(count):
    return SUPPRESSED if count < MIN_GROUP else SECONDARY


def largest_remainder(counts, total=None):
    """Whole percentages that add up to 100 (largest-remainder / Hare-Niemeyer method).

    Each share is first rounded down; the points still missing to 100 go to the
    shares with the largest remainders (ties: the larger count, then the earlier one).
    """
    total = sum(counts) if total is None else total
    if total <= 0:
        return [0] * len(counts)
    floors = [c * 100 // total for c in counts]
    remainders = [c * 100 % total for c in counts]
    missing = 100 - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (-remainders[i], -counts[i], i))
    for i in order[:missing]:
        floors[i] += 1
    return floors


def rounded_percent(count, total):
    """A share rounded half up on its own, for answers where several may apply."""
    if total <= 0:
        return 0
    return (count * 200 + total) // (2 * total)


def percent_text(value):
    return f"{value} %"


# Tables


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


@dataclass(frozen=True)
class Filters:
    """The valid filters of a request; invalid values never get here."""

    land: State | None = None
    network_type: str = ""

    def submissions(self, qs):
        if self.land:
            qs = qs.filter(land=self.land)
        if self.network_type:
            qs = qs.filter(network_type=self.network_type)
        return qs

    def networks(self, qs):
        if self.land:
            qs = qs.filter(pk__in=Network.objects.in_state(self.land.pk).values("pk"))
        if self.network_type:
            qs = qs.filter(network_type=self.network_type)
        return qs

    @property
    def params(self):
        params = {}
        if self.land:
            params["land"] = self.land.pk
        if self.network_type:
            params["typ"] = self.network_type
        return params

    @property
    def querystring(self):
        return f"?{urlencode(self.params)}" if self.params else ""

    @property
    def labels(self):
        labels = []
        if self.land:
            labels.append(self.land.name)
        if self.network_type:
            labels.append(str(Network.Type(self.network_type).label))
        return labels


def type_label(code):
    if not code:
        return _("ohne Angabe")
    # an imported historic wave may carry a type the choices no longer know
    return str(dict(Network.Type.choices).get(code, code))


def accepted_submissions(survey, filters):
    return filters.submissions(Submission.objects.accepted().filter(survey=survey))


def waves_with_counts(filters):
    """All waves, newest first, each with ``responses``: its accepted submissions."""
    condition = Q(submissions__state=Submission.State.ACCEPTED)
    if filters.land:
        condition &= Q(submissions__land=filters.land)
    if filters.network_type:
        condition &= Q(submissions__network_type=filters.network_type)
    # Meta.ordering does not apply to a GROUP BY query
    return list(
        Survey.objects.annotate(responses=Count("submissions", filter=condition)).order_by(
            "-opens_at", "pk"
        )
    )


def n_text(n):
    return SUPPRESSED if 0 < n < MIN_GROUP else str(n)


def _split_counts(row):
    return [row[str(code)] for code, _label in RATINGS]


def _rating_aggregates():
    return {str(code): Count("pk", filter=Q(rating=code)) for code, _label in RATINGS}


def _split_rows(groups, *, columns_add_up):
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


def _split_columns(first):
    columns = [first, _("Antworten (n)")]
    for _code, label in RATINGS:
        columns += [
            _("%(rating)s (Anzahl)") % {"rating": label},
            _("%(rating)s (Anteil)") % {"rating": label},
        ]
    return columns


def _split_chart(table, title, desc_intro):
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


def _distribution_table(slug, title, caption, items, n, *, first, partition=False, notes=()):
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


# The figures of one wave


@dataclass
class WaveStatistics:
    survey: Survey
    filters: Filters
    n: int
    tables: list[Table]
    topic_sections: list[tuple[str, list[Table]]]

    @property
    def n_display(self):
        return n_text(self.n)

    @property
    def highlights(self):
        """One sentence per topic, from the rounded shares of the topic table."""
        sentences = []
        for row in self.tables[0].rows if self.tables else ():
            if None in row.values:
                continue
            central, agenda, _none = row.values
            sentences.append(
                _(
                    "„%(topic)s“ ist für %(central)s %% der Netzwerke ein zentrales Thema; "
                    "%(any)s %% haben es mindestens auf der Agenda."
                )
                % {"topic": row.header, "central": central, "any": central + agenda}
            )
        return sentences

    @property
    def too_few(self):
        return 0 < self.n < MIN_GROUP

    def table(self, slug):
        for table in self.all_tables:
            if table.slug == slug:
                return table
        return None

    @property
    def all_tables(self):
        tables = list(self.tables)
        for _title, section in self.topic_sections:
            tables += section
        return tables


def wave_statistics(survey, filters, *, topic_only=False):
    """All figures of one wave for the valid ``filters``.

    ``topic_only`` stops after the topic split (the overview page shows just that).
    """
    qs = accepted_submissions(survey, filters)
    facts = qs.aggregate(
        n=Count("pk"),
        **{
            f"{state}_{name}": Count("pk", filter=Q(**{name: value}))
            for name, _label in CRITERIA
            for state, value in (("met", True), ("unmet", False))
        },
        **{
            f"unknown_{name}": Count("pk", filter=Q(**{f"{name}__isnull": True}))
            for name, _label in CRITERIA
        },
        all_criteria=Count("pk", filter=Q(**{name: True for name, _label in CRITERIA})),
        ftm_yes=Count("pk", filter=Q(full_time_management=True)),
        ftm_no=Count("pk", filter=Q(full_time_management=False)),
        ftm_unknown=Count("pk", filter=Q(full_time_management__isnull=True)),
        **{f"period_{i}": Count("pk", filter=q) for i, (_label, q) in enumerate(FOUNDING_PERIODS)},
    )
    n = facts["n"]
    stats = WaveStatistics(survey=survey, filters=filters, n=n, tables=[], topic_sections=[])
    if n == 0:
        return stats

    ratings = TopicRating.objects.filter(submission__in=qs.values("pk")).order_by()
    by_topic = list(
        ratings.values("topic__slug", "topic__name")
        .annotate(**_rating_aggregates())
        .order_by("topic__order", "topic__name")
    )
    stats.tables.append(_topic_table(survey, filters, by_topic))
    if topic_only:
        return stats

    by_land = list(
        ratings.values("topic__slug", "submission__land", "submission__land__name")
        .annotate(**_rating_aggregates())
        .order_by("topic__slug", "submission__land__name")
    )
    by_type = list(
        ratings.values("topic__slug", "submission__network_type")
        .annotate(**_rating_aggregates())
        .order_by("topic__slug", "submission__network_type")
    )
    type_order = {str(code): i for i, code in enumerate(Network.Type.values)}
    for topic in by_topic:
        slug = topic["topic__slug"]
        land_groups = [
            (row["submission__land__name"] or _("ohne Angabe"), _split_counts(row))
            for row in by_land
            if row["topic__slug"] == slug
        ]
        land_groups.sort(key=lambda g: (g[0] == _("ohne Angabe"), g[0]))
        type_groups = sorted(
            (
                (row["submission__network_type"], _split_counts(row))
                for row in by_type
                if row["topic__slug"] == slug
            ),
            key=lambda g: type_order.get(g[0], len(type_order)),
        )
        type_groups = [(type_label(code), counts) for code, counts in type_groups]
        stats.topic_sections.append(
            (
                topic["topic__name"],
                [
                    _breakdown_table(
                        survey,
                        filters,
                        topic,
                        f"land-{slug}",
                        _("Bundesland"),
                        land_groups,
                        _("nach Bundesland"),
                    ),
                    _breakdown_table(
                        survey,
                        filters,
                        topic,
                        f"typ-{slug}",
                        _("Netzwerktyp"),
                        type_groups,
                        _("nach Netzwerktyp"),
                    ),
                ],
            )
        )

    for slug, field_name, target, title in DISTRIBUTIONS:
        through = getattr(Submission, field_name).through
        name_fields = [f"{target}__code", f"{target}__name"] if target == "sector" else []
        items = (
            through.objects.filter(submission__in=qs.values("pk"))
            .values(f"{target}__name", *name_fields)
            .annotate(count=Count("submission"))
            .order_by("-count", f"{target}__order", f"{target}__name")
        )
        if target == "sector":
            items = items.order_by("-count", f"{target}__code")
            rows = [(f"{i['sector__code']} – {i['sector__name']}", i["count"]) for i in items]
        else:
            rows = [(i[f"{target}__name"], i["count"]) for i in items]
        table = _distribution_table(
            slug,
            title,
            _("%(title)s: Anteil der antwortenden Netzwerke, die sie nennen (n = %(n)s)")
            % {"title": title, "n": n_text(n)},
            rows,
            n,
            first=str(title),
            notes=[_("Mehrfachnennungen möglich; jeder Anteil ist für sich gerundet.")],
        )
        table.csv_url = _wave_csv_url(survey, slug, filters)
        stats.tables.append(table)

    # keine Angabe is its own value: counted neither as met nor as not met
    criteria_items = [
        (f"{label}: {word}", facts[f"{state}_{name}"])
        for name, label in CRITERIA
        for state, word in (
            ("met", _("erfüllt")),
            ("unmet", _("nicht erfüllt")),
            ("unknown", _("keine Angabe")),
        )
    ]
    criteria_items.append((gettext_lazy("alle vier Kriterien erfüllt"), facts["all_criteria"]))
    table = _distribution_table(
        "kriterien",
        _("Netzwerkkriterien"),
        _("Antwortende Netzwerke je Kriterium: erfüllt, nicht erfüllt, keine Angabe (n = %(n)s)")
        % {"n": n_text(n)},
        criteria_items,
        n,
        first=_("Kriterium"),
        notes=[_("„Keine Angabe“ zählt weder als erfüllt noch als nicht erfüllt.")],
    )
    table.csv_url = _wave_csv_url(survey, "kriterien", filters)
    stats.tables.append(table)

    table = _distribution_table(
        "gruendung",
        _("Gründungsjahre"),
        _("Antwortende Netzwerke nach Gründungszeitraum (n = %(n)s)") % {"n": n_text(n)},
        [(label, facts[f"period_{i}"]) for i, (label, _q) in enumerate(FOUNDING_PERIODS)],
        n,
        first=_("Gründung"),
        partition=True,
    )
    table.csv_url = _wave_csv_url(survey, "gruendung", filters)
    stats.tables.append(table)

    table = _distribution_table(
        "hauptamt",
        _("Hauptamtliches Netzwerkmanagement"),
        _("Antwortende Netzwerke mit hauptamtlichem Netzwerkmanagement (n = %(n)s)")
        % {"n": n_text(n)},
        [
            (_("ja"), facts["ftm_yes"]),
            (_("nein"), facts["ftm_no"]),
            (_("keine Angabe"), facts["ftm_unknown"]),
        ],
        n,
        first=_("Hauptamtlich"),
        partition=True,
    )
    table.csv_url = _wave_csv_url(survey, "hauptamt", filters)
    stats.tables.append(table)
    return stats


def _wave_csv_url(survey, slug, filters):
    url = reverse("survey:statistics-wave-csv", kwargs={"slug": survey.slug, "table": slug})
    return url + filters.querystring


def _topic_table(survey, filters, by_topic):
    groups = [(row["topic__name"], _split_counts(row)) for row in by_topic]
    table = Table(
        slug="themen",
        title=_("Einschätzung der Schwerpunktthemen"),
        caption=_("Einschätzung der Schwerpunktthemen durch die antwortenden Netzwerke"),
        columns=_split_columns(_("Thema")),
        rows=_split_rows(groups, columns_add_up=False),
    )
    table.chart = _split_chart(
        table,
        table.title,
        _("Gestapelte Balken je Thema: zentrales Thema, auf der Agenda, kein Thema."),
    )
    table.csv_url = _wave_csv_url(survey, "themen", filters)
    return table


def _breakdown_table(survey, filters, topic, slug, first, groups, by):
    name = topic["topic__name"]
    total = _split_counts(topic)
    rows = _split_rows(groups, columns_add_up=True)
    table = Table(
        slug=slug,
        title=f"{name} {by}",
        caption=_("%(topic)s: Einschätzung %(by)s") % {"topic": name, "by": by},
        columns=_split_columns(first),
        rows=rows,
        footer=_split_rows([(_("Insgesamt"), total)], columns_add_up=False),
    )
    table.chart = _split_chart(
        table,
        table.title,
        _("Gestapelte Balken %(by)s: zentrales Thema, auf der Agenda, kein Thema.") % {"by": by},
    )
    table.csv_url = _wave_csv_url(survey, slug, filters)
    return table


# Across waves


def trend_table(waves, filters):
    """Share rating each topic "zentral" and "auf der Agenda", per wave with responses.

    ``waves`` come from ``waves_with_counts`` (one query); this adds one more.
    """
    with_data = sorted((w for w in waves if w.responses), key=lambda w: w.opens_at)
    counts = list(
        TopicRating.objects.filter(
            submission__in=filters.submissions(Submission.objects.accepted()).values("pk")
        )
        .values("submission__survey", "topic__slug", "topic__name", "topic__order")
        .annotate(**_rating_aggregates())
        .order_by("topic__order", "topic__name")
    )
    topics = []
    for row in counts:
        if (row["topic__slug"], row["topic__name"]) not in topics:
            topics.append((row["topic__slug"], row["topic__name"]))
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
            split = _split_rows([("", _split_counts(row))], columns_add_up=False)[0]
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


# The directory


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
    table = _distribution_table(
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
    table = _distribution_table(
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
    table = _distribution_table(
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
