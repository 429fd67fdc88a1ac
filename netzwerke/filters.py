"""The public filter of the directory: the GET parameters of /netzwerke/.

The parameter names are part of the public interface (shared URLs, exports,
feeds). Repeated values of one parameter combine with OR, different parameters
with AND. A value the site does not know is dropped, and ``NetworkFilter.notices``
says so; the rest of the filter still applies.
"""

import django_filters
from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from netzwerke.models import (
    ActionField,
    ActorType,
    District,
    Membership,
    Network,
    Sector,
    State,
    TargetGroup,
)
from netzwerke.search import search_condition, search_rank, search_terms

SORT_CHOICES = [
    ("relevanz", _("Relevanz")),
    ("name", _("Name")),
    ("neueste", _("neueste zuerst")),
    ("partner", _("meiste Partner")),
]
CRITERIA_ALL = "alle"


class LenientModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Keeps the known values and remembers the unknown ones in ``rejected``.

    The choices are never rendered (the facets are), so the queryset only
    looks up the submitted keys: one small query, whatever the table's size.
    """

    def clean(self, value):
        values = [str(v).strip() for v in (value or []) if str(v).strip()]
        # a NUL byte is no key of ours, and PostgreSQL refuses it in a query
        self.rejected = [v for v in values if "\x00" in v]
        values = [v for v in values if "\x00" not in v]
        if not values:
            return []
        found = {
            str(getattr(obj, self.to_field_name)): obj
            for obj in self.queryset.filter(**{f"{self.to_field_name}__in": values})
        }
        seen = set()
        result = []
        for v in values:
            if v in found and v not in seen:
                seen.add(v)
                result.append(found[v])
            elif v not in found:
                self.rejected.append(v)
        return result


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    def clean(self, value):
        values = [str(v) for v in (value or [])]
        valid = {str(k) for k, _label in self.choices}
        self.rejected = [v for v in values if v not in valid]
        return list(dict.fromkeys(v for v in values if v in valid))


class SlugsFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = LenientModelMultipleChoiceField


class ChoicesFilter(django_filters.MultipleChoiceFilter):
    field_class = LenientMultipleChoiceField


class LenientForm(forms.Form):
    """Turns field errors into notices instead of invalidating the filter."""

    def clean(self):
        self.ignored = {}
        for name in list(self._errors):
            if name in self.fields:
                self.ignored[name] = self.data.getlist(name)
                del self._errors[name]
                self.cleaned_data[name] = None
        return self.cleaned_data


def _through(model_field):
    return Network._meta.get_field(model_field).remote_field.through


class NetworkFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label=_("Suchbegriff"))
    land = SlugsFilter(
        queryset=State.objects.all(),
        to_field_name="code",
        method="filter_land",
        label=_("Bundesland"),
    )
    kreis = SlugsFilter(
        queryset=District.objects.all(),
        to_field_name="ags",
        method="filter_kreis",
        label=_("Kreis"),
    )
    handlungsfeld = SlugsFilter(
        queryset=ActionField.objects.all(),
        to_field_name="slug",
        method="filter_action_field",
        label=_("Handlungsfeld"),
    )
    zielgruppe = SlugsFilter(
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
        method="filter_target_group",
        label=_("Zielgruppe"),
    )
    branche = SlugsFilter(
        queryset=Sector.objects.all(),
        to_field_name="slug",
        method="filter_sector",
        label=_("Branche"),
    )
    akteurstyp = SlugsFilter(
        queryset=ActorType.objects.all(),
        to_field_name="slug",
        method="filter_actor_type",
        label=_("Akteurstyp"),
    )
    typ = ChoicesFilter(choices=Network.Type.choices, method="filter_type", label=_("Netzwerktyp"))
    kriterien = django_filters.ChoiceFilter(
        choices=[(CRITERIA_ALL, _("erfüllt alle vier Netzwerkkriterien"))],
        method="filter_criteria",
        label=_("Netzwerkkriterien"),
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="filter_sort", label=_("Sortierung")
    )

    #: parameters that narrow the result, in the order of the facets
    FACETS = (
        "land",
        "kreis",
        "handlungsfeld",
        "zielgruppe",
        "branche",
        "akteurstyp",
        "typ",
        "kriterien",
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

    def filter_action_field(self, qs, name, value):
        through = _through("action_fields")
        return qs.filter(pk__in=through.objects.filter(actionfield__in=value).values("network_id"))

    def filter_target_group(self, qs, name, value):
        through = _through("target_groups")
        return qs.filter(pk__in=through.objects.filter(targetgroup__in=value).values("network_id"))

    def filter_sector(self, qs, name, value):
        through = _through("sectors")
        return qs.filter(pk__in=through.objects.filter(sector__in=value).values("network_id"))

    def filter_actor_type(self, qs, name, value):
        return qs.filter(
            pk__in=Membership.objects.filter(actor__actor_type__in=value).values("network_id")
        )

    def filter_type(self, qs, name, value):
        return qs.filter(network_type__in=value)

    def filter_criteria(self, qs, name, value):
        return qs.meeting_criteria() if value == CRITERIA_ALL else qs

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
        """The effective sort order: ``relevanz`` only with a search text."""
        sort = self.value("sort")
        if sort == "relevanz" and not self.search_text:
            sort = None
        return sort or ("relevanz" if self.search_text else "name")

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

    @property
    def notices(self):
        """German messages about the parameter values that were ignored."""
        self.form.is_valid()
        notices = []
        for name, field in self.form.fields.items():
            rejected = list(getattr(field, "rejected", []))
            rejected += getattr(self.form, "ignored", {}).get(name, [])
            for value in rejected:
                notices.append(
                    _("Der Wert „%(value)s“ für „%(label)s“ ist unbekannt und wurde ignoriert.")
                    % {"value": value[:60], "label": field.label}
                )
        return notices
