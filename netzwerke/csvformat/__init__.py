"""The one CSV format for networks.

Used by the ``import_networks`` and ``export_networks`` commands, the admin and
the public export. One row is one network; the README documents every column.

- Lists (Kreise, vocabularies) are separated by ``|``: ``05711|05754``.
- ``partner`` holds one partner per line of the cell, its fields separated by ``|``:
  ``Name|Akteurstyp|AGS|Rolle|verbindlich|seit|Kürzel``; trailing fields may be left
  out, the actor's Kürzel only when it differs from the one derived from its name.
- Booleans are ``ja``/``nein``.

Reading accepts UTF-8 with or without BOM, separated by ``;`` or ``,``. Only the
columns present in the file are written, so a file with just ``kuerzel`` and
``status`` changes only the status.

The package: ``columns`` (the spec and cell parsers), ``write``, ``parse``
(validation without writes), ``preview`` (what an import would change, without
writing) and ``apply`` (the database write).
"""

from netzwerke.csvformat.apply import ImportResult, import_networks
from netzwerke.csvformat.columns import COLUMNS, PERSONAL_COLUMNS, REQUIRED_COLUMNS, columns_for
from netzwerke.csvformat.parse import parse_networks
from netzwerke.csvformat.preview import ImportPreview, import_preview
from netzwerke.csvformat.write import (
    csv_lines,
    export_queryset,
    network_row,
    network_rows,
    write_networks,
)
from netzwerke.tabular import LocatedError

__all__ = [
    "COLUMNS",
    "PERSONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "ImportPreview",
    "ImportResult",
    "LocatedError",
    "columns_for",
    "csv_lines",
    "export_queryset",
    "import_networks",
    "import_preview",
    "network_row",
    "network_rows",
    "parse_networks",
    "write_networks",
]
