"""The public HTML pages: home with place search, network list and profile, sources."""

import re
from itertools import groupby

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from netzwerke.dataversion import data_version
from netzwerke.facetindex import facet_index, search_result
from netzwerke.filters import NetworkFilter
from netzwerke.maps import district_map, germany_map
from netzwerke.models import (
    District,
    Event,
    Membership,
    Network,
    Project,
    State,
)
from netzwerke.opendata_meta import ATTRIBUTION, LICENCE
from netzwerke.places import place_result
from netzwerke.reference import SOURCES, STATES
from netzwerke.search import did_you_mean
from netzwerke.similarity import PEER_LIMIT, peers
from netzwerke.views.jsonld import organization_jsonld
from netzwerke.vocabularies import NETWORK_VOCABULARIES, VOCABULARIES

#: the upcoming events a profile lists before it links to the rest
PROFILE_EVENTS = 5
PLZ = re.compile(r"\d{5}")  # also the shape of an AGS
LAND = re.compile(r"[A-Za-z]{2}")


STATE_OF_PREFIX = {prefix: code for code, prefix, _name in STATES}


def map_link(level, counts):
    """Regions with networks link to the filtered list, the others to their region page."""
    list_url = reverse("netzwerke:network-list")

    def link(code):
        if counts.get(code):
            return f"{list_url}?{'land' if level == 'land' else 'kreis'}={code}"
        if level == "land":
            return reverse("netzwerke:region-state", kwargs={"land": code})
        land = STATE_OF_PREFIX.get(code[:2])
        return land and reverse("netzwerke:region-district", kwargs={"land": land, "ags": code})

    return link


class HomeView(TemplateView):
    """Place search ("Gibt es ein Netzwerk in Ihrer Region?"), map and key figures."""

    template_name = "netzwerke/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        place = self.request.GET.get("ort", "").replace("\x00", "").strip()[:100]
        version = data_version(self.request)
        index = facet_index(version)
        if place:
            context.update(self.place_result(place, index))
        state_counts = index.counts("land")
        district_counts = index.counts("kreis")
        level = "land" if self.request.GET.get("karte") == "laender" else "kreis"
        counts = state_counts if level == "land" else district_counts
        context.update(
            place=place,
            # callables: the template calls them only when its cached fragment is stale
            states=lambda: [
                {"state": state, "count": state_counts.get(state.code, 0)}
                for state in State.objects.order_by("name")
            ],
            figures={
                "networks": index.all.bit_count(),
                "demo": index.demo.bit_count(),
                "criteria": index.criteria.bit_count(),
                "states": len(state_counts),
                "districts": len(district_counts),
            },
            map_level=level,
            # the rendered map and tables are built once per data version
            map_version=version.number,
            map=lambda: germany_map(level, counts, map_link(level, counts)),
        )
        return context

    def place_result(self, place, index):
        if place.isdigit() and not PLZ.fullmatch(place):
            return {
                "place_error": _(
                    "Eine Postleitzahl hat fünf Ziffern. Bitte prüfen Sie „%(place)s“."
                )
                % {"place": place}
            }
        ags = self.request.GET.get("kreis", "")
        result = place_result(
            place, ags=ags if PLZ.fullmatch(ags) else "", networks=public_networks(), index=index
        )
        match = result["place_match"]
        if match.ambiguous:
            return result
        if not match.found:
            result["place_error"] = _(
                "Zu „%(place)s“ haben wir keinen Ort, Kreis und keine Region gefunden. Versuchen "
                "Sie eine Postleitzahl oder den Namen der Stadt, Gemeinde oder des Kreises."
            ) % {"place": place}
            return result
        query = "&".join(f"kreis={d.ags}" for d in match.districts)
        result.update(
            place_districts=match.districts,
            place_networks=[n for g in result["place_groups"] for n in g.networks],
            place_list_url=f"{reverse('netzwerke:network-list')}?{query}",
        )
        return result


def public_networks():
    """Published networks with what a result card shows, in two prefetch queries."""
    return Network.objects.published().prefetch_related(
        Prefetch("districts", queryset=District.objects.select_related("state").order_by("name")),
        "action_fields",
    )


