"""`naravard report YEAR`: the regional yearly report as HTML and Markdown, Word or PDF."""

import enum
from pathlib import Path
from typing import Annotated

import typer

from naravard.cli.app import CacheOption, RootOption, app, fail, parse_cache, refuse, repository_root
from naravard.errors import PersonalDataFound, Refused, UsageError


class ReportFormat(enum.StrEnum):
    """What to write."""

    html = "html"
    md = "md"
    docx = "docx"
    pdf = "pdf"
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
        ReportFormat,
        typer.Option("--format", "-f", help="html, md, docx (Word), pdf eller all (html och md)."),
    ] = ReportFormat.all,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Mapp att skriva till (standard: rapport/ i repositoriet)."),
    ] = None,
    kommun: Annotated[
        list[str] | None, typer.Option("--kommun", "-k", help="En kommuns egen rapport, mot regionen.")
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Skriv ingenting (exit 1) så länge en varning gäller något som rapporten visar; "
            "visa varningarna. För rapporten som går ut.",
        ),
    ] = False,
    own_templates: Annotated[
        bool,
        typer.Option(
            "--egna-mallar",
            help="Använd repositoriets egna mallar i templates/. Bara för mallar du litar på.",
        ),
    ] = False,
    root: RootOption = None,
    cache: CacheOption = None,
) -> None:
    """Skriv den regionala årsrapporten som en HTML-fil och som Markdown med diagram.

    --format docx skriver en Word-fil att redigera vidare, --format pdf en tillgänglig PDF
    (kräver `pip install 'naravard[pdf]'`).

    Med --kommun: kommunens egen rapport, med kommunen först och jämförd med regionen.
    Varningar från granskningen (lint) markeras där värdet visas och listas under "Att granska".
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn

    from naravard import api
    from naravard.output.terminal import visible  # here: output/ imports the loader, not for --help

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
                repo_root,
                year,
                target,
                formats=formats,
                kommuner=kommun or (),
                progress=step,
                strict=strict,
                own_templates=own_templates,
                cache=parse_cache(cache),
                notice=lambda text: console.print(
                    visible(text), highlight=False, markup=False, soft_wrap=True
                ),
            )
    except UsageError as error:
        raise fail(error) from None
    except Refused as refused:
        for reason in refused.reasons:
            console.print(visible(reason), highlight=False, markup=False, soft_wrap=True)
        console.print(
            f"Rapporten skrevs inte: {len(refused.reasons)} varningar att granska (--strict). "
            "Rätta dem, eller undanta dem med skäl i naravard.yaml.",
            highlight=False,
            markup=False,
        )
        raise typer.Exit(1) from None
    except PersonalDataFound as found:
        raise refuse("rapporten", found) from None
    for path in written:
        if path.suffix in (".html", ".md", ".docx", ".pdf"):
            console.print(f"Skrev {path}", highlight=False, markup=False, soft_wrap=True)
