"""Public forms of the directory."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotForm(forms.Form):
    """A form with a honeypot field, hidden from people and assistive technology by its
    wrapper in the template; bots that fill every field give themselves away."""

    homepage = forms.CharField(
        label=_("Bitte leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self) -> bool:
        return bool(self.data.get("homepage"))

    def cleaned_data_without_honeypot(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "homepage"}


class NetworkContactForm(HoneypotForm):
    """A message to a network's coordination; the address stays hidden from the sender."""

    name = forms.CharField(label=_("Ihr Name"), max_length=150)
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        help_text=_("Die Koordination antwortet Ihnen an diese Adresse."),
    )
    message = forms.CharField(
        label=_("Ihre Nachricht"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )

    field_order = ["name", "email", "message", "homepage"]
