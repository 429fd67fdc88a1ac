"""The reviewers' view of the coordinators' project proposals: compare, accept, reject.

Registered from ``survey.admin``. Accepting writes the proposal to the directory
(``survey.services.project_change_accept``); until then the public project is untouched.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from netzwerke.validators import validate_no_control_characters
from survey import services
from survey.project_changes import ProjectChange


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Begründung an die Koordination"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        validators=[validate_no_control_characters],
        help_text=gettext_lazy("Pflicht bei Ablehnung; die Koordination sieht sie."),
    )


def _shown(obj, name):
    if obj is None:
        return "–"
    if name == "action_fields":
        return ", ".join(a.name for a in obj.action_fields.all()) or "–"
    field = obj._meta.get_field(name)
    value = getattr(obj, name)
    if field.choices:
        value = getattr(obj, f"get_{name}_display")()
    if value is True:
        return _("ja")
    if value is False:
        return _("nein")
    return "–" if value in (None, "") else str(value)


@admin.register(ProjectChange)
class ProjectChangeAdmin(admin.ModelAdmin):
    """Proposals wait here ("wartet auf Prüfung"); the reviewer compares them with the
    public project and accepts or rejects them with the actions of the list."""

    list_display = ["title", "network", "kind", "review_status", "created_at", "created_by"]
    list_filter = ["review_status", "network__network_type"]
    search_fields = ["title", "network__name"]
    list_select_related = ["network", "project", "created_by"]
    date_hierarchy = "created_at"
    actions = ["accept_selected", "reject_selected"]
    fields = [
        "network",
        "project",
        "comparison",
        "review_status",
        "reason",
        ("created_by", "created_at"),
        ("decided_by", "decided_at"),
    ]
    readonly_fields = [
        "network",
        "project",
        "comparison",
        "review_status",
        "reason",
        "created_by",
        "created_at",
        "decided_by",
        "decided_at",
    ]

    def has_add_permission(self, request):
        # proposals come from the coordinator area only
        return False

    def has_review_permission(self, request, obj=None):
        return request.user.has_perm("survey.review_projectchange")

    def get_urls(self):
        return [
            path(
                "<int:pk>/pruefen/",
                self.admin_site.admin_view(self.review_view),
                name="survey_projectchange_review",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        change = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "decision_form": DecisionForm(),
            "can_decide": change is not None
            and change.pending
            and self.has_review_permission(request),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def review_view(self, request, pk):
        """The decision of the change form: accept, or reject with a reason."""
        change = get_object_or_404(ProjectChange, pk=pk)
        change_url = reverse("admin:survey_projectchange_change", args=[pk])
        if not self.has_review_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseRedirect(change_url)
        form = DecisionForm(request.POST)
        reason = form.cleaned_data.get("reason", "") if form.is_valid() else ""
        decision = request.POST.get("decision")
        try:
            if decision == "accept":
                services.project_change_accept(change=change, reviewer=request.user)
                self.message_user(request, _("Angenommen; das Projekt ist aktualisiert."))
            elif decision == "reject" and not reason.strip():
                self.message_user(request, _("Bitte begründen Sie die Ablehnung."), messages.ERROR)
            elif decision == "reject":
                services.project_change_reject(
                    change=change, reviewer=request.user, reason=reason.strip()
                )
                self.message_user(request, _("Abgelehnt."))
        except services.SubmissionError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        return HttpResponseRedirect(change_url)

    @admin.display(description=gettext_lazy("Art"))
    def kind(self, obj):
        return _("neues Projekt") if obj.is_new else _("Änderung")

    @admin.display(description=gettext_lazy("Vergleich mit der öffentlichen Fassung"))
    def comparison(self, obj):
        current = obj.project if not obj.is_new else None
        rows = []
        for name in ProjectChange.FIELDS:
            before, after = _shown(current, name), _shown(obj, name)
            mark = _("geändert") if before != after else ""
            rows.append((ProjectChange._meta.get_field(name).verbose_name, before, after, mark))
        # the table scrolls inside its box at 360 px (static/css/admin.css)
        return format_html(
            "<div class='project-comparison' tabindex='0' role='region' aria-label='{}'>"
            "<table><thead><tr><th scope='col'>{}</th><th scope='col'>{}</th>"
            "<th scope='col'>{}</th><th scope='col'>{}</th></tr></thead><tbody>{}</tbody></table>"
            "</div>",
            _("Vergleich mit der öffentlichen Fassung"),
            _("Feld"),
            _("öffentlich"),
            _("Vorschlag"),
            _("Änderung"),
            format_html_join(
                "", "<tr><th scope='row'>{}</th><td>{}</td><td>{}</td><td>{}</td></tr>", rows
            ),
        )

    def _decide(self, request, queryset, decide):
        done = 0
        for change in queryset.filter(review_status=ProjectChange.ReviewStatus.PENDING):
            try:
                decide(change=change, reviewer=request.user)
                done += 1
            except services.SubmissionError as exc:
                self.message_user(request, f"{change}: {exc}", messages.WARNING)
        return done

    @admin.action(
        description=gettext_lazy("Ausgewählte Vorschläge annehmen (veröffentlichen)"),
        permissions=["review"],
    )
    def accept_selected(self, request, queryset):
        n = self._decide(request, queryset, services.project_change_accept)
        self.message_user(
            request,
            ngettext("%(n)d Vorschlag angenommen.", "%(n)d Vorschläge angenommen.", n) % {"n": n},
            messages.SUCCESS,
        )

    @admin.action(
        description=gettext_lazy("Ausgewählte Vorschläge ablehnen"), permissions=["review"]
    )
    def reject_selected(self, request, queryset):
        n = self._decide(request, queryset, services.project_change_reject)
        self.message_user(
            request,
            ngettext("%(n)d Vorschlag abgelehnt.", "%(n)d Vorschläge abgelehnt.", n) % {"n": n},
            messages.SUCCESS,
        )
