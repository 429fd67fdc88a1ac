"""The list's pager: numbers with ellipsis, "Seite 2 von 18", rel links, title and heading."""

import re

import pytest
from django.urls import reverse

from netzwerke.views.pages import NetworkListView
from tests import factories as f

LIST = reverse("netzwerke:network-list")


@pytest.fixture
def thirteen_pages(db, monkeypatch):
    monkeypatch.setattr(NetworkListView, "paginate_by", 2)
    district = f.DistrictFactory()
    for i in range(25):
        f.NetworkFactory(name=f"Netzwerk {i:02d}", slug=f"netzwerk-{i:02d}", districts=[district])


def head(html):
    return html.split("</head>", 1)[0]


def test_page_numbers_with_ellipsis(client, thirteen_pages):
    response = client.get(LIST, {"page": 5})
    ellipsis = response.context["page_obj"].paginator.ELLIPSIS
    assert response.context["page_range"] == [1, 2, 3, 4, 5, 6, 7, ellipsis, 12, 13]
    html = response.content.decode()
    nav = html[html.index('aria-label="Seiten"') :]
    assert re.findall(r"page=(\d+)\">", nav) == ["4", "1", "2", "3", "4", "6", "7", "12", "13", "6"]
    assert '<span class="page-link" aria-current="page">5</span>' in nav
    assert "…" in nav


def test_page_number_in_title_heading_and_count(client, thirteen_pages):
    html = client.get(LIST, {"page": 2}).content.decode()
    assert "<title>Netzwerke – Seite 2 von 13 – " in html
    assert '<h1 class="h2">Netzwerke – Seite 2 von 13</h1>' in html
    assert "25 Netzwerke gefunden, Seite 2 von 13" in " ".join(html.split())


def test_first_page_has_the_plain_title(client, thirteen_pages):
    html = client.get(LIST).content.decode()
    assert "<title>Netzwerke – " in html
    assert "Seite 1 von" not in head(html)


def test_rel_links_in_the_head(client, thirteen_pages):
    middle = head(client.get(LIST, {"page": 2, "land": "NW"}).content.decode())
    assert '<link rel="prev" href="?land=NW&amp;page=1">' in middle
    assert '<link rel="next" href="?land=NW&amp;page=3">' in middle
    first = head(client.get(LIST).content.decode())
    assert 'rel="prev"' not in first
    assert '<link rel="next" href="?page=2">' in first
    last = head(client.get(LIST, {"page": 13}).content.decode())
    assert 'rel="next"' not in last


def test_filters_come_before_the_results_in_the_page(client, thirteen_pages):
    html = client.get(LIST).content.decode()
    assert html.index('id="filter"') < html.index('id="ergebnisse"')
    assert html.index('href="#ergebnisse"') < html.index('id="filter"')
