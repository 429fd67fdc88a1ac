"""Operator details (one row) and the curators' queue of correction suggestions."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from netzwerke.validators import RefuseControlCharactersAdmin
from website.models import CorrectionSuggestion, SiteOperator
from website.services import correction_suggestions_mark


@admin.register(SiteOperator)
class SiteOperatorAdmin(RefuseControlCharactersAdmin, admin.ModelAdmin):
    fieldsets = [
        (
            _("Impressum"),
            {
                "fields": [
                    "name",
                    "address",
                    "represented_by",
                    "email",
                    "phone",
                    "further_details",
                    "responsible_person",
                    "logo_path",
                ]
            },
        ),
        (
            _("Datenschutz"),
            {"fields": ["data_protection_officer", "supervisory_authority", "server_log_days"]},
        ),
        (
            _("Barrierefreiheit"),
            {
                "fields": [
                    "accessibility_status",
                    "accessibility_reviewed_on",
                    "accessibility_method",
                    "accessibility_email",
                    "accessibility_phone",
                    "enforcement_body",
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        # asked on every admin page (the sidebar): the cached row answers without a query
        return super().has_add_permission(request) and SiteOperator.current().pk is None

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CorrectionSuggestion)
class CorrectionSuggestionAdmin(RefuseControlCharactersAdmin, admin.ModelAdmin):
    list_display = ["created_at", "network_link", "excerpt", "email", "status", "handled_by"]
    list_display_links = ["created_at"]
    list_filter = ["status", "created_at", "network__districts__state"]
    search_fields = ["text", "email", "network__name"]
    list_select_related = ["network", "handled_by"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "network",
        "profile_link",
        "text",
        "email",
        "created_at",
        "status",
        "handled_by",
        "handled_at",
    ]
    fields = readonly_fields
    actions = ["mark_done", "mark_open"]

    def has_add_permission(self, request):
        return False  # suggestions come from the public form only

    @admin.display(description=_("Netzwerk"), ordering="network__name")
    def network_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:netzwerke_network_change", args=[obj.network_id]),
            obj.network.name,
        )

    @admin.display(description=_("öffentliches Profil"))
    def profile_link(self, obj):
        url = obj.network.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.display(description=_("Hinweis"))
    def excerpt(self, obj):
        return Truncator(obj.text).chars(120)

    def _mark(self, request, queryset, status):
        count = correction_suggestions_mark(suggestions=queryset, status=status, user=request.user)
        self.message_user(
            request,
            ngettext("%d Hinweis geändert.", "%d Hinweise geändert.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Als erledigt markieren"), permissions=["change"])
    def mark_done(self, request, queryset):
        self._mark(request, queryset, CorrectionSuggestion.Status.DONE)

    @admin.action(description=_("Wieder öffnen"), permissions=["change"])
    def mark_open(self, request, queryset):
        self._mark(request, queryset, CorrectionSuggestion.Status.OPEN)
