"""What the directory's models share: where a row came from, the year range, facts in words."""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
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


def translated(obj, field: str) -> str:
    """``obj.<field>`` in the active language: ``<field>_en`` on an English page when it is
    filled, the German ``<field>`` otherwise (and always in German, the source language).

    The one accessor behind the vocabularies' and topics' ``display_name``."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if language != settings.LANGUAGE_CODE:
        value = getattr(obj, f"{field}_{language}", "")
        if value:
            return value
    return getattr(obj, field)


class TranslatedNames:
    """For a model with ``name``/``description`` and their ``_en`` twins: the name and
    description in the active language."""

    @property
    def display_name(self) -> str:
        """The name in the active language (German when there is no English one)."""
        return translated(self, "name")

    @property
    def display_description(self) -> str:
        return translated(self, "description")


def translated_expression(path: str):
    """The query expression for ``path`` (``actionfield__name``) in the active language,
    with the same fallback to German as ``translated()``: for reads in SQL (facet counts)."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if language == settings.LANGUAGE_CODE:
        return F(path)
    return Coalesce(NullIf(F(f"{path}_{language}"), Value("")), F(path))


def network_model():
    """``Network``, for the querysets of the reference data and vocabularies: its module
    imports theirs, so theirs look it up in the app registry."""
    return apps.get_model("netzwerke", "Network")
