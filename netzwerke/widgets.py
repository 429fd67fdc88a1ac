"""Form widgets shared by the public forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator


class URLInput(forms.URLInput):
    """``<input type=url>`` while the value is a URL; a typed value that is not one (shown
    again with its error, or from a saved draft) is kept in ``<input type=text
    inputmode=url>``, because a type=url input with an invalid value is invalid HTML."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        shown = context["widget"]["value"]
        if shown and not _is_url(shown):
            context["widget"]["type"] = "text"
            context["widget"]["attrs"] = {**context["widget"]["attrs"], "inputmode": "url"}
        return context


def _is_url(value: str) -> bool:
    try:
        URLValidator()(value)
    except ValidationError:
        return False
    return True
