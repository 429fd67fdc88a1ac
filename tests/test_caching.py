"""The data version, the anonymous page cache and HTTP caching (netzwerke/caching.py)."""

import gzip
import io
import time

import pytest
from django.core.management import call_command
from django.urls import reverse

from netzwerke import csvformat
from netzwerke.dataversion import data_version_read
from netzwerke.models import Network
from tests import factories as f

LIST = reverse("netzwerke:network-list")


def version():
    return data_version_read().number


@pytest.fixture(autouse=True)
def _page_cache(page_cache):
    """The page cache on, as in production."""


# -- the data version moves with every kind of write ---------------------------------


def _save(world):
    world.owl.name = "Umbenannt"
    world.owl.save()


def _delete(world):
    world.muenchen_net.delete()


def _m2m(world):
    world.owl.action_fields.add(world.familie)


def _m2m_clear(world):
    world.owl.districts.clear()


def _membership(world):
    f.MembershipFactory(network=world.guetersl)


def _project(world):
    world.owl.projects.first().delete()


def _vocabulary(world):
    world.ausbildung.name = "Ausbildung"
    world.ausbildung.save()


def _district(world):
    world.bielefeld.name = "Bielefeld (Stadt)"
    world.bielefeld.save()


def _csv_import(world):
    data = "kuerzel;name;status\nneu-im-import;Neu im Import;published\n"
    assert not csvformat.import_networks(data.encode()).errors


def _demo(world):
    from netzwerke.demo import generate_demo
    from netzwerke.reference import STATES

    call_command("loaddata", "fixtures/vocabularies.json", stdout=io.StringIO())
    for code, prefix, name in STATES:
        state = f.StateFactory(code=code, ags=prefix, name=name)
        f.DistrictFactory(ags=f"{prefix}999", name=f"Kreis {code}", state=state)
    before = version()
    generate_demo(networks=2, seed=3)
    return before


def _admin_publish(world):
    from django.test import Client

    client = Client()
    client.force_login(f.StaffFactory())
    url = reverse("admin:netzwerke_network_changelist")
    client.post(url, {"action": "publish", "_selected_action": [world.draft.pk]})
    world.draft.refresh_from_db()
    assert world.draft.status == Network.Status.PUBLISHED


def _survey_accept(world):
    from survey import services
    from survey.models import Submission

    wave = f.SurveyFactory()
    submission = f.SubmissionFactory(
        survey=wave,
        network=world.guetersl,
        state=Submission.State.SUBMITTED,
        answers=f.complete_answers(wave),
    )
    before = version()
    services.submission_accept(submission=submission, reviewer=f.StaffFactory())
    return before


def _survey_import(world):
    from survey import services

    wave = f.SurveyFactory()
    facts = services.Facts(land="NW", network_type="netzwerk")
    before = version()
    services.submission_import(survey=wave, facts=facts)
    return before


def _loaddata(world):
    call_command("loaddata", "fixtures/vocabularies.json", stdout=io.StringIO())


WRITES = [
    _save,
    _delete,
    _m2m,
    _m2m_clear,
    _membership,
    _project,
    _vocabulary,
    _district,
    _csv_import,
    _admin_publish,
    _survey_accept,
    _survey_import,
]


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.__name__.strip("_"))
def test_every_kind_of_write_moves_the_data_version(directory_world, write):
    before = version()
    before = write(directory_world) or before
    assert version() > before


@pytest.mark.parametrize("write", [_demo, _loaddata], ids=lambda w: w.__name__.strip("_"))
def test_bulk_loads_move_the_data_version(db, write):
    # on an empty directory: the fixture's vocabularies would clash with the world's
    before = version()
    before = write(None) or before
    assert version() > before


def test_reads_leave_the_data_version_alone(client, directory_world):
    before = version()
    client.get(LIST)
    client.get(directory_world.owl.get_absolute_url())
    assert version() == before


# -- the page cache --------------------------------------------------------------------


def test_a_publish_is_visible_at_once(client, directory_world):
    assert "Entwurf Bielefeld" not in client.get(LIST).text
    # the second visit comes from the cache
    assert "Entwurf Bielefeld" not in client.get(LIST).text
    draft = directory_world.draft
    draft.status = Network.Status.PUBLISHED
    draft.published_at = draft.created_at
    draft.save()
    assert "Entwurf Bielefeld" in client.get(LIST).text


@pytest.mark.parametrize(
    "write", [_save, _delete, _m2m_clear, _csv_import], ids=lambda w: w.__name__.strip("_")
)
def test_no_stale_page_after_a_write(client, directory_world, write):
    url = f"{LIST}?sort=neueste"
    first = client.get(url).content
    assert client.get(url).content == first  # cached
    write(directory_world)
    assert client.get(url).content != first


