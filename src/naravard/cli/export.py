"""`naravard export`: the year's data as an Excel workbook or CSV files for analysts."""

import enum
from pathlib import Path
from typing import Annotated

import typer

from naravard.cli.app import RootOption, app, fail, refuse, repository_root
from naravard.errors import PersonalDataFound, UsageError


class ExportFormat(enum.StrEnum):
    """File formats of the export."""

    xlsx = "xlsx"
    csv = "csv"


class CsvDialect(enum.StrEnum):
    """CSV flavours (the keys of naravard.export.csv_.DIALECTS)."""

    excel = "excel"
    plain = "plain"


@app.command()
def export(
    year: Annotated[int, typer.Argument(help="Året som ska exporteras, t.ex. 2024.", show_default=False)],
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="xlsx (Excel-arbetsbok) eller csv.")
    ] = ExportFormat.xlsx,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Filen att skriva. Standard: naravard-ÅR.xlsx (eller .csv) här.",
            dir_okay=False,
        ),
    ] = None,
    csv_dialect: Annotated[
        CsvDialect | None,
        typer.Option(
            "--csv-dialect",
            help="excel (standard): semikolon, decimalkomma och BOM för svenska Excel. plain: komma, punkt.",
        ),
    ] = None,
    root: RootOption = None,
) -> None:
    """Exportera årets data för analys i Excel eller LibreOffice.

    En rad per kommun: självskattning per delmål, varje nyckeltal och antal aktiviteter per status.

    Därtill nyckeltalen med källa (Källa: Kolada för hämtade värden), aktiviteterna och reflektionerna.

    Med xlsx blir de blad i arbetsboken; med csv egna filer bredvid (naravard-ÅR-nyckeltal.csv osv.).

    Rubrikerna är strategins namn. Text som ett kalkylprogram skulle läsa som en formel skrivs som text.

    Avslutas med 1 utan att skriva något om årets filer har fel (årets uppföljningar, planerna och
    strategin som gäller för året); fel i andra års filer stoppar inte exporten.
    """
    from naravard import api

    try:
        if csv_dialect is not None and output_format is not ExportFormat.csv:
            raise UsageError("--csv-dialect gäller bara --format csv.")
        result = api.export(
            repository_root(root),
            year,
            output_format=output_format.value,
            out=out,
            dialect=(csv_dialect or CsvDialect.excel).value,
        )
    except UsageError as error:
        raise fail(error) from None
    except PersonalDataFound as found:
        raise refuse("exporten", found) from None
    if result.errors:
        typer.echo(
            f"naravard: exporten gjordes inte: filerna för {year} har {result.errors} fel, och en fil med "
            "fel skulle saknas i exporten. Rätta felen först (`naravard validate` visar dem).",
            err=True,
        )
        raise typer.Exit(1)
    if len(result.paths) == 1:
        typer.echo(f"Skrev {result.paths[0]} (blad: {', '.join(result.sheets)}).")
    else:
        typer.echo(f"Skrev {len(result.paths)} filer: {', '.join(str(p) for p in result.paths)}.")
