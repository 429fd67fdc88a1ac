"""Writing tables: German Excel CSV (text, stream, response) and XLSX, cells formula-guarded."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO, Any

from django.http import HttpResponse, StreamingHttpResponse

# --- the formula guard -------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"


def guard_cell(value: Any) -> Any:
    """``value``, or a text a spreadsheet would run as a formula with ``'`` in front.

    Texts that already start with apostrophes before such a character get one more,
    so that ``unguard_cell`` is the exact inverse. Numbers and empty cells pass as they are.
    """
    if isinstance(value, str) and value.lstrip(GUARD).startswith(FORMULA_STARTS):
        return GUARD + value
    return value


def unguard_cell(text: str) -> str:
    """The cell as it was before ``guard_cell``."""
    if text.startswith(GUARD) and text.lstrip(GUARD).startswith(FORMULA_STARTS):
        return text[1:]
    return text


# --- writing -----------------------------------------------------------------------------


class _Echo:
    """A file-like object whose ``write`` returns the text, so csv.writer yields lines."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Iterable[Any]], *, delimiter: str = ";", bom: bool = True):
    """The rows as CSV text, one line (record) at a time, every cell guarded."""
    writer = csv.writer(_Echo(), delimiter=delimiter, lineterminator="\r\n")
    prefix = "\ufeff" if bom else ""
    for row in rows:
        # the BOM travels with the first line, so every chunk is a whole line
        yield prefix + writer.writerow([guard_cell(cell) for cell in row])
        prefix = ""
    if prefix:
        yield prefix


# Bytes per piece of a streamed download: GZipMiddleware flushes the compressor after
# every piece, so one line per piece would cost a sync flush (and a socket write) per row.
STREAM_PIECE = 64 * 1024


def in_pieces(chunks: Iterable[str], *, size: int = STREAM_PIECE):
    """``chunks`` joined into pieces of at least ``size`` characters (the last may be less)."""
    buffer, length = [], 0
    for chunk in chunks:
        buffer.append(chunk)
        length += len(chunk)
        if length >= size:
            yield "".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer)


def write_csv(
    rows: Iterable[Iterable[Any]], stream: IO[str], *, delimiter: str = ";", bom: bool = True
) -> int:
    """Write the rows (header included) to a text stream; returns the number of rows."""
    if bom:
        stream.write("\ufeff")
    count = 0
    for line in csv_lines(rows, delimiter=delimiter, bom=False):
        stream.write(line)
        count += 1
    return count


def csv_text(rows: Iterable[Iterable[Any]], *, delimiter: str = ";", bom: bool = True) -> str:
    """The rows as one CSV text (BOM, ``;``), every cell guarded."""
    return "".join(csv_lines(rows, delimiter=delimiter, bom=bom))


def csv_response(
    rows: Iterable[Iterable[Any]], *, filename: str, streaming: bool = False
) -> HttpResponse | StreamingHttpResponse:
    """A download for German Excel. ``streaming`` sends rows while they are produced,
    for results too large to build in memory first (the rows are read lazily then)."""
    lines = csv_lines(rows)
    if streaming:
        response = StreamingHttpResponse(in_pieces(lines), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse("".join(lines), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_bytes(rows: Iterable[Iterable[Any]], *, title: str) -> bytes:
    """The rows as an XLSX workbook with a bold, frozen header row; cells guarded and
    texts stored as text, so no cell is ever taken for a formula."""
    from openpyxl import Workbook  # heavy; only the XLSX export needs it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    for index, row in enumerate(rows):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=guard_cell(value))
            if isinstance(value, str):
                cell.data_type = "s"
            if index == 0:
                cell.font = bold
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
