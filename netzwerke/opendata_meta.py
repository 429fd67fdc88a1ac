"""The terms the directory's data is published under: one home for the licence.

Read by the Quellen page, the JSON exports, the Atom feeds, ``/daten/``, the DCAT
catalogue and the public API, so that every place names the same licence.
"""

import json

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

#: the network data's licence: the usual choice of German public bodies (GovData)
LICENCE = {
    "id": "dl-de/by-2-0",
    # the SPDX identifier (OpenAPI's license.identifier)
    "spdx": "DL-DE-BY-2.0",
    "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    "url": "https://www.govdata.de/dl-de/by-2-0",
}
#: the same licence in the DCAT-AP.de licence vocabulary (http://dcat-ap.de/def/licenses/)
DCAT_LICENCE_URI = "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
#: what a re-user names as the source (dl-de/by-2-0 § 2: "Bereitsteller")
ATTRIBUTION = _("Netzwerkdatenbank Fachkräftesicherung")
#: the publisher in the DCAT catalogue
PUBLISHER = _("Netzwerkdatenbank Fachkräftesicherung")
#: the catalogue's supplier ID in GovData's contributor list (DCAT-AP.de convention 12):
#: GovData assigns it when the operator registers as a supplier; until then the federal
#: ministry behind the Fachkräftesicherung networks stands in (README "Open data")
CONTRIBUTOR_ID = "http://dcat-ap.de/def/contributors/bundesministeriumFuerArbeitUndSoziales"


def licence_link() -> str:
    """The ``Link`` header naming the licence of a download (RFC 8288, rel "license")."""
    return f'<{LICENCE["url"]}>; rel="license"'


def licence_text() -> str:
    """The licence line of the Atom feeds' ``<rights>`` and the API's metadata."""
    return f"{LICENCE['name']} ({LICENCE['id']}), {LICENCE['url']}"


def licence_api() -> dict:
    """The licence block of the API's answers (English keys, like the API's fields)."""
    return {**LICENCE, "dcat": DCAT_LICENCE_URI, "attribution": str(ATTRIBUTION)}


def licence_meta() -> dict:
    """The licence block every JSON document of the directory carries."""
    return {**LICENCE, "namensnennung": str(ATTRIBUTION)}


def json_envelope(request, records: str) -> tuple[str, str]:
    """The start and end of an exported JSON document: the licence and where the
    datasets are described, then the list ``records`` (streamed in between)."""
    head = {
        "lizenz": licence_meta(),
        "quelle": request.build_absolute_uri(reverse("netzwerke:data")),
    }
    start = json.dumps(head, ensure_ascii=False)[:-1] + f', "{records}": ['
    return start, "]}"
