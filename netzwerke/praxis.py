"""The Praxisbeispiele catalogue: the projects of published networks, filtered like the list.

The same mechanism as the network list (README, "Speed"): a bitset index per data
version (bit *i* = the *i*-th project in catalogue order), built in two queries on top of
the network facet index, whose bitsets give the network's Land, Kreis, Zielgruppe and
Typ; the project's own aims, Handlungsfelder, status and evaluation come from the
project. Parameters are lenient (``netzwerke.lenient``): an unknown value is dropped
with a German notice. The index filters, counts and orders the HTML page, the exports
and the feed alike, so they cannot disagree.

Recommended projects (``Project.recommended``, set by curators) come first in every
order.
"""

from dataclasses import dataclass, field

import django_filters
from django.db.models import Case, FloatField, Prefetch, Q, Value, When
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netzwerke.dataversion import Version
from netzwerke.facetindex import (
    FacetIndex,
    Result,
    _bitset,
    _rows,
    facet_index,
    narrowing,
    positions_of,
    process_per_version,
)
from netzwerke.facets import Facet, _finish, _options
from netzwerke.filters import ChoicesFilter, SlugsFilter, querystring_without
from netzwerke.languages import each_language
from netzwerke.lenient import LenientForm
from netzwerke.models import District, Network, Project, State
from netzwerke.search import any_spelling, search_terms
from netzwerke.vocabularies import ACTION_FIELDS, TARGET_GROUPS

AIMS = [
    ("halten", _("Fachkräfte halten")),
    ("ausbilden", _("Fachkräfte ausbilden")),
    ("gewinnen", _("Fachkräfte gewinnen")),
]
AIM_FIELDS = {"halten": "aim_retain", "ausbilden": "aim_train", "gewinnen": "aim_attract"}
EVALUATED = [("ja", _("evaluiert")), ("nein", _("nicht evaluiert"))]
SORT_CHOICES = [
    ("relevanz", _("Relevanz")),
    ("neueste", _("neueste zuerst")),
    ("titel", _("Titel")),
]
#: the facets in the order of the page; the network's facets come from the facet index
FACETS = ("ziel", "handlungsfeld", "zielgruppe", "status", "evaluiert", "land", "kreis", "typ")
NETWORK_FACETS = ("zielgruppe", "land", "kreis", "typ")
#: facets shown in their fixed order (the others by count)
FIXED_ORDER = ("ziel", "status", "evaluiert", "land")


class ProjectFilter(django_filters.FilterSet):
    """The catalogue's GET parameters; the index does the filtering (``catalogue_result``)."""

    q = django_filters.CharFilter(method="keep", label=_("Suchbegriff"))
    ziel = ChoicesFilter(choices=AIMS, method="keep", label=_("Ziel"))
    handlungsfeld = SlugsFilter(
        queryset=ACTION_FIELDS.model.objects.all(),
        to_field_name="slug",
        method="keep",
        label=ACTION_FIELDS.label,
    )
    zielgruppe = SlugsFilter(
        queryset=TARGET_GROUPS.model.objects.all(),
        to_field_name="slug",
        method="keep",
        label=_("Zielgruppe des Netzwerks"),
    )
    status = ChoicesFilter(choices=Project.Status.choices, method="keep", label=_("Status"))
    evaluiert = ChoicesFilter(choices=EVALUATED, method="keep", label=_("Evaluation"))
    land = SlugsFilter(
        queryset=State.objects.all(), to_field_name="code", method="keep", label=_("Bundesland")
    )
    kreis = SlugsFilter(
        queryset=District.objects.all(), to_field_name="ags", method="keep", label=_("Kreis")
    )
    typ = ChoicesFilter(choices=Network.Type.choices, method="keep", label=_("Netzwerktyp"))
    sort = django_filters.ChoiceFilter(choices=SORT_CHOICES, method="keep", label=_("Sortierung"))

    class Meta:
        model = Project
        fields = []
        form = LenientForm

    def keep(self, qs, name, value):
        return qs

    @property
    def cleaned(self):
        self.form.is_valid()
        return self.form.cleaned_data

    def active(self, name):
        value = self.cleaned.get(name) or None
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    def keys(self, name) -> list[str]:
        """The chosen values of facet ``name`` as index keys."""
        attribute = {"land": "code", "kreis": "ags", "handlungsfeld": "slug", "zielgruppe": "slug"}
        if name in attribute:
            return [str(getattr(obj, attribute[name])) for obj in self.active(name)]
        return [str(v) for v in self.active(name)]

    @property
    def search_text(self):
        return (self.cleaned.get("q") or "").strip()

    @property
    def sort_key(self):
        ranked = bool(search_terms(self.search_text))
        sort = self.cleaned.get("sort") or None
        if sort == "relevanz" and not ranked:
            sort = None
        return sort or ("relevanz" if ranked else "titel")

    def labelled(self, name):
        """(key, label) of the chosen values of facet ``name``."""
        choices = {
            "ziel": dict(AIMS),
            "status": dict(Project.Status.choices),
            "evaluiert": dict(EVALUATED),
            "typ": dict(Network.Type.choices),
        }.get(name)
        if choices is not None:
            return [(key, str(choices[key])) for key in self.active(name)]
        # a term in the active language; Länder and Kreise have one name
        names = (getattr(obj, "display_name", obj.name) for obj in self.active(name))
        return list(zip(self.keys(name), names, strict=True))

    def title(self):
        places = [label for name in ("land", "kreis") for _k, label in self.labelled(name)]
        title = gettext("Praxisbeispiele")
        if places:
            title = gettext("Praxisbeispiele in %(places)s") % {"places": ", ".join(places)}
        topics = [
            label
            for name in FACETS
            if name not in ("land", "kreis")
            for _k, label in self.labelled(name)
        ]
        if topics:
            title = f"{title} – {', '.join(topics)}"
        if self.search_text:
            title = gettext("%(title)s – Suche „%(q)s“") % {"title": title, "q": self.search_text}
        return title

    def chips(self, query):
        chips = []
        if self.search_text:
            chips.append(
                {
                    "label": gettext("Suche: „%(q)s“") % {"q": self.search_text},
                    "query": querystring_without(query, "q"),
                }
            )
        for name in FACETS:
            field_label = self.form.fields[name].label
            for key, label in self.labelled(name):
                chips.append(
                    {
                        "label": f"{field_label}: {label}",
                        "query": querystring_without(query, name, key),
                    }
                )
        return chips

    @property
    def notices(self):
        return self.form.notices


