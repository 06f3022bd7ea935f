"""`naravard form`: write a kommun's form for a year, or read filled-in forms back into the follow-ups."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from naravard.atomic import write_or_fail
from naravard.errors import UsageError
from naravard.findings import Finding, Location
from naravard.form import codes
from naravard.form.content import build_form, load_base
from naravard.form.read import read_form
from naravard.form.update import Update, plan_update, write_update
from naravard.form.write import build_workbook
from naravard.repository import load_repository


def default_name(kommun: str, year: int) -> str:
    """The form's file name when --out is not given."""
    return f"uppfoljning-{year}-{kommun}.xlsx"


def write_form(root: Path, year: int, kommun: str, out: Path | None = None) -> Path:
    """Write the form for `kommun` and `year`; return where."""
    repo = load_repository(root)
    base = load_base(repo, kommun, year)
    if isinstance(base, list):
        first = base[0].location
        raise UsageError(
            f"{first.file}:{first.line}:{first.column}: {base[0].message} Formuläret fylls i från "
            "den filen, så rätta den först (`naravard validate` visar alla fel)."
        )
    target = out or Path(default_name(kommun, year))
    write_or_fail(target, build_workbook(build_form(repo, kommun, year, base)))
    return target


def read_forms(root: Path, files: Sequence[Path], *, dry_run: bool = False) -> list[Update]:
    """Read each form and write its follow-up, unless it has a problem (then nothing is written for it)."""
    repo = load_repository(root)
    updates = []
    for file in files:
        shown_as = _shown(root, file)
        filled = read_form(file, shown_as)
        if isinstance(filled, list):
            updates.append(Update(shown_as, findings=filled))
            continue
        update = plan_update(repo, filled)
        if update.ok and update.after is not None and not dry_run:
            problem = _write(root, update)
            if problem:
                update.findings.append(Finding(Location(shown_as), codes.NOT_A_FORM, problem))
        updates.append(update)
    return updates


def _write(root: Path, update: Update) -> str | None:
    try:
        update.written = write_update(root, update)
    except OSError as exc:
        return f"{update.rel} kan inte skrivas ({exc.strerror or exc}); inget i den har ändrats."
    if not update.written:
        return f"{update.rel} ändrades medan formuläret lästes in; läs in formuläret igen."
    return None


def _shown(root: Path, file: Path) -> str:
    absolute = file.absolute()
    if absolute.is_relative_to(root.absolute()):
        return absolute.relative_to(root.absolute()).as_posix()
    return str(file)
