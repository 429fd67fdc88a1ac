"""One tabular layer for every CSV and XLSX file in and out of the project.

- Writing: German Excel CSV (UTF-8 with BOM, ``;``, CRLF) as a string, a stream or a
  (streaming) HTTP response, and XLSX; every writer passes each cell through
  ``guard_cell``, which neutralises a cell that a spreadsheet would run as a formula
  (froide's ``sanitize_row``): a text starting with ``=``, ``+``, ``-``, ``@``, tab or
  carriage return gets a leading apostrophe.
- Reading: ``read_csv`` decodes (UTF-8 with or without BOM), detects ``;`` or ``,`` on
  the header line, reports physical line numbers, refuses NUL bytes with a located
  message and strips the guard again (``unguard_cell``), so export → import is lossless.
- Errors: ``LocatedError`` ("Zeile 7, Spalte „kreise“: …").
- Columns: small classes whose ``clean()`` raises Django's ``ValidationError``, on the
  shared yes/no, year, integer and date parsers (the shape of pretix's
  ``base/modelimport.py``).

Modules: ``write`` (guard and writers), ``read`` (reader, ``LocatedError``), ``columns``.
"""

from netzwerke.tabular.columns import (
    ChoiceColumn,
    Column,
    DateTimeColumn,
    IntegerColumn,
    TextColumn,
    YearColumn,
    YesNoColumn,
    error_text,
    format_yes_no,
    parse_date,
    parse_datetime,
    parse_integer,
    parse_year,
    parse_yes_no,
)
from netzwerke.tabular.read import LocatedError, Table, decode, read_csv, sniff_delimiter
from netzwerke.tabular.write import (
    csv_lines,
    csv_response,
    csv_text,
    guard_cell,
    in_pieces,
    unguard_cell,
    write_csv,
    xlsx_bytes,
)

__all__ = [
    "ChoiceColumn",
    "Column",
    "DateTimeColumn",
    "IntegerColumn",
    "LocatedError",
    "Table",
    "TextColumn",
    "YearColumn",
    "YesNoColumn",
    "csv_lines",
    "csv_response",
    "csv_text",
    "decode",
    "error_text",
    "format_yes_no",
    "guard_cell",
    "in_pieces",
    "parse_date",
    "parse_datetime",
    "parse_integer",
    "parse_year",
    "parse_yes_no",
    "read_csv",
    "sniff_delimiter",
    "unguard_cell",
    "write_csv",
    "xlsx_bytes",
]
