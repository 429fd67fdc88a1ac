"""A network's partners: actors (institutions) and their memberships in networks."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netzwerke.models.common import FOUNDED_YEAR_MAX, FOUNDED_YEAR_MIN, Source
from netzwerke.models.regions import District
from netzwerke.models.vocabulary import ActorType
from netzwerke.versioning import VersionedModel


class ActorQuerySet(models.QuerySet):
    def of_type(self, slug):
        return self.filter(actor_type__slug=slug)


class Actor(VersionedModel):
    name = models.CharField(_("Name"), max_length=250)
    slug = models.SlugField(_("Kürzel"), max_length=250, unique=True)
    actor_type = models.ForeignKey(
        ActorType, on_delete=models.PROTECT, related_name="actors", verbose_name=_("Akteurstyp")
    )
    district = models.ForeignKey(
        District,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actors",
        verbose_name=_("Kreis"),
    )
    website = models.URLField(_("Website"), blank=True)
    source = models.CharField(
        _("Herkunft"), max_length=20, choices=Source.choices, default=Source.CURATED
    )

    history = HistoricalRecords()
    objects = ActorQuerySet.as_manager()

    class Meta:
        verbose_name = _("Akteur")
        verbose_name_plural = _("Akteure")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(source__in=Source.values), name="actor_source_valid"
            ),
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        CARRIER = "traeger", _("Träger")
        COORDINATION = "koordination", _("Koordination")
        PARTNER = "partner", _("Partner")

    network = models.ForeignKey(
        "Network", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("Netzwerk")
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("Akteur")
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.PARTNER)
    binding = models.BooleanField(
        _("verbindlich"),
        null=True,
        blank=True,
        help_text=_(
            "z. B. durch eine unterzeichnete Kooperationsvereinbarung; leer, wenn keine "
            "Quelle es sagt"
        ),
    )
    since = models.PositiveSmallIntegerField(_("Mitglied seit (Jahr)"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        ordering = ["network", "role", "actor__name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "actor"], name="membership_unique"),
            models.CheckConstraint(
                condition=Q(since__isnull=True)
                | Q(since__gte=FOUNDED_YEAR_MIN, since__lte=FOUNDED_YEAR_MAX),
                name="membership_since_range",
            ),
        ]

    def __str__(self):
        return f"{self.actor} – {self.network}"
