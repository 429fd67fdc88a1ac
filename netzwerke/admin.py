"""Curation of the directory in the Django admin: networks, actors, memberships, projects.

Networks, actors, memberships and projects keep a change history (who, when,
what) through django-simple-history; the CSV import and export share the one
format in ``netzwerke.csvformat``.
"""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from netzwerke import (
    admin_events,  # noqa: F401  (registers the event admin)
    csvformat,
)
from netzwerke.admin_import import NetworkImportExportAdmin
from netzwerke.admin_reference import ordered  # also registers the reference-data admins
from netzwerke.admin_widgets import (
    GermanAdminPasswordChangeForm,
    NamedEmptyChoiceAdmin,
    UserChangeForm,
)
from netzwerke.dataversion import DataVersion
from netzwerke.duplicates import possible_duplicates
from netzwerke.models import Actor, Membership, Network, Project
from netzwerke.ratelimit import ratelimit
from netzwerke.tabular import csv_response
from netzwerke.validators import RefuseControlCharactersAdmin
from netzwerke.versioning import VersionCheckAdmin, VersionCheckForm

admin.site.site_header = _("Netzwerkdatenbank – Verwaltung")
admin.site.site_title = _("Netzwerkdatenbank")
admin.site.index_title = _("Kuratierung")
# the admin login counts towards the same per-address limit as /konto/login/
admin.site.login = ratelimit("login")(admin.site.login)


class NetworkAdminForm(VersionCheckForm):
    """Carries the version it was opened with (no lost updates) and warns before a network is
    added whose name is very like one in the same region."""

    confirm_duplicate = forms.BooleanField(
        label=_("Trotzdem anlegen"),
        required=False,
        help_text=_("Ankreuzen, wenn das neue Netzwerk wirklich keine Dublette ist."),
    )

    class Meta:
        model = Network
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields

    def clean(self):
        data = super().clean()
        if self.instance.pk is None and not data.get("confirm_duplicate") and data.get("name"):
            duplicates = possible_duplicates(
                name=data["name"], district_ids=[d.pk for d in data.get("districts") or []]
            )
            if duplicates:
                raise forms.ValidationError(
                    _(
                        "Mögliche Dublette: %(names)s heißt fast genauso und liegt in derselben "
                        "Region. Bitte prüfen Sie das; ist es ein anderes Netzwerk, kreuzen Sie "
                        "„Trotzdem anlegen“ an."
                    )
                    % {"names": ", ".join(f"„{n.name}“ ({n.slug})" for n in duplicates)}
                )
        return data


