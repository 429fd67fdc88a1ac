"""The survey tables: waves, topics, submissions (facts, events), invitations, coordinators."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerke.models import (
    ActionField,
    ActorType,
    Network,
    Sector,
    TargetGroup,
    TranslatedNames,
)
from netzwerke.versioning import VersionedModel


class FocusTopic(TranslatedNames, models.Model):
    """A topic that coordinators rate, e.g. "Qualifizierung für die Digitalisierung"."""

    slug = models.SlugField(_("Kürzel"), max_length=80, unique=True)
    name = models.CharField(_("Name"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    name_en = models.CharField(
        _("Name (englisch)"),
        max_length=200,
        blank=True,
        help_text=_("Leer lassen: Die englischen Seiten zeigen dann den deutschen Namen."),
    )
    description_en = models.TextField(_("Beschreibung (englisch)"), blank=True)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=100)

    class Meta:
        verbose_name = _("Schwerpunktthema")
        verbose_name_plural = _("Schwerpunktthemen")
        ordering = ["order", "name"]

    def __str__(self):
        return self.display_name


class SurveyQuerySet(models.QuerySet):
    def open(self, at=None):
        at = at or timezone.now()
        return self.filter(opens_at__lte=at, closes_at__gt=at)


class Survey(models.Model):
    """One wave of the Netzwerkerhebung."""

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kürzel"), max_length=80, unique=True)
    opens_at = models.DateTimeField(_("geöffnet ab"))
    closes_at = models.DateTimeField(_("geschlossen ab"))
    questionnaire_version = models.CharField(_("Fragebogen-Version"), max_length=20)
    topics = models.ManyToManyField(
        FocusTopic, related_name="surveys", blank=True, verbose_name=_("Schwerpunktthemen")
    )
    is_demo = models.BooleanField(
        _("Demo-Erhebung"),
        default=False,
        help_text=_("Von setup_survey_demo angelegt; remove_demo_data löscht sie."),
    )

    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("Erhebung")
        verbose_name_plural = _("Erhebungen")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="survey_closes_after_opens"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("survey:statistics-wave", kwargs={"slug": self.slug})

    def is_open(self, at=None):
        at = at or timezone.now()
        return self.opens_at <= at < self.closes_at


class Coordinator(models.Model):
    """A user who may report for a network. A network may have several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="coordinations",
        verbose_name=_("Benutzer"),
    )
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="coordinators", verbose_name=_("Netzwerk")
    )
    created_at = models.DateTimeField(_("seit"), auto_now_add=True)

    class Meta:
        verbose_name = _("Koordinator*in")
        verbose_name_plural = _("Koordinator*innen")
        ordering = ["network", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="coordinator_unique"),
        ]

    def __str__(self):
        return f"{self.user} – {self.network}"


class SubmissionQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(state=Submission.State.ACCEPTED)

    def open(self):
        return self.filter(state__in=Submission.OPEN_STATES)

    def for_user(self, user):
        return self.filter(network__coordinators__user=user)


