"""The admin of the reference data (Länder, Kreise, regions, places, postal codes) and the
vocabularies; ``ordered`` and ``UsedListFilter`` serve the directory's admin too."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from netzwerke.admin_widgets import NamedEmptyChoiceAdmin
from netzwerke.models import (
    ActionField,
    ActorType,
    District,
    ForeignRegion,
    Place,
    PostalCode,
    Region,
    Sector,
    State,
    TargetGroup,
)
from netzwerke.validators import RefuseControlCharactersAdmin


def ordered(model_admin, request, queryset):
    """An aggregate drops the model's default ordering; the autocomplete pages need one."""
    return queryset.order_by(*(model_admin.get_ordering(request) or queryset.model._meta.ordering))


class UsedListFilter(admin.SimpleListFilter):
    """Whether a row is referenced by ``related_name`` (e.g. a Land without networks)."""

    title = _("in Verwendung")
    parameter_name = "verwendet"
    related_name = "networks"

    def lookups(self, request, model_admin):
        return [("ja", _("ja")), ("nein", _("nein"))]

    def queryset(self, request, queryset):
        lookup = f"{self.related_name}__isnull"
        if self.value() == "ja":
            return queryset.filter(**{lookup: False}).distinct()
        if self.value() == "nein":
            return queryset.filter(**{lookup: True})
        return queryset


class StateHasNetworksFilter(UsedListFilter):
    title = _("mit Netzwerken")
    related_name = "districts__networks"


class DistrictHasNetworksFilter(UsedListFilter):
    title = _("mit Netzwerken")


class ActorTypeUsedFilter(UsedListFilter):
    related_name = "actors"


@admin.register(State)
class StateAdmin(RefuseControlCharactersAdmin, admin.ModelAdmin):
    list_display = ["name", "code", "ags", "district_count"]
    list_filter = [StateHasNetworksFilter]
    search_fields = ["name", "code", "ags"]
    ordering = ["ags"]

    def get_queryset(self, request):
        return ordered(
            self,
            request,
            super().get_queryset(request).annotate(_district_count=Count("districts")),
        )

    @admin.display(description=_("Kreise"), ordering="_district_count")
    def district_count(self, obj):
        return obj._district_count


@admin.register(District)
class DistrictAdmin(NamedEmptyChoiceAdmin, RefuseControlCharactersAdmin, admin.ModelAdmin):
    list_display = ["name", "ags", "kind", "state", "population"]
    list_filter = ["state", "kind", DistrictHasNetworksFilter]
    search_fields = ["name", "ags"]
    autocomplete_fields = ["state"]
    list_select_related = ["state"]


@admin.register(ForeignRegion)
class ForeignRegionAdmin(admin.ModelAdmin):
    """The NUTS-3 regions abroad come from fixtures/nuts3_neighbours.csv
    (load_reference_data); curators look them up, nobody edits them here."""

    list_display = ["code", "name", "country"]
    list_filter = ["country"]
    search_fields = ["code", "name"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    """Names people use for groups of Kreise ("OWL"); the place search shows them all."""

    list_display = ["name", "district_count"]
    list_filter = ["districts__state"]
    search_fields = ["name", "other_names"]
    filter_horizontal = ["districts"]
    fields = ["name", "other_names", "districts"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(district_count=Count("districts"))

    @admin.display(description=_("Kreise"), ordering="district_count")
    def district_count(self, obj):
        return obj.district_count


@admin.register(Place)
class PlaceAdmin(NamedEmptyChoiceAdmin, admin.ModelAdmin):
    """Gemeinden and their spellings for the place search; load_reference_data fills them."""

    list_display = ["name", "key", "district", "population"]
    list_filter = ["district__state"]
    search_fields = ["name", "key", "district__name"]
    autocomplete_fields = ["district"]
    list_select_related = ["district"]


@admin.register(PostalCode)
class PostalCodeAdmin(NamedEmptyChoiceAdmin, RefuseControlCharactersAdmin, admin.ModelAdmin):
    list_display = ["code", "place", "district"]
    list_filter = ["district__state"]
    search_fields = ["code", "place", "district__name"]
    autocomplete_fields = ["district"]
    list_select_related = ["district"]


class VocabularyAdmin(RefuseControlCharactersAdmin, admin.ModelAdmin):
    list_display = ["name", "name_en", "slug", "order", "usage"]
    list_editable = ["order"]
    list_filter = [UsedListFilter]
    search_fields = ["name", "name_en", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    usage_relation = "networks"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return ordered(
            self, request, queryset.annotate(_usage=Count(self.usage_relation, distinct=True))
        )

    @admin.display(description=_("verwendet von"), ordering="_usage")
    def usage(self, obj):
        return obj._usage


@admin.register(ActionField)
class ActionFieldAdmin(VocabularyAdmin):
    list_display = ["name", "name_en", "slug", "official", "order", "usage"]
    list_filter = ["official", UsedListFilter]


@admin.register(TargetGroup)
class TargetGroupAdmin(VocabularyAdmin):
    pass


@admin.register(Sector)
class SectorAdmin(VocabularyAdmin):
    list_display = ["code", "name", "name_en", "slug", "order", "usage"]
    search_fields = ["code", "name", "name_en", "slug", "description"]


@admin.register(ActorType)
class ActorTypeAdmin(VocabularyAdmin):
    list_filter = [ActorTypeUsedFilter]
    usage_relation = "actors"
