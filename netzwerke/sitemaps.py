from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from netzwerke.models import District, Network, State


class StaticSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["netzwerke:home", "netzwerke:network-list", "netzwerke:sources"]

    def location(self, item):
        return reverse(item)


class NetworkSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Network.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class StateSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return State.objects.order_by("code")


class DistrictSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

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


SITEMAPS = {
    "seiten": StaticSitemap,
    "netzwerke": NetworkSitemap,
    "laender": StateSitemap,
    "kreise": DistrictSitemap,
}
