"""Facet counts for the active filter.

Facets are disjunctive: each is counted under all active filters except its
own, so choosing a second value of one parameter (OR) shows how many results
it adds. One GROUP BY query per facet, whatever the number of networks. The
total result count falls out of the type facet (every network has exactly one
type), which spares the paginator its COUNT(*).
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from netzwerke.models import Membership, Network, translated_expression
from netzwerke.vocabularies import NETWORK_VOCABULARIES

#: options shown before the rest folds under "mehr"
TOP_OPTIONS = 8


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False
    detail: str = ""


@dataclass
class Facet:
    name: str
    label: str
    options: list[Option] = field(default_factory=list)
    top: int = TOP_OPTIONS
    hint: str = ""

    @property
    def shown(self):
        return self.options[: self.top]

    @property
    def more(self):
        return self.options[self.top :]

    @property
    def has_selection(self):
        return any(o.selected for o in self.options)


def _through(name):
    return Network._meta.get_field(name).remote_field.through


def _options(rows, selected, *, key, label, detail=None):
    return [
        Option(
            value=str(row[key]),
            label=str(row[label]),
            count=row["n"],
            selected=str(row[key]) in selected,
            detail=str(row[detail] or "") if detail else "",
        )
        for row in rows
        if row[key] is not None
    ]


def _finish(options, selected_labels, *, by_count=True):
    """Add selected values without results (so they can be unticked), drop empty ones, sort."""
    present = {o.value for o in options}
    for value, label in selected_labels.items():
        if value not in present:
            options.append(Option(value=value, label=label, count=0, selected=True))
    options = [o for o in options if o.count or o.selected]
    if by_count:
        options.sort(key=lambda o: (not o.selected, -o.count, o.label.casefold()))
    else:
        options.sort(key=lambda o: o.label.casefold())
    return options


def compute_facets(filterset):
    """Return ``(facets, total)`` for a bound ``NetworkFilter``."""

    def ids(name):
        return filterset.queryset_without(name).order_by().values("pk")

    def selected(name, attr):
        return {str(getattr(obj, attr)): str(obj) for obj in filterset.active(name)}

    facets = []

    sel = selected("land", "code")
    rows = (
        _through("districts")
        .objects.filter(network__in=ids("land"))
        .values("district__state_id", "district__state__name")
        .annotate(n=Count("network_id", distinct=True))
        .order_by()
    )
    opts = _options(rows, sel, key="district__state_id", label="district__state__name")
    facets.append(Facet("land", _("Bundesland"), _finish(opts, sel, by_count=False), top=16))

    sel = {str(d.ags): d.name for d in filterset.active("kreis")}
    if filterset.active("land") or sel:
        rows = (
            _through("districts")
            .objects.filter(network__in=ids("kreis"))
            .values("district_id", "district__name", "district__kind")
            .annotate(n=Count("network_id"))
            .order_by()
        )
        opts = _options(
            rows, sel, key="district_id", label="district__name", detail="district__kind"
        )
        facets.append(Facet("kreis", _("Kreis"), _finish(opts, sel)))
    else:
        # 400 Kreise are no list to choose from; the Land narrows them first
        facets.append(kreis_hint_facet())

    for vocabulary in NETWORK_VOCABULARIES:
        name, label = vocabulary.param, vocabulary.label
        relation, column = vocabulary.field, vocabulary.through_column
        sel = selected(name, "slug")
        rows = (
            _through(relation)
            .objects.filter(network__in=ids(name))
            .values(f"{column}__slug", label=translated_expression(f"{column}__name"))
            .annotate(n=Count("network_id"))
            .order_by()
        )
        opts = _options(rows, sel, key=f"{column}__slug", label="label")
        facets.append(Facet(name, label, _finish(opts, sel)))

    sel = selected("akteurstyp", "slug")
    rows = (
        Membership.objects.filter(network__in=ids("akteurstyp"))
        .values("actor__actor_type__slug", label=translated_expression("actor__actor_type__name"))
        .annotate(n=Count("network_id", distinct=True))
        .order_by()
    )
    opts = _options(rows, sel, key="actor__actor_type__slug", label="label")
    facets.append(Facet("akteurstyp", _("Partner (Akteurstyp)"), _finish(opts, sel)))

    rows = (
        Network.objects.filter(pk__in=ids("typ"))
        .values_list("network_type")
        .annotate(n=Count("pk"))
        .order_by()
    )
    facet, total = type_facet(dict(rows), filterset.active("typ"))
    facets.append(facet)
    criteria_count = Network.objects.filter(pk__in=ids("kriterien")).meeting_criteria().count()
    facets.append(criteria_facet(criteria_count, bool(filterset.active("kriterien"))))
    cross_border = Network.objects.filter(pk__in=ids("grenzueberschreitend")).cross_border()
    facets.append(
        cross_border_facet(cross_border.count(), bool(filterset.active("grenzueberschreitend")))
    )
    return {f.name: f for f in facets}, total


def kreis_hint_facet() -> Facet:
    """The Kreis facet before a Land is chosen: 400 Kreise are no list to choose from."""
    return Facet(
        "kreis", _("Kreis"), hint=_("Wählen Sie ein Bundesland, um nach Kreisen zu filtern.")
    )


def type_facet(counts: dict[str, int], selected) -> tuple[Facet, int]:
    """The Netzwerktyp facet from the count per type, and the total it implies
    (every network has exactly one type)."""
    type_labels = dict(Network.Type.choices)
    sel_types = set(selected)
    opts = [
        Option(
            value=value,
            label=str(type_labels.get(value, value)),
            count=count,
            selected=value in sel_types,
        )
        for value, count in counts.items()
        if count
    ]
    total = sum(o.count for o in opts if o.selected or not sel_types)
    labels = {t: str(type_labels[t]) for t in sel_types}
    return Facet("typ", _("Netzwerktyp"), _finish(opts, labels)), total


def cross_border_facet(count: int, selected: bool) -> Facet:
    option = Option(
        value="ja", label=str(_("auch Regionen im Ausland")), count=count, selected=selected
    )
    return Facet("grenzueberschreitend", _("Grenzüberschreitend"), _finish([option], {}))


def criteria_facet(count: int, selected: bool) -> Facet:
    option = Option(
        value="alle", label=str(_("erfüllt alle vier Kriterien")), count=count, selected=selected
    )
    return Facet("kriterien", _("Netzwerkkriterien"), _finish([option], {}))


def event_facets(filterset):
    """Facets and total of a bound ``EventFilter`` over its queryset (the upcoming or the
    past public events): one GROUP BY per facet, whatever the number of events. Land
    and Kreis count the event's place; "Kreis" needs a Land first, as on the network list."""
    from netzwerke.models import Event

    def ids(name):
        return filterset.queryset_without(name).order_by().values("pk")

    def events(name):
        return Event.objects.filter(pk__in=ids(name)).order_by()

    def selected(name):
        return {str(key): str(label) for key, label in filterset._labels(name)}

    facets = []
    sel = selected("land")
    rows = (
        events("land").values("district__state_id", "district__state__name").annotate(n=Count("pk"))
    )
    opts = _options(rows, sel, key="district__state_id", label="district__state__name")
    facets.append(Facet("land", _("Bundesland"), _finish(opts, sel, by_count=False), top=16))

    sel = selected("kreis")
    if filterset.active("land") or sel:
        rows = (
            events("kreis")
            .values("district_id", "district__name", "district__kind")
            .annotate(n=Count("pk"))
        )
        opts = _options(
            rows, sel, key="district_id", label="district__name", detail="district__kind"
        )
        facets.append(Facet("kreis", _("Kreis"), _finish(opts, sel)))
    else:
        facets.append(kreis_hint_facet())
    for name, relation, column, label in (
        ("handlungsfeld", "action_fields", "actionfield", _("Handlungsfeld")),
        ("zielgruppe", "target_groups", "targetgroup", _("Zielgruppe")),
    ):
        through = Event._meta.get_field(relation).remote_field.through
        sel = selected(name)
        rows = (
            through.objects.filter(event__in=ids(name))
            .values(f"{column}__slug", label=translated_expression(f"{column}__name"))
            .annotate(n=Count("event_id"))
            .order_by()
        )
        opts = _options(rows, sel, key=f"{column}__slug", label="label")
        facets.append(Facet(name, label, _finish(opts, sel)))

    sel = selected("online")
    rows = events("online").values("online").annotate(n=Count("pk"))
    from netzwerke.filters import ONLINE_CHOICES

    names = dict(ONLINE_CHOICES)
    words = {True: ("ja", str(names["ja"])), False: ("nein", str(names["nein"]))}
    opts = [
        Option(
            value=words[row["online"]][0],
            label=words[row["online"]][1],
            count=row["n"],
            selected=words[row["online"]][0] in sel,
        )
        for row in rows
    ]
    labels = {key: words[key == "ja"][1] for key in sel}
    facets.append(Facet("online", _("Format"), _finish(opts, labels, by_count=False)))

    rows = events("typ").values_list("network__network_type").annotate(n=Count("pk"))
    facet, total = type_facet(dict(rows), filterset.active("typ"))
    facets.append(facet)
    return {f.name: f for f in facets}, total
