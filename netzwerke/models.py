"""The directory's data: regions (State, District, PostalCode), vocabularies, networks with
their partners and projects; reads as QuerySet methods, one rule per status change.
"""

import re

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netzwerke.search import search_networks
from netzwerke.versioning import VersionedModel

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


def _published_networks(networks):
    # a queryset default would import Network before it is defined
    return Network.objects.published() if networks is None else networks


class StateQuerySet(models.QuerySet):
    def with_network_counts(self, networks=None):
        """Annotate ``network_count``: the networks (default: the published ones) with a
        Kreis in the Land; a network spanning several Länder counts in each."""
        networks = _published_networks(networks)
        return self.annotate(
            network_count=Count(
                "districts__networks",
                filter=Q(districts__networks__in=networks.order_by().values("pk")),
                distinct=True,
            )
        )


class State(models.Model):
    """A Bundesland, keyed by its ISO 3166-2 suffix (``NW``)."""

    code = models.CharField(_("Kürzel"), max_length=2, primary_key=True)
    ags = models.CharField(_("AGS-Präfix"), max_length=2, unique=True)
    name = models.CharField(_("Name"), max_length=100, unique=True)

    objects = StateQuerySet.as_manager()

    class Meta:
        verbose_name = _("Bundesland")
        verbose_name_plural = _("Bundesländer")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("netzwerke:region-state", kwargs={"land": self.code})


def caseless_pattern(text):
    """``text`` as a regex that ignores case on SQLite and PostgreSQL alike.

    Both backends fold only ASCII reliably under ``iregex`` (SQLite's LIKE and
    PostgreSQL's "C" collations do no better), so umlauts get an explicit class.
    """
    parts = []
    for char in text:
        lower, upper = char.lower(), char.upper()
        if not char.isascii() and len(lower) == len(upper) == 1 and lower != upper:
            parts.append(f"[{lower}{upper}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


class DistrictQuerySet(models.QuerySet):
    def with_network_counts(self, networks=None):
        """Annotate ``network_count``: the networks (default: the published ones) that
        name the Kreis."""
        networks = _published_networks(networks)
        return self.annotate(
            network_count=Count(
                "networks", filter=Q(networks__in=networks.order_by().values("pk")), distinct=True
            )
        )

    def for_postal_code(self, code):
        """All Kreise the 5-digit PLZ ``code`` lies in; a PLZ may span several."""
        code = (code or "").strip()
        if not re.fullmatch(r"[0-9]{5}", code):
            return self.none()
        return self.filter(ags__in=PostalCode.objects.filter(code=code).values("district_id"))

    def find(self, text, *, ags=""):
        """The place search: what the visitor means by ``text`` (a PLZ, Gemeinde, Kreis
        or region), as a ``netzwerke.places.PlaceMatch``; ``ags`` picks a candidate."""
        from netzwerke.places import find_place

        return find_place(text, ags=ags)


class District(models.Model):
    """A Kreis or kreisfreie Stadt, keyed by its 5-digit Amtlicher Gemeindeschlüssel."""

    ags = models.CharField(_("AGS"), max_length=5, primary_key=True)
    name = models.CharField(_("Name"), max_length=150)
    kind = models.CharField(_("Art"), max_length=60, blank=True)
    state = models.ForeignKey(
        State, on_delete=models.PROTECT, related_name="districts", verbose_name=_("Bundesland")
    )
    population = models.PositiveIntegerField(_("Einwohner"), null=True, blank=True)
    area_km2 = models.FloatField(_("Fläche (km²)"), null=True, blank=True)
    # the name folded by netzwerke.places.place_key, so that "Guetersloh" finds it
    search_key = models.CharField(
        _("Suchschlüssel"), max_length=150, blank=True, editable=False, db_index=True
    )

    objects = DistrictQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kreis")
        verbose_name_plural = _("Kreise")
        ordering = ["name", "ags"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ags__regex=r"^[0-9]{5}$"), name="district_ags_five_digits"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.kind})" if self.kind else self.name

    def save(self, *args, **kwargs):
        from netzwerke.places import place_key

        self.search_key = place_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("netzwerke:region-district", kwargs={"land": self.state_id, "ags": self.ags})


class PostalCode(models.Model):
    """One row of the PLZ → Kreis table; a PLZ may lie in several Kreise."""

    code = models.CharField(_("PLZ"), max_length=5, db_index=True)
    place = models.CharField(_("Ort"), max_length=150)
    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="postal_codes", verbose_name=_("Kreis")
    )

    class Meta:
        verbose_name = _("Postleitzahl")
        verbose_name_plural = _("Postleitzahlen")
        ordering = ["code", "place"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "place", "district"], name="postalcode_unique_row"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.place}"


class Place(models.Model):
    """A spelling of a Gemeinde or Ortsteil and the Kreis it lies in, for the place search.

    One row per spelling: "Halle (Westf.)" and "Halle (Westfalen)" are two rows of the
    same town. Filled by ``load_reference_data`` from ``fixtures/places.csv``.
    """

    key = models.CharField(_("Suchschlüssel"), max_length=150, db_index=True)
    name = models.CharField(_("Name"), max_length=150)
    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="places", verbose_name=_("Kreis")
    )
    population = models.PositiveIntegerField(_("Einwohner"), null=True, blank=True)

    class Meta:
        verbose_name = _("Ort")
        verbose_name_plural = _("Orte")
        ordering = ["name", "district"]
        constraints = [
            models.UniqueConstraint(fields=["key", "name", "district"], name="place_unique_row"),
        ]

    def __str__(self):
        return self.name


