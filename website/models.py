"""The site as a public body publishes it: who runs it, and what visitors report back."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from netzwerke.models import Network

OPERATOR_CACHE_KEY = "website:operator:v1"


class SiteOperator(models.Model):
    """The operator's details for Impressum, Datenschutz and Barrierefreiheit: one row."""

    class Conformity(models.TextChoices):
        FULL = "full", _("vollständig vereinbar")
        PARTIAL = "partial", _("teilweise vereinbar")
        NONE = "none", _("nicht vereinbar")

    SINGLETON_ID = 1

    name = models.CharField(
        _("Name des Betreibers"),
        max_length=200,
        blank=True,
        help_text=_("Behörde, Einrichtung oder Organisation, z. B. „Landesamt für …“."),
    )
    address = models.TextField(_("Anschrift"), blank=True)
    represented_by = models.CharField(
        _("Vertreten durch"),
        max_length=200,
        blank=True,
        help_text=_("Vertretungsberechtigte Person, z. B. die Leitung der Behörde."),
    )
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    further_details = models.TextField(
        _("Weitere Pflichtangaben"),
        blank=True,
        help_text=_(
            "Rechtsform, Aufsichtsbehörde des Betreibers, Register, USt-IdNr., falls zutreffend."
        ),
    )
    responsible_person = models.TextField(
        _("Verantwortlich für den Inhalt (V.i.S.d.P.)"),
        blank=True,
        help_text=_("Name und Anschrift nach § 18 Abs. 2 MStV."),
    )
    data_protection_officer = models.TextField(
        _("Datenschutzbeauftragte Person"),
        blank=True,
        help_text=_("Name oder Funktion und Kontakt (E-Mail, Anschrift)."),
    )
    supervisory_authority = models.TextField(
        _("Datenschutz-Aufsichtsbehörde"),
        blank=True,
        help_text=_("Name, Anschrift und Website der zuständigen Aufsichtsbehörde."),
    )
    server_log_days = models.PositiveSmallIntegerField(
        _("Aufbewahrung der Server-Protokolle (Tage)"),
        default=7,
        help_text=_("Wie lange der Webserver Zugriffsprotokolle mit IP-Adressen aufbewahrt."),
    )
    accessibility_email = models.EmailField(_("Kontakt Barrierefreiheit: E-Mail"), blank=True)
    accessibility_phone = models.CharField(
        _("Kontakt Barrierefreiheit: Telefon"), max_length=50, blank=True
    )
    enforcement_body = models.TextField(
        _("Schlichtungsstelle (Durchsetzungsverfahren)"),
        blank=True,
        help_text=_(
            "Für Stellen des Bundes die Schlichtungsstelle nach § 16 BGG, sonst die "
            "Durchsetzungsstelle des Landes: Name, Anschrift, Website."
        ),
    )
    accessibility_status = models.CharField(
        _("Stand der Vereinbarkeit"),
        max_length=10,
        choices=Conformity.choices,
        default=Conformity.PARTIAL,
    )
    accessibility_reviewed_on = models.DateField(
        _("Letzte Prüfung der Barrierefreiheit"), null=True, blank=True
    )
    accessibility_method = models.CharField(
        _("Grundlage der Einschätzung"),
        max_length=300,
        default=_("Selbstbewertung, gestützt auf automatische Prüfungen"),
    )
    logo_path = models.CharField(
        _("Logo (Pfad einer statischen Datei)"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „img/logo.svg“ unter static/; leer: neutrales Zeichen der Website."),
    )
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    # what the three legal pages cannot do without
    REQUIRED = (
        "name",
        "address",
        "email",
        "phone",
        "responsible_person",
        "data_protection_officer",
        "supervisory_authority",
        "accessibility_email",
        "enforcement_body",
        "accessibility_reviewed_on",
    )

    class Meta:
        verbose_name = _("Betreiberangaben")
        verbose_name_plural = _("Betreiberangaben")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="website_siteoperator_singleton"),
        ]

    def __str__(self):
        return self.name or str(_("Betreiberangaben (nicht ausgefüllt)"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_ID
        super().save(*args, **kwargs)
        self.forget()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.forget()
        return result

    def clean(self):
        if self.logo_path and not finders.find(self.logo_path):
            raise ValidationError(
                {
                    "logo_path": _(
                        "Unter static/ gibt es keine Datei „%(path)s“. Bitte legen Sie das "
                        "Logo dort ab (z. B. static/img/logo.svg) und tragen Sie den Pfad "
                        "ohne „static/“ ein."
                    )
                    % {"path": self.logo_path}
                }
            )

    @staticmethod
    def forget():
        # now for this process, and again after commit, so that a request reading between
        # the two cannot keep the old row in the cache
        cache.delete(OPERATOR_CACHE_KEY)
        transaction.on_commit(lambda: cache.delete(OPERATOR_CACHE_KEY))

    @classmethod
    def current(cls) -> "SiteOperator":
        """The operator's row from the cache; an empty unsaved one until staff fill it in."""
        operator = cache.get(OPERATOR_CACHE_KEY)
        if operator is None:
            operator = cls.objects.filter(pk=cls.SINGLETON_ID).first() or cls()
            cache.set(OPERATOR_CACHE_KEY, operator, None)
        return operator

    def missing_fields(self) -> list[str]:
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.REQUIRED
            if getattr(self, name) in ("", None)
        ]

    @property
    def complete(self) -> bool:
        return not self.missing_fields()

    @property
    def logo_url(self) -> str:
        """The logo's static URL, or the site's own mark when none is set or it is gone."""
        for path in (self.logo_path, "favicon.svg"):
            if path:
                try:
                    return staticfiles_storage.url(path)
                except ValueError:  # not in the manifest: never break every page for it
                    continue
        return ""


class CorrectionSuggestionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=CorrectionSuggestion.Status.OPEN)


class CorrectionSuggestion(models.Model):
    """A visitor's "Fehler melden" on a network profile, queued for the curators."""

    class Status(models.TextChoices):
        OPEN = "open", _("offen")
        DONE = "done", _("erledigt")

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="correction_suggestions",
        verbose_name=_("Netzwerk"),
    )
    text = models.TextField(_("Hinweis"), max_length=5000)
    email = models.EmailField(_("E-Mail für Rückfragen"), blank=True)
    created_at = models.DateTimeField(_("eingegangen am"), auto_now_add=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bearbeitet von"),
    )
    handled_at = models.DateTimeField(_("bearbeitet am"), null=True, blank=True)

    objects = CorrectionSuggestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Korrekturhinweis")
        verbose_name_plural = _("Korrekturhinweise")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["open", "done"]), name="website_correction_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status="open", handled_at__isnull=True)
                | Q(status="done", handled_at__isnull=False),
                name="website_correction_done_has_time",
            ),
        ]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return (
            f"{self.network} – {self.created_at:%d.%m.%Y}" if self.created_at else str(self.network)
        )
