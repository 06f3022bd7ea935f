"""Tables as CSV files: for Swedish Excel by default, or plain.

Swedish Excel opens a CSV by double-click only when it is UTF-8 with a
byte-order mark (or å, ä and ö break), separated by semicolons, with decimal
commas (`excel`, the default). `plain` is what other tools expect: UTF-8
without a mark, commas, decimal points. Text is neutralised in both (`cells`).
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from naravard.export.cells import Cell, neutralise, plain_number
from naravard.export.tables import Table


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV file is written."""

    delimiter: str
    decimal: str
    bom: bool


DIALECTS = {
    "excel": CsvDialect(delimiter=";", decimal=",", bom=True),
    "plain": CsvDialect(delimiter=",", decimal=".", bom=False),
}


def csv_paths(out: Path, tables: list[Table]) -> list[Path]:
    """Where each table goes: the first to `out`, the others beside it (`out-aktiviteter.csv`)."""
    return [out, *(out.with_name(f"{out.stem}-{t.slug}{out.suffix or '.csv'}") for t in tables[1:])]


def build_csv(table: Table, dialect: CsvDialect) -> bytes:
    """One table as CSV bytes."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter=dialect.delimiter, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([_text(v, dialect) for v in row])
    data = text.getvalue().encode("utf-8")
    return codecs.BOM_UTF8 + data if dialect.bom else data


def _text(value: Cell, dialect: CsvDialect) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, date):
        return value.isoformat()
    return plain_number(value, decimal=dialect.decimal)
