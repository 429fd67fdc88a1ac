"""Open data: the filtered result as CSV and JSON exports and as an Atom feed.

Every one of them names the licence (``netzwerke.opendata_meta``): the JSON document in
its ``lizenz`` block, the downloads in a ``Link: rel="license"`` header, the feed in
``<rights>``.

The exports stream: networks are read in chunks of ``EXPORT_CHUNK`` (each chunk with
its own prefetch queries) and written out as they come, so memory stays flat
however many networks match.
"""

import json

from django.contrib.syndication.views import Feed
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Prefetch
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from netzwerke.csvformat import export_queryset, network_rows
from netzwerke.filters import NetworkFilter, querystring_without
from netzwerke.models import (
    District,
    ForeignRegion,
    Network,
)
from netzwerke.opendata_meta import json_envelope, licence_link, licence_text
from netzwerke.tabular import csv_response, in_pieces
from netzwerke.vocabularies import NETWORK_VOCABULARIES

#: networks per database round trip of an export
EXPORT_CHUNK = 500
#: networks per piece of the streamed JSON
JSON_BATCH = 100


def _filtered(request, queryset):
    filterset = NetworkFilter(request.GET, queryset=queryset, request=request)
    return filterset, filterset.qs.iterator(chunk_size=EXPORT_CHUNK)


def network_json(request, n):
    districts = n.districts.all()
    return {
        "slug": n.slug,
        "name": n.name,
        "typ": n.network_type,
        "kurzbeschreibung": n.short_description,
        "kreise": [d.ags for d in districts],
        "laender": sorted({d.state_id for d in districts}),
        # NUTS-3 codes of the regions abroad (cross-border networks)
        "regionen_ausland": [r.code for r in n.foreign_regions.all()],
        **{v.column: [t.slug for t in getattr(n, v.field).all()] for v in NETWORK_VOCABULARIES},
        "partner_anzahl": n.partner_count,
        "gruendungsjahr": n.founded_year,
        "website": n.website,
        # ja/nein/keine Angabe as true/false/null
        "hauptamtliches_management": n.full_time_management,
        "entwicklungspartnerschaft": n.development_partnership,
        "ziele_datenbasiert": n.goals_based_on_data,
        "ergebnisse_evaluiert": n.results_evaluated,
        # only with the contact person's consent
        "kontakt": n.public_contact or None,
        # the facts of a Qualifizierungsverbund or Drehscheibe, null where unknown
        "typ_kennzahlen": {
            column: getattr(n, name) if getattr(n, name) != "" else None
            for name, column in Network.TYPE_FACTS.get(n.network_type, [])
        }
        or None,
        "herkunft": n.source,
        "demo": n.is_demo,
        "url": request.build_absolute_uri(n.get_absolute_url()),
        "veroeffentlicht": n.published_at,
        "aktualisiert": n.updated_at,
    }


def json_networks():
    """The published networks with what ``network_json`` reads (the JSON export, the API)."""
    return (
        Network.objects.published()
        .with_partner_count()
        .prefetch_related(
            Prefetch("districts", queryset=District.objects.order_by("ags")),
            Prefetch("foreign_regions", queryset=ForeignRegion.objects.order_by("code")),
            *(
                Prefetch(v.field, queryset=v.model.objects.order_by(v.order_by))
                for v in NETWORK_VOCABULARIES
            ),
        )
    )


def network_export_json(request):
    """The current filter's whole result as a JSON list (contacts only with consent)."""
    _filterset, networks = _filtered(request, json_networks())
    response = StreamingHttpResponse(
        in_pieces(_json_pieces(request, networks)), content_type="application/json"
    )
    response["Content-Disposition"] = 'inline; filename="netzwerke.json"'
    response["Access-Control-Allow-Origin"] = "*"
    response["Link"] = licence_link()
    return response


def _json_pieces(request, networks):
    start, end = json_envelope(request, "netzwerke")
    yield start
    batch = []
    separator = ""
    for network in networks:
        data = network_json(request, network)
        batch.append(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False))
        if len(batch) == JSON_BATCH:
            yield separator + ", ".join(batch)
            separator, batch = ", ", []
    if batch:
        yield separator + ", ".join(batch)
    yield end


def network_export_csv(request):
    """The current filter's whole result in the import format, without personal data;
    streamed, every cell guarded against formulas (``netzwerke.tabular``)."""
    _filterset, networks = _filtered(request, export_queryset(Network.objects.published()))
    rows = network_rows(networks, public=True)
    response = csv_response(rows, filename="netzwerke.csv", streaming=True)
    response["Link"] = licence_link()
    return response


class NetworkFeed(Feed):
    """Newly published networks for the current filter, as Atom."""

    feed_type = Atom1Feed
    limit = 50
    feed_copyright = licence_text()

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return NetworkFilter(request.GET, queryset=Network.objects.published(), request=request)

    def title(self, obj):
        return _("Neue Einträge: %(title)s") % {"title": obj.title()}

    def subtitle(self, obj):
        return _("Neu veröffentlichte Netzwerke in der Netzwerkdatenbank Fachkräftesicherung")

    def link(self, obj):
        query = querystring_without(self.request.GET, "sort")
        return reverse("netzwerke:network-list") + (f"?{query}" if query else "")

    def items(self, obj):
        return obj.qs.order_by(F("published_at").desc(nulls_last=True), "pk")[: self.limit]

    def item_title(self, item):
        return item.name

    def item_description(self, item):
        return item.short_description or item.description[:300]

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
