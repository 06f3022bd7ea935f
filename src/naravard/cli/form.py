"""`naravard form`: the follow-up as an Excel form for a kommun, and reading filled-in forms back."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from naravard.cli.app import RootOption, app, count, fail, repository_root
from naravard.cli.check import Format, FormatOption
from naravard.errors import UsageError


@app.command()
def form(
    args: Annotated[
        list[str] | None,
        typer.Argument(
            help="Året (t.ex. 2024) för ett nytt formulär, eller med --read fler formulär att läsa in.",
            show_default=False,
        ),
    ] = None,
    kommun: Annotated[str | None, typer.Option("--kommun", "-k", help="Kommunens id, t.ex. falun.")] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Filen att skriva (standard: uppfoljning-ÅR-KOMMUN.xlsx här).", dir_okay=False
        ),
    ] = None,
    read: Annotated[
        list[Path] | None,
        typer.Option("--read", help="Läs in ifyllda formulär (.xlsx) i uppföljningarna.", dir_okay=False),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Skriv inget: visa bara vad som skulle ändras.")
    ] = False,
    output_format: FormatOption = Format.text,
    root: RootOption = None,
) -> None:
    """Skapa ett formulär i Excel för en kommuns uppföljning, eller läs in ifyllda formulär.

    naravard form 2024 --kommun falun skriver uppfoljning-2024-falun.xlsx: ett blad per del
    av uppföljningen, ifyllt med det som redan finns och förra årets svar bredvid.

    naravard form --read *.xlsx skriver in svaren i data/kommuner/KOMMUN/uppfoljning-ÅR.yaml:
    bara det som ändrats, och alla kommentarer blir kvar. Ett formulär med fel skrivs inte in;
    felen visas med blad och cell. Avslutas med 1 om något formulär hade fel.
    """
    try:
        repo_root = repository_root(root)
        if read:
            _read(repo_root, [*read, *(Path(a) for a in args or ())], dry_run, output_format)
        else:
            _write(repo_root, args or [], kommun, out)
    except UsageError as error:
        raise fail(error) from None


def _write(root: Path, args: list[str], kommun: str | None, out: Path | None) -> None:
    from naravard.form.run import write_form

    if len(args) != 1 or not args[0].isdigit() or kommun is None:
        raise UsageError(
            "Ange året och kommunen, t.ex. `naravard form 2024 --kommun falun`, "
            "eller läs in formulär med `naravard form --read FIL.xlsx`."
        )
    path = write_form(root, int(args[0]), kommun, out)
    typer.echo(
        f"Skrev {path}. Skicka det till kommunen; läs in det ifyllda med `naravard form --read {path.name}`."
    )


def _read(root: Path, files: list[Path], dry_run: bool, output: Format) -> None:
    from naravard.findings import CheckResult
    from naravard.form.run import read_forms
    from naravard.output import formatter

    updates = read_forms(root, files, dry_run=dry_run)
    result = CheckResult.build([f for u in updates for f in u.findings], files=len(updates))
    people = sys.stdout if output is Format.text else sys.stderr
    if output is Format.text:
        for finding in result.findings:
            loc = finding.location
            where = f"{loc.file}:{loc.line}:{loc.column}"
            typer.echo(f"{where}: {finding.severity.swedish} {finding.code} {finding.message}")
    else:
        formatter(output.value)(result, root, sys.stdout)
    for update in updates:
        typer.echo(_outcome(update, dry_run), file=people)
    raise typer.Exit(result.exit_code())


def _outcome(update: object, dry_run: bool) -> str:
    from naravard.form.update import Update

    assert isinstance(update, Update)
    if not update.ok:
        errors = sum(1 for f in update.findings if f.severity.value == "error")
        return f"{update.form}: {count(errors, 'fel', 'fel')}; inget skrevs."
    if not update.changes:
        return f"{update.form}: inget har ändrats i formuläret."
    values = count(len(update.changes), "värde", "värden")
    lines = [
        f"{update.form}: {'skulle ändra' if dry_run else 'ändrade'} {values} i {update.rel}"
        + (" (ny fil)" if update.base is not None and not update.base.exists else "")
        + ":"
    ]
    lines += [f"  {c.ref}: {_short(c.old)} → {_short(c.new)}" for c in update.changes]
    return "\n".join(lines)


def _short(value: object) -> str:
    from naravard.form.cells import shown

    if value is None:
        return "(tomt)"
    text = shown(value)
    return text if len(text) <= 50 else text[:49] + "…"
