"""The Praxisbeispiele catalogue: list with facets, project page, CSV/JSON exports, Atom feed.

The exports and the feed name the licence as the network exports do (``views/opendata.py``).

Every page of it filters through ``netzwerke.praxis`` (the project index), so the
list, the exports and the feed show the same projects in the same order.
"""

import json

from django.contrib.syndication.views import Feed
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, StreamingHttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from netzwerke.dataversion import data_version
from netzwerke.models import Project
from netzwerke.opendata_meta import json_envelope, licence_link, licence_text
from netzwerke.praxis import (
    ProjectFilter,
    catalogue_result,
    project_index,
    public_projects,
    search_ranks,
    similar_projects,
)
from netzwerke.tabular import csv_response, in_pieces
from netzwerke.views.jsonld import project_jsonld
from netzwerke.views.pages import NetworkListView, PagedNetworks

#: projects per database round trip of an export
EXPORT_CHUNK = 500


def _result(request, query=None, filterset=None):
    """The bound filter of ``query`` (the request's) and its result from the project index."""
    if filterset is None:
        query = request.GET if query is None else query
        filterset = ProjectFilter(query, queryset=Project.objects.none(), request=request)
    index = project_index(data_version(request))
    return filterset, catalogue_result(filterset, index, search=search_ranks(filterset))


class ProjectListView(NetworkListView):
    template_name = "netzwerke/project_list.html"
    url_names = {
        "list": "netzwerke:project-list",
        "csv": "netzwerke:project-export-csv",
        "json": "netzwerke:project-export-json",
        "feed": "netzwerke:project-feed",
    }

    def get_queryset(self):
        return Project.objects.none()

    def get_filterset(self, filterset_class=None):
        return ProjectFilter(
            self.request.GET, queryset=Project.objects.none(), request=self.request
        )

    def paged(self, pks):
        return PagedNetworks(pks, public_projects())

    def get_context_data(self, **kwargs):
        filterset = self.filterset
        self.notices = list(filterset.notices)
        _filterset, self.result = _result(self.request, filterset=filterset)
        self.facets, self.total = self.result.facets, self.result.total
        context = super(NetworkListView, self).get_context_data(**kwargs)
        return self.list_context(context, filterset, filterset.title())


class ProjectDetailView(DetailView):
    """A project of a published network; its slug is unique within the network."""

    template_name = "netzwerke/project_detail.html"
    context_object_name = "project"

    def get_object(self, queryset=None):
        project = (
            public_projects()
            .prefetch_related("network__target_groups")
            .filter(network__slug=self.kwargs["network"], slug=self.kwargs["slug"])
            .first()
        )
        if project is None:
            raise Http404
        return project

    def get_context_data(self, **kwargs):
        project = self.object
        index = project_index(data_version(self.request))
        similar = PagedNetworks(similar_projects(index, project), public_projects())[:]
        districts = list(project.network.districts.all())
        return super().get_context_data(
            network=project.network,
            districts=districts,
            states=list({d.state_id: d.state for d in districts}.values()),
            fields=list(project.action_fields.all()),
            similar=similar,
            jsonld=project_jsonld(self.request, project, districts),
            **kwargs,
        )


# -- open data ---------------------------------------------------------------------------


def project_json(request, p):
    districts = p.network.districts.all()
    return {
        "slug": p.slug,
        "titel": p.title,
        "netzwerk": p.network.slug,
        "netzwerk_name": p.network.name,
        "netzwerktyp": p.network.network_type,
        "kreise": [d.ags for d in districts],
        "laender": sorted({d.state_id for d in districts}),
        "ziele": p.aim_keys,
        "handlungsfelder": [f.slug for f in p.action_fields.all()],
        "status": p.status,
        "beginn": p.start_date,
        "ende": p.end_date,
        # ja/nein/keine Angabe as true/false/null
        "evaluiert": p.evaluated,
        "praxisbeispiel": p.recommended,
        "begruendung": p.recommended_reason,
        "beschreibung": p.description,
        "ergebnisse": p.results,
        "website": p.website,
        "demo": p.network.is_demo,
        "url": request.build_absolute_uri(p.get_absolute_url()),
    }


def _projects(pks):
    """The projects of ``pks`` in that order, read ``EXPORT_CHUNK`` at a time."""
    for start in range(0, len(pks), EXPORT_CHUNK):
        yield from PagedNetworks(pks, public_projects())[start : start + EXPORT_CHUNK]


def project_export_json(request):
    """The filtered catalogue as a JSON list, in the page's order."""
    _filterset, result = _result(request)

    def pieces():
        start, end = json_envelope(request, "projekte")
        yield start
        separator = ""
        for project in _projects(result.pks):
            data = json.dumps(
                project_json(request, project), cls=DjangoJSONEncoder, ensure_ascii=False
            )
            yield separator + data
            separator = ", "
        yield end

    response = StreamingHttpResponse(in_pieces(pieces()), content_type="application/json")
    response["Content-Disposition"] = 'inline; filename="praxisbeispiele.json"'
    response["Access-Control-Allow-Origin"] = "*"
    response["Link"] = licence_link()
    return response


CSV_COLUMNS = [
    ("titel", _("Titel")),
    ("netzwerk_name", _("Netzwerk")),
    ("kreise", _("Kreise (AGS)")),
    ("laender", _("Länder")),
    ("ziele", _("Ziele")),
    ("handlungsfelder", _("Handlungsfelder")),
    ("status", _("Status")),
    ("beginn", _("Beginn")),
    ("ende", _("Ende")),
    ("evaluiert", _("evaluiert")),
    ("praxisbeispiel", _("Praxisbeispiel")),
    ("begruendung", _("Begründung")),
    ("ergebnisse", _("Ergebnisse")),
    ("website", _("Website")),
    ("url", _("Adresse")),
]


def _cell(value):
    if isinstance(value, list):
        return ", ".join(value)
    if value is True:
        return "ja"
    if value is False:
        return "nein"
    return "" if value is None else str(value)


def project_export_csv(request):
    """The filtered catalogue as CSV (German Excel, formula guard: ``netzwerke.tabular``)."""
    _filterset, result = _result(request)

    def rows():
        yield [str(label) for _key, label in CSV_COLUMNS]
        for project in _projects(result.pks):
            data = project_json(request, project)
            yield [_cell(data[key]) for key, _label in CSV_COLUMNS]

    response = csv_response(rows(), filename="praxisbeispiele.csv", streaming=True)
    response["Link"] = licence_link()
    return response


class ProjectFeed(Feed):
    """The filtered catalogue's newest projects (by start), as Atom."""

    feed_type = Atom1Feed
    limit = 50
    feed_copyright = licence_text()

    def get_object(self, request, *args, **kwargs):
        self.request = request
        query = request.GET.copy()
        query["sort"] = "neueste"
        return _result(request, query)

    def title(self, obj):
        return _("Praxisbeispiele: %(title)s") % {"title": obj[0].title()}

    def subtitle(self, obj):
        return _("Projekte der Netzwerke in der Netzwerkdatenbank Fachkräftesicherung")

    def link(self, obj):
        query = self.request.GET.urlencode()
        return reverse("netzwerke:project-list") + (f"?{query}" if query else "")

    def items(self, obj):
        return PagedNetworks(obj[1].pks, public_projects())[: self.limit]

    def item_title(self, item):
        return f"{item.title} ({item.network.name})"

    def item_description(self, item):
        return item.description[:300] or item.results[:300]

    def item_updateddate(self, item):
        return item.network.updated_at
