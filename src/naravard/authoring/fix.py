"""`naravard fix`: the safe fixes that need no judgement, each shown, nothing else touched.

What to repair comes from the findings of the same checks as validate and lint,
from their fix data (`Finding.fix`, an `Edit`), never from their messages. Two kinds
exist today:

- a misspelt key, id or value with exactly one did-you-mean:
  `stauts` → `status`, `halsokafe` → `halsocafe`, `pagande` → `pagaende`;
- a decimal comma in a number: `52,1` → `52.1`.

An edit is made only where its old text stands as a plain word at the finding's
position. Only the word itself changes, in the text: every other byte of the file, its
comments, BOM and line endings stay as they were. A fix is kept only when the
file still loads afterwards, the problem it targets is gone (for the format's
own checks) and no new format problem appears. Then the file is written
atomically.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from naravard.atomic import write_atomic
from naravard.authoring.fmt import same_values
from naravard.authoring.targets import model_for
from naravard.core import check
from naravard.discover import within
from naravard.findings import FixKind
from naravard.loader import MAX_BYTES, load_text
from naravard.loader.breaks import parser_positions
from naravard.loader.tree import build_tree, resolve_plain
from naravard.loader.yamlc import CSafeLoader as _Loader
from naravard.model.messages import iter_schema_findings
from naravard.repository import Repository
from naravard.textfile import TextFile

SPELLING = FixKind.SPELLING
DECIMAL = FixKind.DECIMAL


@dataclass(frozen=True)
class Fix:
    """One word to replace: where (1-based), what stands there, what it becomes, and why."""

    rel: str
    line: int
    column: int
    old: str
    new: str
    code: str
    kind: str


def find_fixes(repo: Repository, paths: Sequence[str] = ()) -> list[Fix]:
    """The safe fixes for what validate and lint find (only in files under `paths`, if given)."""
    fixes: dict[tuple[str, int, int], Fix] = {}
    words: dict[str, dict[tuple[int, int], str]] = {}
    for finding in check(repo, warnings=True):
        edit = finding.fix
        rel, line, column = finding.location.file, finding.location.line, finding.location.column
        if edit is None or edit.old == edit.new or (paths and not within(rel, paths)):
            continue
        if rel not in words:
            words[rel] = _plain_words(repo.root / rel)
        if words[rel].get((line, column)) != edit.old:
            continue  # the word there is quoted, spans lines, or is another than the finding's
        fix = Fix(rel, line, column, edit.old, edit.new, finding.code, edit.kind)
        fixes.setdefault((rel, line, column), fix)
    return sorted(fixes.values(), key=lambda f: (f.rel, f.line, f.column))


def _plain_words(path: Path) -> dict[tuple[int, int], str]:
    """Every plain scalar that stands on one line, by its 1-based line and column."""
    stored = _read(path)
    if stored is None:
        return {}
    found = {}
    real = parser_positions(stored.text)
    try:
        for token in yaml.scan(stored.text, Loader=_Loader):
            start, end = token.start_mark, token.end_mark
            if isinstance(token, yaml.ScalarToken) and token.plain and start.line == end.line:
                line, column = (start.line, start.column) if real is None else real(start.line, start.column)
                found[(line + 1, column + 1)] = token.value
    except yaml.YAMLError:
        return {}
    return found


def _read(path: Path) -> TextFile | None:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError:
        return None
    stored = TextFile.from_bytes(data)
    return stored if isinstance(stored, TextFile) and len(data) <= MAX_BYTES else None


@dataclass(frozen=True)
class FileFixes:
    """One file's fixes: those made, those left because they did not prove safe, and its bytes."""

    rel: str
    made: tuple[Fix, ...]
    left: tuple[Fix, ...]
    before: bytes
    after: bytes


def plan_fixes(root: Path, fixes: Sequence[Fix]) -> list[FileFixes]:
    """Apply the fixes to each file's text in memory, keeping only those that prove safe."""
    by_file: dict[str, list[Fix]] = defaultdict(list)
    for fix in fixes:
        by_file[fix.rel].append(fix)
    outcomes = []
    for rel, group in sorted(by_file.items()):
        path = root / rel
        if path.is_symlink():
            continue  # writing would replace the link with a file
        try:
            before = path.read_bytes()
        except OSError:
            continue
        stored = TextFile.from_bytes(before)
        if not isinstance(stored, TextFile):
            continue
        _, model = model_for(root, path)
        lines = stored.text.split("\n")
        problems = _problems(rel, stored.text, model)
        made, left = [], []
        # From the end of the file, so that an edit never moves a position still to be used.
        for fix in sorted(group, key=lambda f: (f.line, f.column), reverse=True):
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
            else:
                left.append(fix)
        if made and not _only_fixed(rel, before, "\n".join(lines), made):
            made, left, lines = [], [*made, *left], stored.text.split("\n")
        after_bytes = stored.with_text("\n".join(lines)).to_bytes()
        outcomes.append(FileFixes(rel, tuple(reversed(made)), tuple(reversed(left)), before, after_bytes))
    return outcomes


def _only_fixed(rel: str, before: bytes, text: str, made: Sequence[Fix]) -> bool:
    """Re-read the fixed text, as fmt does: the old values with only the fixed words changed."""
    old = load_text(rel, before)
    new = build_tree(text)
    if old.findings or new.problems:
        return False
    at = {(f.line, f.column): f.new for f in made}

    def expected(value: Any, path: tuple[Any, ...]) -> Any:
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                span = old.spans.get((*path, key))
                new_key = key
                if span is not None and (span.key_line, span.key_column) in at:
                    new_key = resolve_plain(at.pop((span.key_line, span.key_column)))
                out[new_key] = expected(item, (*path, key))
            return out
        if isinstance(value, list):
            return [expected(item, (*path, n)) for n, item in enumerate(value)]
        span = old.spans.get(path)
        if span is not None and (span.line, span.column) in at:
            return resolve_plain(at.pop((span.line, span.column)))
        return value

    wanted = expected(old.value, ())
    return not at and same_values(wanted, new.value)


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
    if not outcome.made:
        return False
    path = root / outcome.rel
    try:
        if path.read_bytes() != outcome.before:
            return False
    except OSError:
        return False
    write_atomic(path, outcome.after, root=root)
    return True
