"""`naravard kolada hamta` and `naravard kolada import`: nyckeltal from Kolada into the repository."""

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from naravard.cli.app import RootOption, app, count, fail, repository_root
from naravard.errors import UsageError

if TYPE_CHECKING:  # the Kolada modules load pydantic and ruamel: only when a command runs
    from naravard.kolada.client import Progress
    from naravard.kolada.importing import ImportResult

URL_VARIABLE = "NARAVARD_KOLADA_URL"

kolada_app = typer.Typer(
    name="kolada",
    help=(
        "Nyckeltal från Kolada till data/region/nyckeltal-ÅR.yaml. Källa: Kolada. "
        "Ett värde som kommunen skrivit i sin uppföljning går före värdet från Kolada."
    ),
    no_args_is_help=True,
)
app.add_typer(kolada_app, name="kolada")


@contextlib.contextmanager
def _progress() -> Iterator["Progress | None"]:
    from rich.console import Console
    from rich.progress import Progress as Bar

    console = Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    with Bar(console=console, transient=True) as bar:
        task = bar.add_task("Hämtar från Kolada", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


def _say(result: "ImportResult") -> None:
    w = result.written
    verb = "Skapade" if w.created else "Uppdaterade"
    lines = [
        f"{verb} {w.rel}: {count(w.values, 'värde', 'värden')} och {w.missing} utan värde (null) "
        f"för {count(w.kommuner, 'kommun', 'kommuner')}, {w.year}. Källa: Kolada."
    ]
    if w.references or w.references_missing:
        lines.append(
            f"Regionen och riket: {count(w.references, 'värde', 'värden')} och {w.references_missing} "
            "utan värde (null)."
        )
    if w.removed:
        lines.append(
            f"{count(w.removed, 'värde', 'värden')} togs bort: strategin hämtar inte längre "
            "de nyckeltalen från Kolada."
        )
    if result.other_kommuner:
        lines.append(
            f"{count(result.other_kommuner, 'rad', 'rader')} gällde annat än strategins kommuner "
            "(t.ex. ett annat län) och hoppades över."
        )
    if result.other_kpis:
        lines.append(
            f"{count(result.other_kpis, 'rad', 'rader')} gällde nyckeltal som strategin inte hämtar "
            "från Kolada och hoppades över."
        )
    typer.echo("\n".join(lines))


@kolada_app.command("hamta")
def hamta(
    year: Annotated[int, typer.Argument(help="Året som värdena ska gälla, t.ex. 2024.", show_default=False)],
    kommun: Annotated[
        list[str] | None,
        typer.Option(
            "--kommun", "-k", help="Hämta bara för den här kommunen (id ur strategin; kan upprepas)."
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Sekunder att vänta på varje svar från Kolada.")
    ] = 30.0,
    root: RootOption = None,
) -> None:
    """Hämta årets nyckeltal från Kolada för strategins kommuner, regionen och riket.

    Hämtar varje nyckeltal som har ett Kolada-id (`kolada:`) i strategin som gäller för året,
    för varje kommun och för hela regionen ("00" + länskod) och Sverige ("0000"), som
    rapporten visar som jämförelse.

    Skriver data/region/nyckeltal-ÅR.yaml. Kommentarer i filen behålls när värdena hämtas igen.

    Adressen till Kolada tas från NARAVARD_KOLADA_URL (standard: Koladas öppna API, v3).

    Avslutas med 0 när filen är skriven och 2 om Kolada inte kunde nås.
    """
    from naravard import api

    try:
        repo_root = repository_root(root)
        from naravard.kolada.client import DEFAULT_BASE_URL, KoladaClient

        client = KoladaClient(os.environ.get(URL_VARIABLE) or DEFAULT_BASE_URL, timeout=timeout)
        with _progress() as progress:
            result = api.kolada_fetch(repo_root, year, kommun or (), client=client, progress=progress)
    except UsageError as error:
        raise fail(error) from None
    _say(result)


@kolada_app.command("import")
def import_(
    files: Annotated[
        list[Path],
        typer.Argument(help="Sparade svar från Koladas data-API (JSON, v2 eller v3).", show_default=False),
    ],
    root: RootOption = None,
) -> None:
    """Läs in nyckeltal från sparade svar från Kolada, för datorer utan nätverk.

    Spara svaren (en fil per sida), t.ex. på https://api.kolada.se/v3/data/kpi/U71411/municipality/2080/year/2024

    Värdena skrivs till data/region/nyckeltal-ÅR.yaml för varje år som svaren gäller.

    Som hämtningsdag räknas dagen då filen senast ändrades.
    """
    from naravard import api

    try:
        results = api.kolada_import(repository_root(root), files)
    except UsageError as error:
        raise fail(error) from None
    for result in results:
        _say(result)
