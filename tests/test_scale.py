"""What keeps the public read path flat as the data grows: sitemap pages, streamed exports."""

import xml.etree.ElementTree as ET

from django.utils import timezone

from netzwerke.models import Network

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locations(client):
    """Every URL the sitemap index leads to, following every page of every section."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    locations = set()
    for page in ET.fromstring(index.content).iter(f"{SITEMAP}loc"):
        response = client.get(page.text.removeprefix("http://testserver"))
        assert response.status_code == 200, page.text
        locations |= {e.text for e in ET.fromstring(response.content).iter(f"{SITEMAP}loc")}
    return locations


def _published(n):
    now = timezone.now()
    return Network.objects.bulk_create(
        Network(
            name=f"Netzwerk {i:04d}",
            slug=f"netz-{i:04d}",
            status=Network.Status.PUBLISHED,
            published_at=now,
        )
        for i in range(n)
    )


def test_sitemap_covers_every_published_profile_past_one_page(client, db, settings):
    settings.SITEMAP_PAGE_SIZE = 7
    networks = _published(30)
    locations = sitemap_locations(client)
    for network in networks:
        assert f"http://testserver{network.get_absolute_url()}" in locations
    assert client.get("/sitemap-netzwerke.xml?p=2").status_code == 200
    assert client.get("/sitemap-netzwerke.xml?p=5").status_code == 200
    assert client.get("/sitemap-netzwerke.xml?p=6").status_code == 404
