"""`naravard validate` and `naravard lint`: check the repository and print the findings."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from naravard.cli.app import RootOption, app, fail, repository_root
from naravard.errors import UsageError


class Format(enum.StrEnum):
    """Output formats of validate and lint (the keys of naravard.output.FORMATTERS)."""

    text = "text"
    json = "json"
    github = "github"


PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(help="Filer eller mappar att rapportera om (standard: hela repositoriet)."),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Utdataformat: text, json eller github.")
]

RevOption = Annotated[
    str | None,
    typer.Option(
        "--rev",
        help="A..B: kontrollera version B, och sök igenom varje commit i A..B efter personnummer "
        "(A: från A till arbetskopian). Inget checkas ut.",
    ),
]


def _report(
    paths: list[Path] | None,
    root: Path | None,
    output: Format,
    *,
    lint: bool,
    strict: bool,
    rev: str | None = None,
) -> None:
    from naravard import api
    from naravard.output import FORMATTERS

    try:
        repo_root = repository_root(root)
        result = (
            api.lint(repo_root, paths or (), rev=rev)
            if lint
            else api.validate(repo_root, paths or (), rev=rev)
        )
    except UsageError as error:
        raise fail(error) from None
    FORMATTERS[output.value](result, repo_root, sys.stdout)
    raise typer.Exit(result.exit_code(strict=strict))


@app.command()
def validate(
    paths: PathsArgument = None,
    root: RootOption = None,
    output_format: FormatOption = Format.text,
    rev: RevOption = None,
) -> None:
    """Kontrollera filerna mot formatet och strategin.

    Avslutas med 0 utan fel, 1 med fel och 2 om kommandot inte kunde köras.
    """
    _report(paths, root, output_format, lint=False, strict=False, rev=rev)


@app.command()
def lint(
    paths: PathsArgument = None,
    root: RootOption = None,
    output_format: FormatOption = Format.text,
    strict: Annotated[bool, typer.Option("--strict", help="Låt även varningar ge exit 1.")] = False,
    rev: RevOption = None,
) -> None:
    """Granska filerna: felen som validate hittar, plus varningar.

    Varningarna gäller sådant som bör ses över: tomma svar, stora förändringar, saknade
    nyckeltal. Bara varningar ger exit 0, utom med --strict.
    """
    _report(paths, root, output_format, lint=True, strict=strict, rev=rev)
