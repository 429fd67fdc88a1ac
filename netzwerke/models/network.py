"""The network: its fields, the criteria, the one publication rule, and its reads."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netzwerke.models.common import FOUNDED_YEAR_MAX, FOUNDED_YEAR_MIN, Source
from netzwerke.models.network_reads import NetworkQuerySet
from netzwerke.models.regions import District, ForeignRegion
from netzwerke.models.vocabulary import ActionField, Sector, TargetGroup
from netzwerke.versioning import VersionedModel


class Network(VersionedModel):
    MIN_BINDING_PARTNERS = 3
    Source = Source

    class Type(models.TextChoices):
        NETWORK = "netzwerk", _("Fachkräftenetzwerk")
        ALLIANCE = "buendnis", _("Fachkräftebündnis/-allianz")
        QUALIFICATION = "qualifizierungsverbund", _("Qualifizierungsverbund")
        HUB = "drehscheibe", _("Arbeitsmarkt-Drehscheibe")
        OTHER = "sonstiges", _("Sonstiges")

    class OrganisationForm(models.TextChoices):
        AGREEMENT = "kooperationsvereinbarung", _("Kooperationsvereinbarung")
        ASSOCIATION = "verein", _("Verein")
        COMPANY = "gmbh", _("GmbH")
        INFORMAL = "informell", _("informell")
        OTHER = "sonstige", _("sonstige")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        PUBLISHED = "published", _("veröffentlicht")
        ARCHIVED = "archived", _("archiviert")

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kürzel (URL)"), max_length=200, unique=True)
    network_type = models.CharField(
        _("Netzwerktyp"), max_length=30, choices=Type.choices, default=Type.NETWORK
    )
    short_description = models.CharField(_("Kurzbeschreibung"), max_length=300, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    founded_year = models.PositiveSmallIntegerField(_("Gründungsjahr"), null=True, blank=True)
    organisation_form = models.CharField(
        _("Organisationsform"), max_length=30, choices=OrganisationForm.choices, blank=True
    )
    districts = models.ManyToManyField(
        District, related_name="networks", blank=True, verbose_name=_("Kreise")
    )
    foreign_regions = models.ManyToManyField(
        ForeignRegion,
        related_name="networks",
        blank=True,
        verbose_name=_("Regionen im Ausland (NUTS 3)"),
        help_text=_("Nur für grenzüberschreitende Netzwerke; deutsche Regionen sind Kreise."),
    )
    action_fields = models.ManyToManyField(
        ActionField, related_name="networks", blank=True, verbose_name=_("Handlungsfelder")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, related_name="networks", blank=True, verbose_name=_("Zielgruppen")
    )
    sectors = models.ManyToManyField(
        Sector, related_name="networks", blank=True, verbose_name=_("Branchen")
    )
    topics = models.CharField(
        _("Schwerpunktthemen"),
        max_length=500,
        blank=True,
        help_text=_("Freie Schlagworte, durch Komma getrennt."),
    )
    website = models.URLField(_("Website"), blank=True)

    coordination_person = models.CharField(_("Ansprechperson"), max_length=150, blank=True)
    coordination_role = models.CharField(_("Funktion"), max_length=150, blank=True)
    coordination_email = models.EmailField(_("E-Mail"), blank=True)
    coordination_phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    contact_public = models.BooleanField(
        _("Kontaktperson veröffentlichen"),
        default=False,
        help_text=_(
            "Nur ankreuzen, wenn die Ansprechperson eingewilligt hat, dass Name, Funktion, "
            "E-Mail und Telefon öffentlich gezeigt werden. Sonst zeigt das Profil ein "
            "Kontaktformular."
        ),
    )

    partner_count_reported = models.PositiveIntegerField(
        _("Anzahl Partner (gemeldet)"), null=True, blank=True
    )
    # three-valued: None is "keine Angabe", never the same as "nein"
    full_time_management = models.BooleanField(
        _("hauptamtliches Netzwerkmanagement"), null=True, blank=True
    )
    development_partnership = models.BooleanField(
        _("Mitglied der Entwicklungspartnerschaft"), null=True, blank=True
    )
    goals_based_on_data = models.BooleanField(
        _("Ziele auf Basis regionaler Daten"), null=True, blank=True
    )
    results_evaluated = models.BooleanField(
        _("Ergebnisse evaluiert und Ziele angepasst"), null=True, blank=True
    )
    # -- facts of a Qualifizierungsverbund (only shown and asked for that type) --
    # null is "keine Angabe", never 0
    qv_member_firms = models.PositiveIntegerField(_("Mitgliedsunternehmen"), null=True, blank=True)
    qv_member_kmu = models.PositiveIntegerField(
        _("davon KMU"), null=True, blank=True, help_text=_("kleine und mittlere Unternehmen")
    )
    qv_management = models.CharField(
        _("Verbundmanagement (Organisation)"),
        max_length=200,
        blank=True,
        help_text=_("Die Organisation, bei der das Verbundmanagement angesiedelt ist."),
    )
    qv_measures_per_year = models.PositiveIntegerField(
        _("Weiterbildungsmaßnahmen pro Jahr"), null=True, blank=True
    )
    qv_participants_per_year = models.PositiveIntegerField(
        _("Teilnehmende pro Jahr"), null=True, blank=True
    )
    qv_funding_programme = models.CharField(_("Förderprogramm"), max_length=300, blank=True)
    # -- facts of an Arbeitsmarkt-Drehscheibe --
    hub_firms_offering = models.PositiveIntegerField(
        _("abgebende Unternehmen"),
        null=True,
        blank=True,
        help_text=_("Unternehmen, die Beschäftigte abgeben (deren Arbeitsplätze wegfallen)."),
    )
    hub_firms_seeking = models.PositiveIntegerField(
        _("aufnehmende Unternehmen"),
        null=True,
        blank=True,
        help_text=_("Unternehmen, die Fachkräfte suchen und aufnehmen."),
    )
    hub_placements_per_year = models.PositiveIntegerField(
        _("Vermittlungen pro Jahr"), null=True, blank=True
    )
    hub_sectors = models.CharField(
        _("Branchen im Wandel"),
        max_length=500,
        blank=True,
        help_text=_("Branchen in der Transformation, durch Komma getrennt."),
    )

    source = models.CharField(
        _("Herkunft"),
        max_length=20,
        choices=Source.choices,
        default=Source.CURATED,
        db_index=True,
        help_text=_("Demo-Daten sind synthetisch und werden überall als solche gekennzeichnet."),
    )
    trusted = models.BooleanField(
        _("vertrauenswürdig"),
        default=False,
        help_text=_(
            "Veranstaltungen, die die Koordination einträgt, erscheinen sofort, ohne "
            "Prüfung durch die Kuratierung."
        ),
    )

    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True, blank=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    # kept current by a database trigger (migration 0009, PostgreSQL); see netzwerke.search
    search_vector = SearchVectorField(_("Suchindex"), null=True, editable=False)

    history = HistoricalRecords(
        m2m_fields=[districts, foreign_regions, action_fields, target_groups, sectors],
        excluded_fields=["search_vector"],
    )
    objects = NetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("Netzwerk")
        verbose_name_plural = _("Netzwerke")
        ordering = ["name"]
        # publishing is its own right: editing a draft does not make it public
        permissions = [("publish_network", _("Kann Netzwerke veröffentlichen und archivieren"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(founded_year__isnull=True)
                | Q(founded_year__gte=FOUNDED_YEAR_MIN, founded_year__lte=FOUNDED_YEAR_MAX),
                name="network_founded_year_range",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="network_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(source__in=Source.values), name="network_source_valid"
            ),
            models.CheckConstraint(
                condition=Q(qv_member_kmu__isnull=True)
                | Q(qv_member_firms__isnull=True)
                | Q(qv_member_kmu__lte=models.F("qv_member_firms")),
                name="network_qv_kmu_within_members",
            ),
        ]

    #: the facts of a network type, in the order the profile, survey and CSV show them:
    #: type → [(model field, CSV column)]
    TYPE_FACTS = {
        Type.QUALIFICATION: [
            ("qv_member_firms", "qv_mitgliedsunternehmen"),
            ("qv_member_kmu", "qv_davon_kmu"),
            ("qv_management", "qv_verbundmanagement"),
            ("qv_measures_per_year", "qv_massnahmen_pro_jahr"),
            ("qv_participants_per_year", "qv_teilnehmende_pro_jahr"),
            ("qv_funding_programme", "qv_foerderprogramm"),
        ],
        Type.HUB: [
            ("hub_firms_offering", "ds_abgebende_unternehmen"),
            ("hub_firms_seeking", "ds_aufnehmende_unternehmen"),
            ("hub_placements_per_year", "ds_vermittlungen_pro_jahr"),
            ("hub_sectors", "ds_branchen_im_wandel"),
        ],
    }

    def __str__(self):
        return self.name

    @property
    def type_facts(self):
        """The facts of this network's type as ``[(label, value)]``; an unknown value is
        None (the profile says "keine Angabe", never 0). Empty for the other types."""
        facts = []
        for name, _column in self.TYPE_FACTS.get(self.network_type, []):
            value = getattr(self, name)
            facts.append((self._meta.get_field(name).verbose_name, value if value != "" else None))
        return facts

    def clean(self):
        from django.core.exceptions import ValidationError

        if (
            self.qv_member_kmu is not None
            and self.qv_member_firms is not None
            and self.qv_member_kmu > self.qv_member_firms
        ):
            raise ValidationError(
                {"qv_member_kmu": _("Es sind mehr KMU als Mitgliedsunternehmen angegeben.")}
            )

    def get_absolute_url(self):
        return reverse("netzwerke:network-detail", kwargs={"slug": self.slug})

    def set_status(self, status: str, *, published_at=None, now=None) -> None:
        """The one rule for a status change (admin actions, CSV import, survey acceptance);
        the caller saves.

        ``published_at`` is when the network last became public: entering "published"
        from another status stamps it (with ``published_at`` if given, else now); an
        already published network keeps its date unless one is given. Every status but
        draft needs a date (a database constraint), so archiving a network that was never
        published stamps now as well; a draft keeps whatever date it had.
        """
        becomes_public = status == self.Status.PUBLISHED != self.status
        needs_date = status != self.Status.DRAFT and self.published_at is None
        if published_at is not None:
            self.published_at = published_at
        elif becomes_public or needs_date:
            self.published_at = now or timezone.now()
        self.status = status

    def publish(self, *, now=None) -> None:
        """Make the network public (not saved); see ``set_status``."""
        self.set_status(self.Status.PUBLISHED, now=now)

    @property
    def topic_list(self):
        return [t.strip() for t in self.topics.split(",") if t.strip()]

    @property
    def is_demo(self):
        return self.source == Source.DEMO

    @property
    def public_contact(self) -> dict[str, str]:
        """The coordination contact the public may see: nothing without the person's consent."""
        if not self.contact_public:
            return {}
        fields = (
            ("person", self.coordination_person),
            ("funktion", self.coordination_role),
            ("email", self.coordination_email),
            ("telefon", self.coordination_phone),
        )
        return {key: value for key, value in fields if value}

    @property
    def shows_contact_person(self):
        return bool(self.public_contact.keys() - {"funktion"})

    @property
    def criteria(self):
        """The four network criteria as ``[(label, met), …]``; ``met`` is True, False
        or None ("keine Angabe": no source says either way).

        Uses the annotations of ``NetworkQuerySet.with_criteria()`` when present,
        and queries otherwise.
        """
        if hasattr(self, "binding_partner_count"):
            binding = self.binding_partner_count or 0
            open_partners = self.open_partner_count or 0
            has_projects = self.has_projects
            has_fields = self.has_action_fields
        else:
            binding = self.memberships.filter(binding=True).count()
            open_partners = self.memberships.exclude(binding=False).count()
            has_projects = self.projects.exists()
            has_fields = self.action_fields.exists()
        return [
            (
                _("Mindestens drei regionale Akteure arbeiten verbindlich zusammen"),
                self._partners_criterion(binding, open_partners - binding),
            ),
            (_("Ziele auf Basis aussagekräftiger regionaler Daten"), self.goals_based_on_data),
            (
                _("Maßnahmen in den Handlungsfeldern abgeleitet und umgesetzt"),
                # listed projects are examples, not a full account: none listed is unknown
                True if has_projects and has_fields else None,
            ),
            (_("Ergebnisse evaluiert, Ziele und Maßnahmen angepasst"), self.results_evaluated),
        ]

    def _partners_criterion(self, binding, unknown):
        if binding >= self.MIN_BINDING_PARTNERS:
            return True
        # "not met" only when every listed partner is known not to be binding and the list
        # is complete; more partners reported than listed could still be binding
        listed = self._listed_partner_count()
        complete = self.partner_count_reported is None or self.partner_count_reported <= listed
        if unknown == 0 and complete:
            return False
        return None

    def _listed_partner_count(self):
        if hasattr(self, "listed_partner_count"):
            return self.listed_partner_count or 0
        return self.memberships.count()

    @property
    def criteria_states(self):
        """The criteria as ``[(label, met, word)]`` for the checklist."""
        words = {True: _("erfüllt"), False: _("nicht erfüllt"), None: _("keine Angabe")}
        return [(label, met, words[met]) for label, met in self.criteria]

    @property
    def meets_all_criteria(self):
        return all(met is True for _label, met in self.criteria)
