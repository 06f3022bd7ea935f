"""A filled-in form written into its follow-up: only what the person changed, nothing else.

A cell counts as changed when its value differs from the one the form was made with
(its fingerprint in the hidden record). A changed value is written only if the file
still has the value the form started from, or already the new one; if both the form and
the file changed it, differently, that is a conflict for a person to settle (NV405).

The values are set in ruamel.yaml's round-trip data of the file as it is now (or of
the text `new uppfoljning` would write, when there is no file yet), so every comment,
the key order and the style of every other line stay. Before anything is written the
new text must hold every comment of the old one, read back with exactly the values of
the form, and pass validate in the repository as it is (errors the file already had
do not count); a finding of validate is shown at the cell its value came from. The
byte-order mark and line endings are kept, and the write is atomic.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from naravard.api import check
from naravard.atomic import create_new, write_atomic
from naravard.authoring.lines import comment_texts, scan_lines
from naravard.authoring.roundtrip import build_yaml, dump, load
from naravard.discover import classify
from naravard.errors import UsageError
from naravard.findings import Finding, Location, Severity
from naravard.form import codes
from naravard.form.cells import shown
from naravard.form.content import Base, follow_up_rel, load_base, storable
from naravard.form.layout import Field, Kind, Value, fingerprint
from naravard.form.layout import Path as ValuePath
from naravard.form.read import FilledForm
from naravard.form.values import Missing, get, put
from naravard.loader import SourceDocument, load_text
from naravard.loader.tree import build_tree
from naravard.repository import Repository, shape

_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


@dataclass(frozen=True)
class Change:
    """One value the form changes: its cell, its place in the follow-up, before and after."""

    ref: str
    path: ValuePath
    old: Value
    new: Value


@dataclass
class Update:
    """What reading one form in does: the changes, or the findings that stop it, and the new bytes."""

    form: str
    rel: str | None = None
    changes: list[Change] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    base: Base | None = None
    after: bytes | None = None
    written: bool = False

    @property
    def ok(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)


def plan_update(repo: Repository, filled: FilledForm) -> Update:
    """The follow-up as the form leaves it (nothing is written)."""
    layout = filled.layout
    update = Update(filled.file)
    rel = follow_up_rel(layout.kommun, layout.year)
    if not _ID.match(layout.kommun) or layout.rel != rel:
        update.findings.append(_at_form(filled, codes.NOT_A_FORM, "formuläret gäller ingen uppföljning."))
        return update
    update.rel = rel
    try:
        base = load_base(repo, layout.kommun, layout.year)
    except UsageError as error:  # no strategy or plan for the year, an unknown kommun
        update.findings.append(_at_form(filled, codes.NOT_A_FORM, str(error)))
        return update
    if isinstance(base, list):
        update.findings += base
        update.findings.append(
            _at_form(filled, codes.NOT_A_FORM, f"{rel} har fel och skrivs inte om. Rätta felen först.")
        )
        return update
    update.base = base
    data = load(build_yaml(), base.stored.text)
    before = {f.path: _value(get(data, f.path)) for f in layout.fields}
    changes = _changes(filled, before, update)
    _check_required(filled, data, before, changes, update)
    if update.findings:
        return update
    orders = {
        sheet: [r.id for r in layout.rows if r.sheet == sheet] for sheet in ("Självskattning", "Nyckeltal")
    }
    for change in changes:
        order = orders["Självskattning" if change.path[0] == "sjalvskattning" else "Nyckeltal"]
        put(data, change.path, change.new, order)
    update.changes = changes
    if not changes:
        return update
    text = _comment_gaps(dump(build_yaml(), data), base.stored.text)
    problem = _proven(base.stored.text, text, layout.fields, before, changes)
    if problem:
        update.findings.append(_at_form(filled, codes.NOT_A_FORM, problem))
        return update
    after = base.stored.with_text(text).to_bytes()
    update.findings += _validated(repo, filled, base, after)
    update.after = after
    return update


def write_update(root: Path, update: Update) -> bool:
    """Write the follow-up atomically; False (nothing written) if the file changed since it was read."""
    base = update.base
    if update.after is None or base is None or not update.ok:
        return False
    if base.before is None:
        folder = base.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        if not folder.resolve().is_relative_to(root.resolve()):
            raise OSError(f"{folder} pekar ut ur repositoriet")
        try:
            create_new(base.path, update.after)
        except FileExistsError:
            return False
        return True
    if base.path.read_bytes() != base.before:
        return False
    write_atomic(base.path, update.after)
    return True


def _value(found: Value | Missing) -> Value:
    value = None if isinstance(found, Missing) else found
    stored = storable(value)
    return stored if not isinstance(stored, float) or not stored.is_integer() else int(stored)


def _changes(filled: FilledForm, before: dict[ValuePath, Value], update: Update) -> list[Change]:
    changes = []
    for cell in filled.layout.fields:
        new = filled.values[cell.path]
        if fingerprint(new) == cell.original:
            continue  # the person left it as it was
        current = before[cell.path]
        if current == new:
            continue  # the file already says so
        if fingerprint(current) != cell.original:
            update.findings.append(
                _at(
                    filled,
                    cell,
                    codes.CONFLICT,
                    f"i formuläret står `{_shown(new)}`, men i {filled.layout.rel} har värdet ändrats till "
                    f"`{_shown(current)}` sedan formuläret skapades. Bestäm vilket som gäller, skriv det "
                    "här och läs in igen.",
                )
            )
            continue
        changes.append(Change(cell.ref, cell.path, current, new))
    return changes


def _check_required(
    filled: FilledForm, data: Any, before: dict[ValuePath, Value], changes: list[Change], update: Update
) -> None:
    """Status and score cannot be empty where the follow-up has the entry, or gets it now."""
    after = {**before, **{c.path: c.new for c in changes}}
    changed = {c.path[:2] for c in changes}
    for cell in filled.layout.fields:
        if cell.kind not in (Kind.STATUS, Kind.SCORE) or after[cell.path] is not None:
            continue
        if isinstance(get(data, cell.path), Missing) and cell.path[:2] not in changed:
            continue  # a row that was and stays blank adds nothing
        if cell.kind is Kind.STATUS:
            message = "välj en status i listan: varje aktivitet i uppföljningen har en status."
        else:
            message = "välj en skattning i listan: skattningen saknas."
        update.findings.append(_at(filled, cell, codes.VALUE, message))


def _comment_gaps(text: str, old: str) -> str:
    """Three spaces before the end-of-line comment on a changed line, as the files are written."""
    lines = text.split("\n")
    keep = set(old.split("\n"))
    comments = scan_lines(text)
    for number, line in enumerate(lines):
        column = comments.comment_column(number)
        if column is None or line in keep or not line[:column].strip():
            continue
        content = line[:column].rstrip()
        lines[number] = f"{content}   {line[column:]}"
    return "\n".join(lines)


def _proven(
    old: str, new: str, fields: tuple[Field, ...], before: dict[ValuePath, Value], changes: list[Change]
) -> str | None:
    """Why the new text must not be written (a bug in naravard), or None."""
    if Counter(comment_texts(old)) != Counter(comment_texts(new)):
        return "naravard skrev inte filen: en kommentar skulle ha gått förlorad. Det är ett fel i naravard."
    tree = build_tree(new)
    expected = {**before, **{c.path: c.new for c in changes}}
    if tree.problems or any(_value(get(tree.value, f.path)) != expected[f.path] for f in fields):
        return "naravard skrev inte filen: ett värde blev inte som i formuläret. Det är ett fel i naravard."
    return None


def _validated(repo: Repository, filled: FilledForm, base: Base, after: bytes) -> list[Finding]:
    """validate's errors in the new file that the file did not have, each at the cell it came from."""
    rel = base.rel
    file = classify(repo.root, base.path)
    doc = load_text(rel, after)
    own = list(doc.findings)
    followups = [e for e in repo.followups if e.doc.rel != rel]
    if doc.ok:
        shaped = shape(file, doc)
        if isinstance(shaped, list):
            own += shaped
        else:
            followups.append(shaped)  # type: ignore[arg-type]
    files = repo.files if any(f.rel == rel for f in repo.files) else [*repo.files, file]
    trial = dataclasses.replace(
        repo,
        files=files,
        followups=followups,
        findings=[f for f in repo.findings if f.location.file != rel] + own,
        _followup_index={},
        _plan_index={},
        _index_size=(-1, -1),
    )
    had = (
        Counter((f.code, f.message) for f in repo.findings if f.location.file == rel)
        if base.exists
        else Counter()
    )
    found = [f for f in check(trial) if f.location.file == rel and f.severity is Severity.ERROR]
    new = []
    for finding in found:
        key = (finding.code, finding.message)
        if had[key]:
            had[key] -= 1
            continue
        new.append(_to_cell(filled, doc, finding))
    return new


