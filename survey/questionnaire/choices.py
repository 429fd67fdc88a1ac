"""Model choice fields that can validate against options loaded once for many submissions.

Django's model choice fields query once per field and row. That is right for one form,
but the wave export validates every draft: with an ``Options`` cache handed to
``clean_answers`` the fields look values up in options loaded once per field instead,
so the export's query count does not grow with its rows. The reviewer's comparison
uses the same cache for its labels.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


class Options:
    """The options of each model choice field, loaded on first use: ``{key: instance}``."""

    def __init__(self):
        self._cache = {}

    def get(self, section_slug: str, name: str, fld: forms.ModelChoiceField) -> dict:
        key = (section_slug, name)
        if key not in self._cache:
            to_field = fld.to_field_name or "pk"
            self._cache[key] = {str(getattr(o, to_field)): o for o in fld.queryset}
        return self._cache[key]

    def attach(self, section_slug: str, form: forms.Form) -> None:
        """Let the form's preloading fields validate against the cached options."""
        for name, fld in form.fields.items():
            if isinstance(fld, PreloadedChoicesMixin):
                fld.options = self.get(section_slug, name, fld)


class PreloadedChoicesMixin:
    # None: query like Django's field does
    options: dict | None = None

    def _invalid(self, value):
        return ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )


class PreloadedModelChoiceField(PreloadedChoicesMixin, forms.ModelChoiceField):
    def to_python(self, value):
        if self.options is None or value in self.empty_values:
            return super().to_python(value)
        try:
            return self.options[str(value)]
        except KeyError:
            raise self._invalid(value) from None


class PreloadedModelMultipleChoiceField(PreloadedChoicesMixin, forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        if self.options is None:
            return super()._check_values(value)
        try:
            wanted = {str(v) for v in value}
        except TypeError:
            raise ValidationError(
                self.error_messages["invalid_list"], code="invalid_list"
            ) from None
        for val in value:
            self.validate_no_null_characters(val)
            if str(val) not in self.options:
                raise self._invalid(val)
        # in the queryset's order, as Django's field returns them
        return [o for key, o in self.options.items() if key in wanted]
