"""The controlled vocabularies as models; their columns and filters: ``netzwerke.vocabularies``."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from netzwerke.models.common import TranslatedNames, network_model


class VocabularyQuerySet(models.QuerySet):
    def used_by_published(self):
        """Terms with at least one published network, for filter choices."""
        return self.filter(networks__status=network_model().Status.PUBLISHED).distinct()


class Vocabulary(TranslatedNames, models.Model):
    slug = models.SlugField(_("Kürzel"), max_length=80, unique=True)
    name = models.CharField(_("Name"), max_length=150)
    description = models.TextField(_("Beschreibung"), blank=True)
    name_en = models.CharField(
        _("Name (englisch)"),
        max_length=150,
        blank=True,
        help_text=_("Leer lassen: Die englischen Seiten zeigen dann den deutschen Namen."),
    )
    description_en = models.TextField(_("Beschreibung (englisch)"), blank=True)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=100)

    objects = VocabularyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.display_name


class ActionField(Vocabulary):
    official = models.BooleanField(
        _("offizielles Handlungsfeld"),
        default=False,
        help_text=_("Eines der vier Handlungsfelder der Fachkräftesicherung."),
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")


class TargetGroup(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")


class Sector(Vocabulary):
    code = models.CharField(_("WZ-2008-Abschnitt"), max_length=1, unique=True)

    class Meta(Vocabulary.Meta):
        verbose_name = _("Branche")
        verbose_name_plural = _("Branchen")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} – {self.display_name}"


class ActorType(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("Akteurstyp")
        verbose_name_plural = _("Akteurstypen")
