"""`naravard new`, `fmt`, `fix`, `schema` and `init`: the commands that write data files (issue 5)."""

import functools
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

import naravard
from naravard.cli.app import RootOption, app, count, fail, repository_root
from naravard.errors import UsageError

if TYPE_CHECKING:
    from naravard.authoring.fix import Fix


def _echo(message: str, *, err: bool = False, nl: bool = True) -> None:
    # File names and keys come from the repository: no ESC or OSC reaches the terminal (issue 21).
    from naravard.output.terminal import visible_lines

    typer.echo(visible_lines(message), err=err, nl=nl)


new_app = typer.Typer(
    name="new",
    help="Skapa nästa års uppföljning eller en ny lokal plan, ifylld och förklarad.",
    no_args_is_help=True,
)
app.add_typer(new_app)

KommunOption = Annotated[str, typer.Option("--kommun", "-k", help="Kommunens id, t.ex. falun.")]
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Filer eller mappar (standard: alla datafiler och naravard.yaml).", show_default=False
    ),
]


@new_app.command("uppfoljning")
def new_followup(
    year: Annotated[
        int, typer.Argument(help="Året som uppföljningen gäller, t.ex. 2025.", show_default=False)
    ],
    kommun: KommunOption,
    root: RootOption = None,
) -> None:
    """Skapa årets uppföljning från planen och förra årets uppföljning.

    Filen blir data/kommuner/KOMMUN/uppfoljning-ÅR.yaml.
    Aktiviteterna som pågår under året står med förra årets status.
    Självskattning och nyckeltal står tomma, med förra årets värden i kommentarer.
    En befintlig fil skrivs aldrig över.
    """
    from naravard import api

    try:
        rel = api.new_followup(repository_root(root), kommun, year)
    except UsageError as error:
        raise fail(error) from None
    _created(rel)


@new_app.command("plan")
def new_plan(
    kommun: Annotated[
        list[str], typer.Option("--kommun", "-k", help="Kommunens id; upprepa för en gemensam plan.")
    ],
    fran: Annotated[
        int | None, typer.Option("--fran", help="Första året (standard: året efter nuvarande plan).")
    ] = None,
    till: Annotated[int | None, typer.Option("--till", help="Sista året (standard: fyra år).")] = None,
    root: RootOption = None,
) -> None:
    """Skapa en lokal plan, gemensam om flera kommuner anges.

    Filen blir lokal-plan.yaml i mappen för den första av kommunerna som
    saknar en plan (en plan per mapp). Perioden börjar året efter att
    kommunernas nuvarande plan slutar; den planen står kvar.
    Pågående aktiviteter i kommunernas nuvarande plan följer med.
    En befintlig fil skrivs aldrig över.
    """
    from naravard import api

    try:
        rel = api.new_plan(repository_root(root), kommun, fran=fran, till=till)
    except UsageError as error:
        raise fail(error) from None
    _created(rel)


def _created(rel: str) -> None:
    _echo(f"Skapade {rel}.")
    _echo(f"Fyll i det som är tomt och kontrollera sedan: naravard validate {rel}")


@app.command()
def fmt(
    paths: PathsArgument = None,
    check: Annotated[
        bool, typer.Option("--check", help="Ändra inget: visa skillnaden och avsluta med 1 om något ändras.")
    ] = False,
    root: RootOption = None,
) -> None:
    """Formatera filerna: nycklar i schemats ordning, indrag och citattecken.

    Varje kommentar och värde behålls, liksom radslut (CRLF) och BOM.
    En fil som inte går att läsa skrivs aldrig om.
    Avslutas med 1 om en fil inte kunde formateras, och med --check
    om en fil skulle ändras.
    """
    from naravard import api

    try:
        results = api.fmt(repository_root(root), paths or ())
    except UsageError as error:
        raise fail(error) from None
    changed = refused = 0
    for result in results:
        for finding in result.findings:
            loc = finding.location
            _echo(f"{loc.file}:{loc.line}:{loc.column}: fel {finding.code} {finding.message}", err=True)
        if result.refusal:
            refused += 1
            _echo(f"{result.rel}: {result.refusal}", err=True)
        elif result.changed:
            changed += 1
            if check:
                _echo(result.diff(), nl=False)
            elif (problem := _attempt(partial(api.write_formatted, result))) is None:
                _echo(f"Formaterade {result.rel}")
            else:
                changed -= 1  # counted once, as not formatted (another run may have written it)
                refused += 1
                _echo(f"{result.rel}: {problem}", err=True)
    _echo(_fmt_summary(len(results), changed, refused, check=check), err=True)
    raise typer.Exit(1 if refused or (check and changed) else 0)


