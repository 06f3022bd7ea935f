"""Tables as an Excel workbook (openpyxl): one sheet per table, ready to filter.

Numbers are number cells and dates date cells; text is neutralised (`cells`),
so the workbook holds no formula at all. Each sheet has a bold, frozen header
row (and a frozen first column: the kommun), a filter on the header, and column
widths that fit the content.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from naravard.export.cells import Cell
from naravard.export.tables import Table

MIN_WIDTH = 8
MAX_WIDTH = 60


def build_xlsx(tables: Sequence[Table]) -> bytes:
    """The workbook's bytes."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    workbook.properties.creator = "naravard"
    for table in tables:
        _sheet(workbook.create_sheet(table.title), table)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _value(value: Cell) -> Cell:
    if isinstance(value, str):
        # Control characters cannot be stored in the file format; show that something was there.
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value


def _as_text(row: tuple[Any, ...]) -> None:
    # openpyxl makes a text starting with `=` a formula; stored as a string it is shown as
    # written, with no apostrophe in front (unlike CSV, where only the apostrophe can help).
    for cell in row:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _sheet(sheet: Worksheet, table: Table) -> None:
    sheet.append([_value(h) for h in table.headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for values in table.rows:
        sheet.append([_value(v) for v in values])
    for row in sheet.iter_rows():
        _as_text(row)
    widths = [len(h) for h in table.headers]
    for row in sheet.iter_rows(min_row=2):
        for column, cell in enumerate(row):
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
            text = cell.value if isinstance(cell.value, str) else str(cell.value or "")
            widths[column] = max(widths[column], max((len(line) for line in text.splitlines()), default=0))
            if isinstance(cell.value, str) and len(cell.value) > MAX_WIDTH:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