def _to_cell(filled: FilledForm, doc: SourceDocument, finding: Finding) -> Finding:
    line = finding.location.line
    rel = finding.location.file
    for cell in filled.layout.fields:
        span = doc.spans.get(_yaml_path(doc.value, cell.path))
        if span is not None and line in (span.line, span.key_line):
            return _at(filled, cell, finding.code, f"{finding.message} ({rel}, rad {line})")
    return _at_form(filled, finding.code, f"{rel}:{line}:{finding.location.column}: {finding.message}")


def _yaml_path(data: Any, path: ValuePath) -> tuple[Any, ...]:
    if path[0] == "aktiviteter":
        items = data.get("aktiviteter") if isinstance(data, dict) else None
        for index, item in enumerate(items if isinstance(items, list) else ()):
            if isinstance(item, dict) and item.get("id") == path[1]:
                return ("aktiviteter", index, path[2])
        return path
    if len(path) == 3:
        section = data.get(path[0]) if isinstance(data, dict) else None
        entry = section.get(path[1]) if isinstance(section, dict) else None
        return path if isinstance(entry, dict) else path[:2]
    return path


def _shown(value: Value) -> str:
    return "(tomt)" if value is None else shown(value)


def _at(filled: FilledForm, cell: Field, code: str, message: str) -> Finding:
    return Finding(Location(filled.file, cell.row, cell.column), code, f"{cell.ref}: {message}")


def _at_form(filled: FilledForm, code: str, message: str) -> Finding:
    return Finding(Location(filled.file, 1, 1), code, message)
