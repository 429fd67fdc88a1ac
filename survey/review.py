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


class _Labels:
    """Readable values; each model choice field's options are loaded once for the page.

    Looked up value by value, the comparison ran two queries per partner and project row.
    """

    def __init__(self):
        self.options = q.Options()

    def display(self, section: q.Section, name: str, fld: forms.Field, value) -> str:
        if value in (None, "", [], False) and not isinstance(fld, forms.BooleanField):
            return ""
        if isinstance(fld, forms.BooleanField):
            return _("ja") if value else _("nein")
        if isinstance(fld, forms.ModelChoiceField):
            values = value if isinstance(value, list | tuple) else [value]
            options = self.options.get(section.slug, name, fld)
            return ", ".join(
                fld.label_from_instance(options[str(v)]) if str(v) in options else str(v)
                for v in values
            )
        return _display_choice(fld, value)


def _display_choice(fld: forms.Field, value) -> str:
    if isinstance(fld, forms.ChoiceField):
        choices = {str(k): str(v) for k, v in fld.choices}
        values = value if isinstance(value, list | tuple) else [value]
        return ", ".join(choices.get(str(v), str(v)) for v in values)
    return str(value)


def _row_text(section: q.Section, form: forms.Form, row: dict, labels: _Labels) -> str:
    parts = []
    for name, fld in form.fields.items():
        text = labels.display(section, name, fld, row.get(name))
        if text and not (isinstance(fld, forms.BooleanField) and not row.get(name)):
            parts.append(text if name in ("name", "title") else f"{fld.label}: {text}")
    return "; ".join(parts)


def compare(*, survey, submitted: dict, current: dict) -> list[tuple[q.Section, list[Row]]]:
    """Per section, the submitted answers next to the accepted state."""
    result = []
    labels = _Labels()
    for section in q.SECTIONS:
        form, _formset = section.build(survey=survey)
        rows = []
        new, old = submitted.get(section.slug) or {}, current.get(section.slug) or {}
        if form is not None:
            for name, fld in form.fields.items():
                rows.append(
                    Row(
                        str(fld.label),
                        labels.display(section, name, fld, (new.get("fields") or {}).get(name)),
                        labels.display(section, name, fld, (old.get("fields") or {}).get(name)),
                    )
                )
        if section.has_rows:
            row_form = section.row_form_class()
            new_rows = [_row_text(section, row_form, r, labels) for r in new.get("rows") or []]
            old_rows = [_row_text(section, row_form, r, labels) for r in old.get("rows") or []]
            rows.append(Row(str(section.row_label), "\n".join(new_rows), "\n".join(old_rows)))
        result.append((section, rows))
    return result
