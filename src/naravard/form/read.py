"""Reading a filled-in form: first its structure, then every cell to fill in.

The hidden record (`layout`) must match its signature, and the workbook the record:
every sheet by name, every header, every row's id in column A, and nothing written
below the last row. Only a form that passes all of that has its cells read, so a value
is never taken from a moved row. Each problem is a finding at the sheet and cell: the
file is the form, the line and column the cell's row and column, and the message
starts with the cell's name.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from naravard.findings import Finding, Location
from naravard.form import codes
from naravard.form import layout as L
from naravard.form.cells import Problem, Scale, read_cell, shown
from naravard.form.layout import Layout, Value, cell_ref

MAX_FORM_BYTES = 20 * 1024 * 1024
EXTRA_ROWS_CHECKED = 1000


@dataclass(frozen=True)
class FilledForm:
    """A form whose structure is intact: its layout and the value of every cell to fill in."""

    file: str  # as findings name it
    layout: Layout
    values: dict[L.Path, Value] = field(default_factory=dict)


def read_form(path: Path, shown_as: str) -> FilledForm | list[Finding]:
    """The values of the form at `path`, or the findings that keep it from being read in."""
    where = _Where(shown_as)
    workbook = _open(path, where)
    if isinstance(workbook, list):
        return workbook
    record = _record(workbook, where)
    if isinstance(record, list):
        return record
    problems = _structure(workbook, record, where)
    if problems:
        return problems
    values: dict[L.Path, Value] = {}
    scale = Scale(record.scale[0], record.scale[1], dict(enumerate(record.labels, record.scale[0])))
    for cell_field in record.fields:
        cell = workbook[cell_field.sheet].cell(cell_field.row, cell_field.column)
        if cell.data_type == "f":
            formula = show_formula(cell.value)
            where.add(
                cell_field.sheet,
                cell_field.row,
                cell_field.column,
                codes.FORMULA,
                f"cellen innehåller en formel (`{formula}`). Skriv värdet i stället: "
                "det sparade resultatet av en formel läses inte in.",
            )
            continue
        value = read_cell(cell_field.kind, cell.value, scale)
        if isinstance(value, Problem):
            where.add(cell_field.sheet, cell_field.row, cell_field.column, codes.VALUE, value.message)
        else:
            values[cell_field.path] = value
    if where.findings:
        return where.findings
    return FilledForm(shown_as, record, values)


def show_formula(value: Any) -> str:
    """A formula's text (an array formula keeps it in `.text`), short."""
    return shown(getattr(value, "text", value))


class _Where:
    """Collects findings at cells of one form."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.findings: list[Finding] = []

    def add(self, sheet: str | None, row: int, column: int, code: str, message: str) -> None:
        prefix = f"{cell_ref(sheet, row, column)}: " if sheet else ""
        self.findings.append(Finding(Location(self.file, row, column), code, prefix + message))


def _open(path: Path, where: _Where) -> Workbook | list[Finding]:
    try:
        if path.stat().st_size > MAX_FORM_BYTES:
            where.add(
                None, 1, 1, codes.NOT_A_FORM, f"Filen är större än {MAX_FORM_BYTES >> 20} MB och läses inte."
            )
            return where.findings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns in English about what it does not read
            return load_workbook(path, data_only=False)
    except OSError as exc:
        message = f"Filen kan inte läsas: {exc.strerror or exc}."
    except Exception:  # openpyxl and zipfile raise many kinds of error on a file that is no workbook
        message = (
            "Filen kan inte öppnas som en Excel-arbetsbok (.xlsx). Spara formuläret som "
            "Excel-arbetsbok och försök igen."
        )
    where.add(None, 1, 1, codes.NOT_A_FORM, message)
    return where.findings


def _record(workbook: Workbook, where: _Where) -> Layout | list[Finding]:
    if L.META_SHEET not in workbook.sheetnames:
        where.add(
            None,
            1,
            1,
            codes.NOT_A_FORM,
            "Filen är inget formulär från naravard (det dolda bladet `naravard` saknas). "
            "Skapa formuläret med `naravard form ÅR --kommun KOMMUN`.",
        )
        return where.findings
    meta = workbook[L.META_SHEET]
    parts = []
    for row in range(2, meta.max_row + 1):
        value = meta.cell(row, 1).value
        if not isinstance(value, str) or not value:
            break
        parts.append(value)
    record = "".join(parts)
    try:
        if meta.cell(1, 2).value != L.signature(record):
            raise ValueError("signature")
        return Layout.from_json(record)
    except (ValueError, KeyError, TypeError, AttributeError):
        where.add(
            L.META_SHEET,
            2,
            1,
            codes.STRUCTURE,
            "de dolda uppgifterna om formuläret har ändrats, så det går inte att veta vilken cell "
            "som hör till vilket svar. Skapa ett nytt formulär och skriv in svaren där.",
        )
        return where.findings


def _structure(workbook: Workbook, record: Layout, where: _Where) -> list[Finding]:
    for name, headers in record.headers.items():
        if name not in workbook.sheetnames:
            present = ", ".join(n for n in workbook.sheetnames if n != L.META_SHEET)
            where.add(
                None,
                1,
                1,
                codes.STRUCTURE,
                f"bladet `{name}` saknas (bladen heter nu {present}). Byt tillbaka namnet på bladet.",
            )
            continue
        sheet = workbook[name]
        for column, header in enumerate(headers, 1):
            found = sheet.cell(L.HEADER_ROW, column).value
            if _plain(found) != header:
                where.add(
                    name,
                    L.HEADER_ROW,
                    column,
                    codes.STRUCTURE,
                    f"rubriken har ändrats: här ska det stå `{header}`, det står `{shown(found)}`. "
                    "Kolumner får inte flyttas, läggas till eller ändras.",
                )
        _rows(sheet, name, [r for r in record.rows if r.sheet == name], len(headers), where)
    return where.findings


def _rows(sheet: Worksheet, name: str, rows: list[L.RowId], width: int, where: _Where) -> None:
    expected = {r.id: r.row for r in rows}
    for row in rows:
        found = _plain(sheet.cell(row.row, L.ID_COLUMN).value)
        if found == row.id:
            continue
        if found in expected:
            message = (
                f"raderna har flyttats eller sorterats: på rad {row.row} ska `{row.id}` stå, men här står "
                f"`{found}`, som hör till rad {expected[found]}. Ångra flytten eller sorteringen."
            )
        elif found is None:
            message = f"id:t `{row.id}` saknas i den dolda kolumnen A: raden har tömts eller tagits bort."
        else:
            message = f"id:t har ändrats: `{row.id}` väntades, det står `{shown(found)}`. Skriv tillbaka det."
        where.add(name, row.row, L.ID_COLUMN, codes.STRUCTURE, message)
    after = (rows[-1].row if rows else L.FIRST_ROW - 1) + 1
    last = min(sheet.max_row, after + EXTRA_ROWS_CHECKED)
    for cells in sheet.iter_rows(min_row=after, max_row=last, max_col=max(width, sheet.max_column)):
        filled = next((c for c in cells if _plain(c.value) is not None), None)
        if filled is not None and filled.row is not None and filled.column is not None:
            where.add(
                name,
                filled.row,
                filled.column,
                codes.STRUCTURE,
                "raden finns inte i formuläret och läses inte in: lägg inte till rader. "
                "Ta bort det som står här, eller skriv det i en cell som ska fyllas i.",
            )
            return


def _plain(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
