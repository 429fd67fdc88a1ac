"""Invitations and registration: redeeming an invitation, "Netzwerk eintragen", password reset."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerke.duplicates import possible_duplicates
from netzwerke.forms import HoneypotForm
from netzwerke.models import Network
from netzwerke.ratelimit import ratelimit
from netzwerke.validators import validate_no_control_characters
from survey import questionnaire as q
from survey import services
from survey.models import Survey
from survey.views.common import error_text

User = get_user_model()


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
        {"href": f"#{form[name].auto_id}", "text": error_text(form[name].label, message)}
        for name, errs in form.errors.items()
        if name in form.fields
        for message in errs
    ]


def register_sent(request):
    return render(request, "survey/register_sent.html")


@method_decorator(ratelimit("password-reset"), name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, rate-limited per client."""
