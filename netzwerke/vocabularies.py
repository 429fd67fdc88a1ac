"""The vocabulary registry: for each controlled vocabulary its column, filter, field and model.

Read by the network CSV, the directory filter and facets, the JSON export, and the
survey's questionnaire, export and statistics, so a vocabulary is named in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from netzwerke.models import ActionField, ActorType, Sector, TargetGroup


@dataclass(frozen=True)
class VocabularySpec:
    #: the column in every file (network CSV, JSON, survey export) and the statistics slug
    column: str
    #: the GET parameter of the directory filter
    param: str
    #: the many-to-many field on ``Network`` (and on ``Submission``)
    field: str
    model: type[models.Model]
    label: Promise
    plural_label: Promise
    #: the order of a term list in the JSON export
    order_by: str = "slug"
    #: the field the survey's answers, facts and export name a term by
    key: str = "slug"

    @property
    def through_column(self) -> str:
        """The vocabulary's name in a through table (``actionfield``)."""
        return self.model._meta.model_name

    def lookup_keys(self, term) -> list[str]:
        """What a file may name a term by: its Kürzel, its name (German or English), and a
        sector's WZ letter."""
        keys = [term.slug, term.name]
        if term.name_en:
            keys.append(term.name_en)
        if self.model is Sector:
            keys.append(term.code)
        return keys


ACTION_FIELDS = VocabularySpec(
    "handlungsfelder",
    "handlungsfeld",
    "action_fields",
    ActionField,
    _("Handlungsfeld"),
    _("Handlungsfelder"),
)
TARGET_GROUPS = VocabularySpec(
    "zielgruppen", "zielgruppe", "target_groups", TargetGroup, _("Zielgruppe"), _("Zielgruppen")
)
SECTORS = VocabularySpec(
    "branchen",
    "branche",
    "sectors",
    Sector,
    _("Branche"),
    _("Branchen"),
    order_by="code",
    key="code",
)
#: actor types describe a network through its partners (``Submission.partner_types``)
ACTOR_TYPES = VocabularySpec(
    "partnertypen",
    "akteurstyp",
    "partner_types",
    ActorType,
    _("Akteurstyp"),
    _("Akteurstypen unter den Partnern"),
)

#: the vocabularies a network carries directly (many-to-many fields of ``Network``)
NETWORK_VOCABULARIES = (ACTION_FIELDS, TARGET_GROUPS, SECTORS)
#: every vocabulary, in the order the filter, the facets and the statistics show them
VOCABULARIES = (*NETWORK_VOCABULARIES, ACTOR_TYPES)
