"""The public filter of the directory: the GET parameters of /netzwerke/.

The parameter names are part of the public interface (shared URLs, exports,
feeds). Repeated values of one parameter combine with OR, different parameters
with AND. A value the site does not know is dropped, and ``NetworkFilter.notices``
says so; the rest of the filter still applies.
"""

import django_filters
from django.db.models import F
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netzwerke.lenient import (
    LenientForm,
    LenientModelMultipleChoiceField,
    LenientMultipleChoiceField,
)
from netzwerke.models import (
    District,
    Event,
    Membership,
    Network,
    State,
)
from netzwerke.search import search_condition, search_rank, search_terms
from netzwerke.vocabularies import (
    ACTION_FIELDS,
    ACTOR_TYPES,
    SECTORS,
    TARGET_GROUPS,
    VOCABULARIES,
)

SORT_CHOICES = [
    ("relevanz", _("Relevanz")),
    ("name", _("Name")),
    ("neueste", _("neueste zuerst")),
    ("partner", _("meiste Partner")),
]
CRITERIA_ALL = "alle"
CROSS_BORDER_YES = "ja"


class SlugsFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = LenientModelMultipleChoiceField


class ChoicesFilter(django_filters.MultipleChoiceFilter):
    field_class = LenientMultipleChoiceField


def querystring_without(query, name, value=None):
    """``query`` (a QueryDict) as a string, without ``name`` (or one of its values) and page."""
    q = query.copy()
    q.pop("page", None)
    if value is None:
        q.pop(name, None)
    else:
        q.setlist(name, [v for v in q.getlist(name) if v != value])
    return q.urlencode()


def _through(model_field):
    return Network._meta.get_field(model_field).remote_field.through


VOCABULARY_OF_PARAM = {v.param: v for v in VOCABULARIES}


def _vocabulary_filter(vocabulary, method="filter_vocabulary"):
    return SlugsFilter(
        queryset=vocabulary.model.objects.all(),
        to_field_name="slug",
        method=method,
        label=vocabulary.label,
    )


def _land_filter(**kwargs):
    return SlugsFilter(
        queryset=State.objects.all(), to_field_name="code", label=_("Bundesland"), **kwargs
    )


def _kreis_filter(**kwargs):
    return SlugsFilter(
        queryset=District.objects.all(), to_field_name="ags", label=_("Kreis"), **kwargs
    )


class NetworkFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label=_("Suchbegriff"))
    land = _land_filter(method="filter_land")
    kreis = _kreis_filter(method="filter_kreis")
    handlungsfeld = _vocabulary_filter(ACTION_FIELDS)
    zielgruppe = _vocabulary_filter(TARGET_GROUPS)
    branche = _vocabulary_filter(SECTORS)
    akteurstyp = _vocabulary_filter(ACTOR_TYPES, method="filter_actor_type")
    typ = ChoicesFilter(choices=Network.Type.choices, method="filter_type", label=_("Netzwerktyp"))
    kriterien = django_filters.ChoiceFilter(
        choices=[(CRITERIA_ALL, _("erfüllt alle vier Netzwerkkriterien"))],
        method="filter_criteria",
        label=_("Netzwerkkriterien"),
    )
    grenzueberschreitend = django_filters.ChoiceFilter(
        choices=[(CROSS_BORDER_YES, _("auch Regionen im Ausland"))],
        method="filter_cross_border",
        label=_("Grenzüberschreitend"),
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="filter_sort", label=_("Sortierung")
    )

    #: parameters that narrow the result, in the order of the facets
    FACETS = (
        "land",
        "kreis",
        *(v.param for v in VOCABULARIES),
        "typ",
        "kriterien",
        "grenzueberschreitend",
    )

    class Meta:
        model = Network
        fields = []
        form = LenientForm

    # -- filters: each narrows by a subquery on ids, so no join multiplies rows --

    def filter_search(self, qs, name, value):
        if not search_terms(value):
            return qs
        # the full-text condition is costly, and the facets repeat every filter:
        # find the matches once, then filter (and rank) by id
        if getattr(self, "_search_ids", (None,))[0] != value:
            matches = (
                self.queryset.prefetch_related(None).order_by().filter(search_condition(qs, value))
            )
            self._search_ids = (value, list(matches.values_list("pk", flat=True)))
        return qs.filter(pk__in=self._search_ids[1]).annotate(search_rank=search_rank(qs, value))

    def filter_land(self, qs, name, value):
        through = _through("districts")
        return qs.filter(
            pk__in=through.objects.filter(district__state__in=value).values("network_id")
        )

    def filter_kreis(self, qs, name, value):
        through = _through("districts")
        return qs.filter(pk__in=through.objects.filter(district__in=value).values("network_id"))

    def filter_vocabulary(self, qs, name, value):
        vocabulary = VOCABULARY_OF_PARAM[name]
        through = _through(vocabulary.field).objects.filter(
            **{f"{vocabulary.through_column}__in": value}
        )
        return qs.filter(pk__in=through.values("network_id"))

    def filter_actor_type(self, qs, name, value):
        return qs.filter(
            pk__in=Membership.objects.filter(actor__actor_type__in=value).values("network_id")
        )

    def filter_type(self, qs, name, value):
        return qs.filter(network_type__in=value)

    def filter_criteria(self, qs, name, value):
        return qs.meeting_criteria() if value == CRITERIA_ALL else qs

    def filter_cross_border(self, qs, name, value):
        return qs.cross_border() if value == CROSS_BORDER_YES else qs

    def filter_sort(self, qs, name, value):
        # the ordering is applied in ``ordered()``, after all filters
        return qs

    def search_ranks(self) -> dict[int, float] | None:
        """The networks matching ``q`` with their rank; ``None`` without a search."""
        value = self.value("q") or ""
        if not search_terms(value):
            return None
        qs = self.queryset.prefetch_related(None).order_by()
        return dict(
            qs.filter(search_condition(qs, value))
            .annotate(search_rank=search_rank(qs, value))
            .values_list("pk", "search_rank")
        )

    # -- helpers for the views --

    @property
    def cleaned(self):
        self.form.is_valid()
        return self.form.cleaned_data

    def value(self, name):
        return (self.cleaned.get(name) or None) if self.is_bound else None

    @property
    def search_text(self):
        return (self.value("q") or "").strip()

    @property
    def sort_key(self):
        """The effective sort order: ``relevanz`` only when the search has a rank.

        A text without a word (``q=&``) filters nothing and is not ranked.
        """
        ranked = bool(search_terms(self.search_text))
        sort = self.value("sort")
        if sort == "relevanz" and not ranked:
            sort = None
        return sort or ("relevanz" if ranked else "name")

    def ordered(self, qs):
        sort = self.sort_key
        if sort == "relevanz":
            return qs.order_by(F("search_rank").desc(nulls_last=True), "name", "pk")
        if sort == "neueste":
            return qs.order_by(F("published_at").desc(nulls_last=True), "name", "pk")
        if sort == "partner":
            return qs.with_partner_count().order_by("-partner_count", "name", "pk")
        return qs.order_by("name", "pk")

    def filter_queryset(self, queryset):
        return self.ordered(super().filter_queryset(queryset))

    def queryset_without(self, exclude):
        """The filtered queryset ignoring parameter ``exclude`` (for disjunctive facets)."""
        qs = self.queryset.all()
        for name, value in self.cleaned.items():
            if name in (exclude, "sort"):
                continue
            qs = self.filters[name].filter(qs, value)
        return qs

    def active(self, name):
        value = self.value(name)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    def title(self):
        """A German title naming the filter: "Netzwerke in Nordrhein-Westfalen – Aus- und …"."""
        places = [s.name for s in self.active("land")] + [d.name for d in self.active("kreis")]
        title = gettext("Netzwerke")
        if places:
            title = gettext("Netzwerke in %(places)s") % {"places": ", ".join(places)}
        topics = [
            o.display_name for name in (v.param for v in VOCABULARIES) for o in self.active(name)
        ]
        type_labels = dict(Network.Type.choices)
        topics += [str(type_labels[t]) for t in self.active("typ")]
        if self.active("kriterien"):
            topics.append(gettext("alle vier Kriterien erfüllt"))
        if self.active("grenzueberschreitend"):
            topics.append(gettext("grenzüberschreitend"))
        if topics:
            title = f"{title} – {', '.join(topics)}"
        if self.search_text:
            title = gettext("%(title)s – Suche „%(q)s“") % {"title": title, "q": self.search_text}
        return title

    def chips(self, query):
        """The active filters as removable chips: a label and the query without it."""
        chips = []
        if self.search_text:
            chips.append(
                {
                    "label": gettext("Suche: „%(q)s“") % {"q": self.search_text},
                    "query": querystring_without(query, "q"),
                }
            )
        keys = {"land": "code", "kreis": "ags"}
        type_labels = dict(Network.Type.choices)
        for name in self.FACETS:
            field_label = self.form.fields[name].label
            for value in self.active(name):
                if name == "typ":
                    key, label = value, type_labels[value]
                elif name == "kriterien":
                    key, label = value, gettext("alle vier erfüllt")
                elif name == "grenzueberschreitend":
                    key, label = value, gettext("ja")
                else:
                    key = getattr(value, keys.get(name, "slug"))
                    label = getattr(value, "display_name", value.name)
                chips.append(
                    {
                        "label": f"{field_label}: {label}",
                        "query": querystring_without(query, name, str(key)),
                    }
                )
        return chips

    @property
    def notices(self):
        """German messages about the parameter values that were ignored."""
        return self.form.notices


