"""The directory's data, one module per part; every model is importable from here.

``common`` (Source, the year range), ``regions`` (State, District, PostalCode, Place,
Region, ForeignRegion), ``vocabulary`` (ActionField, TargetGroup, Sector, ActorType),
``actors`` (Actor, Membership), ``projects`` (Project), ``network`` (Network, its type
facts), ``network_reads`` (its QuerySet), ``events`` (Event); the data version is a model
of this app too, its module holds the read and bump functions.
"""

from netzwerke.dataversion import DataVersion
from netzwerke.models.actors import Actor, ActorQuerySet, Membership
from netzwerke.models.common import (
    FOUNDED_YEAR_MAX,
    FOUNDED_YEAR_MIN,
    Source,
    TranslatedNames,
    translated,
    translated_expression,
    yes_no_unknown,
)
from netzwerke.models.events import RESERVED_EVENT_SLUGS, Event, EventQuerySet
from netzwerke.models.network import Network, NetworkQuerySet
from netzwerke.models.projects import Project
from netzwerke.models.regions import (
    District,
    DistrictQuerySet,
    ForeignRegion,
    ForeignRegionQuerySet,
    Place,
    PostalCode,
    Region,
    State,
    StateQuerySet,
    caseless_pattern,
)
from netzwerke.models.vocabulary import (
    ActionField,
    ActorType,
    Sector,
    TargetGroup,
    Vocabulary,
    VocabularyQuerySet,
)

__all__ = [
    "RESERVED_EVENT_SLUGS",
    "Event",
    "EventQuerySet",
    "ForeignRegion",
    "ForeignRegionQuerySet",
    "FOUNDED_YEAR_MAX",
    "FOUNDED_YEAR_MIN",
    "ActionField",
    "Actor",
    "ActorQuerySet",
    "ActorType",
    "DataVersion",
    "District",
    "DistrictQuerySet",
    "Membership",
    "Network",
    "NetworkQuerySet",
    "Place",
    "PostalCode",
    "Project",
    "Region",
    "Sector",
    "Source",
    "TranslatedNames",
    "translated",
    "translated_expression",
    "State",
    "StateQuerySet",
    "TargetGroup",
    "Vocabulary",
    "VocabularyQuerySet",
    "caseless_pattern",
    "yes_no_unknown",
]