def _attempt(write: Callable[[], bool]) -> str | None:
    """Run one file's write: None when it was written, else why not, for the person."""
    try:
        return None if write() else "filen ändrades medan den skrevs om; kör kommandot igen."
    except OSError as exc:
        return f"filen kan inte skrivas ({exc.strerror or exc}); inget i den har ändrats."


def _fmt_summary(total: int, changed: int, refused: int, *, check: bool) -> str:
    same = total - changed - refused
    verb = "behöver formateras (kör `naravard fmt`)" if check else "formaterade"
    parts = [f"{count(changed, 'fil', 'filer')} {verb}", f"{same} redan formaterade"]
    if refused:
        parts.append(f"{refused} kunde inte formateras")
    return ", ".join(parts) + "."


@app.command()
def fix(
    paths: PathsArgument = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Ändra inget: visa rättelserna och avsluta med 1 om det finns några."),
    ] = False,
    recode: Annotated[
        bool,
        typer.Option(
            "--koda-om",
            help="Skriv också om filer sparade som Windows-1252 (ANSI) eller UTF-16 till UTF-8.",
        ),
    ] = False,
    root: RootOption = None,
) -> None:
    """Rätta det som går att rätta utan att gissa, och visa varje rättelse.

    Tabbar och hårda mellanslag i indraget, en felstavad nyckel eller ett id med ett
    enda förslag (stauts → status), decimalkomma och mellanslag i tal (52,1 → 52.1,
    2 840 → 2840), id:n med versaler (Ludvika → ludvika). En körning räcker: det som
    en rättelse gör synligt rättas också. Inget annat i filen ändras. Avslutar med 1
    när fel återstår som en person måste rätta.
    """
    from naravard import api

    try:
        repo_root = repository_root(root)
        run = api.fix(repo_root, paths or (), recode=recode)
    except UsageError as error:
        raise fail(error) from None
    made = failed = 0
    for outcome in run.files:
        problem = None if check else _attempt(partial(api.write_fixes, repo_root, outcome))
        if problem:
            failed += 1
            _echo(f"{outcome.rel}: {problem}", err=True)
            continue
        if outcome.recoded_from:
            verb = "kan skrivas om" if check else "skrevs om"
            _echo(f"{outcome.rel}: {verb} från {outcome.recoded_from} till UTF-8 (kodning)")
        for item in outcome.made:
            made += 1
            _echo(f"{item.rel}:{item.line}:{item.column}: {_change(item)} ({item.kind}, {item.code})")
    files = len(run.files) - failed
    for rel, encoding in run.not_utf8:
        _echo(
            f"{rel}: filen är sparad som {encoding}, inte UTF-8. `naravard fix --koda-om` skriver om "
            "den som UTF-8 (texten blir densamma).",
            err=True,
        )
    if check:
        _echo(
            f"{count(made, 'rättelse', 'rättelser')} i {count(files, 'fil', 'filer')} "
            "kan göras med `naravard fix`.",
            err=True,
        )
        raise typer.Exit(1 if files or run.not_utf8 else 0)
    left = sum(max(f.more, 1) for f in run.left)
    rest = (
        f" {count(left, 'fel', 'fel')} återstår som `fix` inte kan rätta: kör `naravard validate`."
        if left
        else " Inga fel återstår."
    )
    _echo(f"{count(made, 'rättelse', 'rättelser')} i {count(files, 'fil', 'filer')}.{rest}", err=True)
    if failed or left or run.not_utf8:
        raise typer.Exit(1)


def _change(item: "Fix") -> str:
    """A fix as a person reads it; the invisible characters named, not printed."""
    from naravard.findings import FixKind
    from naravard.loader.messages import space_name
    from naravard.output.terminal import visible_slips as shown

    if item.kind == FixKind.INDENT:
        return f"indraget `{shown(item.old)}` → {len(item.new)} mellanslag"
    if item.old.strip() == "" and item.old:
        return f"{space_name(item.old)} → ett vanligt mellanslag"
    if item.new == "" and len(item.old) == 1:
        return f"{space_name(item.old)} togs bort"
    return f"`{shown(item.old)}` → `{shown(item.new)}`"


