"""Events as an iCalendar file (RFC 5545), written with the ``icalendar`` library.

Times are written in Europe/Berlin with a VTIMEZONE that covers exactly the years the
file needs; all-day events as dates (DTEND the day after the last day, as the RFC
says). The UID (``event-<pk>@<host>``) never changes, SEQUENCE is the event's
``sequence`` (counted up by every change a calendar shows), a cancelled event stays
in the file with ``STATUS:CANCELLED`` so that subscribed clients strike it out.
"""

import datetime

import icalendar
from django.utils import timezone

PRODID = "-//Netzwerkdatenbank Fachkräftesicherung//Veranstaltungen//DE"
TZID = "Europe/Berlin"


def event_uid(event, host: str) -> str:
    return f"event-{event.pk}@{host.split(':')[0]}"


def calendar_bytes(events, *, name: str, host: str, url_for) -> bytes:
    """The calendar holding ``events``; ``url_for(event)`` gives an event's absolute URL."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    calendar.add("x-wr-timezone", TZID)
    years = []
    for event in events:
        calendar.add_component(_vevent(event, host, url_for(event)))
        years += [event.local_start.year, event.local_end.year]
    if years:
        calendar.add_missing_timezones(
            first_date=datetime.date(min(years), 1, 1),
            last_date=datetime.date(max(years) + 1, 1, 1),
        )
    return calendar.to_ical()


def _vevent(event, host, url):
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event, host))
    vevent.add("sequence", event.sequence)
    # the time the information was last revised (RFC 5545 3.8.7.2, published calendars)
    vevent.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
    vevent.add("created", event.created_at.astimezone(datetime.UTC))
    vevent.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    vevent.add("summary", event.title)
    if event.all_day:
        vevent.add("dtstart", event.first_day)
        vevent.add("dtend", event.last_day + datetime.timedelta(days=1))
    else:
        berlin = timezone.get_default_timezone()
        vevent.add("dtstart", event.starts_at.astimezone(berlin))
        vevent.add("dtend", event.ends_at.astimezone(berlin))
    # ORGANIZER needs an e-mail address (a cal-address); the network is named in the text
    lines = [event.description.strip(), f"Veranstalter: {event.network.name}"]
    if event.registration_url:
        lines.append(f"Anmeldung: {event.registration_url}")
    vevent.add("description", "\n\n".join(line for line in lines if line))
    location = _location(event)
    if location:
        vevent.add("location", location)
    vevent.add("url", url)
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    vevent.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    categories = [f.display_name for f in event.action_fields.all()]
    if categories:
        vevent.add("categories", categories)
    return vevent


def _location(event) -> str:
    parts = [", ".join(line.strip() for line in event.address.splitlines() if line.strip())]
    if event.district_id and event.district.name not in parts[0]:
        parts.append(event.district.name)
    if event.online:
        parts.append("online")
    return ", ".join(p for p in parts if p)
