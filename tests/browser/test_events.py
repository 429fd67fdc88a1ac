"""Events in the browser: the list with its facets, an event page and a profile with its
events, each checked with axe and the checks beyond it at 360 and 1280 px."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from netzwerke.models import Event
from tests import factories as f


def _events(directory):
    start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    beratertag = f.EventFactory(
        title="Beratertag für kleine Betriebe",
        slug="beratertag",
        network=directory.owl,
        district=directory.bielefeld,
        starts_at=start + datetime.timedelta(days=5),
        ends_at=start + datetime.timedelta(days=5, hours=3),
        action_fields=[directory.training],
        target_groups=[directory.youth],
        registration_url="https://example.org/anmeldung",
    )
    f.EventFactory(
        title="Webinar Fachkräfte gewinnen",
        slug="webinar",
        network=directory.owl,
        online=True,
        address="",
        starts_at=start + datetime.timedelta(days=9),
        ends_at=start + datetime.timedelta(days=9, hours=1),
        action_fields=[directory.recruiting],
        status=Event.Status.CANCELLED,
    )
    return beratertag


def test_event_list_event_page_and_profile(live_server, page, check_page, directory):
    beratertag = _events(directory)
    page.goto(live_server.url + reverse("netzwerke:event-list"))
    expect(page.locator("#result-count")).to_have_text(re.compile("2 Veranstaltungen gefunden"))
    check_page("veranstaltungen")

    with page.expect_navigation():
        page.get_by_role("group", name="Format").get_by_role(
            "checkbox", name=re.compile("online")
        ).click()
    expect(page.locator("#result-count")).to_have_text(re.compile("1 Veranstaltung gefunden"))

    page.goto(live_server.url + beratertag.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(beratertag.title)
    check_page("veranstaltung")

    page.goto(live_server.url + directory.owl.get_absolute_url())
    expect(page.get_by_role("heading", name="Kommende Veranstaltungen")).to_be_visible()
    expect(page.get_by_role("link", name=beratertag.title)).to_be_visible()
    check_page("profil-mit-veranstaltungen")


def test_event_archive_and_bad_parameter(live_server, page, check_page, directory):
    _events(directory)
    page.goto(live_server.url + reverse("netzwerke:event-list") + "?land=XX&online=kaputt")
    expect(page.locator("#result-count")).to_have_text(re.compile("2 Veranstaltungen gefunden"))
    expect(page.get_by_text("„XX“").first).to_be_visible()
    check_page("veranstaltungen-ungueltig", screenshot=False)
    page.goto(live_server.url + reverse("netzwerke:event-archive"))
    expect(page.locator("#result-count")).to_have_text(re.compile("0 Veranstaltungen gefunden"))
    check_page("veranstaltungen-archiv", screenshot=False)
