"""Open data in one place: ``/daten/`` (every dataset, the licence, the widget snippet),
the DCAT-AP.de catalogue, and the embeddable widget ``/einbetten/``.

The widget is the one page of the site that other sites may frame: it alone carries
``frame-ancestors *`` and no ``X-Frame-Options``; every other response keeps
``frame-ancestors 'none'`` and ``X-Frame-Options: DENY`` from the settings. It renders
no form and touches no session, so it sets no cookie on a visitor of the partner's site.
"""

from itertools import groupby
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.http import http_date
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override
from django.views.decorators.http import condition, require_safe
from django.views.generic import TemplateView

from netzwerke import dcat
from netzwerke.datasets import API_DOCS_PATH, API_PATH, API_SCHEMA_PATH, DATASETS, modified_dates
from netzwerke.dataversion import data_version, per_version
from netzwerke.facetindex import facet_index, search_result
from netzwerke.filters import NetworkFilter
from netzwerke.models import ActionField, District, State
from netzwerke.opendata_meta import ATTRIBUTION, LICENCE, licence_link
from netzwerke.views.pages import PagedNetworks, public_networks

#: networks the widget lists before it links to the rest on the site
WIDGET_LIMIT = 20
#: the filter parameters the snippet generator offers
SNIPPET_PARAMS = ("land", "kreis", "handlungsfeld")


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


class DataView(TemplateView):
    """Every dataset with its formats, licence, last change and example calls; the DCAT
    catalogue; the widget's snippet generator (a GET form, no JavaScript)."""

    template_name = "netzwerke/data.html"

    def get_context_data(self, **kwargs):
        base = _base(self.request)
        # whole seconds: an HTML datetime takes at most three decimals
        modified = {
            key: localtime(value).replace(microsecond=0) if value else None
            for key, value in modified_dates(self.request).items()
        }
        datasets = [
            {
                "dataset": dataset,
                "landing": dataset.landing_path(),
                "modified": modified.get(dataset.modified_from),
                "distributions": [
                    {
                        "distribution": d,
                        "path": d.path(),
                        "example": f"curl -s '{base}{d.example_path()}'",
                    }
                    for d in dataset.distributions
                ],
            }
            for dataset in DATASETS
        ]
        return super().get_context_data(
            datasets=datasets,
            licence=LICENCE,
            attribution=ATTRIBUTION,
            api={
                "path": API_PATH,
                "schema": API_SCHEMA_PATH,
                "docs": API_DOCS_PATH,
                "example": f"curl -s '{base}{API_PATH}'",
            },
            catalogs=[
                (fmt, reverse("netzwerke:data-catalog", kwargs={"fmt": fmt}), media_type)
                for fmt, (_rdflib, media_type) in dcat.FORMATS.items()
            ],
            **self.snippet(base),
            **kwargs,
        )

    def snippet(self, base):
        """The snippet generator: its choices, and for a submitted choice the iframe code."""
        query = self.request.GET
        # only the generator's own parameters: others on /daten/ are no widget's business
        subset = QueryDict(mutable=True)
        for name in SNIPPET_PARAMS:
            subset.setlist(name, query.getlist(name))
        filterset = NetworkFilter(subset, queryset=public_networks(), request=self.request)
        districts = District.objects.select_related("state").order_by("state__name", "name")
        context = {
            "states": State.objects.order_by("name"),
            "district_groups": [
                (state, list(group)) for state, group in groupby(districts, key=lambda d: d.state)
            ],
            "fields": ActionField.objects.order_by("name"),
            "notices": [],
            "chosen": {},
        }
        if not any(query.get(name) for name in SNIPPET_PARAMS):
            return context
        keys = {"land": "code", "kreis": "ags", "handlungsfeld": "slug"}
        chosen = {
            name: [getattr(obj, keys[name]) for obj in filterset.active(name)]
            for name in SNIPPET_PARAMS
        }
        widget_query = urlencode([(k, v) for k, values in chosen.items() for v in values])
        url = reverse("netzwerke:widget") + (f"?{widget_query}" if widget_query else "")
        context.update(
            notices=filterset.notices,
            chosen={name: values[0] if values else "" for name, values in chosen.items()},
            widget_url=url,
            widget_title=filterset.title(),
            # escaped as the partner's HTML needs it; the template escapes it once more
            widget_code=(
                f'<iframe src="{escape(base + url)}" title="{escape(filterset.title())}" '
                'width="100%" height="480" style="border:0" loading="lazy"></iframe>'
            ),
        )
        return context


def _catalog_etag(request, fmt):
    # the data version, not a date: a write in the same second as a harvest still counts
    return f"{data_version(request).number}-{fmt}"


@require_safe
@condition(etag_func=_catalog_etag)
def data_catalog(request, fmt):
    """The DCAT-AP.de catalogue as Turtle, RDF/XML or JSON-LD, kept per data version;
    harvesters asking again with ``If-None-Match`` get a 304 until the data changes."""
    base = _base(request)

    def build():
        # the catalogue's literals are tagged German, whatever the page language
        with translation.override("de"):
            graph = dcat.catalog_graph(base=base, modified=modified_dates(request))
        return dcat.catalog_bytes(graph, fmt)

    body = per_version(request, f"dcat:{fmt}:{base}", build)
    _rdflib_format, media_type = dcat.FORMATS[fmt]
    response = HttpResponse(body, content_type=f"{media_type}; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    response["Link"] = licence_link()
    response["Last-Modified"] = http_date(data_version(request).changed_at.timestamp())
    return response


@require_safe
@xframe_options_exempt
@csp_override({**settings.SECURE_CSP, "frame-ancestors": ["*"]})
def widget(request):
    """The networks of a filter as a small page for an ``<iframe>`` on a partner's site:
    the same parameters as ``/netzwerke/``; links open the profiles in a new tab."""
    filterset = NetworkFilter(request.GET, queryset=public_networks(), request=request)
    index = facet_index(data_version(request))
    result = search_result(filterset, index, search=filterset.search_ranks())
    query = urlencode([(k, v) for k in request.GET for v in request.GET.getlist(k)])
    return render(
        request,
        "netzwerke/widget.html",
        {
            "title": filterset.title(),
            "networks": PagedNetworks(result.pks)[:WIDGET_LIMIT],
            "total": result.total,
            "notices": filterset.notices,
            "list_url": reverse("netzwerke:network-list") + (f"?{query}" if query else ""),
            "licence": LICENCE,
            "empty": _("Für diese Auswahl gibt es noch keine veröffentlichten Netzwerke."),
        },
    )
