"""The survey admin: waves and their exports, invitations, coordinators, reviewing submissions."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerke.ratelimit import hit
from netzwerke.validators import RefuseControlCharactersAdmin, validate_no_control_characters
from survey import (
    admin_projects,  # noqa: F401  (registers the project proposals' admin)
    exports,
    review,
    services,
)
from survey.models import (
    Coordinator,
    FocusTopic,
    Invitation,
    Submission,
    SubmissionEvent,
    Survey,
    TopicRating,
)


@admin.register(FocusTopic)
class FocusTopicAdmin(RefuseControlCharactersAdmin, admin.ModelAdmin):
    list_display = ["name", "name_en", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "name_en"]


@admin.register(Survey)
class SurveyAdmin(RefuseControlCharactersAdmin, admin.ModelAdmin):
    list_display = ["title", "opens_at", "closes_at", "questionnaire_version", "export_links"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["topics"]
    readonly_fields = ["export_links"]
    date_hierarchy = "opens_at"

    @admin.display(description=gettext_lazy("Export"))
    def export_links(self, obj):
        if not obj.pk:
            return "–"
        return format_html(
            '<span class="export-links"><a href="{}">CSV</a> · <a href="{}">XLSX</a></span>',
            reverse("admin:survey_survey_export", args=[obj.pk, "csv"]),
            reverse("admin:survey_survey_export", args=[obj.pk, "xlsx"]),
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/export.<str:fmt>",
                self.admin_site.admin_view(self.export_view),
                name="survey_survey_export",
            ),
            *super().get_urls(),
        ]

    def export_view(self, request, pk, fmt):
        survey = get_object_or_404(Survey, pk=pk)
        if not self.has_view_permission(request, survey):
            raise PermissionDenied
        if fmt not in ("csv", "xlsx"):
            raise Http404
        if fmt == "csv":
            body, content_type = exports.to_csv(survey), "text/csv; charset=utf-8"
        else:
            body = exports.to_xlsx(survey)
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{survey.slug}.{fmt}"'
        return response


@admin.register(Coordinator)
class CoordinatorAdmin(RefuseControlCharactersAdmin, admin.ModelAdmin):
    list_display = ["user", "network", "created_at"]
    list_select_related = ["user", "network"]
    search_fields = ["user__username", "user__email", "network__name"]
    raw_id_fields = ["user", "network"]


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "network"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].required = True


@admin.register(Invitation)
class InvitationAdmin(RefuseControlCharactersAdmin, admin.ModelAdmin):
    """Staff invite a coordinator: saving the form sends the e-mail with the link."""

    list_display = ["email", "network_or_name", "kind", "created_at", "expires_at", "used_at"]
    list_filter = ["kind", ("used_at", admin.EmptyFieldListFilter)]
    list_select_related = ["network"]
    search_fields = ["email", "network__name", "network_name"]
    raw_id_fields = ["network"]
    readonly_fields = [
        "kind",
        "email",
        "network",
        "network_name",
        "invited_by",
        "created_at",
        "expires_at",
        "used_at",
        "user",
    ]

    @admin.display(description=gettext_lazy("Netzwerk"))
    def network_or_name(self, obj):
        return obj.network or obj.network_name

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = InvitationForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else []

    def get_fields(self, request, obj=None):
        return ["email", "network"] if obj is None else self.readonly_fields

    def has_change_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        invitation, _token = services.invitation_create(
            email=form.cleaned_data["email"],
            network=form.cleaned_data["network"],
            invited_by=request.user,
            base_url=request.build_absolute_uri("/"),
        )
        obj.pk = invitation.pk
        obj.__dict__.update({k: v for k, v in invitation.__dict__.items() if not k.startswith("_")})

    def add_view(self, request, form_url="", extra_context=None):
        if request.method == "POST" and hit("invitation-send", f"user:{request.user.pk}"):
            self.message_user(
                request,
                _("Zu viele Einladungen in kurzer Zeit; bitte später erneut versuchen."),
                messages.ERROR,
            )
            return HttpResponseRedirect(reverse("admin:survey_invitation_changelist"))
        return super().add_view(request, form_url, extra_context)

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(
            request, _("Die Einladung an %(email)s ist verschickt.") % {"email": obj.email}
        )
        return HttpResponseRedirect(reverse("admin:survey_invitation_changelist"))


class EventInline(RefuseControlCharactersAdmin, admin.TabularInline):
    model = SubmissionEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "user", "from_state", "to_state", "comment"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class RatingInline(RefuseControlCharactersAdmin, admin.TabularInline):
    model = TopicRating
    extra = 0
    can_delete = False
    fields = ["topic", "rating"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Kommentar an die Koordination"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        validators=[validate_no_control_characters],
        help_text=gettext_lazy("Pflicht bei Rückfrage und Ablehnung; bei Annahme freiwillig."),
    )


@admin.register(Submission)
class SubmissionAdmin(RefuseControlCharactersAdmin, admin.ModelAdmin):
    list_display = ["__str__", "survey", "state", "imported", "submitted_at", "updated_at"]
    list_filter = ["state", "survey", "imported"]
    list_select_related = ["survey", "network"]
    search_fields = ["network__name"]
    date_hierarchy = "updated_at"
    inlines = [EventInline, RatingInline]
    actions = ["accept_selected"]
    change_form_template = "admin/survey/submission/change_form.html"
    fieldsets = [
        (None, {"fields": ["survey", "network", "state", "questionnaire_version", "imported"]}),
        (
            gettext_lazy("Zeitpunkte"),
            {
                "fields": [
                    "created_by",
                    "created_at",
                    "updated_at",
                    "submitted_at",
                    "decided_at",
                    "consent_at",
                    "consent_version",
                ]
            },
        ),
        (
            gettext_lazy("Kennzahlen für die Statistik"),
            {
                "classes": ["collapse"],
                "fields": list(Submission.FACT_FIELDS),
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        return [f for fs in self.fieldsets for f in fs[1]["fields"]]

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        return [
            path(
                "<int:pk>/pruefen/",
                self.admin_site.admin_view(self.review_view),
                name="survey_submission_review",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        submission = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if submission is not None and not submission.imported:
            current = services.accepted_answers(submission.network) if submission.network else {}
            extra_context["comparison"] = review.compare(
                survey=submission.survey, submitted=submission.answers, current=current
            )
            extra_context["review_form"] = ReviewForm()
            extra_context["can_decide"] = (
                submission.state == Submission.State.SUBMITTED
                and self.has_review_permission(request)
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def review_view(self, request, pk):
        submission = get_object_or_404(
            Submission.objects.select_related("survey", "network"), pk=pk
        )
        change_url = reverse("admin:survey_submission_change", args=[pk])
        if not self.has_review_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseRedirect(change_url)
        form = ReviewForm(request.POST)
        form.is_valid()
        comment = form.cleaned_data.get("comment", "")
        decision = request.POST.get("decision")
        try:
            if decision == "accept":
                services.submission_accept(
                    submission=submission, reviewer=request.user, comment=comment
                )
                self.message_user(request, _("Angenommen; das Profil ist aktualisiert."))
            elif decision == "request_changes":
                services.submission_request_changes(
                    submission=submission, reviewer=request.user, comment=comment
                )
                self.message_user(request, _("Rückfrage an die Koordination verschickt."))
            elif decision == "reject":
                services.submission_reject(
                    submission=submission, reviewer=request.user, reason=comment
                )
                self.message_user(request, _("Abgelehnt."))
        except services.QuestionnaireIncomplete as exc:
            for error in exc.errors[:10]:
                self.message_user(
                    request,
                    f"{error.section.title}: {error.label} {error.message}",
                    messages.ERROR,
                )
        except services.SubmissionError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        return HttpResponseRedirect(change_url)

    def has_review_permission(self, request, obj=None):
        return request.user.has_perm("survey.review_submission")

    @admin.action(
        description=gettext_lazy("Ausgewählte eingereichte Einreichungen annehmen"),
        permissions=["review"],
    )
    def accept_selected(self, request, queryset):
        accepted = 0
        for submission in queryset.filter(state=Submission.State.SUBMITTED):
            try:
                services.submission_accept(submission=submission, reviewer=request.user)
                accepted += 1
            except services.SubmissionError as exc:
                self.message_user(request, f"{submission}: {exc}", messages.WARNING)
        self.message_user(request, _("%(n)s angenommen.") % {"n": accepted})
