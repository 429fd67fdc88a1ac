"""Reading tables: decoding, delimiter detection, located rows and the located-error type."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO

from django.utils.translation import gettext as _

from netzwerke.tabular.write import unguard_cell

# --- errors ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LocatedError:
    """One problem in a file; ``line`` is the physical line where the row starts."""

    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.line and self.column:
            return _("Zeile %(line)d, Spalte „%(column)s“: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        if self.line:
            return _("Zeile %(line)d: %(message)s") % {"line": self.line, "message": self.message}
        return self.message


# --- reading -----------------------------------------------------------------------------


def decode(data: bytes | str | IO) -> str | LocatedError:
    """The text of ``data`` (bytes, text or a file), without BOM; or where it is not UTF-8."""
    if hasattr(data, "read"):
        data = data.read()
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return LocatedError(
                data[: exc.start].count(b"\n") + 1,
                None,
                _(
                    "Die Datei ist nicht UTF-8-kodiert. In Excel bitte "
                    "„CSV UTF-8 (durch Trennzeichen getrennt)“ wählen."
                ),
            )
    return data.removeprefix("\ufeff")


def sniff_delimiter(text: str) -> str:
    """``;`` or ``,``, decided on the header line, which holds no quoted separators."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if header.count(";") >= header.count(",") and ";" in header else ","


@dataclass
class Table:
    """A read file: the lower-cased header and the data rows as ``(line, {column: cell})``."""

    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    errors: list[LocatedError] = field(default_factory=list)
    # False when the file or its header cannot be read; then ``rows`` is empty
    usable: bool = False


def read_csv(data, *, columns: Iterable[str] | None = None, required: Iterable[str] = ()) -> Table:
    """Read a CSV file into located rows; every problem becomes a ``LocatedError``.

    ``columns`` (if given) are the allowed header names, ``required`` must be present.
    Blank lines are skipped, cells are stripped and unguarded, a row with a different
    number of cells than the header is reported and left out.
    """
    table = Table()
    text = decode(data)
    if isinstance(text, LocatedError):
        table.errors.append(text)
        return table
    allowed = list(columns) if columns is not None else None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    errors = table.errors
    try:
        line = reader.line_num + 1
        for cells in reader:
            if not any(c.strip() for c in cells):
                line = reader.line_num + 1
                continue
            if not table.header:
                table.header = header = [c.strip().lower() for c in cells]
                if any("\x00" in c for c in header):
                    errors.append(LocatedError(line, None, _nul_message()))
                    return table
                for column in header:
                    if allowed is not None and column not in allowed:
                        errors.append(
                            LocatedError(
                                line,
                                column,
                                _("Unbekannte Spalte. Erlaubt sind: %(cols)s.")
                                % {"cols": ", ".join(allowed)},
                            )
                        )
                for column in {c for c in header if header.count(c) > 1}:
                    errors.append(LocatedError(line, column, _("Die Spalte kommt doppelt vor.")))
                for column in required:
                    if column not in header:
                        errors.append(LocatedError(line, column, _("Die Pflichtspalte fehlt.")))
                if errors:
                    return table
                table.usable = True
            elif len(cells) != len(table.header):
                errors.append(
                    LocatedError(
                        line,
                        None,
                        _("Die Zeile hat %(cells)d Zellen, die Kopfzeile %(header)d.")
                        % {"cells": len(cells), "header": len(table.header)},
                    )
                )
            else:
                nul = [h for h, c in zip(table.header, cells, strict=True) if "\x00" in c]
                errors.extend(LocatedError(line, column, _nul_message()) for column in nul)
                if not nul:
                    row = {
                        h: unguard_cell(c.strip()) for h, c in zip(table.header, cells, strict=True)
                    }
                    table.rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        errors.append(LocatedError(reader.line_num, None, _("Ungültiges CSV: %s") % exc))
    if not table.header:
        errors.append(LocatedError(None, None, _("Die Datei ist leer.")))
    return table


def _nul_message() -> str:
    return _(
        "Die Zelle enthält ein Nullzeichen (NUL). Bitte die Datei als "
        "„CSV UTF-8“ neu speichern; eine Tabelle enthält keine Nullzeichen."
    )
