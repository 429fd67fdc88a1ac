"""The directory's endpoints: networks, projects, events, regions and vocabularies.

Each list filters exactly as its HTML page does: the same FilterSet on the same query
string, and the same index (``facetindex.search_result``, ``praxis.catalogue_result``)
or, for events, the same SQL; so counts and order agree with the page.
"""

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from rest_framework import serializers

from netzwerke.api.base import (
    PublicAPIView,
    facets_json,
    facets_wanted,
    licence,
    page_window,
    paged,
)
from netzwerke.api.fields import (
    NetworkSerializer,
    ProjectSerializer,
    network_api,
    project_api,
)
from netzwerke.api.schema import (
    FACETS,
    PAGING,
    LicenceSerializer,
    documented,
    filter_parameters,
    paged_serializer,
    shape,
)
from netzwerke.dataversion import data_version
from netzwerke.facetindex import facet_index, search_result
from netzwerke.facets import event_facets
from netzwerke.filters import DistrictFilter, EventFilter, NetworkFilter
from netzwerke.models import District, Event, Network, Project, State
from netzwerke.praxis import (
    ProjectFilter,
    catalogue_result,
    project_index,
    public_projects,
    search_ranks,
)
from netzwerke.views.opendata import json_networks
from netzwerke.views.pages import PagedNetworks
from netzwerke.vocabularies import ACTION_FIELDS, SECTORS, VOCABULARIES


def _in_order(queryset, pks):
    return PagedNetworks(pks, queryset)[:]


# -- networks ---------------------------------------------------------------------------


@documented(
    operation_id="networks_list",
    summary="Netzwerke (gefiltert wie /netzwerke/)",
    parameters=[*filter_parameters(NetworkFilter), *PAGING, FACETS],
    responses=paged_serializer("NetworkPage", NetworkSerializer, facets=True),
)
class NetworkList(PublicAPIView):
    def payload(self, request):
        queryset = Network.objects.published()
        filterset = NetworkFilter(request.GET, queryset=queryset, request=request)
        notices = list(filterset.notices)
        with_facets = facets_wanted(request, notices)
        index = facet_index(data_version(request))
        result = search_result(filterset, index, search=filterset.search_ranks())
        window = page_window(request, result.total, notices)
        networks = _in_order(json_networks(), result.pks[window.start : window.end])
        extra = {"facets": facets_json(result.facets)} if with_facets else {}
        return paged(request, window, [network_api(request, n) for n in networks], notices, **extra)


NetworkDetailSerializer = shape(
    "NetworkDetail",
    {
        **NetworkSerializer().get_fields(),
        "description": serializers.CharField(),
        "projects": serializers.ListField(child=serializers.URLField()),
        "licence": LicenceSerializer(),
    },
)


@documented(
    operation_id="networks_detail", summary="Ein Netzwerk", responses=NetworkDetailSerializer
)
class NetworkDetail(PublicAPIView):
    def payload(self, request, slug):
        network = (
            json_networks()
            .prefetch_related(Prefetch("projects", queryset=Project.objects.order_by("title")))
            .filter(slug=slug)
            .first()
        )
        if network is None:
            raise Http404
        return {
            **network_api(request, network),
            "description": network.description,
            "projects": [
                request.build_absolute_uri(_project_url(network.slug, p.slug))
                for p in network.projects.all()
            ],
            "licence": licence(),
        }


# -- projects (the Praxisbeispiele catalogue) -------------------------------------------


def _project_url(network_slug, slug):
    return reverse("api:project-detail", kwargs={"network": network_slug, "slug": slug})