class FilteredMixin:
    """Binds the public filter to the query string (even an empty one)."""

    filterset_class = NetworkFilter

    def get_filterset(self, filterset_class=None):
        return NetworkFilter(self.request.GET, queryset=self.get_queryset(), request=self.request)


def page_title(title, page):
    """``title`` with "Seite 2 von 18" from page 2 on, so that every page has its own title."""
    if page.number == 1:
        return title
    return _("%(title)s – Seite %(page)s von %(pages)s") % {
        "title": title,
        "page": page.number,
        "pages": page.paginator.num_pages,
    }


class PagedNetworks:
    """The result's ids; the paginator's slice reads only that page (of ``queryset``,
    the public networks unless given)."""

    def __init__(self, pks, queryset=None):
        self.pks = pks
        self.queryset = queryset

    def __len__(self):
        return len(self.pks)

    def __getitem__(self, window):
        pks = self.pks[window]
        queryset = public_networks() if self.queryset is None else self.queryset
        found = queryset.in_bulk(pks)
        return [found[pk] for pk in pks if pk in found]


class NetworkListView(FilteredMixin, FilterView):
    template_name = "netzwerke/network_list.html"
    #: URL names of the list, its exports and its feed
    url_names = {
        "list": "netzwerke:network-list",
        "csv": "netzwerke:network-export-csv",
        "json": "netzwerke:network-export-json",
        "feed": "netzwerke:network-feed",
    }
    paginate_by = 20
    max_page_size = 100

    def get_queryset(self):
        return public_networks()

    def get(self, request, *args, **kwargs):
        self.filterset = self.get_filterset(self.get_filterset_class())
        # the facet index filters, counts and orders (get_context_data); no SQL filter runs
        self.object_list = self.filterset.queryset
        context = self.get_context_data(filter=self.filterset, object_list=self.object_list)
        return self.render_to_response(context)

    def get_paginate_by(self, queryset):
        return self.paginate_by

    def paged(self, pks):
        return PagedNetworks(pks)

    def paginate_queryset(self, queryset, page_size):
        paginator = Paginator(self.paged(self.result.pks), page_size)
        # the facets already counted the result; spare the COUNT(*)
        paginator.__dict__["count"] = self.total
        raw = self.request.GET.get("page", "1")
        try:
            number = int(raw)
        except ValueError:
            number = 1
            self.notices.append(
                _("Die Seitenangabe „%(page)s“ ist ungültig; gezeigt wird Seite 1.")
                % {"page": raw[:20]}
            )
        if not 1 <= number <= paginator.num_pages:
            fixed = min(max(number, 1), paginator.num_pages)
            self.notices.append(
                _("Seite %(page)s gibt es nicht; gezeigt wird Seite %(fixed)s.")
                % {"page": number, "fixed": fixed}
            )
            number = fixed
        page = paginator.page(number)
        page.object_list = list(page.object_list)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        filterset = self.filterset
        self.notices = list(filterset.notices)
        index = facet_index(data_version(self.request))
        self.result = search_result(filterset, index, search=filterset.search_ranks())
        self.facets, self.total = self.result.facets, self.result.total
        context = super().get_context_data(**kwargs)
        title = filterset.title()
        if not self.total and filterset.search_text:
            suggestion = did_you_mean(
                filterset.search_text,
                [Network.objects.published(), *(v.model.objects.all() for v in VOCABULARIES)],
            )
            if suggestion:
                suggested = self.request.GET.copy()
                suggested.pop("page", None)
                suggested["q"] = suggestion
                context.update(suggestion=suggestion, suggestion_query=suggested.urlencode())
        return self.list_context(context, filterset, title)

    def list_context(self, context, filterset, title):
        """What every faceted list page shows: facets, chips, pager, sort (also the catalogue)."""
        query = self.request.GET
        base_query = query.copy()
        base_query.pop("page", None)
        page = context["page_obj"]
        context.update(
            urls={key: reverse(name) for key, name in self.url_names.items()},
            facets=self.facets,
            total=self.total,
            notices=self.notices,
            chips=filterset.chips(query),
            title=title,
            page_title=page_title(title, page),
            page_range=list(page.paginator.get_elided_page_range(page.number, on_each_side=2)),
            query=base_query.urlencode(),
            search_text=filterset.search_text,
            sort=filterset.sort_key,
            sort_choices=[
                (value, label)
                for value, label in filterset.filters["sort"].extra["choices"]
                if value != "relevanz" or filterset.search_text
            ],
        )
        return context


