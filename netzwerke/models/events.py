"""A network's events (Beratertag, Fachkräftekongress …): public after review, with the
iCalendar sequence their feeds need."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netzwerke.models.common import Source
from netzwerke.models.network import Network
from netzwerke.models.projects import Project
from netzwerke.models.regions import District
from netzwerke.models.vocabulary import ActionField, TargetGroup
from netzwerke.versioning import VersionedModel

#: paths under /veranstaltungen/ that are pages, not events
RESERVED_EVENT_SLUGS = frozenset({"archiv", "feed", "kalender"})


class EventQuerySet(models.QuerySet):
    def public(self):
        """Events anyone may see: reviewed (or from a trusted network) and of a published
        network."""
        return self.filter(
            review_status=Event.ReviewStatus.APPROVED,
            network__status=Network.Status.PUBLISHED,
        )

    def upcoming(self, now=None):
        """Not over yet (an event that has begun stays until it ends), soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        """Over, latest first: the archive."""
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def demo(self):
        return self.filter(source=Source.DEMO)


class Event(VersionedModel):
    """A network's event (Beratertag, Fachkräftekongress, Ideenlabor …).

    ``sequence`` is the iCalendar SEQUENCE: it counts every save that changes what a
    calendar shows, so that subscribed clients replace their copy.
    """

    Source = Source

    class Status(models.TextChoices):
        PLANNED = "geplant", _("geplant")
        CANCELLED = "abgesagt", _("abgesagt")

    class Cost(models.TextChoices):
        FREE = "kostenlos", _("kostenlos")
        PAID = "kostenpflichtig", _("kostenpflichtig")

    class ReviewStatus(models.TextChoices):
        PENDING = "eingereicht", _("wartet auf Prüfung")
        APPROVED = "freigegeben", _("freigegeben")
        REJECTED = "abgelehnt", _("abgelehnt")

    #: fields whose change a calendar client must see (counts ``sequence`` up)
    CALENDAR_FIELDS = (
        "title",
        "description",
        "starts_at",
        "ends_at",
        "all_day",
        "address",
        "district_id",
        "online",
        "registration_url",
        "status",
    )

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="events", verbose_name=_("Netzwerk")
    )
    project = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("Projekt"),
        help_text=_("Optional: ein Projekt desselben Netzwerks."),
    )
    title = models.CharField(_("Titel"), max_length=250)
    slug = models.SlugField(_("Kürzel (URL)"), max_length=250, unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    starts_at = models.DateTimeField(_("Beginn"), db_index=True)
    ends_at = models.DateTimeField(_("Ende"), db_index=True)
    all_day = models.BooleanField(
        _("ganztägig"),
        default=False,
        help_text=_("Ganztägig: es zählen nur die Tage von Beginn und Ende."),
    )
    address = models.TextField(_("Ort (Anschrift)"), blank=True)
    district = models.ForeignKey(
        District,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("Kreis"),
    )
    online = models.BooleanField(_("online"), default=False)
    target_groups = models.ManyToManyField(
        TargetGroup, related_name="events", blank=True, verbose_name=_("Zielgruppen")
    )
    action_fields = models.ManyToManyField(
        ActionField, related_name="events", blank=True, verbose_name=_("Handlungsfelder")
    )
    registration_url = models.URLField(_("Anmeldung (Link)"), blank=True)
    cost = models.CharField(
        _("Kosten"),
        max_length=20,
        choices=Cost.choices,
        blank=True,
        help_text=_("Leer: keine Angabe."),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    review_status = models.CharField(
        _("Prüfung"),
        max_length=20,
        choices=ReviewStatus.choices,
        default=ReviewStatus.APPROVED,
        db_index=True,
        help_text=_(
            "Öffentlich ist nur eine freigegebene Veranstaltung eines veröffentlichten Netzwerks."
        ),
    )
    sequence = models.PositiveIntegerField(
        _("Änderungszähler (iCalendar)"),
        default=0,
        editable=False,
    )
    source = models.CharField(
        _("Herkunft"),
        max_length=20,
        choices=Source.choices,
        default=Source.CURATED,
        db_index=True,
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[target_groups, action_fields])
    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        ordering = ["starts_at", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_end_after_start"
            ),
            models.CheckConstraint(
                condition=Q(source__in=Source.values), name="event_source_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["geplant", "abgesagt"]), name="event_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%d.%m.%Y})"

    def get_absolute_url(self):
        return reverse("netzwerke:event-detail", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded = {
            name: value
            for name, value in zip(field_names, values, strict=True)
            if value is not models.DEFERRED
        }
        return instance

    def save(self, *args, **kwargs):
        loaded = getattr(self, "_loaded", None)
        if (
            self.pk is not None
            and loaded is not None
            and any(
                name in loaded and loaded[name] != getattr(self, name)
                for name in self.CALENDAR_FIELDS
            )
        ):
            self.sequence += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "sequence"}
        super().save(*args, **kwargs)
        self._loaded = {f.attname: getattr(self, f.attname) for f in self._meta.concrete_fields}

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.slug in RESERVED_EVENT_SLUGS:
            errors["slug"] = _("Dieses Kürzel ist für eine Seite der Website reserviert.")
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("Das Ende liegt vor dem Beginn.")
        if self.project_id and self.network_id and self.project.network_id != self.network_id:
            errors["project"] = _("Das Projekt gehört zu einem anderen Netzwerk.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_demo(self):
        return self.source == Source.DEMO

    @property
    def cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at)

    @property
    def first_day(self):
        return self.local_start.date()

    @property
    def last_day(self):
        return self.local_end.date()

    @property
    def attendance_mode(self):
        """schema.org's eventAttendanceMode: online, offline or mixed."""
        if self.online and (self.address or self.district_id):
            return "MixedEventAttendanceMode"
        return "OnlineEventAttendanceMode" if self.online else "OfflineEventAttendanceMode"