@documented(
    operation_id="projects_list",
    summary="Projekte (gefiltert wie /praxisbeispiele/)",
    parameters=[*filter_parameters(ProjectFilter), *PAGING, FACETS],
    responses=paged_serializer("ProjectPage", ProjectSerializer, facets=True),
)
class ProjectList(PublicAPIView):
    def payload(self, request):
        filterset = ProjectFilter(request.GET, queryset=Project.objects.none(), request=request)
        notices = list(filterset.notices)
        with_facets = facets_wanted(request, notices)
        index = project_index(data_version(request))
        result = catalogue_result(filterset, index, search=search_ranks(filterset))
        window = page_window(request, result.total, notices)
        projects = _in_order(public_projects(), result.pks[window.start : window.end])
        extra = {"facets": facets_json(result.facets)} if with_facets else {}
        return paged(request, window, [project_api(request, p) for p in projects], notices, **extra)


@documented(operation_id="projects_detail", summary="Ein Projekt", responses=ProjectSerializer)
class ProjectDetail(PublicAPIView):
    def payload(self, request, network, slug):
        project = public_projects().filter(network__slug=network, slug=slug).first()
        if project is None:
            raise Http404
        return {**project_api(request, project), "licence": licence()}


# -- events -------------------------------------------------------------------------------

EventSerializer = shape(
    "Event",
    {
        "slug": serializers.CharField(),
        "title": serializers.CharField(),
        "description": serializers.CharField(),
        "status": serializers.CharField(help_text="geplant, abgesagt"),
        "starts_at": serializers.DateTimeField(),
        "ends_at": serializers.DateTimeField(),
        "all_day": serializers.BooleanField(),
        "online": serializers.BooleanField(),
        "address": serializers.CharField(),
        "district": serializers.CharField(allow_null=True, help_text="Kreis (AGS)"),
        "state": serializers.CharField(allow_null=True),
        "network": serializers.CharField(),
        "network_name": serializers.CharField(),
        "action_fields": serializers.ListField(child=serializers.CharField()),
        "target_groups": serializers.ListField(child=serializers.CharField()),
        "registration_url": serializers.CharField(),
        "cost": serializers.CharField(),
        "demo": serializers.BooleanField(),
        "url": serializers.URLField(),
    },
)


def event_api(request, event):
    district = event.district
    return {
        "slug": event.slug,
        "title": event.title,
        "description": event.description,
        "status": event.status,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "all_day": event.all_day,
        "online": event.online,
        "address": event.address,
        "district": district.ags if district else None,
        "state": district.state_id if district else None,
        "network": event.network.slug,
        "network_name": event.network.name,
        "action_fields": [t.slug for t in event.action_fields.all()],
        "target_groups": [t.slug for t in event.target_groups.all()],
        "registration_url": event.registration_url,
        "cost": event.cost,
        "demo": event.is_demo,
        "url": request.build_absolute_uri(event.get_absolute_url()),
    }


@documented(
    summary="Veranstaltungen (gefiltert wie /veranstaltungen/)",
    parameters=[*filter_parameters(EventFilter), *PAGING, FACETS],
    responses=paged_serializer("EventPage", EventSerializer, facets=True),
)
class EventList(PublicAPIView):
    """Upcoming public events, soonest first (``archive``: past ones, latest first)."""

    time_dependent = True
    archive = False

    def payload(self, request):
        now = timezone.now()
        events = Event.objects.public().select_related("network", "district")
        events = events.past(now) if self.archive else events.upcoming(now)
        filterset = EventFilter(request.GET, queryset=events, request=request)
        notices = list(filterset.notices)
        with_facets = facets_wanted(request, notices)
        facets, total = event_facets(filterset)
        window = page_window(request, total, notices)
        page = filterset.qs.prefetch_related("action_fields", "target_groups")[
            window.start : window.end
        ]
        extra = {"facets": facets_json(facets)} if with_facets else {}
        return paged(request, window, [event_api(request, e) for e in page], notices, **extra)


# -- regions ------------------------------------------------------------------------------

