"""The reference data: Länder, Kreise, postal codes, places and regions, with their reads."""

import re

from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netzwerke.models.common import network_model
from netzwerke.places import find_place, place_key


def _published_networks(networks):
    return network_model().objects.published() if networks is None else networks


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


class ForeignRegionQuerySet(models.QuerySet):
    def with_network_counts(self, networks=None):
        networks = _published_networks(networks)
        return self.annotate(
            network_count=Count(
                "networks", filter=Q(networks__in=networks.order_by().values("pk")), distinct=True
            )
        )


class ForeignRegion(models.Model):
    """A NUTS-3 region of a neighbouring country that a cross-border network may cover
    (``BE336``, Bezirk Verviers – Deutschsprachige Gemeinschaft). German regions are
    Kreise (``District``), never rows here. Filled by ``load_reference_data`` from
    ``fixtures/nuts3_neighbours.csv``."""

    class Country(models.TextChoices):
        BE = "BE", _("Belgien")
        NL = "NL", _("Niederlande")
        LU = "LU", _("Luxemburg")
        FR = "FR", _("Frankreich")
        CH = "CH", _("Schweiz")
        AT = "AT", _("Österreich")
        CZ = "CZ", _("Tschechien")
        PL = "PL", _("Polen")
        DK = "DK", _("Dänemark")

    code = models.CharField(_("NUTS-3-Code"), max_length=5, primary_key=True)
    name = models.CharField(_("Name"), max_length=150)
    country = models.CharField(_("Staat"), max_length=2, choices=Country.choices)

    objects = ForeignRegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Region im Ausland (NUTS 3)")
        verbose_name_plural = _("Regionen im Ausland (NUTS 3)")
        ordering = ["country", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}[0-9A-Z]{3}$"), name="foreignregion_nuts3_code"
            ),
            models.CheckConstraint(
                condition=Q(country__in=["BE", "NL", "LU", "FR", "CH", "AT", "CZ", "PL", "DK"]),
                name="foreignregion_neighbour_country",
            ),
            models.CheckConstraint(
                condition=Q(code__startswith=models.F("country")),
                name="foreignregion_code_of_country",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.code}, {self.get_country_display()})"


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
        keys = dict.fromkeys(place_key(n) for n in self.names())
        self.search_keys = "|" + "|".join(k for k in keys if k) + "|"
        super().save(*args, **kwargs)

    def names(self):
        return [self.name, *(n.strip() for n in self.other_names.splitlines() if n.strip())]