#: the ``online`` parameter: ``ja`` online, ``nein`` on site
ONLINE_CHOICES = [("ja", _("online")), ("nein", _("vor Ort"))]


class EventFilter(django_filters.FilterSet):
    """The public filter of /veranstaltungen/ and its calendar feeds: the same lenient
    parameters as the network list. Land and Kreis are the event's place."""

    land = _land_filter(field_name="district__state")
    kreis = _kreis_filter(field_name="district")
    handlungsfeld = _vocabulary_filter(ACTION_FIELDS, method="filter_event_vocabulary")
    zielgruppe = _vocabulary_filter(TARGET_GROUPS, method="filter_event_vocabulary")
    online = ChoicesFilter(choices=ONLINE_CHOICES, method="filter_online", label=_("Format"))
    typ = ChoicesFilter(
        choices=Network.Type.choices, field_name="network__network_type", label=_("Netzwerktyp")
    )

    #: parameters that narrow the result, in the order of the facets
    FACETS = ("land", "kreis", "handlungsfeld", "zielgruppe", "online", "typ")

    class Meta:
        model = Event
        fields = []
        form = LenientForm

    def filter_event_vocabulary(self, qs, name, value):
        vocabulary = VOCABULARY_OF_PARAM[name]
        through = Event._meta.get_field(vocabulary.field).remote_field.through
        matching = through.objects.filter(**{f"{vocabulary.through_column}__in": value})
        return qs.filter(pk__in=matching.values("event_id"))

    def filter_online(self, qs, name, value):
        if set(value) == {"ja", "nein"} or not value:
            return qs
        return qs.filter(online=value[0] == "ja")

    @property
    def cleaned(self):
        self.form.is_valid()
        return self.form.cleaned_data

    def value(self, name):
        return (self.cleaned.get(name) or None) if self.is_bound else None

    def active(self, name):
        value = self.value(name)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    def queryset_without(self, exclude):
        """The filtered queryset ignoring parameter ``exclude`` (for disjunctive facets)."""
        qs = self.queryset.all()
        for name, value in self.cleaned.items():
            if name != exclude and value not in (None, [], ""):
                qs = self.filters[name].filter(qs, value)
        return qs

    def _labels(self, name):
        if name == "online":
            return [(v, dict(ONLINE_CHOICES)[v]) for v in self.active(name)]
        if name == "typ":
            return [(v, dict(Network.Type.choices)[v]) for v in self.active(name)]
        key = {"land": "code", "kreis": "ags"}.get(name, "slug")
        # a term in the active language; Länder and Kreise have one name
        return [
            (getattr(obj, key), getattr(obj, "display_name", obj.name)) for obj in self.active(name)
        ]

    def title(self, *, archive=False):
        """A German title naming the filter: "Veranstaltungen in Bayern – online"."""
        title = gettext("Vergangene Veranstaltungen") if archive else gettext("Veranstaltungen")
        places = [label for name in ("land", "kreis") for _key, label in self._labels(name)]
        if places:
            title = gettext("%(title)s in %(places)s") % {
                "title": title,
                "places": ", ".join(places),
            }
        topics = []
        for name in ("handlungsfeld", "zielgruppe", "typ", "online"):
            topics += [str(label) for _key, label in self._labels(name)]
        if topics:
            title = f"{title} – {', '.join(topics)}"
        return title

    def chips(self, query):
        chips = []
        for name in self.FACETS:
            field_label = self.form.fields[name].label
            for key, label in self._labels(name):
                chips.append(
                    {
                        "label": f"{field_label}: {label}",
                        "query": querystring_without(query, name, str(key)),
                    }
                )
        return chips

    @property
    def notices(self):
        return self.form.notices


class DistrictFilter(django_filters.FilterSet):
    """The Kreise of the read API (/api/v1/districts/), narrowed by ``land`` as the list is."""

    land = _land_filter(field_name="state")

    class Meta:
        model = District
        fields = []
        form = LenientForm

    @property
    def notices(self):
        return self.form.notices
