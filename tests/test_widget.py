"""The embeddable widget /einbetten/: the networks of a filter, framable from anywhere,
cookie-free; every other path stays unframeable."""

import pytest
from django.urls import reverse

from netzwerke.models import District, Network
from tests import factories as f

WIDGET = reverse("netzwerke:widget")
# the data version, the lookup of the Kreis, the page of networks and its 2 prefetches;
# the result comes from the facet index (built once per data version, not counted)
WIDGET_QUERIES = 1 + 1 + 1 + 2


def frame_ancestors(response):
    policy = response["Content-Security-Policy"]
    (directive,) = [d.strip() for d in policy.split(";") if d.strip().startswith("frame-ancestors")]
    return directive


def test_widget_lists_the_networks_of_the_filter(client, directory_world):
    response = client.get(WIDGET, {"kreis": "05711"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Fachkräftebündnis OWL" in html
    assert "Netzwerk Gütersloh" not in html  # not in Bielefeld
    assert "Entwurf Bielefeld" not in html  # a draft
    assert "<h1>Netzwerke in Bielefeld</h1>" in html
    assert 'href="/netzwerke/fachkraeftebuendnis-owl/" target="_blank" rel="noopener"' in html
    assert 'href="/netzwerke/?kreis=05711" target="_blank"' in html
    assert "dl-de/by-2-0" in html


def test_widget_marks_demo_networks(client, directory_world):
    bielefeld = District.objects.get(ags="05711")
    f.NetworkFactory(
        name="Beispielbündnis Bielefeld", source=Network.Source.DEMO, districts=[bielefeld]
    )
    html = client.get(WIDGET, {"kreis": "05711"}).content.decode()
    real = html.split("Fachkräftebündnis OWL", 1)[1]
    demo = html.split("Beispielbündnis Bielefeld", 1)[1]
    assert "demo-badge" in demo.split("</li>", 1)[0]
    assert "demo-badge" not in real.split("</li>", 1)[0]


def test_widget_takes_every_parameter_of_the_list(client, directory_world):
    html = client.get(
        WIDGET, {"land": "NW", "handlungsfeld": "vereinbarkeit", "typ": "netzwerk"}
    ).content.decode()
    assert "Netzwerk Gütersloh" in html
    assert "Fachkräftebündnis OWL" not in html


def test_widget_has_no_site_chrome(client, directory_world):
    html = client.get(WIDGET).content.decode()
    assert "<header" not in html
    assert "<footer" not in html
    assert "<script" not in html
    assert "<form" not in html
    assert "/static/css/widget.css" in html


def test_widget_ignores_an_unknown_value_with_a_notice(client, directory_world):
    response = client.get(WIDGET, {"kreis": "99999"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "„99999“" in html and "ignoriert" in html
    assert "Qualifizierungsverbund München" in html  # the filter falls back to everything


def test_widget_without_result_says_so(client, directory_world):
    html = client.get(WIDGET, {"q": "xyzzy"}).content.decode()
    assert "noch keine veröffentlichten Netzwerke" in html


def test_widget_shows_at_most_the_limit_and_links_the_rest(client, directory_world):
    from netzwerke.views.datasets import WIDGET_LIMIT

    for i in range(WIDGET_LIMIT + 2):
        f.NetworkFactory(name=f"Netz {i:02d}", districts=[directory_world.bielefeld])
    html = client.get(WIDGET, {"kreis": "05711"}).content.decode()
    assert html.count('target="_blank" rel="noopener">') == WIDGET_LIMIT + 1  # + "alle"
    assert f"Alle {WIDGET_LIMIT + 3} Netzwerke" in html


@pytest.mark.parametrize("n", [1, 8])
def test_widget_query_budget(client, directory_world, django_assert_num_queries, n):
    f.NetworkFactory.create_batch(n, districts=[directory_world.bielefeld])
    client.get(WIDGET, {"kreis": "05711"})  # builds the facet index for this version
    with django_assert_num_queries(WIDGET_QUERIES):
        assert client.get(WIDGET, {"kreis": "05711"}).status_code == 200


# -- headers -------------------------------------------------------------------------------


def test_widget_may_be_framed_by_any_site(client, directory_world):
    response = client.get(WIDGET, {"kreis": "05711"})
    assert frame_ancestors(response) == "frame-ancestors *"
    assert "X-Frame-Options" not in response
    # the rest of the policy is the site's
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "object-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/netzwerke/",
        "/netzwerke/fachkraeftebuendnis-owl/",
        "/daten/",
        "/daten/?kreis=05711",
        "/quellen/",
        "/einbetten/nichts/",  # below the widget's path: a 404 page, not the widget
        "/konto/login/",
    ],
)
def test_every_other_path_refuses_frames(client, directory_world, path):
    response = client.get(path)
    assert frame_ancestors(response) == "frame-ancestors 'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_widget_sets_no_cookie(client, directory_world):
    response = client.get(WIDGET, {"kreis": "05711"})
    assert not response.cookies
    assert "Set-Cookie" not in str(response.serialize_headers())
    assert "Cookie" not in response.get("Vary", "")


def test_widget_keeps_its_exception_when_the_page_cache_is_on(client, directory_world, page_cache):
    for _ in range(2):
        response = client.get(WIDGET, {"kreis": "05711"})
        assert frame_ancestors(response) == "frame-ancestors *"
        assert "X-Frame-Options" not in response
        assert not response.cookies


def test_widget_answers_only_reads(client, directory_world):
    assert client.post(WIDGET).status_code == 405
    assert client.head(WIDGET).status_code == 200