# -- the index ---------------------------------------------------------------------


@dataclass
class ProjectIndex:
    version: Version
    ids: list[int]  # position → project pk, in catalogue order (recommended, title)
    network_ids: list[int]  # position → the project's network pk
    all: int
    recommended: int = 0
    sets: dict[str, dict[str, int]] = field(default_factory=dict)
    #: language → facet name → value key → (label, detail), as in ``FacetIndex``
    labels_by_language: dict[str, dict[str, dict[str, tuple[str, str]]]] = field(
        default_factory=dict
    )
    orders: dict[str, list[int]] = field(default_factory=dict)
    #: network pk → bits of its projects
    of_network: dict[int, int] = field(default_factory=dict)

    labels = FacetIndex.labels
    ordered = FacetIndex.ordered
    bits_for = FacetIndex.bits_for
    union = FacetIndex.union
    position = FacetIndex.position


def build_project_index(version: Version) -> ProjectIndex:
    """The published networks' projects and their facet values (two queries + the facet index)."""
    networks = facet_index(version)
    rows = list(
        Project.objects.filter(network__status=Network.Status.PUBLISHED)
        .order_by("-recommended", "title", "pk")
        .values_list(
            "pk",
            "network_id",
            "recommended",
            "status",
            "evaluated",
            "start_date",
            *AIM_FIELDS.values(),
        )
    )
    index = ProjectIndex(
        version=version,
        ids=[r[0] for r in rows],
        network_ids=[r[1] for r in rows],
        all=(1 << len(rows)) - 1,
    )
    index.recommended = _bitset(i for i, r in enumerate(rows) if r[2])
    of_network: dict[int, list[int]] = {}
    for i, network_pk in enumerate(index.network_ids):
        of_network.setdefault(network_pk, []).append(i)
    index.of_network = {pk: _bitset(found) for pk, found in of_network.items()}

    def grouped(pairs):
        groups: dict[str, list[int]] = {}
        for i, key in pairs:
            groups.setdefault(str(key), []).append(i)
        return {key: _bitset(found) for key, found in groups.items()}

    index.sets["ziel"] = grouped(
        (i, aim)
        for i, r in enumerate(rows)
        for aim, flag in zip(AIM_FIELDS, r[6:], strict=True)
        if flag
    )
    index.sets["status"] = grouped((i, r[3]) for i, r in enumerate(rows))
    index.sets["evaluiert"] = grouped(
        (i, "ja" if r[4] else "nein") for i, r in enumerate(rows) if r[4] is not None
    )
    position = index.position
    through = Project.action_fields.through.objects.filter(
        project__network__status=Network.Status.PUBLISHED
    ).values_list("project_id", "actionfield__slug")
    index.sets["handlungsfeld"] = grouped((position[pk], slug) for pk, slug in through)
    # the network's facets: its bitset in the facet index → the bits of its projects
    for name in NETWORK_FACETS:
        index.sets[name] = {
            key: _projects_of(index, networks, bits) for key, bits in networks.sets[name].items()
        }
    # the labels in every language: the index is shared by all of them
    for _language in each_language():
        for name in NETWORK_FACETS:
            index.labels[name] = networks.labels.get(name, {})
        index.labels["handlungsfeld"] = networks.labels["handlungsfeld"]
        for name, choices in (
            ("ziel", AIMS),
            ("status", Project.Status.choices),
            ("evaluiert", EVALUATED),
        ):
            index.labels[name] = {key: (str(label), "") for key, label in choices}
        index.labels["typ"] = {key: (str(label), "") for key, label in Network.Type.choices}

    def newest(i):
        start = rows[i][5]
        return (not rows[i][2], start is None, -start.toordinal() if start else 0, i)

    index.orders["neueste"] = sorted(range(len(rows)), key=newest)
    return index


