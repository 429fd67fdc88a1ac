"""Events: the model's rules, the list with its filters (checked against the calendar
feed), the archive, the event page with JSON-LD, the profile block, the iCalendar and
Atom feeds, sitemap and data version."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from netzwerke.dataversion import data_version_read
from netzwerke.models import Event, Network
from tests import factories as f

LIST = reverse("netzwerke:event-list")
ARCHIVE = reverse("netzwerke:event-archive")
CALENDAR = reverse("netzwerke:event-calendar")
FEED = reverse("netzwerke:event-feed")
ATOM = "{http://www.w3.org/2005/Atom}"


def berlin(*args):
    return timezone.make_aware(datetime.datetime(*args), timezone.get_default_timezone())


def soon(days, hour=10):
    return timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0) + (
        datetime.timedelta(days=days)
    )


@pytest.fixture
def events(directory_world):
    """Five public events of the directory world, one past, one pending, one of a draft.

    =========  ==========  =========  ==============  ==============  ======  ========
    event      network     Kreis      Handlungsfeld   Zielgruppe      online  when
    =========  ==========  =========  ==============  ==============  ======  ========
    beratung   owl         Bielefeld  ausbildung      schulabgaenger  no      in 3 days
    webinar    guetersl    –          familie         aeltere         yes     in 5 days
    kongress   muenchen    München    familie         –               no      in 10 days
    labor      owl         Gütersloh  ausbildung      –               yes     in 20 days
    frueher    owl         Bielefeld  ausbildung      –               no      10 days ago
    offen      owl         Bielefeld  (waits for review)                      in 4 days
    entwurf    draft       Bielefeld  (network not published)                 in 4 days
    =========  ==========  =========  ==============  ==============  ======  ========
    """
    from types import SimpleNamespace

    w = directory_world

    def make(title, network, days, **kwargs):
        start = soon(days)
        return f.EventFactory(
            title=title,
            slug=title.lower(),
            network=network,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=3),
            **kwargs,
        )

    beratung = make(
        "Beratung",
        w.owl,
        3,
        district=w.bielefeld,
        action_fields=[w.ausbildung],
        target_groups=[w.schueler],
    )
    webinar = make(
        "Webinar",
        w.guetersl,
        5,
        online=True,
        address="",
        action_fields=[w.familie],
        target_groups=[w.aeltere],
    )
    kongress = make("Kongress", w.muenchen_net, 10, district=w.muenchen, action_fields=[w.familie])
    labor = make(
        "Labor", w.owl, 20, district=w.guetersloh, online=True, action_fields=[w.ausbildung]
    )
    frueher = make("Frueher", w.owl, -10, district=w.bielefeld, action_fields=[w.ausbildung])
    offen = make("Offen", w.owl, 4, district=w.bielefeld, review_status=Event.ReviewStatus.PENDING)
    entwurf = make("Entwurf", w.draft, 4, district=w.bielefeld)
    return SimpleNamespace(**{**vars(w), **locals()})


def listed(response):
    return [e.slug for e in response.context["events"]]


def calendar_of(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


def slug_of_url(url):
    return re.search(r"/veranstaltungen/([^/]+)/$", str(url)).group(1)


# -- model ------------------------------------------------------------------------


def test_an_event_cannot_end_before_it_starts(db):
    event = f.EventFactory()
    event.ends_at = event.starts_at - datetime.timedelta(minutes=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


def test_an_event_may_end_when_it_starts(db):
    event = f.EventFactory()
    event.ends_at = event.starts_at
    event.save()


def test_clean_names_the_field_and_the_foreign_project(db):
    from django.core.exceptions import ValidationError

    event = f.EventFactory()
    event.ends_at = event.starts_at - datetime.timedelta(hours=1)
    event.project = f.ProjectFactory()  # of another network
    event.slug = "archiv"
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert set(error.value.message_dict) == {"ends_at", "project", "slug"}


def test_sequence_counts_changes_a_calendar_shows(db):
    event = f.EventFactory()
    assert event.sequence == 0
    event = Event.objects.get(pk=event.pk)
    event.cost = Event.Cost.PAID  # not in the calendar
    event.save()
    assert Event.objects.get(pk=event.pk).sequence == 0
    event.starts_at += datetime.timedelta(hours=1)
    event.save()
    event.status = Event.Status.CANCELLED
    event.save()
    assert Event.objects.get(pk=event.pk).sequence == 2


def test_event_writes_move_the_data_version(db):
    before = data_version_read().number
    event = f.EventFactory()
    after_create = data_version_read().number
    assert after_create > before
    event.action_fields.add(f.ActionFieldFactory())
    assert data_version_read().number > after_create


# -- list, filters, archive ---------------------------------------------------------


def test_list_shows_upcoming_public_events_by_date(client, events):
    response = client.get(LIST)
    assert response.status_code == 200
    assert listed(response) == ["beratung", "webinar", "kongress", "labor"]
    assert response.context["total"] == 4


def test_archive_shows_past_events_latest_first(client, events):
    f.EventFactory(
        slug="ganz-frueh",
        network=events.owl,
        starts_at=soon(-40),
        ends_at=soon(-40) + datetime.timedelta(hours=1),
    )
    response = client.get(ARCHIVE)
    assert listed(response) == ["frueher", "ganz-frueh"]
    assert "Vergangene Veranstaltungen" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"land": "NW"}, ["beratung", "labor"]),
        ({"land": "BY"}, ["kongress"]),
        ({"kreis": "05754"}, ["labor"]),
        ({"handlungsfeld": "vereinbarkeit"}, ["webinar", "kongress"]),
        ({"zielgruppe": "aeltere"}, ["webinar"]),
        ({"zielgruppe": ["aeltere", "schulabgaenger"]}, ["beratung", "webinar"]),
        ({"online": "ja"}, ["webinar", "labor"]),
        ({"online": "nein"}, ["beratung", "kongress"]),
        ({"typ": "qualifizierungsverbund"}, ["kongress"]),
        ({"land": "NW", "online": "ja"}, ["labor"]),
        ({"handlungsfeld": "aus-und-weiterbildung", "typ": "buendnis"}, ["beratung", "labor"]),
    ],
)
def test_filters_narrow_the_list_and_the_calendar_alike(client, events, query, expected):
    response = client.get(LIST, query)
    assert listed(response) == expected
    assert response.context["total"] == len(expected)
    feed = calendar_of(client.get(CALENDAR, query))
    # the calendar also keeps events that ended in the last 30 days
    upcoming = [
        slug_of_url(v["url"]) for v in vevents(feed) if v.decoded("dtend") >= timezone.now()
    ]
    assert upcoming == expected


def test_facets_count_disjunctively(client, events):
    response = client.get(LIST, {"land": "NW"})
    facets = response.context["facets"]
    land = {o.value: o.count for o in facets["land"].options}
    assert land == {"NW": 2, "BY": 1}  # the Land facet ignores its own filter
    online = {o.value: o.count for o in facets["online"].options}
    assert online == {"ja": 1, "nein": 1}
    kreis = {o.value: o.count for o in facets["kreis"].options}
    assert kreis == {"05711": 1, "05754": 1}


def test_unknown_parameters_are_ignored_with_a_german_notice(client, events):
    response = client.get(
        LIST, {"land": "XX", "online": "vielleicht", "zielgruppe": "\x00", "page": "zwei"}
    )
    assert response.status_code == 200
    assert listed(response) == ["beratung", "webinar", "kongress", "labor"]
    notices = " ".join(response.context["notices"])
    assert "„XX“" in notices and "„vielleicht“" in notices and "Seitenangabe" in notices
    assert client.get(CALENDAR, {"land": "XX"}).status_code == 200


def test_list_queries_do_not_grow_with_the_events(client, events, django_assert_num_queries):
    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST, {"land": "NW"}).status_code == 200
        return len(queries)

    few = count()
    for i in range(12):
        f.EventFactory(
            network=events.owl,
            district=events.guetersloh,
            action_fields=[events.ausbildung, events.familie],
            target_groups=[events.schueler],
            starts_at=soon(30 + i),
            ends_at=soon(30 + i, hour=12),
        )
    with django_assert_num_queries(few):
        client.get(LIST, {"land": "NW"})
    assert few <= 12


def test_past_events_page_budget(client, events, django_assert_num_queries):
    # data version, five facets (Kreis waits for a Land), the page and its action fields
    with django_assert_num_queries(8):
        client.get(ARCHIVE)
    for i in range(5):
        f.EventFactory(network=events.guetersl, starts_at=soon(-3 - i), ends_at=soon(-3 - i, 12))
    with django_assert_num_queries(8):
        client.get(ARCHIVE)


# -- event page and JSON-LD ------------------------------------------------------------


def jsonld_of(response):
    html = response.content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_event_page_and_its_json_ld(client, events, django_assert_num_queries):
    url = events.beratung.get_absolute_url()
    with django_assert_num_queries(4):
        response = client.get(url)
    html = response.content.decode()
    assert events.beratung.title in html and events.owl.name in html
    data = jsonld_of(response)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["containedInPlace"]["identifier"] == "05711"
    assert data["location"]["address"]["addressRegion"] == "Nordrhein-Westfalen"
    assert data["organizer"]["name"] == events.owl.name
    assert data["startDate"] == events.beratung.local_start.isoformat()
    assert data["isAccessibleForFree"] is True


def test_json_ld_of_a_cancelled_mixed_event(client, events):
    labor = events.labor
    labor.status = Event.Status.CANCELLED
    labor.registration_url = "https://example.org/anmeldung"
    labor.save()
    response = client.get(labor.get_absolute_url())
    data = jsonld_of(response)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [loc["@type"] for loc in data["location"]] == ["Place", "VirtualLocation"]
    assert "abgesagt" in response.content.decode()


def test_online_and_all_day_json_ld(client, events):
    webinar = events.webinar
    webinar.all_day = True
    webinar.save()
    data = jsonld_of(client.get(webinar.get_absolute_url()))
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["startDate"] == webinar.first_day.isoformat()


@pytest.mark.parametrize("slug", ["offen", "entwurf", "gibt-es-nicht"])
def test_events_not_public_answer_404(client, events, slug):
    assert client.get(reverse("netzwerke:event-detail", kwargs={"slug": slug})).status_code == 404


# -- the profile block -------------------------------------------------------------------


def test_profile_lists_the_networks_upcoming_events(client, events):
    url = events.owl.get_absolute_url()
    response = client.get(url)
    assert [e.slug for e in response.context["events"]] == ["beratung", "labor"]
    html = response.content.decode()
    assert "Kommende Veranstaltungen" in html
    assert events.beratung.get_absolute_url() in html
    assert reverse("netzwerke:network-calendar", kwargs={"slug": "fachkraeftebuendnis-owl"}) in html


def test_profile_query_count_does_not_grow_with_events(client, events):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = events.owl.get_absolute_url()
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for i in range(8):
        f.EventFactory(network=events.owl, starts_at=soon(40 + i), ends_at=soon(40 + i, 12))
    with CaptureQueriesContext(connection) as after:
        response = client.get(url)
    assert len(after) == len(before)
    assert len(response.context["events"]) == 5


# -- iCalendar ---------------------------------------------------------------------------


def test_calendar_fields_parsed_back(client, events):
    response = client.get(CALENDAR, {"kreis": "05711"})
    calendar = calendar_of(response)
    assert calendar["VERSION"] == "2.0"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    by_slug = {slug_of_url(v["url"]): v for v in vevents(calendar)}
    assert set(by_slug) == {"beratung", "frueher"}  # the past one ended within 30 days
    beratung = by_slug["beratung"]
    assert beratung["UID"] == f"event-{events.beratung.pk}@testserver"
    assert beratung["SUMMARY"] == "Beratung"
    assert beratung["dtstart"].params["TZID"] == "Europe/Berlin"
    assert beratung.decoded("dtstart") == events.beratung.starts_at
    assert str(beratung.decoded("dtstart").tzinfo) == "Europe/Berlin"
    assert beratung.decoded("dtend") == events.beratung.ends_at
    assert beratung["STATUS"] == "CONFIRMED"
    assert beratung["SEQUENCE"] == 0
    assert "Rathaus, Niederwall 23" in beratung["LOCATION"]
    assert "Fachkräftebündnis OWL" in beratung["DESCRIPTION"]
    assert beratung["CATEGORIES"].cats == ["Aus- und Weiterbildung"]


def test_calendar_uid_stays_sequence_grows_cancelled_shows(client, events):
    url = reverse("netzwerke:network-calendar", kwargs={"slug": "fachkraeftebuendnis-owl"})

    def beratung():
        found = [v for v in vevents(calendar_of(client.get(url))) if v["SUMMARY"] == "Beratung"]
        assert len(found) == 1
        return found[0]

    first = beratung()
    event = Event.objects.get(pk=events.beratung.pk)
    event.starts_at += datetime.timedelta(hours=1)
    event.ends_at += datetime.timedelta(hours=1)
    event.save()
    moved = beratung()
    assert moved["UID"] == first["UID"]
    assert moved["SEQUENCE"] > first["SEQUENCE"]
    assert moved.decoded("dtstart") == first.decoded("dtstart") + datetime.timedelta(hours=1)
    event.status = Event.Status.CANCELLED
    event.save()
    cancelled = beratung()
    assert cancelled["UID"] == first["UID"]
    assert cancelled["STATUS"] == "CANCELLED"
    assert cancelled["SEQUENCE"] > moved["SEQUENCE"]


def test_all_day_events_are_dates(client, events):
    event = Event.objects.get(pk=events.kongress.pk)
    event.all_day = True
    event.starts_at = berlin(2027, 3, 4, 0, 0)
    event.ends_at = berlin(2027, 3, 5, 23, 59)
    event.save()
    url = reverse("netzwerke:network-calendar", kwargs={"slug": "qv-muenchen"})
    (vevent,) = vevents(calendar_of(client.get(url)))
    assert vevent.decoded("dtstart") == datetime.date(2027, 3, 4)
    assert vevent.decoded("dtend") == datetime.date(2027, 3, 6)  # exclusive, RFC 5545


def test_network_calendar_holds_only_its_public_events(client, events, django_assert_num_queries):
    url = reverse("netzwerke:network-calendar", kwargs={"slug": "fachkraeftebuendnis-owl"})
    with django_assert_num_queries(4):
        response = client.get(url)
    slugs = {slug_of_url(v["url"]) for v in vevents(calendar_of(response))}
    assert slugs == {"beratung", "labor", "frueher"}
    draft = reverse("netzwerke:network-calendar", kwargs={"slug": "entwurf-bielefeld"})
    assert client.get(draft).status_code == 404


def test_calendar_query_count_is_constant(client, events, django_assert_num_queries):
    # data version, the events with network and place, their action fields
    with django_assert_num_queries(3):
        client.get(CALENDAR)
    for i in range(6):
        f.EventFactory(
            network=events.owl,
            action_fields=[events.ausbildung],
            starts_at=soon(50 + i),
            ends_at=soon(50 + i, 12),
        )
    with django_assert_num_queries(3):
        client.get(CALENDAR)


# -- Atom feed, sitemap ---------------------------------------------------------------------


def test_atom_feed_follows_the_filter(client, events, django_assert_num_queries):
    with django_assert_num_queries(2):  # data version, the entries
        response = client.get(FEED, {"online": "ja"})
    root = ET.fromstring(response.content)
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert sorted(t.split(" (")[0] for t in titles) == ["Labor", "Webinar"]


def test_sitemap_lists_public_events(client, events):
    response = client.get("/sitemap-veranstaltungen.xml")
    body = response.content.decode()
    assert events.beratung.get_absolute_url() in body
    assert events.frueher.get_absolute_url() in body  # the archive stays
    assert "/veranstaltungen/offen/" not in body


def test_event_pages_are_cached_per_hour(client, events, page_cache):
    first = client.get(LIST)
    assert re.fullmatch(r'W/"\d+-\d+"', first["ETag"])
    again = client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    Network.objects.filter(pk=events.owl.pk).update(name="Umbenannt")
    events.owl.refresh_from_db()
    events.owl.save()
    assert client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