@app.command()
def migrate(
    paths: PathsArgument = None,
    check: Annotated[
        bool, typer.Option("--check", help="Ändra inget: visa vad som skulle ändras, exit 1 om något.")
    ] = False,
    root: RootOption = None,
) -> None:
    """Flytta uppföljningar till id:n i den reviderade strategin (enligt `ersatter`).

    Bara nycklarna byts; kommentarer, värden, radslut och BOM blir kvar. Det som den nya
    strategin varken har eller ersätter tas inte bort utan visas, så att någon kan besluta.
    """
    from naravard import api

    try:
        migrations = api.migrate(repository_root(root), paths or ())
    except UsageError as error:
        raise fail(error) from None
    renamed = failed = 0
    for m in migrations:
        problem = m.refusal or (None if check or not m.renames else _attempt(partial(api.write_migration, m)))
        if problem:
            failed += 1
            _echo(f"{m.rel}: {problem}", err=True)
            continue
        for r in m.renames:
            renamed += 1
            _echo(f"{m.rel}:{r.line}:{r.column}: `{r.old}` → `{r.new}`")
        for key in m.unmapped:
            _echo(f"{m.rel}: `{key}` finns inte i strategin och ersätts inte av något: besluta om värdet.")
    verb = "kan flyttas" if check else "flyttade"
    files = sum(1 for m in migrations if m.renames)
    _echo(f"{count(renamed, 'id', 'id:n')} {verb} i {count(files, 'fil', 'filer')}.", err=True)
    if failed or (check and renamed):
        raise typer.Exit(1)


@app.command()
def schema(
    out: Annotated[
        Path | None, typer.Option("--out", help="Mappen att skriva till (standard: schemas/ i repositoriet).")
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Skriv inget; exit 1 om schemana inte följer strategin (för CI och pre-commit)."
        ),
    ] = False,
    root: RootOption = None,
) -> None:
    """Skriv JSON-scheman för editorn med strategins id:n.

    Kör det när strategin eller en handlingsplan har ändrats,
    så att editorn föreslår rätt delmål, nyckeltal och kommuner.
    """
    from naravard import api

    try:
        repo_root = repository_root(root)
        if check:
            stale = api.stale_schemas(repo_root, out=out)
        else:
            written = api.schema(repo_root, out)
    except UsageError as error:
        raise fail(error) from None
    if check:
        for path in stale:
            typer.echo(f"Inaktuell {path}", err=True)
        if stale:
            typer.echo(
                "Editorns scheman är inaktuella. Kör `naravard schema` och checka in schemas/.",
                err=True,
            )
            raise typer.Exit(1)
        return
    for path, changed in written:
        _echo(f"{'Skrev' if changed else 'Oförändrad'} {path}")


@functools.cache
def _regions() -> list[str]:
    # Read here, not from naravard.authoring.init, which would load the models for --help; and
    # from the package's folder, not with importlib.resources, which costs --help 4 ms of imports.
    folder = Path(naravard.__file__).parent / "templates" / "regions"
    return sorted(entry.name for entry in os.scandir(folder) if entry.is_dir())


@app.command()
def init(
    region: Annotated[
        str,
        typer.Option(
            "--region",
            help="Regionens strategi att utgå från: " + ", ".join(_regions()) + ".",
            show_default=False,
        ),
    ],
    directory: Annotated[
        Path, typer.Argument(help="Mappen för det nya repositoriet (skapas om den saknas).", file_okay=False)
    ] = Path("."),
    exempel: Annotated[
        bool, typer.Option("--exempel", help="Ta med regionens exempeldata (planer och uppföljningar).")
    ] = False,
) -> None:
    """Skapa ett nytt datarepositorium för en region.

    Med en strategi att utgå från, README, naravard.yaml, .gitignore,
    inställningar för VS Code, pre-commit och CI för GitHub och GitLab.
    Inget skrivs över.
    """
    from naravard import api

    try:
        written = api.init(directory, region, examples=exempel)
    except UsageError as error:
        raise fail(error) from None
    for path in written:
        _echo(f"Skapade {path}")
    _echo(
        f"Klart. Stäm av strategin i {directory / 'data' / 'region' / 'strategi.yaml'} (kommentarerna "
        "säger vad som är förval att besluta) och kör `naravard schema` när ni har ändrat den."
    )
