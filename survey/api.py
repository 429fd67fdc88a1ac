"""The statistics of /statistik/ in the read API (/api/v1/statistics/).

Exactly the tables the pages and their CSV downloads show: the same ``Table`` objects,
built by ``survey.stats`` with its disclosure control, so a count of fewer than five
networks is "< 5" (and a cell that would give it away "x") here as well. Never a single
response. The filters are the pages' (``land``, ``typ``), read as leniently.
"""

from django.http import Http404
from django.urls import path, reverse
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from netzwerke.api.base import PublicAPIView, licence
from netzwerke.api.schema import LicenceSerializer, documented, shape
from netzwerke.models import Network, State
from survey import stats
from survey.models import Survey
from survey.stats_views import _directory_tables, read_filters

TableSerializer = shape(
    "StatisticsTable",
    {
        "slug": serializers.CharField(),
        "title": serializers.CharField(),
        "caption": serializers.CharField(),
        "columns": serializers.ListField(child=serializers.CharField()),
        "rows": serializers.ListField(
            child=serializers.DictField(),
            help_text="label und cells: Anzeigewerte nach der Geheimhaltung "
            "(„< 5“, „x“ statt kleiner Zahlen)",
        ),
        "footer": serializers.ListField(child=serializers.DictField()),
        "notes": serializers.ListField(child=serializers.CharField()),
        "csv": serializers.URLField(allow_null=True),
    },
)
ENVELOPE = {
    "filters": serializers.DictField(help_text="die angewandten Filter (land, typ)"),
    "notices": serializers.ListField(child=serializers.CharField()),
    "disclosure": serializers.DictField(help_text="min_group, suppressed, secondary"),
    "licence": LicenceSerializer(),
}
TablePageSerializer = shape("StatisticsTablePage", {**ENVELOPE, "table": TableSerializer()})
FILTERS = [
    OpenApiParameter("land", str, description="Bundesland (Kürzel, z. B. NW)"),
    OpenApiParameter(
        "typ", str, enum=[c for c, _l in Network.Type.choices], description="Netzwerktyp"
    ),
]


def table_json(request, table):
    return {
        "slug": table.slug,
        "title": str(table.title),
        "caption": str(table.caption),
        "columns": [str(c) for c in table.columns],
        "rows": [{"label": str(r.header), "cells": [str(c) for c in r.cells]} for r in table.rows],
        "footer": [
            {"label": str(r.header), "cells": [str(c) for c in r.cells]} for r in table.footer
        ],
        "notes": [str(n) for n in table.notes],
        "csv": request.build_absolute_uri(table.csv_url) if table.csv_url else None,
    }


def disclosure():
    return {
        "min_group": stats.MIN_GROUP,
        "suppressed": stats.SUPPRESSED,
        "secondary": stats.SECONDARY,
    }


def _filters(request):
    return read_filters(request, states=list(State.objects.order_by("name")))


def _envelope(request, filters, notices, **data):
    return {
        "filters": filters.params,
        "notices": notices,
        "disclosure": disclosure(),
        "licence": licence(),
        **data,
    }


@documented(
    operation_id="statistics_index",
    summary="Statistik: Übersicht der Tabellen und Erhebungen",
    parameters=FILTERS,
    responses=shape(
        "StatisticsIndex",
        {
            **ENVELOPE,
            "directory": serializers.ListField(child=serializers.DictField()),
            "waves": serializers.ListField(child=serializers.DictField()),
        },
    ),
)
class StatisticsIndex(PublicAPIView):
    def payload(self, request):
        filters, notices = _filters(request)
        query = filters.querystring

        def url(name, **kwargs):
            return request.build_absolute_uri(reverse(name, kwargs=kwargs) + query)

        directory = [
            {"slug": slug, "url": url("api:statistics-directory", table=slug)}
            for slug in (*stats.DIRECTORY_TABLES, "trend")
        ]
        waves = [
            {
                "slug": wave.slug,
                "title": wave.title,
                "responses": stats.n_text(wave.responses),
                "url": url("api:statistics-wave", slug=wave.slug),
            }
            for wave in stats.waves_with_counts(filters)
        ]
        return _envelope(request, filters, notices, directory=directory, waves=waves)


@documented(
    operation_id="statistics_directory_table",
    summary="Statistik: eine Tabelle des Verzeichnisses (oder trend)",
    parameters=FILTERS,
    responses=TablePageSerializer,
)
class DirectoryTable(PublicAPIView):
    def payload(self, request, table):
        filters, notices = _filters(request)
        if table == "trend":
            found, _count = stats.trend_table(stats.waves_with_counts(filters), filters)
            found.csv_url = reverse("survey:statistics-csv", kwargs={"table": "trend"})
            found.csv_url += filters.querystring
        elif table in stats.DIRECTORY_TABLES:
            found = next(t for t in _directory_tables(request, filters) if t.slug == table)
        else:
            raise Http404
        return _envelope(request, filters, notices, table=table_json(request, found))


@documented(
    operation_id="statistics_wave",
    summary="Statistik: alle Tabellen einer Erhebung",
    parameters=FILTERS,
    responses=shape(
        "StatisticsWave",
        {
            **ENVELOPE,
            "wave": serializers.DictField(help_text="slug, title, responses"),
            "tables": TableSerializer(many=True),
        },
    ),
)
class WaveTables(PublicAPIView):
    def payload(self, request, slug, table=None):
        wave = Survey.objects.filter(slug=slug).first()
        if wave is None:
            raise Http404
        filters, notices = _filters(request)
        wave_stats = stats.wave_statistics(wave, filters)
        if table is not None:
            found = wave_stats.table(table)
            if found is None:
                raise Http404
            return _envelope(request, filters, notices, table=table_json(request, found))
        return _envelope(
            request,
            filters,
            notices,
            wave={"slug": wave.slug, "title": wave.title, "responses": wave_stats.n_display},
            tables=[table_json(request, t) for t in wave_stats.all_tables],
        )


@documented(
    operation_id="statistics_wave_table",
    summary="Statistik: eine Tabelle einer Erhebung",
    parameters=FILTERS,
    responses=TablePageSerializer,
)
class WaveTable(WaveTables):
    pass


urlpatterns = [
    path("", StatisticsIndex.as_view(), name="statistics"),
    path("directory/<slug:table>/", DirectoryTable.as_view(), name="statistics-directory"),
    path("waves/<slug:slug>/", WaveTables.as_view(), name="statistics-wave"),
    path("waves/<slug:slug>/<slug:table>/", WaveTable.as_view(), name="statistics-wave-table"),
]
