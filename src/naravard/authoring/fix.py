"""`naravard fix`: the safe fixes that need no judgement, each shown, nothing else touched.

What to repair comes from the findings of the same checks as validate and lint, from
their fix data (`Finding.fix`, an `Edit`), never from their messages, and from the
parser's own stops (authoring/layout.py). One run goes on until nothing more can be
fixed, so a second run finds nothing (a fix can uncover another: a file that reads at
last shows its misspelt key). What is fixed:

- the layout the parser stops at: a tab as indentation (where only one width reads), a
  non-breaking space, a character with no width, a key glued to its value;
- a misspelt key, id or value with exactly one did-you-mean (`stauts` → `status`), but
  never an id the strategy replaced in a revision: that is `naravard migrate`'s;
- a number written wrong: `52,1` → `52.1`, `2 840` → `2840`, `"3"` → `3`, an invisible
  character in it; an id with capitals (`Ludvika` → `ludvika`); a date `2025-2-7`;
- with `recode`, a file saved as Windows-1252 or UTF-16, converted to UTF-8.

An edit is made only where its old text stands at the start of a value or key at the
finding's position. Only that text changes: every other byte of the file, its comments,
BOM and line endings stay as they were. A fix is kept only when the file still loads
afterwards, the problem it targets is gone (for the format's own checks), no new
format problem appears, and every other value reads as before. Everything is proved in
memory; `write_fixes` then writes each file atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from naravard.atomic import write_atomic
from naravard.authoring.fmt import same_values
from naravard.authoring.layout import repair_layout, scan_scalars
from naravard.authoring.recode import recoded
from naravard.authoring.targets import model_for
from naravard.core import check
from naravard.discover import CONFIG_NAME, iter_data_files, within
from naravard.findings import Finding, Severity
from naravard.loader import MAX_BYTES, load_text
from naravard.loader.codes import YAML_SYNTAX
from naravard.loader.tree import build_tree
from naravard.model.messages import iter_schema_findings
from naravard.repository import load_repository
from naravard.textfile import TextFile

MAX_ROUNDS = 10
"""Rounds of check and fix; each fixes what the one before uncovered (two are usual)."""
_PROOF_BUDGET = 50_000_000
"""Characters re-read per file and round to prove fixes: 1,250 fixes of a 40 KB file, 25 of 2 MB."""


@dataclass(frozen=True)
class Fix:
    """One text to replace: where (1-based, in the text as it was then), old, new, and why."""

    rel: str
    line: int
    column: int
    old: str
    new: str
    code: str
    kind: str


@dataclass(frozen=True)
class FileFixes:
    """One file's fixes, in the order made, its bytes before and after, and its new encoding."""

    rel: str
    made: tuple[Fix, ...]
    before: bytes
    after: bytes
    recoded_from: str | None = None


@dataclass(frozen=True)
class FixRun:
    """What one `fix` run would do: the files it changes and what it leaves for a person."""

    files: tuple[FileFixes, ...] = ()
    left: tuple[Finding, ...] = ()
    """The errors (under the paths) that remain once the fixes are made."""
    not_utf8: tuple[tuple[str, str], ...] = ()
    """Files in another encoding (rel, its name), left because `recode` was not asked for."""


