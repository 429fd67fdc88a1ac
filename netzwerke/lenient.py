"""Lenient forms for public GET filters: an unknown value becomes a German notice, never an error.

Shared by the directory filter (``netzwerke.filters``) and the statistics filter.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

NOTICE_VALUE_LENGTH = 60


class LenientModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Keeps the known values and remembers the unknown ones in ``rejected``.

    The choices are never rendered (the facets are), so the queryset only
    looks up the submitted keys: one small query, whatever the table's size.
    """

    def clean(self, value):
        values = [str(v).strip() for v in (value or []) if str(v).strip()]
        # a NUL byte is no key of ours, and PostgreSQL refuses it in a query
        self.rejected = [v for v in values if "\x00" in v]
        values = [v for v in values if "\x00" not in v]
        if not values:
            return []
        found = {
            str(getattr(obj, self.to_field_name)): obj
            for obj in self.queryset.filter(**{f"{self.to_field_name}__in": values})
        }
        seen = set()
        result = []
        for v in values:
            if v in found and v not in seen:
                seen.add(v)
                result.append(found[v])
            elif v not in found:
                self.rejected.append(v)
        return result


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    def clean(self, value):
        values = [str(v) for v in (value or [])]
        valid = {str(k) for k, _label in self.choices}
        self.rejected = [v for v in values if v not in valid]
        return list(dict.fromkeys(v for v in values if v in valid))


class LenientForm(forms.Form):
    """Turns field errors into notices instead of invalidating the form: an invalid
    field is cleaned to None, and ``notices`` names every value that was dropped."""

    notice_message = _("Der Wert „%(value)s“ für „%(label)s“ ist unbekannt und wurde ignoriert.")
    notice_value_length = NOTICE_VALUE_LENGTH

    def clean(self):
        self.ignored = {}
        for name in list(self._errors):
            if name in self.fields:
                data = self.data
                values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
                self.ignored[name] = [v for v in values if v is not None]
                del self._errors[name]
                self.cleaned_data[name] = None
        return self.cleaned_data

    @classmethod
    def notice(cls, value, label) -> str:
        """The German notice for one dropped ``value`` of the field labelled ``label``."""
        if len(value) > cls.notice_value_length:
            value = value[: cls.notice_value_length] + "…"
        return cls.notice_message % {"value": value, "label": label}

    @property
    def notices(self) -> list[str]:
        """German messages about the submitted values that were ignored."""
        self.is_valid()
        notices = []
        for name, field in self.fields.items():
            rejected = list(getattr(field, "rejected", []))
            rejected += getattr(self, "ignored", {}).get(name, [])
            notices.extend(self.notice(value, field.label) for value in rejected)
        return notices
