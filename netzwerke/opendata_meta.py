"""What the open data says about itself: the licence of the directory's data.

One place for the API's metadata, the OpenAPI document, the JSON exports and the
/daten/ page, so they cannot name different licences.
"""

from django.utils.translation import gettext_lazy as _

#: the Datenlizenz Deutschland – Namensnennung 2.0, the usual licence of German public data
LICENCE = {
    "id": "dl-de/by-2-0",
    # the SPDX identifier (OpenAPI's license.identifier)
    "spdx": "DL-DE-BY-2.0",
    "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    "url": "https://www.govdata.de/dl-de/by-2-0",
    # the licence in the DCAT-AP.de vocabulary (dcatde:licence of a distribution)
    "dcat": "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
    # the attribution the licence asks for
    "attribution": _("Netzwerkdatenbank Fachkräftesicherung"),
}
