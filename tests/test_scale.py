"""What keeps the public read path flat as the data grows: sitemap pages, streamed exports."""

import xml.etree.ElementTree as ET

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse
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
        assert f"http://testserver/en{network.get_absolute_url()}" in locations
    # every profile in German and in English: 60 locations, 7 to a page
    assert client.get("/sitemap-netzwerke.xml?p=2").status_code == 200
    assert client.get("/sitemap-netzwerke.xml?p=9").status_code == 200
    assert client.get("/sitemap-netzwerke.xml?p=10").status_code == 404


@pytest.mark.parametrize("export", ["network-export-json", "network-export-csv"])
def test_exports_stream_in_chunks(client, directory_world, monkeypatch, export):
    """Memory is bounded by the chunk: the prefetches run once per chunk, not once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from netzwerke.views import opendata

    district = directory_world.bielefeld
    for network in _published(10):
        network.districts.add(district)
    url = reverse(f"netzwerke:{export}")

    def district_prefetches(chunk):
        monkeypatch.setattr(opendata, "EXPORT_CHUNK", chunk)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            assert isinstance(response, StreamingHttpResponse)
            body = b"".join(response.streaming_content)
        assert b"netz-0009" in body
        return sum("netzwerke_network_districts" in q["sql"] for q in queries.captured_queries)

    # 13 networks (the world's three and ten more): 5 chunks of 3, or one
    assert district_prefetches(3) == 5
    assert district_prefetches(1000) == 1


@pytest.mark.parametrize("export", ["network-export-csv", "network-export-json"])
def test_exports_stream_in_large_pieces(client, directory_world, export):
    """GZipMiddleware flushes after every piece: a row per piece would cost a flush per row."""
    for network in _published(10):
        network.districts.add(directory_world.bielefeld)
    pieces = list(client.get(reverse(f"netzwerke:{export}")).streaming_content)
    # 13 networks, 14 CSV lines, far below one piece of 64 KB
    assert len(pieces) == 1
    assert b"netz-0009" in pieces[0]


def test_in_pieces_joins_small_chunks_and_keeps_the_rest():
    from netzwerke.tabular import in_pieces

    assert list(in_pieces(["ab", "c", "def", "g"], size=3)) == ["abc", "def", "g"]
    assert list(in_pieces([], size=3)) == []