def test_anonymous_page_is_served_from_the_cache(client, directory_world, settings):
    from django.core.cache import cache

    client.get(LIST)
    keys = list(cache._cache)
    assert any(":page:" in key for key in keys)
    # served without rendering: the view's context is absent
    response = client.get(LIST)
    assert response.status_code == 200
    assert response.context is None


def test_query_order_does_not_split_the_cache(client, directory_world, django_assert_num_queries):
    client.get(f"{LIST}?land=NW&typ=buendnis")
    with django_assert_num_queries(1):  # the data version only
        response = client.get(f"{LIST}?typ=buendnis&land=NW")
    assert "Fachkräftebündnis OWL" in response.text


def test_logged_in_user_gets_no_cached_page_and_fills_none(client, directory_world):
    anonymous = client.get(LIST)
    assert "Abmelden" not in anonymous.text
    user = f.UserFactory()
    client.force_login(user)
    response = client.get(LIST)
    assert "Abmelden" in response.text
    assert response.context is not None  # rendered, not from the cache
    assert response["Cache-Control"] == "private, no-cache"
    assert "ETag" not in response
    client.logout()
    client.cookies.clear()
    assert "Abmelden" not in client.get(LIST).text


def test_page_cache_off_renders_every_request(client, directory_world, settings):
    settings.PAGE_CACHE = False
    client.get(LIST)
    response = client.get(LIST)
    assert response.context is not None
    assert response["ETag"]


def test_pages_with_messages_are_not_cached(client, directory_world):
    client.cookies["messages"] = "x"
    client.get(LIST)
    response = client.get(LIST)
    assert response.context is not None


# -- HTTP caching ----------------------------------------------------------------------


def test_public_page_headers(client, directory_world):
    response = client.get(directory_world.owl.get_absolute_url())
    assert response["Cache-Control"].startswith("public, max-age=")
    # the profile lists upcoming events, so its ETag carries the hour too
    hour = int(time.time()) // 3600 * 3600
    assert response["ETag"] in (f'W/"{version()}-{hour}"', f'W/"{version()}-{hour + 3600}"')
    assert client.get("/quellen/")["ETag"] == f'W/"{version()}"'
    assert response["Last-Modified"].endswith("GMT")
    vary = {v.strip() for v in response["Vary"].split(",")}
    assert {"Cookie", "Accept-Encoding"} <= vary


def test_conditional_get_answers_304_until_the_data_changes(client, directory_world):
    url = directory_world.owl.get_absolute_url()
    etag = client.get(url)["ETag"]
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    modified = client.get(url)["Last-Modified"]
    assert client.get(url, headers={"if-modified-since": modified}).status_code == 304
    _save(directory_world)
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_conditional_get_on_an_export(client, directory_world):
    url = reverse("netzwerke:network-export-json")
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304


def test_non_public_pages_get_no_public_headers(client, directory_world):
    response = client.get(reverse("login"))
    assert "public" not in response.get("Cache-Control", "")
    assert "ETag" not in response


# -- less to send ----------------------------------------------------------------------


@pytest.mark.parametrize("cached", [False, True])
def test_html_is_gzip_compressed(client, directory_world, settings, cached):
    settings.PAGE_CACHE = cached
    plain = client.get(LIST).content
    response = client.get(LIST, headers={"accept-encoding": "gzip, deflate"})
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == plain
    assert len(response.content) < len(plain) / 2


def test_profile_needs_no_nonce_and_keeps_a_strict_csp(client, directory_world):
    response = client.get(directory_world.owl.get_absolute_url())
    assert 'type="application/ld+json"' in response.text
    assert "nonce" not in response.text
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "nonce" not in csp
    assert "unsafe-inline" not in csp


def test_no_page_loads_bootstrap_javascript(client, directory_world):
    for url in (reverse("netzwerke:home"), LIST, directory_world.owl.get_absolute_url()):
        assert "bootstrap.bundle" not in client.get(url).text


def test_a_small_export_is_kept_a_big_one_streams(client, directory_world, settings):
    url = reverse("netzwerke:network-export-json")
    first = client.get(url)
    body = b"".join(first.streaming_content)
    second = client.get(url)
    assert not second.streaming  # from the cache
    assert second.content == body
    settings.PAGE_CACHE_MAX_BYTES = 100
    url = f"{url}?sort=name"
    b"".join(client.get(url).streaming_content)
    assert client.get(url).streaming
