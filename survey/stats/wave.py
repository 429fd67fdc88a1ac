"""The figures of one wave: topic ratings, their breakdowns and the fact distributions."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from netzwerke import vocabularies
from netzwerke.models import Network, translated_expression
from netzwerke.reference import STATES
from survey.models import Submission, Survey, TopicRating
from survey.stats.disclosure import MIN_GROUP, SECONDARY, SUPPRESSED, n_text
from survey.stats.queries import (
    Filters,
    accepted_submissions,
    rating_aggregates,
    split_counts,
    type_label,
)
from survey.stats.tables import (
    Table,
    distribution_table,
    split_chart,
    split_columns,
    split_rows,
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


# Submission's many-to-many facts: table slug, field, the vocabulary's name in the
# through table, title.
DISTRIBUTIONS = tuple(
    (v.column, v.field, v.through_column, v.plural_label) for v in vocabularies.VOCABULARIES
)


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
        ratings.values("topic__slug", topic_label=translated_expression("topic__name"))
        .annotate(**rating_aggregates())
        .order_by("topic__order", "topic__name")
    )
    stats.tables.append(_topic_table(survey, filters, by_topic))
    if topic_only:
        return stats

    by_land = list(
        ratings.values("topic__slug", "submission__land", "submission__land__name")
        .annotate(**rating_aggregates())
        .order_by("topic__slug", "submission__land__name")
    )
    by_type = list(
        ratings.values("topic__slug", "submission__network_type")
        .annotate(**rating_aggregates())
        .order_by("topic__slug", "submission__network_type")
    )
    type_order = {str(code): i for i, code in enumerate(Network.Type.values)}
    for topic in by_topic:
        slug = topic["topic__slug"]
        land_groups = [
            (row["submission__land__name"] or _("ohne Angabe"), split_counts(row))
            for row in by_land
            if row["topic__slug"] == slug
        ]
        land_groups.sort(key=lambda g: (g[0] == _("ohne Angabe"), g[0]))
        type_groups = sorted(
            (
                (row["submission__network_type"], split_counts(row))
                for row in by_type
                if row["topic__slug"] == slug
            ),
            key=lambda g: type_order.get(g[0], len(type_order)),
        )
        type_groups = [(type_label(code), counts) for code, counts in type_groups]
        stats.topic_sections.append(
            (
                topic["topic_label"],
                [
                    _with_land_notes(
                        _breakdown_table(
                            survey,
                            filters,
                            topic,
                            f"land-{slug}",
                            _("Bundesland"),
                            land_groups,
                            _("nach Bundesland"),
                        )
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
        name_fields = [f"{target}__code"] if target == "sector" else []
        items = (
            through.objects.filter(submission__in=qs.values("pk"))
            .values(*name_fields, label=translated_expression(f"{target}__name"))
            .annotate(count=Count("submission"))
            .order_by("-count", f"{target}__order", f"{target}__name")
        )
        if target == "sector":
            items = items.order_by("-count", f"{target}__code")
            rows = [(f"{i['sector__code']} – {i['label']}", i["count"]) for i in items]
        else:
            rows = [(i["label"], i["count"]) for i in items]
        table = distribution_table(
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
    table = distribution_table(
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

    table = distribution_table(
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

    table = distribution_table(
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
    groups = [(row["topic_label"], split_counts(row)) for row in by_topic]
    table = Table(
        slug="themen",
        title=_("Einschätzung der Schwerpunktthemen"),
        caption=_("Einschätzung der Schwerpunktthemen durch die antwortenden Netzwerke"),
        columns=split_columns(_("Thema")),
        rows=split_rows(groups, columns_add_up=False),
    )
    table.chart = split_chart(
        table,
        table.title,
        _("Gestapelte Balken je Thema: zentrales Thema, auf der Agenda, kein Thema."),
    )
    table.csv_url = _wave_csv_url(survey, "themen", filters)
    return table


def _with_land_notes(table):
    """Say how many Länder a per-Land table shows, how many it hides and why, instead of
    leaving the reader to count the rows."""
    rows = [row for row in table.rows if row.header != _("ohne Angabe")]
    hidden = sum(1 for row in rows if not row.values or None in row.values)
    shown = len(rows) - hidden
    missing = len(STATES) - len(rows)
    notes = [
        _("Ausgewiesen: %(shown)s von %(total)s Ländern.") % {"shown": shown, "total": len(STATES)}
    ]
    if hidden:
        notes.append(
            ngettext(
                "%(hidden)s Land ist zum Schutz kleiner Gruppen (weniger als %(min)s "
                "Antworten) nicht ausgewiesen („%(suppressed)s“ oder „%(secondary)s“); es "
                "zählt in „Insgesamt“ mit.",
                "%(hidden)s Länder sind zum Schutz kleiner Gruppen (weniger als %(min)s "
                "Antworten) nicht ausgewiesen („%(suppressed)s“ oder „%(secondary)s“); sie "
                "zählen in „Insgesamt“ mit.",
                hidden,
            )
            % {"hidden": hidden, "min": MIN_GROUP, "suppressed": SUPPRESSED, "secondary": SECONDARY}
        )
    if missing:
        notes.append(
            ngettext(
                "%(missing)s Land fehlt, weil von dort keine Antwort vorliegt.",
                "%(missing)s Länder fehlen, weil von dort keine Antwort vorliegt.",
                missing,
            )
            % {"missing": missing}
        )
    table.notes = [*notes, *table.notes]
    return table


def _breakdown_table(survey, filters, topic, slug, first, groups, by):
    name = topic["topic_label"]
    total = split_counts(topic)
    rows = split_rows(groups, columns_add_up=True)
    table = Table(
        slug=slug,
        title=f"{name} {by}",
        caption=_("%(topic)s: Einschätzung %(by)s") % {"topic": name, "by": by},
        columns=split_columns(first),
        rows=rows,
        footer=split_rows([(_("Insgesamt"), total)], columns_add_up=False),
    )
    table.chart = split_chart(
        table,
        table.title,
        _("Gestapelte Balken %(by)s: zentrales Thema, auf der Agenda, kein Thema.") % {"by": by},
    )
    table.csv_url = _wave_csv_url(survey, slug, filters)
    return table
