"""The questionnaire of the Netzwerkerhebung, defined in code.

One form (and, where a section lists rows, one formset) per section. Every
submission stores ``QUESTIONNAIRE_VERSION``; change it whenever a question
changes meaning, so that answers of different versions stay distinguishable.

Answers are stored as typed, per section: ``{"fields": {...}, "rows": [{...}]}``
with the raw widget values. Drafts therefore keep invalid input too, and the
forms validate the stored values again on submit and on accept.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django import forms
from django.utils.datastructures import MultiValueDict
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from netzwerke.models import (
    FOUNDED_YEAR_MIN,
    ActionField,
    ActorType,
    District,
    Network,
    Project,
    Sector,
    TargetGroup,
)

QUESTIONNAIRE_VERSION = "2026.1"
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

YES_NO = [("ja", _("Ja")), ("nein", _("Nein"))]


def _yes_no(value):
    return value == "ja"


def yes_no_field(label, **kwargs):
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=_yes_no,
        empty_value=None,
        widget=forms.RadioSelect,
        **kwargs,
    )


class YearInput(forms.TextInput):
    """A text input, so that a mistyped year is shown again as typed."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})


class DateInput(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__({"placeholder": "TT.MM.JJJJ", **(attrs or {})})


class DistrictPicker(forms.widgets.ChoiceWidget):
    """Checkboxes of the Kreise, grouped by Land in collapsible groups; works without JS.

    Deliberately not a CheckboxSelectMultiple: crispy-forms would replace the template.
    """

    allow_multiple_selected = True
    input_type = "checkbox"
    template_name = "survey/widgets/district_picker.html"
    option_template_name = "django/forms/widgets/checkbox_option.html"
    use_fieldset = True

    def value_from_datadict(self, data, files, name):
        getter = getattr(data, "getlist", None)
        return getter(name) if getter else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False

    def id_for_label(self, id_, index=None):
        # the group has no single label target; each option has its own id
        return "" if index is None else f"{id_}_{index}"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        groups = {}
        for _group, options, _index in context["widget"]["optgroups"]:
            for option in options:
                state = option["value"].instance.state.name
                groups.setdefault(state, []).append(option)
        context["widget"]["groups"] = [
            {
                "name": state,
                "options": options,
                "selected": [o["label"] for o in options if o["selected"]],
            }
            for state, options in sorted(groups.items())
        ]
        context["widget"]["selected"] = [
            label for group in context["widget"]["groups"] for label in group["selected"]
        ]
        return context


class DistrictChoiceField(forms.ModelMultipleChoiceField):
    widget = DistrictPicker


def vocabulary_field(model, label, *, required, to_field="slug"):
    return forms.ModelMultipleChoiceField(
        queryset=model.objects.all(),
        to_field_name=to_field,
        label=label,
        required=required,
        widget=forms.CheckboxSelectMultiple,
    )


class SectionForm(forms.Form):
    """Base of every section form: German messages, no HTML5 validation bubbles."""

    use_required_attribute = False


class MasterDataForm(SectionForm):
    name = forms.CharField(label=_("Name des Netzwerks"), max_length=200)
    network_type = forms.ChoiceField(
        label=_("Netzwerktyp"), choices=Network.Type.choices, widget=forms.RadioSelect
    )
    short_description = forms.CharField(
        label=_("Kurzbeschreibung"),
        max_length=300,
        required=False,
        help_text=_("Ein Satz, höchstens 300 Zeichen; erscheint in der Trefferliste."),
    )
    description = forms.CharField(
        label=_("Beschreibung"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    founded_year = forms.IntegerField(
        label=_("Gründungsjahr"), min_value=FOUNDED_YEAR_MIN, widget=YearInput
    )
    organisation_form = forms.ChoiceField(
        label=_("Organisationsform"),
        choices=[("", _("– bitte wählen –")), *Network.OrganisationForm.choices],
        required=False,
    )
    districts = DistrictChoiceField(
        queryset=District.objects.select_related("state"),
        to_field_name="ags",
        label=_("Kreise und kreisfreie Städte, in denen das Netzwerk tätig ist"),
        help_text=_("Öffnen Sie ein Land und kreuzen Sie die Kreise an."),
    )
    website = forms.URLField(label=_("Website"), required=False, max_length=200)

    def clean_founded_year(self):
        year = self.cleaned_data["founded_year"]
        if year is not None and year > datetime.date.today().year:
            raise forms.ValidationError(_("Das Gründungsjahr liegt in der Zukunft."))
        return year


class CoordinationForm(SectionForm):
    coordination_person = forms.CharField(label=_("Ansprechperson"), max_length=150)
    coordination_role = forms.CharField(label=_("Funktion"), max_length=150, required=False)
    coordination_email = forms.EmailField(label=_("E-Mail"))
    coordination_phone = forms.CharField(label=_("Telefon"), max_length=50, required=False)
    full_time_management = yes_no_field(_("Hat das Netzwerk ein hauptamtliches Management?"))
    full_time_extent = forms.DecimalField(
        label=_("Umfang des hauptamtlichen Managements (Vollzeitstellen)"),
        help_text=_("z. B. 0,5 oder 1,5"),
        max_digits=4,
        decimal_places=2,
        min_value=0,
        required=False,
        localize=True,
    )
    development_partnership = forms.BooleanField(
        label=_("Das Netzwerk ist Mitglied der Entwicklungspartnerschaft."), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("full_time_management") and not data.get("full_time_extent"):
            self.add_error(
                "full_time_extent",
                _("Bitte geben Sie den Umfang des hauptamtlichen Managements an."),
            )
        return data


class PartnerTotalForm(SectionForm):
    partner_total = forms.IntegerField(
        label=_("Anzahl der Partner insgesamt"),
        help_text=_("Nur ausfüllen, wenn es mehr Partner gibt, als Sie unten aufführen."),
        min_value=0,
        max_value=100000,
        required=False,
        widget=YearInput,
    )


class PartnerRowForm(SectionForm):
    name = forms.CharField(label=_("Institution"), max_length=250)
    actor_type = forms.ModelChoiceField(
        queryset=ActorType.objects.all(),
        to_field_name="slug",
        label=_("Art der Institution"),
        empty_label=_("– bitte wählen –"),
    )
    binding = forms.BooleanField(
        label=_("verbindlich beteiligt (z. B. Kooperationsvereinbarung)"), required=False
    )


class RowFormSet(forms.BaseFormSet):
    min_rows_message = None

    def _construct_form(self, i, **kwargs):
        # one query per choice field for all rows, not one per row
        form = super()._construct_form(i, **kwargs)
        cache = self.__dict__.setdefault("_choice_cache", {})
        for name, fld in form.fields.items():
            if isinstance(fld, forms.ModelChoiceField):
                if name not in cache:
                    cache[name] = list(iter(fld.choices))  # iter: no COUNT query
                fld.choices = cache[name]
        return form

    def clean(self):
        super().clean()
        if any(self.errors) or not self.min_rows_message:
            return
        rows = [f for f in self.forms if f.has_changed() and not self._should_delete_form(f)]
        if not rows:
            raise forms.ValidationError(self.min_rows_message)


class PartnerFormSet(RowFormSet):
    min_rows_message = _("Bitte nennen Sie mindestens einen Partner.")


class GoalsForm(SectionForm):
    DATA_SOURCES = [
        ("ba", _("Arbeitsmarkt- und Beschäftigungsstatistik der Bundesagentur für Arbeit")),
        ("engpass", _("Fachkräfteengpassanalyse oder Fachkräftemonitor")),
        ("befragung", _("eigene Befragung von Unternehmen")),
        ("amtlich", _("amtliche Statistik der Statistischen Ämter")),
        ("sonstige", _("sonstige Daten")),
    ]

    goals_set = yes_no_field(_("Hat sich das Netzwerk gemeinsame Ziele gesetzt?"))
    goals_text = forms.CharField(
        label=_("Welche Ziele?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    goals_based_on_data = yes_no_field(_("Beruhen die Ziele auf regionalen Daten?"))
    data_sources = forms.MultipleChoiceField(
        label=_("Auf welchen Daten?"),
        choices=DATA_SOURCES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    data_other = forms.CharField(label=_("Sonstige Daten"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        if data.get("goals_based_on_data") and not data.get("data_sources"):
            self.add_error("data_sources", _("Bitte wählen Sie mindestens eine Datenquelle."))
        if "sonstige" in (data.get("data_sources") or []) and not data.get("data_other"):
            self.add_error("data_other", _("Bitte nennen Sie die sonstigen Daten."))
        return data


class FieldsForm(SectionForm):
    action_fields = vocabulary_field(ActionField, _("Handlungsfelder"), required=True)
    target_groups = vocabulary_field(TargetGroup, _("Zielgruppen"), required=True)
    sectors = vocabulary_field(
        Sector, _("Branchen (Abschnitte der WZ 2008)"), required=False, to_field="code"
    )


class TopicsForm(SectionForm):
    """One rating per focus topic of the wave."""

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        from survey.models import TopicRating

        for topic in topics:
            self.fields[topic_field_name(topic.slug)] = forms.ChoiceField(
                label=topic.name,
                help_text=topic.description,
                choices=TopicRating.Rating.choices,
                widget=forms.RadioSelect,
            )


def topic_field_name(slug: str) -> str:
    return f"thema_{slug}"


class ProjectRowForm(SectionForm):
    AIMS = [("halten", _("halten")), ("ausbilden", _("ausbilden")), ("gewinnen", _("gewinnen"))]

    title = forms.CharField(label=_("Titel"), max_length=250)
    description = forms.CharField(
        label=_("Kurzbeschreibung"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    action_fields = vocabulary_field(ActionField, _("Handlungsfelder"), required=False)
    aims = forms.MultipleChoiceField(
        label=_("Ziel: Fachkräfte …"),
        choices=AIMS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(
        label=_("Stand"),
        choices=[("", _("– bitte wählen –")), *Project.Status.choices],
    )
    start_date = forms.DateField(label=_("Beginn"), required=False, widget=DateInput)
    end_date = forms.DateField(label=_("Ende"), required=False, widget=DateInput)
    results = forms.CharField(
        label=_("Ergebnisse"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    evaluated = forms.BooleanField(label=_("Das Projekt wurde evaluiert."), required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Das Ende liegt vor dem Beginn."))
        return data


class EvaluationForm(SectionForm):
    FREQUENCIES = [
        ("laufend", _("laufend")),
        ("jaehrlich", _("mindestens jährlich")),
        ("seltener", _("seltener als jährlich")),
        ("nie", _("bisher nicht")),
    ]

    evaluation_frequency = forms.ChoiceField(
        label=_("Wie oft wertet das Netzwerk seine Ergebnisse aus?"),
        choices=FREQUENCIES,
        widget=forms.RadioSelect,
    )
    goals_adjusted = yes_no_field(
        _("Wurden Ziele oder Maßnahmen aufgrund der Auswertung angepasst?")
    )


class ConsentForm(SectionForm):
    consent_publish = forms.BooleanField(
        label=_("Ich willige in die Veröffentlichung und Auswertung wie oben beschrieben ein."),
        error_messages={"required": _("Ohne Einwilligung können wir die Angaben nicht annehmen.")},
    )
    # separate and off by default: publishing a person needs their own consent
    contact_publish = forms.BooleanField(
        label=_(
            "Name, Funktion, E-Mail-Adresse und Telefonnummer der Ansprechperson aus dem "
            "Abschnitt „Koordination“ dürfen auf dem öffentlichen Profil des Netzwerks, in "
            "dessen maschinenlesbaren Daten und in den offenen Daten (CSV, JSON) gezeigt "
            "werden."
        ),
        help_text=_(
            "Freiwillig. Die Ansprechperson muss damit einverstanden sein. Ohne Häkchen zeigt "
            "das Profil statt der Person ein Kontaktformular."
        ),
        required=False,
    )


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

    @property
    def has_rows(self):
        return self.row_form_class is not None

    def _form_kwargs(self, survey):
        if self.form_class is TopicsForm:
            return {"topics": list(survey.topics.all()) if survey else []}
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

    def build(self, *, survey, raw=None, data=None, extra_rows=1):
        """The section's form and formset.

        ``data`` (a POST) binds them; ``raw`` (stored answers) becomes their
        initial values; ``bind_raw`` binds stored answers for validation.
        """
        raw = raw or {}
        form = formset = None
        if self.form_class:
            form = self.form_class(data, initial=raw.get("fields", {}), **self._form_kwargs(survey))
        if self.has_rows:
            cls = self._formset_class(extra_rows)
            formset = cls(data, initial=raw.get("rows", []), prefix=self.slug)
            formset.can_delete_extra = False
        return form, formset

    def bind_raw(self, *, survey, raw, extra_rows=0):
        raw = raw or {}
        form = formset = None
        if self.form_class:
            form = self.form_class(_to_data(raw.get("fields", {})), **self._form_kwargs(survey))
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
            formset = self._formset_class(0)(data, prefix=self.slug)
        return form, formset

    def extract(self, *, survey, data) -> dict:
        """The raw values of a POST, without validating them."""
        result = {}
        form, formset = self.build(survey=survey, data=data)
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


def section_index(slug: str) -> int:
    return [s.slug for s in SECTIONS].index(slug)


# --- validation of a whole submission -------------------------------------------------


@dataclass
class FieldError:
    section: Section
    anchor: str
    label: str
    message: str


def _anchor(bound_field) -> str:
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


def form_errors(section: Section, form, formset) -> list[FieldError]:
    """The errors of a section's bound form and formset, in page order, for the summary."""
    errors = []
    if form is not None:
        for message in form.non_field_errors():
            errors.append(FieldError(section, f"abschnitt-{section.slug}", "", message))
        for name in form.fields:
            bf = form[name]
            for message in bf.errors:
                errors.append(FieldError(section, _anchor(bf), bf.label, message))
    if formset is not None:
        for message in formset.non_form_errors():
            anchor = f"id_{section.slug}-0-{next(iter(section.row_form_class.base_fields))}"
            errors.append(FieldError(section, anchor, section.row_label, message))
        for i, row in enumerate(formset.forms):
            for message in row.non_field_errors():
                errors.append(FieldError(section, f"zeile-{section.slug}-{i}", "", message))
            for name in row.fields:
                bf = row[name]
                for message in bf.errors:
                    label = f"{section.row_label} {i + 1}: {bf.label}"
                    errors.append(FieldError(section, _anchor(bf), label, message))
    return errors


@dataclass
class CleanedAnswers:
    """Validated answers of a submission, section by section."""

    sections: dict[str, dict] = field(default_factory=dict)
    rows: dict[str, list[dict]] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)

    def get(self, section, name, default=None):
        return self.sections.get(section, {}).get(name, default)

    @property
    def is_valid(self):
        return not self.errors


def section_is_complete(section: Section, *, survey, raw) -> bool:
    form, formset = section.bind_raw(survey=survey, raw=raw)
    return all(part.is_valid() for part in (form, formset) if part is not None)


def clean_answers(*, survey, answers: dict) -> CleanedAnswers:
    result = CleanedAnswers()
    for section in SECTIONS:
        form, formset = section.bind_raw(survey=survey, raw=answers.get(section.slug))
        valid = True
        if form is not None:
            valid = form.is_valid() and valid
        if formset is not None:
            valid = formset.is_valid() and valid
        if valid:
            if form is not None:
                result.sections[section.slug] = form.cleaned_data
            if formset is not None:
                result.rows[section.slug] = [
                    f.cleaned_data for f in formset.forms if f.cleaned_data
                ]
        else:
            result.errors.extend(form_errors(section, form, formset))
    return result


# --- prefill from the directory ------------------------------------------------------


def _yes_no_raw(value):
    if value is None:
        return ""
    return "ja" if value else "nein"


def _date_raw(value):
    return date_format(value, "d.m.Y") if value else ""


def answers_from_network(network: Network | None, *, name: str = "") -> dict:
    """Raw answers showing the network's current profile, for a new submission."""
    if network is None:
        return {"stammdaten": {"fields": {"name": name}}}
    memberships = network.memberships.select_related("actor__actor_type").order_by("actor__name")
    projects = network.projects.prefetch_related("action_fields").order_by("title")
    return {
        "stammdaten": {
            "fields": {
                "name": network.name,
                "network_type": network.network_type,
                "short_description": network.short_description,
                "description": network.description,
                "founded_year": str(network.founded_year or ""),
                "organisation_form": network.organisation_form,
                "districts": list(network.districts.values_list("ags", flat=True)),
                "website": network.website,
            }
        },
        "koordination": {
            "fields": {
                "coordination_person": network.coordination_person,
                "coordination_role": network.coordination_role,
                "coordination_email": network.coordination_email,
                "coordination_phone": network.coordination_phone,
                "full_time_management": _yes_no_raw(network.full_time_management),
                "full_time_extent": "",
                "development_partnership": network.development_partnership,
            }
        },
        "partner": {
            "fields": {"partner_total": str(network.partner_count_reported or "")},
            "rows": [
                {
                    "name": m.actor.name,
                    "actor_type": m.actor.actor_type.slug,
                    "binding": m.binding,
                }
                for m in memberships
            ],
        },
        "ziele": {"fields": {"goals_based_on_data": _yes_no_raw(network.goals_based_on_data)}},
        "handlungsfelder": {
            "fields": {
                "action_fields": list(network.action_fields.values_list("slug", flat=True)),
                "target_groups": list(network.target_groups.values_list("slug", flat=True)),
                "sectors": list(network.sectors.values_list("code", flat=True)),
            }
        },
        "projekte": {
            "rows": [
                {
                    "title": p.title,
                    "description": p.description,
                    "action_fields": [a.slug for a in p.action_fields.all()],
                    "aims": [
                        aim
                        for aim, flag in (
                            ("halten", p.aim_retain),
                            ("ausbilden", p.aim_train),
                            ("gewinnen", p.aim_attract),
                        )
                        if flag
                    ],
                    "status": p.status,
                    "start_date": _date_raw(p.start_date),
                    "end_date": _date_raw(p.end_date),
                    "results": p.results,
                    "evaluated": p.evaluated,
                }
                for p in projects
            ]
        },
    }
