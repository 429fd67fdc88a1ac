"""The section forms of the questionnaire, their widgets and the row formsets."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from netzwerke.models import FOUNDED_YEAR_MIN, ActorType, District, Network, Project
from netzwerke.vocabularies import ACTION_FIELDS, SECTORS, TARGET_GROUPS, VocabularySpec
from netzwerke.widgets import URLInput
from survey.models import TopicRating
from survey.questionnaire.choices import (
    Options,
    PreloadedModelChoiceField,
    PreloadedModelMultipleChoiceField,
)

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


class DistrictChoiceField(PreloadedModelMultipleChoiceField):
    widget = DistrictPicker


def vocabulary_field(vocabulary: VocabularySpec, *, required, label=None):
    """Checkboxes of a vocabulary's terms, named by the registry's key (a sector by its
    WZ letter), labelled with its plural unless ``label`` says more."""
    return PreloadedModelMultipleChoiceField(
        queryset=vocabulary.model.objects.all(),
        to_field_name=vocabulary.key,
        label=label or vocabulary.plural_label,
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
    website = forms.URLField(label=_("Website"), required=False, max_length=200, widget=URLInput)

    def clean_founded_year(self):
        year = self.cleaned_data["founded_year"]
        if year is not None and year > datetime.date.today().year:
            raise forms.ValidationError(_("Das Gründungsjahr liegt in der Zukunft."))
        return year


def _count_field(label, **kwargs):
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=1000000,
        required=False,
        widget=YearInput,
        help_text=kwargs.pop("help_text", _("Leer lassen, wenn Sie es nicht wissen.")),
        **kwargs,
    )


class TypeFactsForm(SectionForm):
    """The facts of a Qualifizierungsverbund or an Arbeitsmarkt-Drehscheibe; a form for
    one type asks only that type's questions (``network_type`` None: all of them, for
    labels). Every answer is optional: unknown stays unknown."""

    qv_member_firms = _count_field(_("Wie viele Unternehmen sind Mitglied im Verbund?"))
    qv_member_kmu = _count_field(_("Davon kleine und mittlere Unternehmen (KMU)"))
    qv_management = forms.CharField(
        label=_("Bei welcher Organisation ist das Verbundmanagement angesiedelt?"),
        max_length=200,
        required=False,
    )
    qv_measures_per_year = _count_field(_("Weiterbildungsmaßnahmen pro Jahr"))
    qv_participants_per_year = _count_field(_("Teilnehmende pro Jahr"))
    qv_funding_programme = forms.CharField(
        label=_("Förderprogramm"),
        max_length=300,
        required=False,
        help_text=_("z. B. das Landesprogramm, aus dem das Verbundmanagement gefördert wird"),
    )
    hub_firms_offering = _count_field(
        _("Wie viele Unternehmen geben Beschäftigte ab (abgebende Unternehmen)?")
    )
    hub_firms_seeking = _count_field(
        _("Wie viele Unternehmen nehmen Beschäftigte auf (aufnehmende Unternehmen)?")
    )
    hub_placements_per_year = _count_field(_("Vermittlungen pro Jahr"))
    hub_sectors = forms.CharField(
        label=_("Branchen im Wandel"),
        max_length=500,
        required=False,
        help_text=_("Durch Komma getrennt, z. B. Automobilzulieferer, Maschinenbau"),
    )

    def __init__(self, *args, network_type=None, **kwargs):
        super().__init__(*args, **kwargs)
        if network_type is not None:
            wanted = {name for name, _column in Network.TYPE_FACTS.get(network_type, [])}
            for name in list(self.fields):
                if name not in wanted:
                    del self.fields[name]

    def clean(self):
        data = super().clean()
        members, kmu = data.get("qv_member_firms"), data.get("qv_member_kmu")
        if members is not None and kmu is not None and kmu > members:
            self.add_error("qv_member_kmu", _("Es sind mehr KMU als Mitgliedsunternehmen."))
        return data


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
    actor_type = PreloadedModelChoiceField(
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

    def __init__(self, *args, options: Options | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = options

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if self.options is not None:
            # validating stored answers: nothing is rendered, the values are looked up
            self.options.attach(self.prefix, form)
            return form
        # one query per choice field for all rows, not one per row
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
    action_fields = vocabulary_field(ACTION_FIELDS, required=True)
    target_groups = vocabulary_field(TARGET_GROUPS, required=True)
    sectors = vocabulary_field(
        SECTORS, required=False, label=_("Branchen (Abschnitte der WZ 2008)")
    )


class TopicsForm(SectionForm):
    """One rating per focus topic of the wave."""

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        for topic in topics:
            self.fields[topic_field_name(topic.slug)] = forms.ChoiceField(
                label=topic.display_name,
                help_text=topic.display_description,
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
    action_fields = vocabulary_field(ACTION_FIELDS, required=False)
    aims = forms.MultipleChoiceField(
        label=_("Ziel: Fachkräfte …"),
        choices=AIMS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(
        label=pgettext_lazy("Projekt", "Stand"),
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
