"""A form as an Excel workbook (openpyxl), checked by Excel and LibreOffice as it is filled in.

The cells to fill in are yellow and unlocked; everything else is locked by sheet
protection without a password (Granska → Ta bort skydd undoes it; it keeps mistakes
out, not people). The workbook's structure is locked too, so sheets cannot be renamed,
moved or deleted by accident. Status and score cells have drop-down lists (their items
stand in the hidden sheet), number cells accept only decimal numbers, and each says
what it takes when selected. Column A holds each row's id and is hidden; the hidden
sheet `naravard` holds the layout (`layout`). Numbers use the General format, which
Swedish Excel and LibreOffice show with a decimal comma. Texts are stored as text,
never as formulas.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as XCell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from naravard.form import layout as L
from naravard.form.content import Cell, Form, SheetContent, storable
from naravard.form.layout import Kind

INPUT_FILL = PatternFill("solid", start_color="FFF2CC")
HEADER_FILL = PatternFill("solid", start_color="D9E1F2")
STATUS_COLUMN, SCORE_COLUMN = 2, 3  # where the drop-down items stand in the hidden sheet


def build_workbook(form: Form) -> bytes:
    """The workbook's bytes."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    workbook.properties.creator = "naravard"
    workbook.properties.title = form.instructions[0]
    _instructions(workbook.create_sheet(L.INSTRUCTIONS), form.instructions)
    meta = workbook.create_sheet(L.META_SHEET)
    lists = _meta(meta, form)
    for content in form.sheets:
        _sheet(workbook.create_sheet(content.name), content, form, lists)
    meta.sheet_state = "hidden"
    workbook.move_sheet(meta, offset=len(form.sheets))  # last, after the sheets people see
    workbook.active = 0
    workbook.security = WorkbookProtection(lockStructure=True)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _instructions(sheet: Worksheet, lines: tuple[str, ...]) -> None:
    for number, line in enumerate(lines, 1):
        cell = sheet.cell(number, 1, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 110
    _protect(sheet)


def _meta(sheet: Worksheet, form: Form) -> dict[Kind, str]:
    record = form.layout.to_json()
    sheet.cell(1, 1, "Dolda uppgifter som naravard läser formuläret med. Ändra inget här.")
    sheet.cell(1, 2, L.signature(record))
    for number, chunk in enumerate(L.chunks(record), 2):
        _text_cell(sheet, number, 1, chunk)
    for number, item in enumerate(form.statuses, 1):
        _text_cell(sheet, number, STATUS_COLUMN + 1, item)
    for number, item in enumerate(form.scores, 1):
        _text_cell(sheet, number, SCORE_COLUMN + 1, item)
    _protect(sheet)
    name = quote_sheetname(L.META_SHEET)
    return {
        Kind.STATUS: _range(name, STATUS_COLUMN + 1, len(form.statuses)),
        Kind.SCORE: _range(name, SCORE_COLUMN + 1, len(form.scores)),
    }


def _range(sheet: str, column: int, count: int) -> str:
    letter = get_column_letter(column)
    return f"{sheet}!${letter}$1:${letter}${max(count, 1)}"


def _validations(lists: dict[Kind, str], scale: tuple[int, int]) -> dict[Kind, DataValidation]:
    low, high = scale
    return {
        Kind.STATUS: DataValidation(
            type="list",
            formula1=lists[Kind.STATUS],
            promptTitle="Status",
            prompt="Välj status i listan.",
            errorTitle="Välj i listan",
            error="Status väljs i listan: planerad, pågående, genomförd, pausad eller avbruten.",
        ),
        Kind.SCORE: DataValidation(
            type="list",
            formula1=lists[Kind.SCORE],
            promptTitle="Skattning",
            prompt=f"Välj en skattning {low}–{high} i listan.",
            errorTitle="Välj i listan",
            error=f"Skattningen väljs i listan: ett heltal {low}–{high}.",
        ),
        Kind.NUMBER: DataValidation(
            type="decimal",
            operator="between",
            formula1="-1000000000000",
            formula2="1000000000000",
            promptTitle="Värde",
            prompt="Skriv talet, t.ex. 52,1. Lämna tomt om värdet inte är känt.",
            errorTitle="Ett tal",
            error="Här skrivs ett tal, t.ex. 52,1.",
        ),
    }


def _sheet(sheet: Worksheet, content: SheetContent, form: Form, lists: dict[Kind, str]) -> None:
    sheet.cell(L.TITLE_ROW, 2, content.title).font = Font(bold=True, size=14)
    sheet.cell(L.HINT_ROW, 2, content.hint)
    for column, header in enumerate(content.headers, 1):
        cell = _text_cell(sheet, L.HEADER_ROW, column, header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    validations = _validations(lists, form.layout.scale)
    used: set[Kind] = set()
    for index, values in enumerate(content.rows):
        row = L.FIRST_ROW + index
        for column, value in enumerate(values, 1):
            cell = _text_cell(sheet, row, column, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            kind = content.inputs.get(column)
            if kind is None:
                continue
            cell.fill = INPUT_FILL
            cell.protection = Protection(locked=False)
            if kind in validations:
                validations[kind].add(cell)
                used.add(kind)
    for kind in used:
        sheet.add_data_validation(validations[kind])
    for column, width in enumerate(content.widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for index, values in enumerate(content.rows):
        sheet.row_dimensions[L.FIRST_ROW + index].height = _height(values, content.widths)
    sheet.row_dimensions[L.HEADER_ROW].height = _height(content.headers, content.widths)
    sheet.column_dimensions["A"].hidden = True
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.freeze_panes = f"C{L.FIRST_ROW}"
    _protect(sheet)


def _height(values: tuple[Cell, ...], widths: tuple[int, ...]) -> float:
    """A row height that shows every wrapped line (neither program sizes rows that openpyxl wrote)."""
    lines = 1
    for value, width in zip(values[1:], widths[1:], strict=False):  # column A is hidden
        parts = str(value if value is not None else "").split("\n")
        lines = max(lines, sum(len(part) // max(width - 2, 1) + 1 for part in parts))
    return 15.0 * min(lines, 27)  # Excel's tallest row is 409 points


def _text_cell(sheet: Worksheet, row: int, column: int, value: Cell) -> XCell:
    cell = sheet.cell(row, column, storable(value))
    assert isinstance(cell, XCell)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def _protect(sheet: Worksheet) -> None:
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = False  # columns and rows may still be widened
    protection.formatRows = False
