"""`naravard validate` and `naravard lint`: check the repository and print the findings."""

from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from naravard.cli.app import RootOption, app, fail, repository_root
from naravard.errors import UsageError

if TYPE_CHECKING:
    from naravard.loader.cache import ParseCache


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
CacheOption = Annotated[
    bool | None,
    typer.Option(
        "--cache/--no-cache",
        help="Läs inte om filer som inte ändrats sedan förra körningen (standard: på, utom där CI=true).",
    ),
]


def _cache(wanted: bool | None) -> ParseCache | None:
    """The parse cache to use: asked for, or on unless in CI (naravard.loader.cache)."""
    if wanted is None:
        wanted = os.environ.get("CI", "").strip().lower() not in ("true", "1", "yes")
    if not wanted:
        return None
    from naravard.loader.cache import ParseCache

    return ParseCache()


def _report(
    paths: list[Path] | None,
    root: Path | None,
    output: Format,
    cache: bool | None,
    *,
    lint: bool,
    strict: bool,
) -> None:
    from naravard import api
    from naravard.output import FORMATTERS

    try:
        repo_root = repository_root(root)
        kept = _cache(cache)
        result = (
            api.lint(repo_root, paths or (), cache=kept)
            if lint
            else api.validate(repo_root, paths or (), cache=kept)
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
    cache: CacheOption = None,
) -> None:
    """Kontrollera filerna mot formatet och strategin.

    Avslutas med 0 utan fel, 1 med fel och 2 om kommandot inte kunde köras.
    """
    _report(paths, root, output_format, cache, lint=False, strict=False)


@app.command()
def lint(
    paths: PathsArgument = None,
    root: RootOption = None,
    output_format: FormatOption = Format.text,
    strict: Annotated[bool, typer.Option("--strict", help="Låt även varningar ge exit 1.")] = False,
    cache: CacheOption = None,
) -> None:
    """Granska filerna: felen som validate hittar, plus varningar.

    Varningarna gäller sådant som bör ses över: tomma svar, stora förändringar, saknade
    nyckeltal. Bara varningar ger exit 0, utom med --strict.
    """
    _report(paths, root, output_format, cache, lint=True, strict=strict)