class NetworkDetailView(DetailView):
    """The public profile; drafts and archived networks answer 404."""

    template_name = "netzwerke/network_detail.html"

    def get_queryset(self):
        return (
            Network.objects.published()
            .with_criteria()
            .prefetch_related(
                Prefetch(
                    "districts",
                    queryset=District.objects.select_related("state").order_by("name"),
                ),
                "foreign_regions",
                *(v.field for v in NETWORK_VOCABULARIES),
                Prefetch(
                    "memberships",
                    queryset=Membership.objects.select_related("actor__actor_type").order_by(
                        "actor__actor_type__order", "actor__actor_type__name", "actor__name"
                    ),
                ),
                Prefetch(
                    "projects",
                    queryset=Project.objects.prefetch_related("action_fields").order_by(
                        "status", "-start_date", "title"
                    ),
                ),
            )
        )

    def get_context_data(self, **kwargs):
        network = self.object
        districts = list(network.districts.all())
        memberships = list(network.memberships.all())
        partner_groups = [
            (actor_type, list(group))
            for actor_type, group in groupby(memberships, key=lambda m: m.actor.actor_type)
        ]
        states = list({d.state_id: d.state for d in districts}.values())
        foreign_regions = list(network.foreign_regions.all())
        return super().get_context_data(
            districts=districts,
            foreign_regions=foreign_regions,
            states=states,
            partner_groups=partner_groups,
            partner_total=len(memberships),
            binding_total=sum(m.binding is True for m in memberships),
            binding_unknown=sum(m.binding is None for m in memberships),
            projects=list(network.projects.all()),
            events=network_upcoming_events(network),
            criteria=network.criteria_states,
            district_map=district_map_or_none([d.ags for d in districts]),
            **self.peers_context(network),
            jsonld=organization_jsonld(
                self.request, network, districts, memberships, foreign_regions
            ),
            **kwargs,
        )

    def peers_context(self, network):
        """Similar networks in the region and elsewhere (one query) and the recommended
        Praxisbeispiele of the network's fields (one query): ``netzwerke.similarity``."""
        from netzwerke.praxis import project_index

        version = data_version(self.request)
        regional = peers(version, network.pk, regional=True)
        elsewhere = peers(version, network.pk, regional=False)
        found = Network.objects.only("name", "slug", "status").in_bulk(
            [p.pk for p in regional + elsewhere]
        )
        for peer in regional + elsewhere:
            peer.network = found.get(peer.pk)
        index = project_index(version)
        fields = index.union("handlungsfeld", [f.slug for f in network.action_fields.all()])
        own = index.of_network.get(network.pk, 0)
        chosen = index.ordered(index.recommended & fields & ~own & index.all, "titel")
        projects = Project.objects.select_related("network").in_bulk(chosen[:PEER_LIMIT])
        return {
            "peers_regional": [p for p in regional if p.network],
            "peers_elsewhere": [p for p in elsewhere if p.network],
            "peer_projects": [projects[pk] for pk in chosen[:PEER_LIMIT] if pk in projects],
        }


def network_upcoming_events(network, now=None):
    """The profile's block: the network's next public events (one query)."""
    events = Event.objects.public().filter(network=network).select_related("district")
    return list(events.upcoming(now)[:PROFILE_EVENTS])


def district_map_or_none(ags_list):
    return district_map(ags_list) if ags_list else None


# -- small pages --------------------------------------------------------------


class SourcesView(TemplateView):
    template_name = "netzwerke/sources.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sources=SOURCES, licence=LICENCE, attribution=ATTRIBUTION, **kwargs
        )


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /konto/",
        "Disallow: /erhebung/",
        "Disallow: /einladung/",
        "Disallow: /netzwerke/export.csv",
        "Disallow: /netzwerke/export.json",
        "Disallow: /praxisbeispiele/export.csv",
        "Disallow: /praxisbeispiele/export.json",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
