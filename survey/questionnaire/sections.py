"""The sections of the questionnaire in order, and the codec of their stored raw answers.

Answers are stored as typed, per section: ``{"fields": {...}, "rows": [{...}]}``
with the raw widget values. Drafts therefore keep invalid input too, and the
forms validate the stored values again on submit and on accept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from survey.questionnaire.choices import Options
from survey.questionnaire.forms import (
    ConsentForm,
    CoordinationForm,
    EvaluationForm,
    FieldsForm,
    GoalsForm,
    MasterDataForm,
    PartnerFormSet,
    PartnerRowForm,
    PartnerTotalForm,
    ProjectRowForm,
    RowFormSet,
    SectionForm,
    TopicsForm,
    TypeFactsForm,
)

# 2026.2: the section "typangaben" (facts of a Qualifizierungsverbund / Drehscheibe)
QUESTIONNAIRE_VERSION = "2026.2"
# 2026-11: the contact person is published only with a separate consent
CONSENT_VERSION = "2026-11"
CONSENT_TEXT = _(
    "Nach Prüfung durch die Redaktion werden im öffentlichen Verzeichnis veröffentlicht: "
    "Name, Typ, Beschreibung, Gründungsjahr, Organisationsform, Region, Website, "
    "Handlungsfelder, Zielgruppen, Branchen, Partner, Projekte und die Angaben zu den "
    "Netzwerkkriterien. Alle Antworten fließen in anonymisierte Statistiken ein. Die "
    "Kontaktdaten der Ansprechperson (Name, Funktion, E-Mail-Adresse, Telefon) werden nur "
    "veröffentlicht, wenn Sie das unten eigens ankreuzen; sonst nutzen wir sie nur für "
    "Rückfragen, und Nachrichten über das Kontaktformular des Profils werden an die "
    "E-Mail-Adresse weitergeleitet, ohne sie zu zeigen. Sie können jede Einwilligung "
    "jederzeit per E-Mail widerrufen."
)
MAX_ROWS = 60


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    intro: str = ""
    form_class: type[SectionForm] | None = None
    row_form_class: type[SectionForm] | None = None
    formset_class: type[forms.BaseFormSet] = RowFormSet
    row_label: str = ""
    form_kwargs: dict = field(default_factory=dict)
    #: a section never saved is left out of the cleaned answers (so accepting a submission
    #: begun before the section existed leaves the network's values alone)
    skip_unanswered: bool = False

    @property
    def has_rows(self):
        return self.row_form_class is not None

    def _form_kwargs(self, survey, network_type=None):
        if self.form_class is TopicsForm:
            return {"topics": list(survey.topics.all()) if survey else []}
        if self.form_class is TypeFactsForm:
            return {"network_type": network_type}
        return {}

    def _formset_class(self, extra):
        return forms.formset_factory(
            self.row_form_class,
            formset=self.formset_class,
            extra=extra,
            can_delete=True,
            max_num=MAX_ROWS,
            absolute_max=MAX_ROWS,
        )

    def build(self, *, survey, raw=None, data=None, extra_rows=1, network_type=None):
        """The section's form and formset.

        ``data`` (a POST) binds them; ``raw`` (stored answers) becomes their
        initial values; ``bind_raw`` binds stored answers for validation.
        """
        raw = raw or {}
        form = formset = None
        if self.form_class:
            form = self.form_class(
                data, initial=raw.get("fields", {}), **self._form_kwargs(survey, network_type)
            )
        if self.has_rows:
            cls = self._formset_class(extra_rows)
            formset = cls(data, initial=raw.get("rows", []), prefix=self.slug)
            formset.can_delete_extra = False
        return form, formset

    def bind_raw(
        self, *, survey, raw, extra_rows=0, options: Options | None = None, network_type=None
    ):
        """Stored answers bound for validation; ``options`` spares the per-row queries."""
        raw = raw or {}
        form = formset = None
        if self.form_class:
            form = self.form_class(
                _to_data(raw.get("fields", {})), **self._form_kwargs(survey, network_type)
            )
            if options is not None:
                options.attach(self.slug, form)
        if self.has_rows:
            rows = raw.get("rows", [])
            data = MultiValueDict(
                {
                    f"{self.slug}-TOTAL_FORMS": [str(len(rows) + extra_rows)],
                    f"{self.slug}-INITIAL_FORMS": [str(len(rows))],
                }
            )
            for i, row in enumerate(rows):
                data.update(_to_data(row, prefix=f"{self.slug}-{i}-"))
            formset = self._formset_class(0)(data, prefix=self.slug, options=options)
        return form, formset

    def extract(self, *, survey, data, network_type=None) -> dict:
        """The raw values of a POST, without validating them."""
        result = {}
        form, formset = self.build(survey=survey, data=data, network_type=network_type)
        if form is not None:
            result["fields"] = _raw_values(form)
        if formset is not None:
            try:
                total = int(data.get(f"{self.slug}-TOTAL_FORMS", 0))
            except (TypeError, ValueError):
                total = 0
            rows = []
            row_form = self.row_form_class
            for i in range(max(0, min(total, MAX_ROWS))):
                prefix = f"{self.slug}-{i}"
                if forms.CheckboxInput().value_from_datadict(data, None, f"{prefix}-DELETE"):
                    continue
                row = _raw_values(row_form(data, prefix=prefix))
                if any(_filled(v) for v in row.values()):
                    rows.append(row)
            result["rows"] = rows
        return result


def _raw_values(form) -> dict:
    values = {}
    for name, fld in form.fields.items():
        value = fld.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
        if isinstance(value, str):
            value = value.strip()
        values[name] = value
    return values


def _filled(value) -> bool:
    return value not in (None, "", [], False)


def _to_data(values: dict, prefix: str = "") -> MultiValueDict:
    data = MultiValueDict()
    for name, value in values.items():
        key = prefix + name
        if isinstance(value, list | tuple):
            data.setlist(key, [str(v) for v in value])
        elif value is True:
            data[key] = "on"
        elif value in (None, False):
            continue
        else:
            data[key] = str(value)
    return data


SECTIONS: list[Section] = [
    Section(
        "stammdaten",
        _("Stammdaten"),
        _("Name, Art und Region des Netzwerks."),
        form_class=MasterDataForm,
    ),
    Section(
        "koordination",
        _("Koordination & Kontakt"),
        _(
            "Wer koordiniert das Netzwerk? Die Kontaktdaten nutzen wir nur für Rückfragen; "
            "sie erscheinen in keinem öffentlichen Export."
        ),
        form_class=CoordinationForm,
    ),
    Section(
        "partner",
        _("Partner"),
        _("Institutionen, die im Netzwerk mitarbeiten. Leere Zeilen werden ignoriert."),
        form_class=PartnerTotalForm,
        row_form_class=PartnerRowForm,
        formset_class=PartnerFormSet,
        row_label=_("Partner"),
    ),
    Section(
        "ziele",
        _("Ziele & Datenbasis"),
        _("Welche Ziele hat sich das Netzwerk gesetzt, und worauf beruhen sie?"),
        form_class=GoalsForm,
    ),
    Section(
        "handlungsfelder",
        _("Handlungsfelder, Zielgruppen, Branchen"),
        form_class=FieldsForm,
    ),
    Section(
        "typangaben",
        _("Kennzahlen zum Netzwerktyp"),
        _(
            "Nur für Qualifizierungsverbünde und Arbeitsmarkt-Drehscheiben. Was Sie nicht "
            "wissen, lassen Sie leer; es erscheint als „keine Angabe“."
        ),
        form_class=TypeFactsForm,
        skip_unanswered=True,
    ),
    Section(
        "themen",
        _("Themen"),
        _("Wie wichtig sind diese Themen derzeit für Ihr Netzwerk?"),
        form_class=TopicsForm,
    ),
    Section(
        "projekte",
        _("Projekte"),
        _("Konkrete Projekte und Maßnahmen des Netzwerks. Leere Zeilen werden ignoriert."),
        row_form_class=ProjectRowForm,
        row_label=_("Projekt"),
    ),
    Section(
        "evaluation",
        _("Evaluation"),
        form_class=EvaluationForm,
    ),
    Section(
        "einwilligung",
        _("Veröffentlichung & Einwilligung"),
        CONSENT_TEXT,
        form_class=ConsentForm,
    ),
]
SECTIONS_BY_SLUG = {s.slug: s for s in SECTIONS}


def network_type_of(answers: dict | None) -> str:
    """The network type the stored answers name (section "stammdaten"), or ""."""
    return str(
        ((answers or {}).get("stammdaten") or {}).get("fields", {}).get("network_type") or ""
    )


def section_index(slug: str) -> int:
    return [s.slug for s in SECTIONS].index(slug)
