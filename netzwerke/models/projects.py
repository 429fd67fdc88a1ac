"""A network's projects (examples of its work), with action fields and aims."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netzwerke.models.vocabulary import ActionField
from netzwerke.versioning import VersionedModel


class Project(VersionedModel):
    class Status(models.TextChoices):
        PLANNED = "geplant", _("geplant")
        RUNNING = "laufend", _("laufend")
        DONE = "abgeschlossen", _("abgeschlossen")

    network = models.ForeignKey(
        "Network", on_delete=models.CASCADE, related_name="projects", verbose_name=_("Netzwerk")
    )
    title = models.CharField(_("Titel"), max_length=250)
    slug = models.SlugField(_("Kürzel"), max_length=250)
    description = models.TextField(_("Beschreibung"), blank=True)
    action_fields = models.ManyToManyField(
        ActionField, related_name="projects", blank=True, verbose_name=_("Handlungsfelder")
    )
    aim_retain = models.BooleanField(_("Fachkräfte halten"), default=False)
    aim_train = models.BooleanField(_("Fachkräfte ausbilden"), default=False)
    aim_attract = models.BooleanField(_("Fachkräfte gewinnen"), default=False)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.RUNNING
    )
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    results = models.TextField(_("Ergebnisse"), blank=True)
    evaluated = models.BooleanField(_("evaluiert"), null=True, blank=True)
    website = models.URLField(_("Website"), blank=True)
    recommended = models.BooleanField(
        _("Praxisbeispiel"),
        default=False,
        help_text=_("Von der Redaktion empfohlen: steht im Katalog zuerst, mit Abzeichen."),
    )
    recommended_reason = models.CharField(
        _("Begründung der Empfehlung"),
        max_length=300,
        blank=True,
        help_text=_("Ein Satz, warum das Projekt ein gutes Beispiel ist (öffentlich)."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")
        ordering = ["network", "title"]
        constraints = [
            models.UniqueConstraint(fields=["network", "slug"], name="project_slug_per_network"),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="project_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(recommended=True) | Q(recommended_reason=""),
                name="project_reason_only_if_recommended",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # the slug is unique per network, so the catalogue's URL carries both
        return reverse(
            "netzwerke:project-detail",
            kwargs={"network": self.network.slug, "slug": self.slug},
        )

    @property
    def aim_keys(self):
        """The aims as the catalogue's ``ziel`` values."""
        return [
            key
            for flag, key in (
                (self.aim_retain, "halten"),
                (self.aim_train, "ausbilden"),
                (self.aim_attract, "gewinnen"),
            )
            if flag
        ]

    @property
    def aims(self):
        return [
            label
            for flag, label in (
                (self.aim_retain, _("halten")),
                (self.aim_train, _("ausbilden")),
                (self.aim_attract, _("gewinnen")),
            )
            if flag
        ]
