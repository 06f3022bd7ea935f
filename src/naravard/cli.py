"""The command line: each command parses its options and calls the library; nothing more."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from naravard import __version__
from naravard.errors import UsageError

app = typer.Typer(
    name="naravard",
    help="Validera och sammanställ lokala planer och årliga uppföljningar för God och nära vård.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


class Format(enum.StrEnum):
    """Output formats of validate (the keys of naravard.output.FORMATTERS)."""

    text = "text"
    json = "json"
    github = "github"


RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="Repositoriets mapp (den som har data/). Standard: närmaste mapp uppåt med data/region/.",
        file_okay=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"naravard {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Visa versionen."),
    ] = False,
) -> None:
    """naravard: validera, granska och sammanställ uppföljningen av God och nära vård."""


def _fail(error: UsageError) -> typer.Exit:
    typer.echo(f"naravard: {error}", err=True)
    return typer.Exit(2)


PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(help="Filer eller mappar att rapportera om (standard: hela repositoriet)."),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Utdataformat: text, json eller github.")
]


def _report(paths: list[Path] | None, root: Path | None, output: Format, *, lint: bool, strict: bool) -> None:
    from naravard import api
    from naravard.discover import find_root
    from naravard.output import FORMATTERS

    try:
        repo_root = find_root(Path.cwd(), root)
        result = api.lint(repo_root, paths or ()) if lint else api.validate(repo_root, paths or ())
    except UsageError as error:
        raise _fail(error) from None
    FORMATTERS[output.value](result, repo_root, sys.stdout)
    raise typer.Exit(result.exit_code(strict=strict))


@app.command()
def validate(
    paths: PathsArgument = None, root: RootOption = None, output_format: FormatOption = Format.text
) -> None:
    """Kontrollera filerna mot formatet och strategin. Avslutas med 0 utan fel, 1 med fel, 2 om
    kommandot inte kunde köras."""
    _report(paths, root, output_format, lint=False, strict=False)


@app.command()
def lint(
    paths: PathsArgument = None,
    root: RootOption = None,
    output_format: FormatOption = Format.text,
    strict: Annotated[bool, typer.Option("--strict", help="Låt även varningar ge exit 1.")] = False,
) -> None:
    """Granska filerna: allt som validate hittar, plus varningar om sådant som bör ses över
    (tomma svar, stora förändringar, saknade nyckeltal). Varningar ger exit 0 utan --strict."""
    _report(paths, root, output_format, lint=True, strict=strict)


class DiffFormat(enum.StrEnum):
    """Output formats of diff."""

    text = "text"
    md = "md"
    json = "json"


@app.command()
def diff(
    years: Annotated[
        list[int] | None, typer.Argument(help="Två år att jämföra, t.ex. 2023 2024.", show_default=False)
    ] = None,
    kommun: Annotated[
        list[str] | None, typer.Option("--kommun", "-k", help="Visa bara den här kommunen (kan upprepas).")
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            help="Jämför två git-versioner: A..B, eller A för A mot arbetskopian. Inget checkas ut.",
        ),
    ] = None,
    root: RootOption = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Utdataformat: text, md eller json.")
    ] = DiffFormat.text,
) -> None:
    """Visa vad som har ändrats: mellan två års uppföljningar, eller mellan två git-versioner."""
    from naravard import api
    from naravard.discover import find_root
    from naravard.output import diff as render

    try:
        repo_root = find_root(Path.cwd(), root)
        if rev is not None:
            if years:
                raise UsageError("Ange antingen två år eller --rev, inte båda.")
            changes = api.diff_revisions(repo_root, rev)
            if output_format is DiffFormat.json:
                sys.stdout.write(render.as_json(changes))
            elif output_format is DiffFormat.md:
                sys.stdout.write(render.revision_markdown(changes))
            else:
                render.write_revision_text(changes, sys.stdout)
            return
        if not years or len(years) != 2:
            raise UsageError("Ange två år, t.ex. `naravard diff 2023 2024`, eller --rev A..B.")
        result = api.diff_years(repo_root, years[0], years[1], kommun or ())
    except UsageError as error:
        raise _fail(error) from None
    if output_format is DiffFormat.json:
        sys.stdout.write(render.as_json(result))
    elif output_format is DiffFormat.md:
        sys.stdout.write(render.years_markdown(result, detailed=bool(kommun)))
    else:
        render.write_years_text(result, sys.stdout, detailed=bool(kommun))


def main() -> None:
    """Entry point of the `naravard` console script."""
    app()