def run_fix(root: Path, paths: Sequence[str] = (), *, recode: bool = False) -> FixRun:
    """Every safe fix under `paths` (repository paths; none: everything), proved in memory."""
    scope = [f.rel for f in iter_data_files(root) if not paths or within(f.rel, paths)]
    if (root / CONFIG_NAME).is_file() and (not paths or within(CONFIG_NAME, paths)):
        scope.append(CONFIG_NAME)
    before: dict[str, bytes] = {}
    current: dict[str, bytes] = {}
    made: dict[str, list[Fix]] = {}
    encodings: dict[str, str] = {}
    not_utf8: list[tuple[str, str]] = []
    disk: dict[str, bytes | None] = {}

    def bytes_of(rel: str) -> bytes | None:
        """The file as the fixes so far leave it (each file read from disk once)."""
        if rel in current:
            return current[rel]
        if rel not in disk:
            disk[rel] = _read(root / rel)
        return disk[rel]

    for rel in scope:
        data = bytes_of(rel)
        if data is None:
            continue
        converted = recoded(data)
        if converted is not None:
            if not recode:
                not_utf8.append((rel, converted.encoding))
                continue
            before[rel], current[rel], encodings[rel] = data, converted.utf8, converted.encoding
            data = converted.utf8
        stored = TextFile.from_bytes(data)
        if not isinstance(stored, TextFile):
            continue
        text, edits = repair_layout(stored.text)
        if edits:
            before.setdefault(rel, data)
            current[rel] = stored.with_text(text).to_bytes()
            made[rel] = [Fix(rel, e.line, e.column, e.old, e.new, YAML_SYNTAX.code, e.kind) for e in edits]
    inside = frozenset(scope)
    left: list[Finding] = []
    for _ in range(MAX_ROUNDS):
        findings = check(load_repository(root, overrides=current), warnings=True)
        left = [f for f in findings if f.severity is Severity.ERROR and f.location.file in inside]
        changed = False
        for rel, group in sorted(_proposed(findings, inside, bytes_of).items()):
            data = bytes_of(rel)
            if data is None:
                continue
            outcome = _prove(root, rel, data, group)
            if outcome.made:
                before.setdefault(rel, data)
                current[rel] = outcome.after
                made.setdefault(rel, []).extend(outcome.made)
                changed = True
        if not changed:
            break
    files = tuple(
        FileFixes(rel, tuple(made.get(rel, ())), before[rel], current[rel], encodings.get(rel))
        for rel in sorted(current)
        if current[rel] != before[rel]
    )
    return FixRun(files, tuple(left), tuple(not_utf8))


def _read(path: Path) -> bytes | None:
    if path.is_symlink():
        return None  # writing would replace the link with a file
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= MAX_BYTES else None


def _proposed(
    findings: Sequence[Finding], scope: frozenset[str], bytes_of: Callable[[str], bytes | None]
) -> dict[str, list[Fix]]:
    """The fixes the findings propose, where their old text stands at the start of a value or key."""
    fixes: dict[str, dict[tuple[int, int], Fix]] = {}
    starts: dict[str, dict[tuple[int, int], str]] = {}
    for finding in findings:
        edit = finding.fix
        rel, line, column = finding.location.file, finding.location.line, finding.location.column
        if edit is None or edit.old == edit.new or rel not in scope:
            continue
        if rel not in starts:
            data = bytes_of(rel)
            starts[rel] = _scalar_starts(data) if data is not None else {}
        if not starts[rel].get((line, column), "").startswith(edit.old):
            continue  # the text there spans lines, or is another than the finding's
        fixes.setdefault(rel, {}).setdefault(
            (line, column), Fix(rel, line, column, edit.old, edit.new, finding.code, edit.kind)
        )
    return {rel: sorted(group.values(), key=lambda f: (f.line, f.column)) for rel, group in fixes.items()}


def _scalar_starts(data: bytes) -> dict[tuple[int, int], str]:
    """Where each value or key on one line starts (1-based), with the rest of its line."""
    stored = TextFile.from_bytes(data)
    if not isinstance(stored, TextFile):
        return {}
    scanned = scan_scalars(stored.text)
    if scanned.stopped is not None:
        return {}
    lines = stored.text.split("\n")
    return {
        (line + 1, column + 1): lines[line][column:] if line < len(lines) else ""
        for (line, column), (end_line, _) in scanned.spans
        if line == end_line
    }


@dataclass(frozen=True)
class _Proved:
    made: tuple[Fix, ...]
    after: bytes


