"""`naravard validate` and `naravard lint`: check the repository and print the findings."""

from __future__ import annotations

import enum
import os
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
    sarif = "sarif"
    gitlab = "gitlab"
    junit = "junit"
    auto = "auto"


class FailOn(enum.StrEnum):
    """What makes validate and lint exit 1."""

    error = "error"
    warning = "warning"


def resolve_format(output: Format) -> str:
    """`auto`: annotations under GitHub Actions (GITHUB_ACTIONS=true), text elsewhere."""
    if output is not Format.auto:
        return output.value
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(help="Filer eller mappar att rapportera om (standard: hela repositoriet)."),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="Utdataformat: text, json, github (annotationer), sarif (kodgranskning), gitlab (Code "
        "Quality), junit (XML) eller auto (github i GitHub Actions, annars text).",
    ),
]
FailOnOption = Annotated[
    FailOn,
    typer.Option("--fail-on", help="Vad som ger exit 1: error (fel) eller warning (även varningar)."),
]


def _report(
    paths: list[Path] | None, root: Path | None, output: Format, *, lint: bool, fail_on: FailOn
) -> None:
    from naravard import api
    from naravard.output import FORMATTERS

    try:
        repo_root = repository_root(root)
        result = api.lint(repo_root, paths or ()) if lint else api.validate(repo_root, paths or ())
    except UsageError as error:
        raise fail(error) from None
    FORMATTERS[resolve_format(output)](result, repo_root, sys.stdout)
    raise typer.Exit(result.exit_code(strict=fail_on is FailOn.warning))


@app.command()
def validate(
    paths: PathsArgument = None,
    root: RootOption = None,
    output_format: FormatOption = Format.text,
    fail_on: FailOnOption = FailOn.error,
) -> None:
    """Kontrollera filerna mot formatet och strategin.

    Avslutas med 0 utan fel, 1 med fel och 2 om kommandot inte kunde köras.
    """
    _report(paths, root, output_format, lint=False, fail_on=fail_on)


@app.command()
def lint(
    paths: PathsArgument = None,
    root: RootOption = None,
    output_format: FormatOption = Format.text,
    fail_on: FailOnOption = FailOn.error,
    strict: Annotated[bool, typer.Option("--strict", help="Samma som --fail-on warning.")] = False,
) -> None:
    """Granska filerna: felen som validate hittar, plus varningar.

    Varningarna gäller sådant som bör ses över: tomma svar, stora förändringar, saknade
    nyckeltal. Bara varningar ger exit 0, utom med --fail-on warning (eller --strict).
    """
    _report(paths, root, output_format, lint=True, fail_on=FailOn.warning if strict else fail_on)
