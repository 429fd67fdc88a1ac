"""The sitemap: an index (/sitemap.xml) of sections, each in pages of
``SITEMAP_PAGE_SIZE`` URLs (/sitemap-netzwerke.xml?p=2), so every public URL is
listed however many networks there are, in every language with its alternates."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from netzwerke.models import District, Event, Network, Project, State


class LanguagesSitemap(Sitemap):
    """Each page once per language (German unprefixed, English under /en/), with
    hreflang alternates and x-default (the German page)."""

    i18n = True
    alternates = True
    x_default = True


class PagedSitemap(LanguagesSitemap):
    @property
    def limit(self):
        return settings.SITEMAP_PAGE_SIZE


class StaticSitemap(LanguagesSitemap):
    changefreq = "daily"

    def items(self):
        return [
            "netzwerke:home",
            "netzwerke:network-list",
            "netzwerke:event-list",
            "netzwerke:event-archive",
            "netzwerke:project-list",
            "netzwerke:overlaps",
            "netzwerke:sources",
            "netzwerke:data",
        ]

    def location(self, item):
        return reverse(item)


class NetworkSitemap(PagedSitemap):
    changefreq = "weekly"

    def items(self):
        return Network.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # the default asks every item; the index needs only the newest
        return Network.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class ProjectSitemap(PagedSitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Project.objects.filter(network__status=Network.Status.PUBLISHED)
            .select_related("network")
            .only("slug", "network__slug", "network__updated_at")
            .order_by("pk")
        )

    def lastmod(self, item):
        return item.network.updated_at


class StateSitemap(LanguagesSitemap):
    changefreq = "weekly"

    def items(self):
        return State.objects.order_by("code")


class DistrictSitemap(PagedSitemap):
    changefreq = "weekly"

    def items(self):
        # only Kreise with a published network: the other pages are thin
        through = Network.districts.through
        return (
            District.objects.filter(
                pk__in=through.objects.filter(network__status=Network.Status.PUBLISHED).values(
                    "district_id"
                )
            )
            .only("ags", "state_id")
            .order_by("ags")
        )


class EventSitemap(PagedSitemap):
    """Every public event, past ones too (the archive stays)."""

    changefreq = "weekly"

    def items(self):
        return Event.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return Event.objects.public().aggregate(latest=Max("updated_at"))["latest"]


SITEMAPS = {
    "seiten": StaticSitemap,
    "netzwerke": NetworkSitemap,
    "veranstaltungen": EventSitemap,
    "praxisbeispiele": ProjectSitemap,
    "laender": StateSitemap,
    "kreise": DistrictSitemap,
}
