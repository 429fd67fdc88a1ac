"""What the directory's models share: where a row came from, the year range, facts in words."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

FOUNDED_YEAR_MIN = 1950
FOUNDED_YEAR_MAX = 2100


class Source(models.TextChoices):
    """Where a row came from; demo rows are removed by ``remove_demo_data``."""

    CURATED = "curated", _("kuratiert")
    IMPORTED = "imported", _("importiert")
    SURVEY = "survey", _("Selbsteintrag (Erhebung)")
    DEMO = "demo", _("Demo-Daten")


def yes_no_unknown(value):
    """A three-valued fact in words: "ja", "nein" or "keine Angabe"."""
    if value is None:
        return _("keine Angabe")
    return _("ja") if value else _("nein")


def network_model():
    """``Network``, for the querysets of the reference data and vocabularies: its module
    imports theirs, so theirs look it up in the app registry."""
    return apps.get_model("netzwerke", "Network")