class Submission(VersionedModel):
    """One network's answers in one wave.

    ``answers`` holds the questionnaire data, keyed by section. The fields under
    "facts" are copied from the answers when a submission is accepted or imported,
    so that statistics aggregate in the database.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        SUBMITTED = "submitted", _("eingereicht")
        CHANGES_REQUESTED = "changes_requested", _("Rückfrage")
        ACCEPTED = "accepted", _("angenommen")
        REJECTED = "rejected", _("abgelehnt")

    OPEN_STATES = (State.DRAFT, State.SUBMITTED, State.CHANGES_REQUESTED)
    # the scalar "facts" below, copied from the answers on accept or import
    FACT_FIELDS = (
        "land",
        "network_type",
        "founded_year",
        "full_time_management",
        "partner_count",
        "criterion_partners",
        "criterion_data",
        "criterion_measures",
        "criterion_evaluation",
    )

    survey = models.ForeignKey(
        Survey, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("Erhebung")
    )
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="submissions",
        verbose_name=_("Netzwerk"),
        help_text=_("Leer bei importierten, anonymen Antworten früherer Erhebungen."),
    )
    state = models.CharField(
        _("Status"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    questionnaire_version = models.CharField(_("Fragebogen-Version"), max_length=20)
    answers = models.JSONField(_("Antworten"), default=dict, blank=True)
    section_status = models.JSONField(
        _("Vollständigkeit der Abschnitte"),
        default=dict,
        blank=True,
        help_text=_("Abschnitt → vollständig ja/nein, beim Speichern geprüft."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
        verbose_name=_("angelegt von"),
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zuletzt gespeichert"), auto_now=True)
    submitted_at = models.DateTimeField(_("eingereicht am"), null=True, blank=True)
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    consent_at = models.DateTimeField(_("Einwilligung am"), null=True, blank=True)
    consent_version = models.CharField(
        _("Version des Einwilligungstexts"), max_length=20, blank=True
    )
    imported = models.BooleanField(
        _("importiert"),
        default=False,
        help_text=_("Aus einer früheren Erhebung übernommen, nicht im Fragebogen ausgefüllt."),
    )

    # facts
    land = models.ForeignKey(
        "netzwerke.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Bundesland"),
    )
    network_type = models.CharField(
        _("Netzwerktyp"), max_length=30, choices=Network.Type.choices, blank=True
    )
    founded_year = models.PositiveSmallIntegerField(_("Gründungsjahr"), null=True, blank=True)
    full_time_management = models.BooleanField(
        _("hauptamtliches Netzwerkmanagement"), null=True, blank=True
    )
    partner_count = models.PositiveIntegerField(_("Anzahl Partner"), null=True, blank=True)
    criterion_partners = models.BooleanField(_("Kriterium 1: verbindliche Partner"), null=True)
    criterion_data = models.BooleanField(_("Kriterium 2: datenbasierte Ziele"), null=True)
    criterion_measures = models.BooleanField(_("Kriterium 3: Maßnahmen"), null=True)
    criterion_evaluation = models.BooleanField(_("Kriterium 4: Evaluation"), null=True)
    action_fields = models.ManyToManyField(
        ActionField, blank=True, related_name="+", verbose_name=_("Handlungsfelder")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="+", verbose_name=_("Zielgruppen")
    )
    sectors = models.ManyToManyField(
        Sector, blank=True, related_name="+", verbose_name=_("Branchen")
    )
    partner_types = models.ManyToManyField(
        ActorType, blank=True, related_name="+", verbose_name=_("Akteurstypen der Partner")
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Einreichung")
        verbose_name_plural = _("Einreichungen")
        ordering = ["-updated_at"]
        # deciding a submission changes the public directory; viewing it does not
        permissions = [
            (
                "review_submission",
                _("Kann Einreichungen prüfen (annehmen, Rückfrage, ablehnen)"),
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "network"],
                condition=Q(state__in=["draft", "submitted", "changes_requested"]),
                name="one_open_submission_per_network_and_wave",
                violation_error_message=_(
                    "Für dieses Netzwerk gibt es in dieser Erhebung bereits eine offene "
                    "Einreichung."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.survey} – {self.network or _('anonym')} ({self.get_state_display()})"

    def get_absolute_url(self):
        return reverse("survey:submission-detail", kwargs={"pk": self.pk})

    @property
    def is_editable(self):
        return self.state in (self.State.DRAFT, self.State.CHANGES_REQUESTED)


class TopicRating(models.Model):
    class Rating(models.TextChoices):
        CENTRAL = "zentral", _("zentrales Thema")
        AGENDA = "agenda", _("auf der Agenda")
        NONE = "kein", _("kein Thema")

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("Einreichung")
    )
    topic = models.ForeignKey(
        FocusTopic, on_delete=models.PROTECT, related_name="ratings", verbose_name=_("Thema")
    )
    rating = models.CharField(_("Einschätzung"), max_length=10, choices=Rating.choices)

    class Meta:
        verbose_name = _("Themen-Einschätzung")
        verbose_name_plural = _("Themen-Einschätzungen")
        ordering = ["submission", "topic"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "topic"], name="rating_unique"),
        ]

    def __str__(self):
        return f"{self.topic}: {self.get_rating_display()}"


class SubmissionEvent(models.Model):
    """One transition of a submission: who, when, from which state to which, and why."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="events", verbose_name=_("Einreichung")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Benutzer"),
    )
    created_at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now)
    from_state = models.CharField(
        _("von"), max_length=20, choices=Submission.State.choices, blank=True
    )
    to_state = models.CharField(_("nach"), max_length=20, choices=Submission.State.choices)
    comment = models.TextField(_("Kommentar"), blank=True)

    class Meta:
        verbose_name = _("Ereignis")
        verbose_name_plural = _("Ereignisse")
        ordering = ["submission", "created_at", "pk"]

    def __str__(self):
        return f"{self.get_from_state_display()} → {self.get_to_state_display()}"


class InvitationQuerySet(models.QuerySet):
    def usable(self, at=None):
        at = at or timezone.now()
        return self.filter(used_at__isnull=True, expires_at__gt=at)


class Invitation(models.Model):
    """A one-time link sent by e-mail.

    Staff invite a coordinator for an existing network (``kind=invitation``);
    a visitor registering a new network confirms their address the same way
    (``kind=registration``, with ``network_name`` instead of ``network``).
    Only a hash of the token is stored, so a database leak reveals no links.
    """

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Einladung")
        REGISTRATION = "registration", _("Registrierung eines neuen Netzwerks")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, default=Kind.INVITATION)
    email = models.EmailField(_("E-Mail"))
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("Netzwerk"),
    )
    network_name = models.CharField(_("Name des neuen Netzwerks"), max_length=200, blank=True)
    token_hash = models.CharField(_("Token-Prüfsumme"), max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eingeladen von"),
    )
    created_at = models.DateTimeField(_("angelegt am"), default=timezone.now)
    expires_at = models.DateTimeField(_("gültig bis"))
    used_at = models.DateTimeField(_("eingelöst am"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eingelöst von"),
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="invitation", network__isnull=False)
                | Q(kind="registration") & ~Q(network_name=""),
                name="invitation_has_network_or_name",
            ),
        ]

    def __str__(self):
        return f"{self.email} – {self.network or self.network_name}"

    @property
    def is_usable(self):
        return self.used_at is None and self.expires_at > timezone.now()


# a coordinator's project between waves, waiting for review (own module for its length)
from survey.project_changes import ProjectChange  # noqa: E402, F401
