"""Readable answers and the comparison with the accepted state, for the reviewer."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _

from survey import questionnaire as q


@dataclass
class Row:
    label: str
    submitted: str
    current: str

    @property
    def changed(self):
        return self.submitted != self.current


def _display(fld: forms.Field, value) -> str:
    if value in (None, "", [], False) and not isinstance(fld, forms.BooleanField):
        return ""
    if isinstance(fld, forms.BooleanField):
        return _("ja") if value else _("nein")
    if isinstance(fld, forms.ModelChoiceField):
        values = value if isinstance(value, list | tuple) else [value]
        key = fld.to_field_name or "pk"
        found = {
            str(getattr(o, key)): fld.label_from_instance(o)
            for o in fld.queryset.filter(**{f"{key}__in": values})
        }
        return ", ".join(found.get(str(v), str(v)) for v in values)
    if isinstance(fld, forms.ChoiceField):
        choices = {str(k): str(v) for k, v in fld.choices}
        values = value if isinstance(value, list | tuple) else [value]
        return ", ".join(choices.get(str(v), str(v)) for v in values)
    return str(value)


def _row_text(section: q.Section, form: forms.Form, row: dict) -> str:
    parts = []
    for name, fld in form.fields.items():
        text = _display(fld, row.get(name))
        if text and not (isinstance(fld, forms.BooleanField) and not row.get(name)):
            parts.append(text if name in ("name", "title") else f"{fld.label}: {text}")
    return "; ".join(parts)


def compare(*, survey, submitted: dict, current: dict) -> list[tuple[q.Section, list[Row]]]:
    """Per section, the submitted answers next to the accepted state."""
    result = []
    for section in q.SECTIONS:
        form, _formset = section.build(survey=survey)
        rows = []
        new, old = submitted.get(section.slug) or {}, current.get(section.slug) or {}
        if form is not None:
            for name, fld in form.fields.items():
                rows.append(
                    Row(
                        str(fld.label),
                        _display(fld, (new.get("fields") or {}).get(name)),
                        _display(fld, (old.get("fields") or {}).get(name)),
                    )
                )
        if section.has_rows:
            row_form = section.row_form_class()
            new_rows = [_row_text(section, row_form, r) for r in new.get("rows") or []]
            old_rows = [_row_text(section, row_form, r) for r in old.get("rows") or []]
            rows.append(Row(str(section.row_label), "\n".join(new_rows), "\n".join(old_rows)))
        result.append((section, rows))
    return result
