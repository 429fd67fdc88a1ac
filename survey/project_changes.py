"""A coordinator's project between survey waves: a proposal that waits for review.

The public project (``netzwerke.Project``) is never written by the coordinator's form.
The form stores a ``ProjectChange`` (a new project, or the whole new state of an
existing one); only a reviewer's acceptance (``survey.services.project_change_accept``)
writes it to the project. So a change to a public project does not alter the public
version until it is accepted, and every ``Project`` row is an accepted one: the
catalogue, the profile, the exports, the feed and the sitemap need no review filter.

Imported by ``survey.models`` (it would make that module longer than a screenful more).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from netzwerke.models import ActionField, Network, Project


class ProjectChangeQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(review_status=ProjectChange.ReviewStatus.PENDING)


class ProjectChange(models.Model):
    """A new project or a change to one, entered by a coordinator, until a reviewer
    decides. ``project`` is empty for a new project."""

    class ReviewStatus(models.TextChoices):
        PENDING = "eingereicht", _("wartet auf Prüfung")
        ACCEPTED = "angenommen", _("angenommen")
        REJECTED = "abgelehnt", _("abgelehnt")

    #: the project's fields the coordinator proposes, in the order of the form
    FIELDS = (
        "title",
        "description",
        "action_fields",
        "aim_retain",
        "aim_train",
        "aim_attract",
        "status",
        "start_date",
        "end_date",
        "results",
        "evaluated",
        "website",
    )

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="project_changes",
        verbose_name=_("Netzwerk"),
    )
    project = models.ForeignKey(
        Project,
        # a project deleted meanwhile (e.g. by the next wave's acceptance) takes its
        # proposals along: accepting one would otherwise bring it back as a new project
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="changes",
        verbose_name=_("Projekt"),
        help_text=_("Leer: ein neues Projekt."),
    )
    base_version = models.PositiveIntegerField(
        _("Bearbeitungsstand des Projekts"),
        null=True,
        blank=True,
        help_text=_("Der Stand, von dem die Koordination ausging; leer: ein neues Projekt."),
    )
    title = models.CharField(_("Titel"), max_length=250)
    description = models.TextField(_("Beschreibung"), blank=True)
    action_fields = models.ManyToManyField(
        ActionField, related_name="+", blank=True, verbose_name=_("Handlungsfelder")
    )
    aim_retain = models.BooleanField(_("Fachkräfte halten"), default=False)
    aim_train = models.BooleanField(_("Fachkräfte ausbilden"), default=False)
    aim_attract = models.BooleanField(_("Fachkräfte gewinnen"), default=False)
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=Project.Status.choices,
        default=Project.Status.RUNNING,
    )
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    results = models.TextField(_("Ergebnisse"), blank=True)
    evaluated = models.BooleanField(_("evaluiert"), null=True, blank=True)
    website = models.URLField(_("Website"), blank=True)

    review_status = models.CharField(
        _("Prüfung"),
        max_length=20,
        choices=ReviewStatus.choices,
        default=ReviewStatus.PENDING,
        db_index=True,
    )
    reason = models.TextField(
        _("Begründung"),
        blank=True,
        help_text=_("Bei einer Ablehnung: warum (die Koordination sieht sie)."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eingetragen von"),
    )
    created_at = models.DateTimeField(_("eingetragen am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geprüft von"),
    )
    decided_at = models.DateTimeField(_("geprüft am"), null=True, blank=True)

    objects = ProjectChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("Projektänderung")
        verbose_name_plural = _("Projektänderungen")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("review_projectchange", _("Kann Projektänderungen prüfen (annehmen, ablehnen)")),
        ]
        constraints = [
            # one open proposal per project: a second edit changes the first
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(review_status="eingereicht"),
                name="projectchange_one_pending_per_project",
            ),
            models.CheckConstraint(
                condition=Q(review_status__in=["eingereicht", "angenommen", "abgelehnt"]),
                name="projectchange_review_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(review_status="eingereicht", decided_at__isnull=True)
                | (~Q(review_status="eingereicht") & Q(decided_at__isnull=False)),
                name="projectchange_decided_iff_not_pending",
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="projectchange_end_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.network})"

    def clean(self):
        # the constraint's own message names the constraint; the coordinator needs this one
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Das Ende liegt vor dem Beginn.")})

    @property
    def is_new(self):
        # the project is set on acceptance; a proposed change always knows its base
        return self.base_version is None

    @property
    def pending(self):
        return self.review_status == self.ReviewStatus.PENDING
