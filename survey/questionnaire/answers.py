"""A whole submission's answers: validated section by section, or prefilled from a network."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.utils.formats import date_format

from netzwerke.models import Network
from netzwerke.vocabularies import ACTION_FIELDS, NETWORK_VOCABULARIES
from survey.questionnaire.choices import Options
from survey.questionnaire.sections import SECTIONS, Section, network_type_of

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


def clean_answers(*, survey, answers: dict, options: Options | None = None) -> CleanedAnswers:
    """Every section validated; pass one ``Options`` when cleaning many submissions."""
    result = CleanedAnswers()
    for section in SECTIONS:
        if section.skip_unanswered and answers.get(section.slug) is None:
            continue
        form, formset = section.bind_raw(
            survey=survey,
            raw=answers.get(section.slug),
            options=options,
            network_type=network_type_of(answers),
        )
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
        "typangaben": {
            "fields": {
                name: "" if getattr(network, name) is None else str(getattr(network, name))
                for facts in Network.TYPE_FACTS.values()
                for name, _column in facts
            }
        },
        "ziele": {"fields": {"goals_based_on_data": _yes_no_raw(network.goals_based_on_data)}},
        "handlungsfelder": {
            "fields": {
                v.field: list(getattr(network, v.field).values_list(v.key, flat=True))
                for v in NETWORK_VOCABULARIES
            }
        },
        "projekte": {
            "rows": [
                {
                    "title": p.title,
                    "description": p.description,
                    "action_fields": [getattr(a, ACTION_FIELDS.key) for a in p.action_fields.all()],
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
