"""The "Fehler melden" form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerke.forms import HoneypotForm


class CorrectionForm(HoneypotForm):
    text = forms.CharField(
        label=_("Was ist falsch oder fehlt?"),
        help_text=_(
            "Bitte nennen Sie die Angabe und, wenn möglich, die richtige Angabe und eine Quelle."
        ),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse (freiwillig)"),
        help_text=_("Nur für Rückfragen der Redaktion; sie wird nicht veröffentlicht."),
        required=False,
    )

    field_order = ["text", "email", "homepage"]
