"""What `naravard export` does: check the repository, build the tables, write the file(s)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from naravard.atomic import write_or_fail
from naravard.core import check, refuse_personal_data
from naravard.export.csv_ import DIALECTS, build_csv, csv_paths
from naravard.export.tables import Table, build_tables
from naravard.findings import Severity
from naravard.privacy import mask, mask_value
from naravard.repository import load_repository
from naravard.submission import year_scope

Format = Literal["xlsx", "csv"]


@dataclass(frozen=True)
class ExportResult:
    """The files written, or how many errors in the data stopped the export."""

    paths: list[Path] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    errors: int = 0


def default_out(year: int, output_format: Format) -> Path:
    """`naravard-2024.xlsx` (or .csv) in the working folder."""
    return Path(f"naravard-{year}.{output_format}")


def export_year(
    root: Path, year: int, *, output_format: Format = "xlsx", out: Path | None = None, dialect: str = "excel"
) -> ExportResult:
    """Write the year's export; nothing is written while the year's data has errors.

    A file with an error would be missing from the sheets without a word, so the export waits
    until the files it depends on are clean (naravard.submission.year_scope: the year's
    follow-ups, its plans and strategy revision); errors in other years do not stop it.
    """
    repo = load_repository(root, until=year)
    scope = year_scope(repo, year)
    findings = check(repo)
    refuse_personal_data(findings)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR and f.location.file in scope)
    if errors:
        return ExportResult(errors=errors)
    tables = [_masked(table) for table in build_tables(repo, year)]
    target = out or default_out(year, output_format)
    if output_format == "xlsx":
        from naravard.export.xlsx import build_xlsx  # openpyxl is only needed here

        write_or_fail(target, build_xlsx(tables))
        return ExportResult([target], [t.title for t in tables])
    paths = csv_paths(target, tables)
    for path, table in zip(paths, tables, strict=True):
        write_or_fail(path, build_csv(table, DIALECTS[dialect]))
    return ExportResult(paths, [t.title for t in tables])


def _masked(table: Table) -> Table:
    # Where the data leaves: no cell carries a personnummer in full, whatever put it there.
    rows = [tuple(mask_value(value) for value in row) for row in table.rows]
    return replace(table, headers=tuple(mask(h) for h in table.headers), rows=rows)
