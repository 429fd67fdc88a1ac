"""schema.org JSON-LD for a network profile and an event page, safe to embed in a script
element."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe


def _json_for_script(data):
    # json_script's escaping, for a script type that json_script cannot emit
    return mark_safe(  # noqa: S308 - every <, > and & is escaped below
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
            {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
        )
    )


def organization_jsonld(request, network, districts, memberships, foreign_regions=()):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": network.name,
        "url": request.build_absolute_uri(network.get_absolute_url()),
    }
    if network.short_description or network.description:
        data["description"] = network.short_description or network.description[:500]
    if network.website:
        data["sameAs"] = [network.website]
    if network.founded_year:
        data["foundingDate"] = str(network.founded_year)
    if districts:
        data["areaServed"] = [
            {
                "@type": "AdministrativeArea",
                "name": d.name,
                "identifier": d.ags,
                "containedInPlace": {"@type": "AdministrativeArea", "name": d.state.name},
            }
            for d in districts
        ]
    if foreign_regions:
        data.setdefault("areaServed", []).extend(
            {
                "@type": "AdministrativeArea",
                "name": region.name,
                "identifier": region.code,
                "containedInPlace": {"@type": "Country", "identifier": region.country},
            }
            for region in foreign_regions
        )
    if memberships:
        data["member"] = [{"@type": "Organization", "name": m.actor.name} for m in memberships]
    public = network.public_contact
    contact = {
        key: public[ours]
        for key, ours in (
            ("email", "email"),
            ("telephone", "telefon"),
            ("name", "person"),
            ("description", "funktion"),
        )
        if ours in public
    }
    if contact:
        data["contactPoint"] = {"@type": "ContactPoint", "contactType": "Netzwerkkoordination"}
        data["contactPoint"].update(contact)
    return _json_for_script(data)


def event_jsonld(request, event):
    """schema.org ``Event``: status, attendance mode, place or virtual location, organizer."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "eventStatus": "https://schema.org/"
        + ("EventCancelled" if event.cancelled else "EventScheduled"),
        "eventAttendanceMode": f"https://schema.org/{event.attendance_mode}",
        "organizer": {
            "@type": "Organization",
            "name": event.network.name,
            "url": request.build_absolute_uri(event.network.get_absolute_url()),
        },
    }
    if event.all_day:
        data["startDate"] = event.first_day.isoformat()
        data["endDate"] = event.last_day.isoformat()
    else:
        data["startDate"] = event.local_start.isoformat()
        data["endDate"] = event.local_end.isoformat()
    if event.description:
        data["description"] = event.description[:500]
    locations = []
    if event.address or event.district_id:
        place = {"@type": "Place", "name": event.address.splitlines()[0] if event.address else ""}
        address = {"@type": "PostalAddress", "addressCountry": "DE"}
        if event.address:
            address["streetAddress"] = ", ".join(event.address.splitlines())
        if event.district_id:
            address["addressRegion"] = event.district.state.name
            place["containedInPlace"] = {
                "@type": "AdministrativeArea",
                "name": event.district.name,
                "identifier": event.district.ags,
            }
            place["name"] = place["name"] or event.district.name
        place["address"] = address
        locations.append(place)
    if event.online:
        virtual = {"@type": "VirtualLocation"}
        if event.registration_url:
            virtual["url"] = event.registration_url
        locations.append(virtual)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.registration_url:
        data["offers"] = {"@type": "Offer", "url": event.registration_url}
        if event.cost == event.Cost.FREE:
            data["isAccessibleForFree"] = True
            data["offers"].update(price="0", priceCurrency="EUR")
    elif event.cost == event.Cost.FREE:
        data["isAccessibleForFree"] = True
    return _json_for_script(data)


def project_jsonld(request, project, districts):
    """A Praxisbeispiel as schema.org ``CreativeWork``, created by its network."""
    network = project.network
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": project.title,
        "url": request.build_absolute_uri(project.get_absolute_url()),
        "creator": {
            "@type": "Organization",
            "name": network.name,
            "url": request.build_absolute_uri(network.get_absolute_url()),
        },
        "keywords": [str(a) for a in project.aims]
        + [f.display_name for f in project.action_fields.all()],
        "creativeWorkStatus": project.get_status_display(),
    }
    if project.description:
        data["description"] = project.description[:500]
    if project.results:
        data["abstract"] = project.results[:500]
    if project.start_date:
        end = project.end_date.isoformat() if project.end_date else ".."
        data["temporalCoverage"] = f"{project.start_date.isoformat()}/{end}"
    if project.website:
        data["sameAs"] = [project.website]
    if districts:
        data["spatialCoverage"] = [
            {"@type": "AdministrativeArea", "name": d.name, "identifier": d.ags} for d in districts
        ]
    return _json_for_script(data)
