"""The questionnaire of the Netzwerkerhebung, defined in code.

One form (and, where a section lists rows, one formset) per section. Every
submission stores ``QUESTIONNAIRE_VERSION``; change it whenever a question
changes meaning, so that answers of different versions stay distinguishable.

- ``forms``: the section forms, their widgets and row formsets
- ``sections``: the sections in order (the registry) and the raw-answer codec
- ``answers``: validating a whole submission, and the prefill from a network
- ``choices``: model choice fields that validate against options loaded once
"""

from survey.questionnaire.answers import (
    CleanedAnswers,
    FieldError,
    answers_from_network,
    clean_answers,
    form_errors,
    section_is_complete,
)
from survey.questionnaire.choices import Options
from survey.questionnaire.forms import topic_field_name
from survey.questionnaire.sections import (
    CONSENT_TEXT,
    CONSENT_VERSION,
    MAX_ROWS,
    QUESTIONNAIRE_VERSION,
    SECTIONS,
    SECTIONS_BY_SLUG,
    Section,
    network_type_of,
    section_index,
)

__all__ = [
    "CONSENT_TEXT",
    "CONSENT_VERSION",
    "MAX_ROWS",
    "QUESTIONNAIRE_VERSION",
    "SECTIONS",
    "SECTIONS_BY_SLUG",
    "CleanedAnswers",
    "FieldError",
    "Options",
    "Section",
    "answers_from_network",
    "clean_answers",
    "form_errors",
    "network_type_of",
    "section_index",
    "section_is_complete",
    "topic_field_name",
]
