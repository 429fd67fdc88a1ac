"""schema.org JSON-LD for a network profile, safe to embed in a script element."""

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


def organization_jsonld(request, network, districts, memberships):
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
