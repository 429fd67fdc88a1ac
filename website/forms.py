from django import forms
from django.utils.translation import gettext_lazy as _


class CorrectionForm(forms.Form):
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
    # a honeypot, hidden from people and from assistive technology by its wrapper in the
    # template; bots that fill every field give themselves away
    homepage = forms.CharField(
        label=_("Bitte leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self) -> bool:
        return bool(self.data.get("homepage"))
