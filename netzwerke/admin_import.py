"""The network admin's CSV import (upload → preview → confirm or cancel) and export views."""

import secrets

from django import forms
from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from netzwerke import csvformat

IMPORT_SESSION_KEY = "netzwerke_import"


class NetworkImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-Datei"),
        help_text=_("UTF-8 (mit oder ohne BOM), durch Semikolon oder Komma getrennt."),
    )


class NetworkImportExportAdmin:
    """Mixin for the network admin: ``import/`` and ``export.csv`` beside the changelist.

    The class using it provides ``_csv_response`` and ``has_publish_permission``.
    """

    def get_urls(self):
        opts = self.model._meta
        prefix = f"{opts.app_label}_{opts.model_name}"
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name=f"{prefix}_import",
            ),
            path(
                "export.csv",
                self.admin_site.admin_view(self.export_view),
                name=f"{prefix}_export",
            ),
            *super().get_urls(),
        ]

    def export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        # the changelist's own filters and search apply, so the button exports what is shown
        try:
            queryset = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            queryset = self.get_queryset(request)
        return self._csv_response(queryset, "netzwerke.csv")

    def import_view(self, request):
        """Upload → preview (nothing written; the file waits in the session) → confirm or
        cancel."""
        # an import can set the status column, so it needs the right to publish too
        if not (
            self.has_add_permission(request)
            and self.has_change_permission(request)
            and self.has_publish_permission(request)
        ):
            raise PermissionDenied
        here = reverse("admin:netzwerke_network_import")
        form, preview, result, token = NetworkImportForm(), None, None, None
        if request.method == "POST" and "cancel" in request.POST:
            request.session.pop(IMPORT_SESSION_KEY, None)
            self.message_user(request, _("Import abgebrochen; nichts wurde gespeichert."))
            return redirect(here)
        if request.method == "POST" and "confirm" in request.POST:
            pending = request.session.get(IMPORT_SESSION_KEY) or {}
            if not pending or pending.get("token") != request.POST.get("token"):
                self.message_user(
                    request,
                    _("Diese Vorschau gilt nicht mehr. Bitte laden Sie die Datei erneut hoch."),
                    messages.ERROR,
                )
                return redirect(here)
            del request.session[IMPORT_SESSION_KEY]
            result = csvformat.import_networks(pending["data"], user=request.user)
            if result.ok:
                self.message_user(request, result.summary(), messages.SUCCESS)
                return redirect("admin:netzwerke_network_changelist")
        elif request.method == "POST":
            form = NetworkImportForm(request.POST, request.FILES)
            if form.is_valid():
                data = form.cleaned_data["file"].read()
                preview = csvformat.import_preview(data)
                if preview.ok:
                    # the preview decoded it, so it is UTF-8
                    token = secrets.token_urlsafe(16)
                    request.session[IMPORT_SESSION_KEY] = {
                        "token": token,
                        "data": data.decode("utf-8-sig"),
                    }
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Netzwerke aus CSV importieren"),
            "form": form,
            "preview": preview,
            "token": token,
            "result": result,
            "columns": csvformat.COLUMNS,
            "changelist_url": reverse("admin:netzwerke_network_changelist"),
        }
        return TemplateResponse(request, "admin/netzwerke/network/import.html", context)