class MembershipInline(NamedEmptyChoiceAdmin, RefuseControlCharactersAdmin, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["actor"]
    fields = ["actor", "role", "binding", "since"]
    verbose_name_plural = _("Partner (Mitgliedschaften)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class ActorMembershipInline(MembershipInline):
    autocomplete_fields = ["network"]
    fields = ["network", "role", "binding", "since"]
    verbose_name_plural = _("Mitgliedschaften in Netzwerken")

    def get_queryset(self, request):
        return admin.TabularInline.get_queryset(self, request).select_related("network")


class ProjectInline(RefuseControlCharactersAdmin, admin.StackedInline):
    model = Project
    extra = 0
    autocomplete_fields = ["action_fields"]
    prepopulated_fields = {"slug": ["title"]}
    show_change_link = True
    fields = [
        ("title", "slug"),
        ("status", "start_date", "end_date"),
        ("aim_retain", "aim_train", "aim_attract"),
        "action_fields",
        "description",
        ("evaluated", "website"),
        ("recommended", "recommended_reason"),
    ]
    classes = ["collapse"]


@admin.register(Network)
class NetworkAdmin(
    NetworkImportExportAdmin, VersionCheckAdmin, RefuseControlCharactersAdmin, SimpleHistoryAdmin
):
    form = NetworkAdminForm
    list_display = [
        "name",
        "network_type",
        "status",
        "state_names",
        "partner_count",
        "full_time_management",
        "published_at",
        "updated_at",
    ]
    list_filter = [
        "status",
        "source",
        "network_type",
        "organisation_form",
        "full_time_management",
        "development_partnership",
        "goals_based_on_data",
        "results_evaluated",
        "districts__state",
        "action_fields",
        "target_groups",
        "sectors",
    ]
    search_fields = ["name", "slug", "short_description", "topics", "districts__name"]
    autocomplete_fields = [
        "districts",
        "foreign_regions",
        "action_fields",
        "target_groups",
        "sectors",
    ]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at", "criteria_checklist"]
    date_hierarchy = "updated_at"
    inlines = [MembershipInline, ProjectInline]
    actions = ["publish", "archive", "export_csv"]
    change_list_template = "admin/netzwerke/network/change_list.html"
    history_list_display = ["status"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "network_type",
                    "status",
                    "published_at",
                    "source",
                    "trusted",
                ]
            },
        ),
        (_("Beschreibung"), {"fields": ["short_description", "description", "website"]}),
        (
            _("Struktur"),
            {
                "fields": [
                    ("founded_year", "organisation_form"),
                    "districts",
                    "foreign_regions",
                    "partner_count_reported",
                    ("full_time_management", "development_partnership"),
                ]
            },
        ),
        (
            _("Arbeitsweise"),
            {
                "fields": [
                    "action_fields",
                    "target_groups",
                    "sectors",
                    "topics",
                    ("goals_based_on_data", "results_evaluated"),
                    "criteria_checklist",
                ]
            },
        ),
        (
            _("Kennzahlen Qualifizierungsverbund (nur für diesen Typ gezeigt)"),
            {
                "classes": ["collapse"],
                "fields": [
                    ("qv_member_firms", "qv_member_kmu"),
                    "qv_management",
                    ("qv_measures_per_year", "qv_participants_per_year"),
                    "qv_funding_programme",
                ],
            },
        ),
        (
            _("Kennzahlen Arbeitsmarkt-Drehscheibe (nur für diesen Typ gezeigt)"),
            {
                "classes": ["collapse"],
                "fields": [
                    ("hub_firms_offering", "hub_firms_seeking"),
                    "hub_placements_per_year",
                    "hub_sectors",
                ],
            },
        ),
        (
            _("Koordination (öffentlich nur mit Einwilligung)"),
            {
                "fields": [
                    ("coordination_person", "coordination_role"),
                    ("coordination_email", "coordination_phone"),
                    "contact_public",
                ]
            },
        ),
        (_("Zeitstempel"), {"fields": [("created_at", "updated_at")]}),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            # only when adding: the confirmation of the duplicate warning
            fieldsets = [*fieldsets, (_("Dubletten-Prüfung"), {"fields": ["confirm_duplicate"]})]
        return fieldsets

    def get_queryset(self, request):
        queryset = (
            super().get_queryset(request).with_partner_count().prefetch_related("districts__state")
        )
        return ordered(self, request, queryset)

    @admin.display(description=_("Länder"))
    def state_names(self, obj):
        return ", ".join(sorted({d.state.code for d in obj.districts.all()}))

    # the directory's one partner count: recorded, or reported where that is more
    @admin.display(description=_("Partner"), ordering="partner_count")
    def partner_count(self, obj):
        return obj.partner_count

    @admin.display(description=_("Netzwerkkriterien"))
    def criteria_checklist(self, obj):
        if obj.pk is None:
            return "–"
        return "; ".join(f"{label}: {word}" for label, _met, word in obj.criteria_states)

    def _set_status(self, request, queryset, status):
        now = timezone.now()
        changed = 0
        with transaction.atomic():
            # one save per network so that the change history records who did it
            # the changelist queryset is annotated (GROUP BY), which FOR UPDATE refuses
            locked = Network.objects.filter(pk__in=queryset.values("pk")).select_for_update()
            for network in locked:
                if network.status == status:
                    continue
                network.set_status(status, now=now)
                network._change_reason = str(_("Sammelaktion im Admin"))
                network.save()
                changed += 1
        return changed

    def has_publish_permission(self, request, obj=None):
        return request.user.has_perm("netzwerke.publish_network")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            # without the right to publish, editing a draft must not make it public
            fields += ["status", "published_at"]
        return fields

    @admin.action(description=_("Ausgewählte Netzwerke veröffentlichen"), permissions=["publish"])
    def publish(self, request, queryset):
        n = self._set_status(request, queryset, Network.Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%(n)d Netzwerk veröffentlicht.", "%(n)d Netzwerke veröffentlicht.", n)
            % {"n": n},
            messages.SUCCESS,
        )

    @admin.action(description=_("Ausgewählte Netzwerke archivieren"), permissions=["publish"])
    def archive(self, request, queryset):
        n = self._set_status(request, queryset, Network.Status.ARCHIVED)
        self.message_user(
            request,
            ngettext("%(n)d Netzwerk archiviert.", "%(n)d Netzwerke archiviert.", n) % {"n": n},
            messages.SUCCESS,
        )

    @admin.action(description=_("Ausgewählte Netzwerke als CSV exportieren"), permissions=["view"])
    def export_csv(self, request, queryset):
        return self._csv_response(queryset, "netzwerke-auswahl.csv")

    def _csv_response(self, queryset, filename):
        rows = csvformat.network_rows(csvformat.export_queryset(queryset))
        return csv_response(rows, filename=filename)


