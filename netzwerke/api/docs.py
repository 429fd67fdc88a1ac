"""The API's entry point (/api/v1/), its OpenAPI document and its documentation page."""

from django.urls import reverse
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework import serializers

from netzwerke.api.base import PublicAPIView, SiteRateThrottle, licence
from netzwerke.api.schema import LicenceSerializer, documented, shape
from netzwerke.dataversion import data_version

ENDPOINTS = {
    "networks": "api:network-list",
    "projects": "api:project-list",
    "events": "api:event-list",
    "events_archive": "api:event-archive",
    "states": "api:state-list",
    "districts": "api:district-list",
    "vocabularies": "api:vocabulary-list",
    "statistics": "api:statistics",
}


@documented(
    operation_id="root",
    summary="Einstieg: Endpunkte, Lizenz, Datenstand",
    responses=shape(
        "ApiRoot",
        {
            "name": serializers.CharField(),
            "api_version": serializers.CharField(),
            "licence": LicenceSerializer(),
            "data_version": serializers.IntegerField(),
            "data_updated_at": serializers.DateTimeField(),
            "documentation": serializers.URLField(),
            "schema": serializers.URLField(),
            "endpoints": serializers.DictField(child=serializers.URLField()),
        },
    ),
)
class ApiRootView(PublicAPIView):
    def payload(self, request):
        version = data_version(request)

        def url(name):
            return request.build_absolute_uri(reverse(name))

        return {
            "name": "Netzwerkdatenbank Fachkräftesicherung",
            "api_version": "1",
            "licence": licence(),
            "data_version": version.number,
            "data_updated_at": version.changed_at,
            "documentation": url("api:docs"),
            "schema": url("api:schema"),
            "endpoints": {key: url(name) for key, name in ENDPOINTS.items()},
        }


class ApiSchemaView(SpectacularJSONAPIView):
    throttle_classes = [SiteRateThrottle]


class ApiDocsView(SpectacularSwaggerSplitView):
    """Swagger UI with its assets served by us, its start script from its own URL (the
    site's CSP allows scripts of its own origin only)."""

    throttle_classes = [SiteRateThrottle]
    template_name = "api/swagger_ui.html"
    template_name_js = "api/swagger_ui.js"
    title = "Netzwerkdatenbank Fachkräftesicherung – API"
