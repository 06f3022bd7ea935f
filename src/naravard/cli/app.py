"""The Typer app and what every command shares: --root, --version, and how a usage error ends."""

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from naravard import __version__
from naravard.errors import PersonalDataFound, UsageError

if TYPE_CHECKING:
    from naravard.loader.cache import ParseCache

app = typer.Typer(
    name="naravard",
    help="Validera och sammanställ lokala planer och årliga uppföljningar för nära vård.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="Repositoriets mapp (den som har data/). Standard: närmaste mapp uppåt med data/region/.",
        file_okay=False,
    ),
]


CacheOption = Annotated[
    bool | None,
    typer.Option(
        "--cache/--no-cache",
        help="Läs inte om filer som inte ändrats sedan förra körningen (standard: på, utom där CI=true).",
    ),
]


def parse_cache(wanted: bool | None) -> "ParseCache | None":
    """The parse cache to use: asked for, or on unless in CI (naravard.loader.cache)."""
    if wanted is None:
        wanted = os.environ.get("CI", "").strip().lower() not in ("true", "1", "yes")
    if not wanted:
        return None
    from naravard.loader.cache import ParseCache

    return ParseCache()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"naravard {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Visa versionen."),
    ] = False,
) -> None:
    """naravard: validera, granska och sammanställ uppföljningen av omställningen till nära vård."""
    from naravard.privacy import masked_output

    # Whatever a command prints, a personnummer in it is shown masked (issue 12).
    ctx.with_resource(masked_output())


def fail(error: UsageError) -> typer.Exit:
    typer.echo(f"naravard: {error}", err=True)
    return typer.Exit(2)


def refuse(what: str, error: PersonalDataFound) -> typer.Exit:
    """A report or export that was not written because the data holds a personnummer (exit 1)."""
    places = ", ".join(error.places[:10]) + (
        f" och {len(error.places) - 10} till" if len(error.places) > 10 else ""
    )
    typer.echo(
        f"naravard: {what} skrevs inte: personnummer eller samordningsnummer står i {places}. "
        "De får inte spridas: ta bort dem först (`naravard validate` visar dem).",
        err=True,
    )
    return typer.Exit(1)


def repository_root(root: Path | None) -> Path:
    """The repository the command works on (--root, or found upwards from the working directory)."""
    from naravard.discover import find_root

    return find_root(Path.cwd(), root)


def count(n: int, one: str, many: str) -> str:
    """`1 fil`, `2 filer`: a number with the word in the right form."""
    return f"{n} {one if n == 1 else many}"
