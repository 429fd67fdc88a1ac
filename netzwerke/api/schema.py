"""The OpenAPI document's parts that come from our own code: the query parameters of a
FilterSet, the paged envelope, and the licence in ``info``."""

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers

from netzwerke.opendata_meta import LICENCE


def shape(name, fields):
    """A serializer class of ``fields``, for the OpenAPI document only (the endpoints
    write plain dicts)."""
    return type(name, (serializers.Serializer,), dict(fields))


LicenceSerializer = shape(
    "Licence",
    {
        "id": serializers.CharField(),
        "spdx": serializers.CharField(),
        "name": serializers.CharField(),
        "url": serializers.URLField(),
        "dcat": serializers.URLField(),
        "attribution": serializers.CharField(),
    },
)

PAGING = [
    OpenApiParameter("page", OpenApiTypes.INT, description="Seite (ab 1)"),
    OpenApiParameter("page_size", OpenApiTypes.INT, description="Einträge je Seite (1–100)"),
]
FACETS = OpenApiParameter(
    "facets", OpenApiTypes.STR, enum=["0", "1"], description="1: Facettenzahlen mitliefern"
)


def filter_parameters(filterset_class) -> list[OpenApiParameter]:
    """The GET parameters of ``filterset_class``, as the HTML list reads them: repeated
    values of one parameter combine with OR (``land=NW&land=BY``)."""
    parameters = []
    for name, spec in filterset_class.base_filters.items():
        choices = spec.extra.get("choices")
        enum = [str(key) for key, _label in choices] if choices else None
        many = isinstance(
            spec, django_filters.MultipleChoiceFilter | django_filters.ModelMultipleChoiceFilter
        )
        parameters.append(
            OpenApiParameter(
                name,
                OpenApiTypes.STR,
                many=many,
                explode=True if many else None,
                enum=enum,
                description=str(spec.label or name),
            )
        )
    return parameters


def paged_serializer(name, item, *, facets=False):
    fields = {
        "count": serializers.IntegerField(),
        "page": serializers.IntegerField(),
        "page_size": serializers.IntegerField(),
        "pages": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "notices": serializers.ListField(child=serializers.CharField()),
        "licence": LicenceSerializer(),
        "results": item(many=True),
    }
    if facets:
        fields["facets"] = serializers.DictField(
            required=False, help_text="nur mit facets=1: je Parameter die Werte mit Anzahl"
        )
    return shape(name, fields)


def add_licence(result, generator, request, public):
    """drf-spectacular post-processing hook: the data licence in ``info.license``."""
    result["info"]["license"] = {"name": LICENCE["name"], "url": LICENCE["url"]}
    result["info"]["description"] = (
        "Öffentliche, nur lesende Schnittstelle der Netzwerkdatenbank Fachkräftesicherung. "
        "Anonym, ohne Schlüssel, begrenzt je Adresse. Filterparameter wie auf den Seiten "
        "(/netzwerke/, /praxisbeispiele/, /veranstaltungen/); unbekannte Werte werden "
        f"ignoriert und in `notices` genannt. Daten unter {LICENCE['name']} ({LICENCE['url']})."
    )
    return result


def documented(**kwargs):
    """``extend_schema`` for the ``get`` of one endpoint class (the method is inherited
    from ``PublicAPIView``, so it is described per class)."""
    return extend_schema_view(get=extend_schema(**kwargs))