StateSerializer = shape(
    "State",
    {
        "code": serializers.CharField(help_text="ISO-3166-2-Kürzel ohne DE- (Parameter land)"),
        "ags": serializers.CharField(help_text="zweistelliges AGS-Präfix"),
        "name": serializers.CharField(),
        "network_count": serializers.IntegerField(),
        "networks": serializers.URLField(),
    },
)
DistrictSerializer = shape(
    "District",
    {
        "ags": serializers.CharField(help_text="Amtlicher Gemeindeschlüssel (Parameter kreis)"),
        "name": serializers.CharField(),
        "kind": serializers.CharField(),
        "state": serializers.CharField(),
        "population": serializers.IntegerField(allow_null=True),
        "area_km2": serializers.FloatField(allow_null=True),
        "network_count": serializers.IntegerField(),
        "networks": serializers.URLField(),
    },
)


def _networks_url(request, **query):
    key, value = next(iter(query.items()))
    return request.build_absolute_uri(f"{reverse('api:network-list')}?{key}={value}")


@documented(
    operation_id="states_list",
    summary="Bundesländer",
    parameters=PAGING,
    responses=paged_serializer("StatePage", StateSerializer),
)
class StateList(PublicAPIView):
    def payload(self, request):
        notices = []
        counts = facet_index(data_version(request)).counts("land")
        states = list(State.objects.order_by("code"))
        window = page_window(request, len(states), notices)
        results = [
            {
                "code": s.code,
                "ags": s.ags,
                "name": s.name,
                "network_count": counts.get(s.code, 0),
                "networks": _networks_url(request, land=s.code),
            }
            for s in states[window.start : window.end]
        ]
        return paged(request, window, results, notices)


@documented(
    operation_id="districts_list",
    summary="Kreise und kreisfreie Städte",
    parameters=[*filter_parameters(DistrictFilter), *PAGING],
    responses=paged_serializer("DistrictPage", DistrictSerializer),
)
class DistrictList(PublicAPIView):
    def payload(self, request):
        filterset = DistrictFilter(
            request.GET, queryset=District.objects.order_by("ags"), request=request
        )
        notices = list(filterset.notices)
        counts = facet_index(data_version(request)).counts("kreis")
        districts = filterset.qs
        window = page_window(request, districts.count(), notices)
        results = [
            {
                "ags": d.ags,
                "name": d.name,
                "kind": d.kind,
                "state": d.state_id,
                "population": d.population,
                "area_km2": d.area_km2,
                "network_count": counts.get(d.ags, 0),
                "networks": _networks_url(request, kreis=d.ags),
            }
            for d in districts[window.start : window.end]
        ]
        return paged(request, window, results, notices)


# -- vocabularies -------------------------------------------------------------------------


def _term(vocabulary, term, counts):
    data = {
        "slug": term.slug,
        "name": term.name,
        "description": term.description,
        "network_count": counts.get(term.slug, 0),
    }
    if vocabulary is SECTORS:
        data["code"] = term.code
    if vocabulary is ACTION_FIELDS:
        data["official"] = term.official
    return data


@documented(
    operation_id="vocabularies_list",
    summary="Vokabulare (Handlungsfelder, Zielgruppen, Branchen, Akteurstypen)",
    responses=shape(
        "Vocabularies",
        {
            "licence": LicenceSerializer(),
            "results": serializers.DictField(
                help_text="je Vokabular (action_fields, target_groups, sectors, partner_types): "
                "param, export_column, label, terms"
            ),
        },
    ),
)
class VocabularyList(PublicAPIView):
    def payload(self, request):
        index = facet_index(data_version(request))
        results = {}
        for vocabulary in VOCABULARIES:
            counts = index.counts(vocabulary.param)
            terms = vocabulary.model.objects.order_by("order", "name")
            results[vocabulary.field] = {
                "param": vocabulary.param,
                "export_column": vocabulary.column,
                "label": str(vocabulary.plural_label),
                "terms": [_term(vocabulary, t, counts) for t in terms],
            }
        return {"licence": licence(), "results": results}
