"""The region pages (a Land, a Kreis with its overlap matrices) and /ueberschneidungen/
with the white spots of each Handlungsfeld."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from netzwerke import overlaps
from netzwerke.dataversion import data_version
from netzwerke.facetindex import facet_index
from netzwerke.geometry import all_land_borders, national_viewbox
from netzwerke.models import District, State
from netzwerke.similarity import focus_table
from netzwerke.tabular import csv_response
from netzwerke.views.pages import LAND, PLZ, PagedNetworks, district_map_or_none

REGION_LIST_LIMIT = 50


class RegionStateView(TemplateView):
    template_name = "netzwerke/region_state.html"

    def get_context_data(self, **kwargs):
        if not LAND.fullmatch(kwargs["land"]):
            raise Http404
        state = get_object_or_404(State, code=kwargs["land"].upper())
        index = facet_index(data_version(self.request))
        covered_bits = index.sets["land"].get(state.code, 0)
        counts = index.counts("kreis", within=covered_bits)
        districts = [
            {"district": d, "count": counts.get(d.ags, 0)}
            for d in District.objects.filter(state=state).order_by("name")
        ]
        return super().get_context_data(
            state=state,
            networks=_first_networks(index, covered_bits),
            total=covered_bits.bit_count(),
            districts=districts,
            covered=sum(1 for d in districts if d["count"]),
            list_url=reverse("netzwerke:network-list") + f"?land={state.code}",
            **kwargs,
        )


def _first_networks(index, bits):
    return PagedNetworks(index.ordered(bits, "name"))[:REGION_LIST_LIMIT]


class RegionDistrictView(TemplateView):
    template_name = "netzwerke/region_district.html"

    def get_context_data(self, **kwargs):
        if not (LAND.fullmatch(kwargs["land"]) and PLZ.fullmatch(kwargs["ags"])):
            raise Http404
        district = get_object_or_404(
            District.objects.select_related("state"),
            ags=kwargs["ags"],
            state_id=kwargs["land"].upper(),
        )
        version = data_version(self.request)
        index = facet_index(version)
        covered_bits = index.sets["kreis"].get(district.ags, 0)
        networks = _first_networks(index, covered_bits)
        return super().get_context_data(
            district=district,
            state=district.state,
            networks=networks,
            matrices=[
                (overlaps.matrix(index, networks, "handlungsfeld"), _("Handlungsfeld")),
                (overlaps.matrix(index, networks, "zielgruppe"), _("Zielgruppe")),
            ],
            similar_pairs=overlaps.similar_pairs(index, focus_table(version), networks),
            total=covered_bits.bit_count(),
            district_map=district_map_or_none([district.ags]),
            list_url=reverse("netzwerke:network-list") + f"?kreis={district.ags}",
            **kwargs,
        )


class OverlapView(TemplateView):
    """/ueberschneidungen/: Kreise ranked by overlap and the white spots of every
    Handlungsfeld (a small map and a table each), for Germany or ``?land=``. An older
    link's ``?handlungsfeld=`` puts that field first, its table open."""

    template_name = "netzwerke/overlaps.html"

    def get_context_data(self, **kwargs):
        index = facet_index(data_version(self.request))
        scope = overlap_scope(self.request, index)
        field_maps, legend = overlaps.white_spot_maps(index, scope["districts"], scope["fields"])
        chosen = self.request.GET.get("handlungsfeld", "")
        field_maps.sort(key=lambda m: m.key != chosen)  # stable: the rest stay by name
        return super().get_context_data(
            **scope,
            ranking=overlaps.ranking(index, scope["districts"])[:REGION_LIST_LIMIT],
            spots=next((m.spots for m in field_maps if m.key == scope["field"]), []),
            field_maps=field_maps,
            chosen=chosen if chosen in index.labels["handlungsfeld"] else "",
            legend=legend,
            outlines=overlaps.kreis_outlines(),
            borders=all_land_borders(),
            viewbox=national_viewbox(),
            **kwargs,
        )


def overlap_scope(request, index):
    """The Land (``?land=``, else Germany), its Kreise and the chosen Handlungsfeld."""
    fields = sorted(index.labels["handlungsfeld"].items(), key=lambda kv: kv[1][0].casefold())
    field = request.GET.get("handlungsfeld", "")
    if field not in index.labels["handlungsfeld"]:
        field = fields[0][0] if fields else ""
    code = request.GET.get("land", "").upper()
    state = State.objects.filter(code=code).first() if LAND.fullmatch(code) else None
    districts = District.objects.order_by("name")
    if state:
        districts = districts.filter(state=state)
    return {
        "state": state,
        "states": State.objects.order_by("name"),
        "districts": list(districts.values_list("ags", "name")),
        "fields": [(key, label) for key, (label, _detail) in fields],
        "field": field,
        "field_label": index.labels["handlungsfeld"].get(field, ("", ""))[0],
    }


def white_spots_csv(request):
    """Every Handlungsfeld's white spots (Kreise without a network on it), for ``?land=``."""
    index = facet_index(data_version(request))
    scope = overlap_scope(request, index)

    def rows():
        yield [_("Handlungsfeld"), _("AGS"), _("Kreis")]
        for key, label in scope["fields"]:
            for ags, name in overlaps.white_spots(index, scope["districts"], key)[1]:
                yield [label, ags, name]

    return csv_response(rows(), filename="weisse-flecken.csv")