def _prove(root: Path, rel: str, data: bytes, group: Sequence[Fix]) -> _Proved:
    """Apply a file's fixes to its text in memory, keeping only those that prove safe."""
    stored = TextFile.from_bytes(data)
    if not isinstance(stored, TextFile):
        return _Proved((), data)
    _, model = model_for(root, root / rel)
    lines = stored.text.split("\n")
    problems = _problems(rel, stored.text, model)
    made = []
    proofs = max(1, _PROOF_BUDGET // max(len(stored.text), 1))  # the rest: proposed in the next round
    # From the end of the file, so that an edit never moves a position still to be used.
    for fix in sorted(group[:proofs], key=lambda f: (f.line, f.column), reverse=True):
        candidate = _edited(lines, fix)
        after = _problems(rel, "\n".join(candidate), model) if candidate is not None else None
        if (
            candidate is not None
            and after is not None
            and problems is not None
            and _safe(fix, problems, after)
        ):
            lines, problems = candidate, after
            made.append(fix)
    if made and not _only_fixed(rel, data, "\n".join(lines), made):
        return _Proved((), data)
    return _Proved(tuple(reversed(made)), stored.with_text("\n".join(lines)).to_bytes())


def _only_fixed(rel: str, before: bytes, text: str, made: Sequence[Fix]) -> bool:
    """Re-read the fixed text, as fmt does: the old values with only the fixed ones changed.

    A fix that joins two values into one (`{varde: 50,2}` → `50.2`: YAML had read `50` and a
    key `2`) takes out what stood inside its old text.
    """
    old = load_text(rel, before)
    new = build_tree(text)
    if old.findings or new.problems:
        return False
    at = {(f.line, f.column): f.new for f in made}

    def inside(line: int, column: int) -> bool:
        return any(f.line == line and f.column < column < f.column + len(f.old) for f in made)

    def expected(value: Any, path: tuple[Any, ...]) -> Any:
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                span = old.spans.get((*path, key))
                new_key = key
                if span is not None and inside(span.key_line, span.key_column):
                    continue
                if span is not None and (span.key_line, span.key_column) in at:
                    new_key = _read_as(at.pop((span.key_line, span.key_column)))
                out[new_key] = expected(item, (*path, key))
            return out
        if isinstance(value, list):
            return [expected(item, (*path, n)) for n, item in enumerate(value)]
        span = old.spans.get(path)
        if span is not None and (span.line, span.column) in at:
            return _read_as(at.pop((span.line, span.column)))
        return value

    wanted = expected(old.value, ())
    return not at and same_values(wanted, new.value)


def _read_as(text: str) -> Any:
    """What YAML reads the new text of a fix as: `2840` a number, `"65"` a text, `[falun]` a list."""
    tree = build_tree(text)
    return tree.value if not tree.problems else _UNREADABLE


_UNREADABLE = object()


def _edited(lines: list[str], fix: Fix) -> list[str] | None:
    index, start = fix.line - 1, fix.column - 1
    if not 0 <= index < len(lines) or lines[index][start : start + len(fix.old)] != fix.old:
        return None
    changed = list(lines)
    changed[index] = lines[index][:start] + fix.new + lines[index][start + len(fix.old) :]
    return changed


def _problems(rel: str, text: str, model: type[BaseModel] | None) -> set[tuple[str, int]] | None:
    """(code, line) of every format problem of the text; None when it does not even load."""
    doc = load_text(rel, text.encode("utf-8"))
    if doc.findings:
        return None
    if model is None:
        return set()
    try:
        model.model_validate(doc.value)
    except ValidationError as error:
        return {(f.code, f.location.line) for f in iter_schema_findings(doc, model, error)}
    return set()


def _safe(fix: Fix, before: set[tuple[str, int]], after: set[tuple[str, int]]) -> bool:
    if not after <= before:
        return False  # the fix would make a new problem
    return (fix.code, fix.line) not in after


def write_fixes(root: Path, outcome: FileFixes) -> bool:
    """Write a file's fixes atomically; False (nothing written) if the file changed meanwhile."""
    path = root / outcome.rel
    try:
        if path.read_bytes() != outcome.before:
            return False
    except OSError:
        return False
    write_atomic(path, outcome.after, root=root)
    return True