def _projects_of(index: ProjectIndex, networks: FacetIndex, bits: int) -> int:
    result = 0
    for p in positions_of(bits):
        result |= index.of_network.get(networks.ids[p], 0)
    return result


def project_index(version: Version) -> ProjectIndex:
    return process_per_version("projectindex", version, lambda: build_project_index(version))


# -- search and result ------------------------------------------------------------------

SEARCH_FIELDS = ("title", "description", "results")


def search_ranks(filterset) -> dict[int, float] | None:
    """The published projects matching ``q`` (every word in title, description or results),
    ranked: 2 when every word is in the title, else 1. ``None`` without a search. One query."""
    terms = search_terms(filterset.search_text)
    if not terms:
        return None
    anywhere, in_title = Q(), Q()
    for term in terms:
        anywhere &= any_spelling(term, SEARCH_FIELDS)
        in_title &= any_spelling(term, ("title",))
    matches = Project.objects.filter(network__status=Network.Status.PUBLISHED).filter(anywhere)
    rank = Case(When(in_title, then=Value(2.0)), default=Value(1.0), output_field=FloatField())
    return dict(matches.annotate(rank=rank).values_list("pk", "rank"))


def catalogue_result(filterset: ProjectFilter, index: ProjectIndex, *, search=None) -> Result:
    """Facets, total and ordered pks of the catalogue for a bound ``ProjectFilter``."""
    chosen = {}
    for name in FACETS:
        keys = filterset.keys(name)
        if keys:
            chosen[name] = index.union(name, keys)
    if search is not None:
        chosen["q"] = index.bits_for(search)

    without = narrowing(index.all, chosen)
    facets = {}
    for name in FACETS:
        label = filterset.form.fields[name].label
        if name == "kreis" and not (chosen.get("land") or chosen.get("kreis")):
            facets[name] = Facet(
                name, label, hint=_("Wählen Sie ein Bundesland, um nach Kreisen zu filtern.")
            )
            continue
        sel = dict(filterset.labelled(name))
        opts = _options(
            _rows(index, name, without(name)), sel, key="key", label="label", detail="detail"
        )
        if name in ("ziel", "status", "evaluiert"):
            order = [key for key, _label in index.labels[name].items()]
            opts = _finish(opts, sel, by_count=False)
            opts.sort(key=lambda o: order.index(o.value) if o.value in order else len(order))
        else:
            opts = _finish(opts, sel, by_count=name not in FIXED_ORDER)
        facets[name] = Facet(name, label, opts, top=16 if name == "land" else 8)
    bits = without(None)
    sort = filterset.sort_key
    if sort == "relevanz" and search is not None:
        chosen_positions = positions_of(bits)
        rec = index.recommended
        chosen_positions.sort(key=lambda p: (not (rec >> p) & 1, -search.get(index.ids[p], 0), p))
        pks = [index.ids[p] for p in chosen_positions]
    else:
        pks = index.ordered(bits, "titel" if sort == "relevanz" else sort)
    return Result(facets, bits.bit_count(), pks)


def public_projects():
    """Projects with what a card and the exports show, in three queries."""
    return (
        Project.objects.filter(network__status=Network.Status.PUBLISHED)
        .select_related("network")
        .prefetch_related(
            Prefetch("action_fields", queryset=ACTION_FIELDS.model.objects.order_by("name")),
            Prefetch(
                "network__districts",
                queryset=District.objects.select_related("state").order_by("name"),
            ),
        )
    )


def similar_projects(index: ProjectIndex, project, *, limit=5) -> list[int]:
    """Projects with a shared aim and a shared Handlungsfeld in other regions (networks
    sharing no Kreis with the project's network); recommended first, then by title."""
    aims = index.union("ziel", project.aim_keys)
    fields = index.union("handlungsfeld", [f.slug for f in project.action_fields.all()])
    nearby = 0
    for district in project.network.districts.all():
        nearby |= index.sets["kreis"].get(district.ags, 0)
    nearby |= index.of_network.get(project.network_id, 0)
    return index.ordered(aims & fields & ~nearby & index.all, "titel")[:limit]
