"""`naravard report YEAR`: the regional yearly report as HTML and Markdown."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from naravard.cli.app import RootOption, app, fail, refuse, repository_root
from naravard.errors import PersonalDataFound, UsageError


class ReportFormat(enum.StrEnum):
    """What to write."""

    html = "html"
    md = "md"
    all = "all"


@app.command()
def report(
    year: Annotated[
        int | None,
        typer.Argument(
            help="Året som rapporten gäller, t.ex. 2024 (standard: senaste året med uppföljningar).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="html, md eller all (båda).")
    ] = ReportFormat.all,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Mapp att skriva till (standard: rapport/ i repositoriet)."),
    ] = None,
    kommun: Annotated[
        list[str] | None, typer.Option("--kommun", "-k", help="En kommuns egen rapport, mot regionen.")
    ] = None,
    root: RootOption = None,
) -> None:
    """Skriv den regionala årsrapporten som en HTML-fil och som Markdown med diagram.

    Med --kommun: kommunens egen rapport, med kommunen jämförd med regionen.
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn

    from naravard import api

    console = Console(stderr=True)
    formats = ("html", "md") if output_format is ReportFormat.all else (output_format.value,)
    try:
        repo_root = repository_root(root)
        target = out if out is not None else repo_root / "rapport"
        with Progress(
            TextColumn("Ritar diagram"),
            BarColumn(),
            TextColumn("{task.description}"),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        ) as progress:
            task = progress.add_task("", total=None)

            def step(label: str) -> None:
                progress.update(task, advance=1, description=label)

            written = api.build_report(
                repo_root, year, target, formats=formats, kommuner=kommun or (), progress=step
            )
    except UsageError as error:
        raise fail(error) from None
    except PersonalDataFound as found:
        raise refuse("rapporten", found) from None
    for path in written:
        if path.suffix in (".html", ".md"):
            console.print(f"Skrev {path}", highlight=False, markup=False, soft_wrap=True)
