"""The coordinator area: networks, sections, submit; invitations and registration."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.views import redirect_to_login
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from netzwerke.duplicates import possible_duplicates
from netzwerke.forms import HoneypotForm
from netzwerke.models import Network
from netzwerke.ratelimit import ratelimit
from netzwerke.validators import validate_no_control_characters
from survey import questionnaire as q
from survey import section_guard as guard
from survey import services
from survey.models import Submission, Survey

User = get_user_model()
MAX_EXTRA_ROWS = 20


def _my_networks(user):
    return Network.objects.filter(coordinators__user=user)


def _my_submission(request, pk):
    return get_object_or_404(
        Submission.objects.for_user(request.user).select_related("survey", "network"), pk=pk
    )


@login_required
def dashboard(request):
    open_surveys = list(Survey.objects.open())
    networks = list(
        _my_networks(request.user)
        .order_by("name")
        .prefetch_related(
            Prefetch(
                "submissions",
                queryset=Submission.objects.select_related("survey").order_by("-created_at"),
            )
        )
    )
    if len(networks) == 1 and not request.GET.get("alle"):
        return redirect("survey:network", slug=networks[0].slug)
    return render(
        request,
        "survey/dashboard.html",
        {"networks": networks, "open_surveys": open_surveys},
    )


@login_required
def network_detail(request, slug):
    network = get_object_or_404(_my_networks(request.user), slug=slug)
    submissions = list(network.submissions.select_related("survey").order_by("-created_at"))
    open_surveys = []
    for survey in Survey.objects.open():
        current = next(
            (
                s
                for s in submissions
                if s.survey_id == survey.pk and s.state in Submission.OPEN_STATES
            ),
            None,
        )
        open_surveys.append((survey, current))
    try:
        profile_url = network.get_absolute_url()
    except NoReverseMatch:  # the public directory is not installed
        profile_url = ""
    return render(
        request,
        "survey/network.html",
        {
            "network": network,
            "submissions": submissions,
            "open_surveys": open_surveys,
            "profile_url": profile_url,
        },
    )


@login_required
@require_POST
def submission_start(request, slug):
    network = get_object_or_404(_my_networks(request.user), slug=slug)
    survey = get_object_or_404(Survey, slug=request.POST.get("survey", ""))
    try:
        submission = services.submission_get_or_start(
            network=network, survey=survey, user=request.user
        )
    except services.SubmissionError as exc:
        messages.error(request, str(exc))
        return redirect("survey:network", slug=network.slug)
    return redirect("survey:section", pk=submission.pk, section=q.SECTIONS[0].slug)


def _section_status(submission):
    """Per section: saved at all, and complete (as checked when saved) or not."""
    return [
        {
            "section": s,
            "saved": s.slug in submission.answers,
            "complete": submission.section_status.get(s.slug, False),
            "url": reverse("survey:section", kwargs={"pk": submission.pk, "section": s.slug}),
        }
        for s in q.SECTIONS
    ]


def _detail_context(submission, errors=None):
    statuses = _section_status(submission)
    events = list(submission.events.select_related("user").order_by("created_at", "pk"))
    last_request = next(
        (e for e in reversed(events) if e.to_state == Submission.State.CHANGES_REQUESTED), None
    )
    last_decision = next(
        (
            e
            for e in reversed(events)
            if e.to_state in (Submission.State.REJECTED, Submission.State.ACCEPTED)
        ),
        None,
    )
    return {
        "submission": submission,
        "network": submission.network,
        "statuses": statuses,
        "events": events,
        "last_request": last_request,
        "last_decision": last_decision,
        "errors": _linked_errors(submission, errors or []),
        "wave_open": submission.survey.is_open(),
    }


def _linked_errors(submission, errors):
    linked = []
    for error in errors:
        url = reverse("survey:section", kwargs={"pk": submission.pk, "section": error.section.slug})
        linked.append(
            {
                "href": f"{url}?pruefen=1#{error.anchor}",
                "section": error.section.title,
                "text": _error_text(error.label, error.message),
            }
        )
    return linked


def _error_text(label, message):
    """ "Gründungsjahr: …", but "Hat das Netzwerk …? …" without a colon after the question."""
    label = str(label or "").strip()
    if not label:
        return str(message)
    separator = " " if label[-1] in "?.:" else ": "
    return f"{label}{separator}{message}"


@login_required
def submission_detail(request, pk):
    submission = _my_submission(request, pk)
    return render(request, "survey/submission_detail.html", _detail_context(submission))


@login_required
@require_POST
@ratelimit("submit", key="user")
def submission_submit(request, pk):
    submission = _my_submission(request, pk)
    try:
        services.submission_submit(submission=submission, user=request.user)
    except services.QuestionnaireIncomplete as exc:
        context = _detail_context(submission, exc.errors)
        return render(request, "survey/submission_detail.html", context, status=200)
    except services.SubmissionError as exc:
        messages.error(request, str(exc))
        return redirect(submission)
    messages.success(
        request,
        _("Vielen Dank! Ihre Angaben sind eingereicht und werden nun geprüft."),
    )
    return redirect(submission)


def section_view(request, pk, section):
    if not request.user.is_authenticated:
        # the session ended while the page was open: keep what was typed for after the login
        if request.method == "POST" and guard.stash_post(request):
            messages.info(
                request,
                _(
                    "Ihre Sitzung war abgelaufen. Bitte melden Sie sich erneut an; Ihre "
                    "Eingaben in diesem Abschnitt sind aufbewahrt."
                ),
            )
        return redirect_to_login(request.path)
    submission = _my_submission(request, pk)
    sec = q.SECTIONS_BY_SLUG.get(section)
    if sec is None:
        raise Http404
    index = q.section_index(section)
    if not submission.is_editable and request.method == "POST":
        messages.error(
            request,
            _("Diese Einreichung ist %(state)s und kann nicht mehr bearbeitet werden.")
            % {"state": submission.get_state_display()},
        )
        return redirect(submission)
    try:
        extra = max(0, min(int(request.GET.get("leer", 1)), MAX_EXTRA_ROWS))
    except ValueError:
        extra = 1

    if request.method == "POST":
        action = request.POST.get("aktion", "speichern")
        form, formset = sec.build(survey=submission.survey, data=request.POST, extra_rows=extra)
        refused = guard.control_character_errors(sec, form, formset) or guard.stale_section_errors(
            request, submission, sec
        )
        if refused:
            # nothing is stored; the page comes back with what was typed and says where
            return _render_section(request, submission, sec, form, formset, refused, extra=extra)
        try:
            services.submission_save_section(
                submission=submission, section=section, data=request.POST, user=request.user
            )
        except services.SubmissionError as exc:
            messages.error(request, str(exc))
            return redirect(submission)
        here = reverse("survey:section", kwargs={"pk": pk, "section": section})
        if action == "zurueck":
            if index == 0:
                return redirect(submission)
            return redirect("survey:section", pk=pk, section=q.SECTIONS[index - 1].slug)
        if action == "weiter":
            if index + 1 == len(q.SECTIONS):
                return redirect(submission)
            return redirect("survey:section", pk=pk, section=q.SECTIONS[index + 1].slug)
        if action == "zeile":
            return redirect(f"{here}?leer={min(extra + 1, MAX_EXTRA_ROWS)}#zeilen-ende")
        messages.success(request, _("Ihre Angaben sind gespeichert."))
        return redirect(f"{here}?pruefen=1&leer={extra}")

    raw = submission.answers.get(section)
    checking = "pruefen" in request.GET
    restored = guard.take_stash(request) if submission.is_editable else None
    if restored is not None:
        form, formset = sec.build(survey=submission.survey, data=restored, extra_rows=extra)
        messages.info(
            request,
            _(
                "Ihre Eingaben von vor der Anmeldung sind wiederhergestellt, aber noch nicht "
                "gespeichert. Bitte prüfen und speichern Sie den Abschnitt."
            ),
        )
        return _render_section(request, submission, sec, form, formset, [], extra=extra)
    if checking:
        form, formset = sec.bind_raw(survey=submission.survey, raw=raw, extra_rows=extra)
        valid = all(x.is_valid() for x in (form, formset) if x is not None)
        errors = [] if valid else q.form_errors(sec, form, formset)
    else:
        form, formset = sec.build(survey=submission.survey, raw=raw, extra_rows=extra)
        errors = []
    return _render_section(
        request, submission, sec, form, formset, errors, extra=extra, checked=checking
    )


def _render_section(request, submission, sec, form, formset, errors, *, extra, checked=False):
    index = q.section_index(sec.slug)
    if not submission.is_editable:
        for part in (form, *(formset.forms if formset else [])):
            for fld in part.fields.values() if part else ():
                fld.disabled = True
    statuses = _section_status(submission)
    return render(
        request,
        "survey/section.html",
        {
            "submission": submission,
            "network": submission.network,
            "section": sec,
            "index": index,
            "statuses": statuses,
            "form": form,
            "formset": formset,
            "errors": [
                {"href": f"#{e.anchor}", "text": _error_text(e.label, e.message)} for e in errors
            ],
            "checked_ok": checked and not errors,
            "extra": extra,
            "prev": q.SECTIONS[index - 1] if index > 0 else None,
            "next": q.SECTIONS[index + 1] if index + 1 < len(q.SECTIONS) else None,
            "editable": submission.is_editable,
            "consent_version": q.CONSENT_VERSION,
            # after a refused save the page carries the newer state: saving again replaces it
            "section_state": guard.section_state(submission, sec.slug),
        },
    )


# --- invitations and registration -----------------------------------------------------------


class NewAccountForm(SetPasswordForm):
    """Set the password of a new coordinator account (username = e-mail)."""


@ratelimit("invitation", methods=("GET", "POST"))
def invitation_view(request, token):
    invitation = services.invitation_find(token=token)
    if invitation is None or not invitation.is_usable:
        return render(request, "survey/invitation_invalid.html", status=404)
    existing = User.objects.filter(email__iexact=invitation.email).first()
    context = {"invitation": invitation, "existing": existing}

    if request.user.is_authenticated:
        if request.user.email.lower() != invitation.email.lower():
            return render(request, "survey/invitation.html", {**context, "wrong_user": True})
        if request.method == "POST":
            return _redeem(request, invitation, request.user)
        return render(request, "survey/invitation.html", {**context, "confirm": True})

    if existing is not None:
        return render(request, "survey/invitation.html", {**context, "login_first": True})

    user = User(username=invitation.email, email=invitation.email)
    form = NewAccountForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return _redeem(request, invitation, user)
    return render(
        request,
        "survey/invitation.html",
        {**context, "form": form, "errors": _plain_errors(form)},
    )


def _redeem(request, invitation, user):
    try:
        network = services.invitation_accept(invitation=invitation, user=user)
    except services.SubmissionError as exc:
        messages.error(request, str(exc))
        return redirect("survey:dashboard")
    if invitation.kind == invitation.Kind.REGISTRATION:
        survey = Survey.objects.open().first()
        if survey:
            submission = services.submission_get_or_start(network=network, survey=survey, user=user)
            messages.success(
                request,
                _("Ihre E-Mail-Adresse ist bestätigt. Bitte füllen Sie nun den Fragebogen aus."),
            )
            return redirect("survey:section", pk=submission.pk, section=q.SECTIONS[0].slug)
    messages.success(
        request, _("Willkommen! Sie koordinieren jetzt „%(network)s“.") % {"network": network}
    )
    return redirect("survey:network", slug=network.slug)


class RegistrationForm(HoneypotForm):
    use_required_attribute = False

    network_name = forms.CharField(
        label=gettext_lazy("Name des Netzwerks"),
        max_length=200,
        validators=[validate_no_control_characters],
    )
    email = forms.EmailField(
        label=gettext_lazy("Ihre E-Mail-Adresse"),
        help_text=gettext_lazy("Wir senden Ihnen einen Link zur Bestätigung."),
    )
    not_a_duplicate = forms.BooleanField(
        required=False,
        label=gettext_lazy("Mein Netzwerk ist ein anderes als die genannten"),
    )
    field_order = ["network_name", "email", "not_a_duplicate", "homepage"]

    def clean_network_name(self):
        name = self.cleaned_data["network_name"]
        if self.data.get("not_a_duplicate"):
            return name
        # only published names: the public must not learn of drafts
        similar = possible_duplicates(name=name, queryset=Network.objects.published())
        if similar:
            raise forms.ValidationError(
                _(
                    "Im Verzeichnis steht schon ein Netzwerk mit sehr ähnlichem Namen: "
                    "%(names)s. Ist es Ihr Netzwerk, tragen Sie es bitte nicht neu ein, "
                    "sondern schreiben Sie der Redaktion über „Fehler melden“ auf dessen "
                    "Profil. Ist es ein anderes, kreuzen Sie „Mein Netzwerk ist ein "
                    "anderes als die genannten“ an."
                )
                % {"names": ", ".join(f"„{n.name}“" for n in similar)}
            )
        return name


@ratelimit("register")
def register_view(request):
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_spam():
            services.invitation_create(
                email=form.cleaned_data["email"],
                network_name=form.cleaned_data["network_name"],
                base_url=request.build_absolute_uri("/"),
            )
        return redirect("survey:register-sent")
    return render(
        request,
        "survey/register.html",
        {"form": form, "errors": _plain_errors(form)},
    )


def _plain_errors(form):
    if not form.is_bound or form.is_valid():
        return []
    return [
        {"href": f"#{form[name].auto_id}", "text": _error_text(form[name].label, message)}
        for name, errs in form.errors.items()
        if name in form.fields
        for message in errs
    ]


def register_sent(request):
    return render(request, "survey/register_sent.html")


@method_decorator(ratelimit("password-reset"), name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, rate-limited per client."""
