"""The event admin: curators keep the events and review those coordinators enter."""

from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from netzwerke.admin_widgets import NamedEmptyChoiceAdmin
from netzwerke.models import Event
from netzwerke.validators import RefuseControlCharactersAdmin
from netzwerke.versioning import VersionCheckAdmin


@admin.register(Event)
class EventAdmin(
    NamedEmptyChoiceAdmin, VersionCheckAdmin, RefuseControlCharactersAdmin, SimpleHistoryAdmin
):
    """Curators keep the events; those the coordinators enter wait here for review
    ("wartet auf Prüfung") unless their network is marked as trusted."""

    list_display = [
        "title",
        "network",
        "starts_at",
        "status",
        "review_status",
        "online",
        "district",
        "source",
    ]
    list_filter = [
        "review_status",
        "status",
        "online",
        "source",
        "network__network_type",
        "district__state",
        "action_fields",
        "target_groups",
    ]
    search_fields = ["title", "slug", "description", "network__name"]
    autocomplete_fields = ["network", "project", "district", "action_fields", "target_groups"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["network", "district"]
    date_hierarchy = "starts_at"
    readonly_fields = ["sequence", "created_at", "updated_at"]
    actions = ["approve", "reject"]
    fieldsets = [
        (None, {"fields": ["network", "project", "title", "slug", "description"]}),
        (_("Zeit"), {"fields": [("starts_at", "ends_at"), "all_day"]}),
        (_("Ort"), {"fields": ["address", "district", "online"]}),
        (
            _("Inhalt und Anmeldung"),
            {"fields": ["action_fields", "target_groups", "registration_url", "cost"]},
        ),
        (
            _("Status und Prüfung"),
            {"fields": ["status", "review_status", "source", "sequence"]},
        ),
        (_("Zeitstempel"), {"fields": [("created_at", "updated_at")]}),
    ]

    def _review(self, request, queryset, review_status):
        changed = 0
        with transaction.atomic():
            for event in queryset.select_for_update():
                if event.review_status == review_status:
                    continue
                event.review_status = review_status
                event._change_reason = str(_("Prüfung im Admin"))
                event.save()
                changed += 1
        return changed

    @admin.action(description=_("Ausgewählte Veranstaltungen freigeben"), permissions=["change"])
    def approve(self, request, queryset):
        n = self._review(request, queryset, Event.ReviewStatus.APPROVED)
        self.message_user(
            request,
            ngettext("%(n)d Veranstaltung freigegeben.", "%(n)d Veranstaltungen freigegeben.", n)
            % {"n": n},
            messages.SUCCESS,
        )

    @admin.action(description=_("Ausgewählte Veranstaltungen ablehnen"), permissions=["change"])
    def reject(self, request, queryset):
        n = self._review(request, queryset, Event.ReviewStatus.REJECTED)
        self.message_user(
            request,
            ngettext("%(n)d Veranstaltung abgelehnt.", "%(n)d Veranstaltungen abgelehnt.", n)
            % {"n": n},
            messages.SUCCESS,
        )