class Region(models.Model):
    """A name people use for a group of Kreise ("OWL", "Allgäu"), editable in the admin."""

    name = models.CharField(_("Name"), max_length=150, unique=True)
    other_names = models.TextField(
        _("weitere Namen"), blank=True, help_text=_("Ein Name je Zeile, z. B. Abkürzungen.")
    )
    districts = models.ManyToManyField(District, related_name="regions", verbose_name=_("Kreise"))
    # "|owl|ostwestfalen lippe|": every name folded by place_key, for one LIKE query
    search_keys = models.TextField(_("Suchschlüssel"), blank=True, editable=False)

    class Meta:
        verbose_name = _("Region")
        verbose_name_plural = _("Regionen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        from netzwerke.places import place_key

        keys = dict.fromkeys(place_key(n) for n in self.names())
        self.search_keys = "|" + "|".join(k for k in keys if k) + "|"
        super().save(*args, **kwargs)

    def names(self):
        return [self.name, *(n.strip() for n in self.other_names.splitlines() if n.strip())]


class VocabularyQuerySet(models.QuerySet):
    def used_by_published(self):
        """Terms with at least one published network, for filter choices."""
        return self.filter(networks__status=Network.Status.PUBLISHED).distinct()


class Vocabulary(models.Model):
    slug = models.SlugField(_("Kürzel"), max_length=80, unique=True)
    name = models.CharField(_("Name"), max_length=150)
    description = models.TextField(_("Beschreibung"), blank=True)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=100)

    objects = VocabularyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


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
        return f"{self.code} – {self.name}"


class ActorType(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("Akteurstyp")
        verbose_name_plural = _("Akteurstypen")


class NetworkQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Network.Status.PUBLISHED)

    def demo(self):
        return self.filter(source=Source.DEMO)

    def real(self):
        return self.exclude(source=Source.DEMO)

    def in_state(self, code):
        return self.filter(districts__state_id=code).distinct()

    def in_district(self, ags):
        return self.filter(districts__ags=ags).distinct()

    def search(self, q):
        """Full text over name, descriptions, partners and projects, annotated
        with ``search_rank``; see ``netzwerke.search``."""
        return search_networks(self, q)

    def with_partner_count(self, *, grouped=False):
        """Annotate ``partner_count``, the directory's one partner count: the recorded
        memberships, or the reported number where the network reported more partners
        than are recorded. The list sorts by it, the exports and the statistics show it.

        ``grouped`` counts the memberships with a join and GROUP BY instead of a
        correlated subquery: the fast form for aggregating over many networks (the
        statistics), not for a queryset that other joins multiply.
        """
        if "partner_count" in self.query.annotations:
            return self
        if grouped:
            recorded = Count("memberships")
        else:
            recorded = Coalesce(
                models.Subquery(
                    Membership.objects.filter(network=OuterRef("pk"))
                    .order_by()
                    .values("network")
                    .annotate(n=Count("pk"))
                    .values("n")[:1],
                    output_field=models.IntegerField(),
                ),
                0,
            )
        return self.annotate(
            partner_count=Greatest(
                recorded,
                Coalesce("partner_count_reported", 0),
                output_field=models.IntegerField(),
            )
        )

    def with_criteria(self):
        """Annotate the inputs of the four network criteria (see ``Network.criteria``)."""

        def count(memberships):
            return models.Subquery(
                memberships.order_by().values("network").annotate(n=Count("pk")).values("n")[:1],
                output_field=models.IntegerField(),
            )

        mine = Membership.objects.filter(network=OuterRef("pk"))
        return self.annotate(
            binding_partner_count=count(mine.filter(binding=True)),
            open_partner_count=count(mine.exclude(binding=False)),
            listed_partner_count=count(mine),
            has_projects=Exists(Project.objects.filter(network=OuterRef("pk"))),
            has_action_fields=Exists(
                Network.action_fields.through.objects.filter(network=OuterRef("pk"))
            ),
        )

    def meeting_criteria(self):
        """Networks meeting all four criteria, decided in the database."""
        binding_ids = (
            Membership.objects.filter(binding=True)
            .values("network")
            .annotate(n=Count("pk"))
            .filter(n__gte=Network.MIN_BINDING_PARTNERS)
            .values("network")
        )
        return self.filter(
            pk__in=binding_ids,
            goals_based_on_data=True,
            results_evaluated=True,
        ).filter(
            Exists(Project.objects.filter(network=OuterRef("pk"))),
            Exists(Network.action_fields.through.objects.filter(network=OuterRef("pk"))),
        )


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
    source = models.CharField(
        _("Herkunft"),
        max_length=20,
        choices=Source.choices,
        default=Source.CURATED,
        db_index=True,
        help_text=_("Demo-Daten sind synthetisch und werden überall als solche gekennzeichnet."),
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
        m2m_fields=[districts, action_fields, target_groups, sectors],
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
        ]

    def __str__(self):
        return self.name

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
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("Netzwerk")
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


class Project(VersionedModel):
    class Status(models.TextChoices):
        PLANNED = "geplant", _("geplant")
        RUNNING = "laufend", _("laufend")
        DONE = "abgeschlossen", _("abgeschlossen")

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="projects", verbose_name=_("Netzwerk")
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
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.network.get_absolute_url()}#projekt-{self.slug}"

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


# the data version is a model of this app; its module holds the read and bump functions
from netzwerke.dataversion import DataVersion  # noqa: E402, F401