@admin.register(Actor)
class ActorAdmin(
    NamedEmptyChoiceAdmin, VersionCheckAdmin, RefuseControlCharactersAdmin, SimpleHistoryAdmin
):
    list_display = ["name", "actor_type", "district", "network_count", "website"]
    list_filter = ["actor_type", "source", "district__state"]
    search_fields = ["name", "slug", "district__name"]
    autocomplete_fields = ["actor_type", "district"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["actor_type", "district"]
    inlines = [ActorMembershipInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).annotate(_network_count=Count("memberships"))
        return ordered(self, request, queryset)

    @admin.display(description=_("Netzwerke"), ordering="_network_count")
    def network_count(self, obj):
        return obj._network_count


@admin.register(Membership)
class MembershipAdmin(NamedEmptyChoiceAdmin, RefuseControlCharactersAdmin, SimpleHistoryAdmin):
    list_display = ["actor", "network", "role", "binding", "since"]
    list_filter = ["role", "binding", "actor__actor_type", "network__status"]
    search_fields = ["actor__name", "network__name"]
    autocomplete_fields = ["network", "actor"]
    list_select_related = ["actor", "network"]


@admin.register(Project)
class ProjectAdmin(
    NamedEmptyChoiceAdmin, VersionCheckAdmin, RefuseControlCharactersAdmin, SimpleHistoryAdmin
):
    list_display = [
        "title",
        "network",
        "status",
        "start_date",
        "end_date",
        "evaluated",
        "recommended",
    ]
    list_filter = [
        "recommended",
        "status",
        "evaluated",
        "aim_retain",
        "aim_train",
        "aim_attract",
        "action_fields",
    ]
    search_fields = ["title", "slug", "description", "network__name"]
    autocomplete_fields = ["network", "action_fields"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["network"]
    date_hierarchy = "start_date"


if admin.site.is_registered(AccessAttempt):
    # django-axes' own action declares no permission; clearing lockouts needs the delete right

    class AccessAttemptWithRightsAdmin(AccessAttemptAdmin):
        @admin.action(description=_("Abgelaufene Sperren aufräumen"), permissions=["delete"])
        def cleanup_expired_attempts(self, request, queryset):
            return super().cleanup_expired_attempts(request, queryset)

    admin.site.unregister(AccessAttempt)
    admin.site.register(AccessAttempt, AccessAttemptWithRightsAdmin)


class GermanUserAdmin(UserAdmin):
    form = UserChangeForm
    change_password_form = GermanAdminPasswordChangeForm


if admin.site.is_registered(User):
    admin.site.unregister(User)
    admin.site.register(User, GermanUserAdmin)


@admin.register(DataVersion)
class DataVersionAdmin(admin.ModelAdmin):
    """Shown so curators can see when the public data last changed; only writes move it."""

    list_display = ["number", "changed_at"]
    list_filter = ["changed_at"]
    search_fields = ["number"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
